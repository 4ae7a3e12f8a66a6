"""Arbitrary bytes through every reader: documents and problems, never an exception."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.readers import FileReport, ReadOptions, read_paths
from dyad.records import RawDocument

from .conftest import FUZZ, count_case

pytestmark = [pytest.mark.issue(12), pytest.mark.fuzz]

OPTIONS = ReadOptions(max_bytes=20_000)
SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".rss", ".xml", ".warc", ".arc", ".bin"]
# Byte soup that reaches deeper parser states than uniform noise does.
FRAGMENTS = st.sampled_from(
    [
        b"<html><body><p>",
        b"</p></body></html>",
        b'{"text": "',
        b'", "url": "http://[::1", "date": "0001-01-01"}\n',
        b"[[[[[[[[",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
        b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n",
        b'<?xml version="1.0"?><rss><channel><item><link>',
        b"</link><description>",
        b"\x1f\x8b\x08\x00",
        b"\xff\xfe\x00",
        b"Ministers met in Geneva on Monday. ",
    ]
)
DATA = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.one_of(FRAGMENTS, st.binary(max_size=40)), max_size=40).map(b"".join),
)


def _read_all(path: Path) -> tuple[list[RawDocument], list[FileReport]]:
    docs: list[RawDocument] = []
    reports: list[FileReport] = []
    for item in read_paths([path], options=OPTIONS):
        (reports if isinstance(item, FileReport) else docs).append(item)
    return docs, reports


def _check(path: Path) -> None:
    docs, reports = _read_all(path)
    assert len(reports) == 1  # every file is closed by its report
    assert reports[0].documents == len(docs)
    assert all(doc.text.strip() for doc in docs)
    assert all(p.code.startswith("input.") for p in reports[0].problems)


@FUZZ
@given(data=DATA, suffix=st.sampled_from(SUFFIXES), zipped=st.booleans())
def test_any_bytes_in_any_format_give_documents_or_problems(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, zipped: bool
) -> None:
    count_case("reader bytes")
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / ("input" + suffix + (".gz" if zipped else ""))
    path.write_bytes(gzip.compress(data, mtime=0) if zipped else data)
    _check(path)


@FUZZ
@given(data=DATA, keep=st.floats(min_value=0.0, max_value=1.0))
def test_a_cut_gzip_file_gives_documents_or_problems(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, keep: float
) -> None:
    count_case("reader truncated gzip")
    packed = gzip.compress(data, mtime=0)
    path = tmp_path_factory.mktemp("fuzz") / "cut.jsonl.gz"
    path.write_bytes(packed[: int(len(packed) * keep)])
    _check(path)


RECORD_VALUES = st.one_of(
    st.none(),
    st.text(max_size=200),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=5), max_size=3),
)


@FUZZ
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "id": RECORD_VALUES,
                "url": RECORD_VALUES,
                "date": RECORD_VALUES,
                "title": RECORD_VALUES,
                "source": RECORD_VALUES,
                "text": RECORD_VALUES,
            },
        ),
        max_size=6,
    )
)
def test_any_json_records_give_documents_or_problems(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]]
) -> None:
    count_case("reader jsonl records")
    path = tmp_path_factory.mktemp("fuzz") / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    docs, reports = _read_all(path)
    with_text = [
        r for r in records if isinstance(r.get("text"), str) and r["text"].strip()
    ]
    assert len(docs) == len(with_text)  # no good record lost
    assert len(docs) + len(reports[0].problems) >= len(records)
