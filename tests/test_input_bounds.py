"""Readers are bounded and total: every bad record is a problem, the rest is read (#12)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyad import ids
from dyad.readers import FileReport, ReadOptions, read_paths
from dyad.records import Problem, RawDocument

pytestmark = pytest.mark.issue(12)

OPTIONS = ReadOptions(max_bytes=100_000)
BODY = (
    "The two foreign ministers met in Jakarta on Tuesday and agreed to resume talks "
    "on fishing rights, officials said. "
) * 3
BAD_URL = "http://[::1"


def _read(path: Path) -> tuple[list[RawDocument], list[Problem]]:
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    for item in read_paths([path], options=OPTIONS):
        if isinstance(item, FileReport):
            problems.extend(item.problems)
        else:
            docs.append(item)
    return docs, problems


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _record(number: int, **fields: object) -> str:
    return json.dumps({"id": f"doc-{number}", "text": f"{number}. {BODY}", **fields})


def test_deeply_nested_line_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    nested = "[" * 20_000 + "]" * 20_000
    lines = [_record(1), nested, _record(3)]
    docs, problems = _read(_jsonl(tmp_path / "n.jsonl", lines))
    assert [d.doc_id for d in docs] == ["doc-1", "doc-3"]
    assert [p.code for p in problems] == ["input.too_deep"]
    assert "n.jsonl#2" in problems[0].message


def test_oversized_jsonl_record_is_refused_not_cut(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "word " * 40_000})
    docs, problems = _read(_jsonl(tmp_path / "b.jsonl", [_record(1), big, _record(3)]))
    assert [d.doc_id for d in docs] == ["doc-1", "doc-3"]
    assert [p.code for p in problems] == ["input.too_large"]
    assert "b.jsonl#2" in problems[0].message


def test_oversized_record_in_gzip_jsonl_is_refused(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "word " * 40_000})
    path = tmp_path / "b.jsonl.gz"
    path.write_bytes(gzip.compress(f"{big}\n{_record(2)}\n".encode()))
    docs, problems = _read(path)
    assert [d.doc_id for d in docs] == ["doc-2"]
    assert [p.code for p in problems] == ["input.too_large"]


def test_bad_jsonl_url_is_dropped_with_a_problem(tmp_path: Path) -> None:
    docs, problems = _read(_jsonl(tmp_path / "u.jsonl", [_record(1, url=BAD_URL)]))
    assert [(d.doc_id, d.url) for d in docs] == [("doc-1", None)]
    assert [p.code for p in docs[0].problems] == ["input.bad_url"]
    assert problems == []


def test_bad_canonical_link_is_ignored(tmp_path: Path) -> None:
    page = (
        f'<!DOCTYPE html><html><head><link rel="canonical" href="{BAD_URL}">'
        f"<title>Talks</title></head><body><article><p>{BODY}</p></article>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    docs, problems = _read(path)
    assert len(docs) == 1
    assert docs[0].url is None
    assert problems == []


def test_bad_rss_link_keeps_the_item_without_url(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        f"<item><title>One</title><link>{BAD_URL}</link>"
        f"<description>{BODY}</description></item></channel></rss>"
    )
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    docs, problems = _read(path)
    assert [(d.title, d.url) for d in docs] == [("One", None)]
    assert problems == []


@pytest.mark.parametrize(
    "url", [BAD_URL, "http://host:port/x", "http://[zz]/", " ", "::::"]
)
def test_canonical_url_never_raises(url: str) -> None:
    assert isinstance(ids.canonical_url(url), str)
    assert ids.article_id(url=url, text="x").startswith("u")


def _warc_record(number: int) -> bytes:
    html = f"<html><body><article><p>{number}. {BODY}</p></article></body></html>"
    block = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html.encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: https://example.org/{number}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        "WARC-Date: 2024-03-05T10:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _warc(pages: int, *, gz: bool) -> bytes:
    """Return a WARC archive of ``pages`` HTML responses (gzip: one member each)."""
    records = [_warc_record(n) for n in range(pages)]
    return b"".join(gzip.compress(r, mtime=0) if gz else r for r in records)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_whole_records_and_names_the_cut_one(
    tmp_path: Path, gz: bool
) -> None:
    data = _warc(3, gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - 120])
    docs, problems = _read(path)
    assert [d.url for d in docs] == ["https://example.org/0", "https://example.org/1"]
    assert [p.code for p in problems] == ["input.truncated"]
    assert "#record-3" in problems[0].message


def test_whole_warc_reads_every_record_without_problems(tmp_path: Path) -> None:
    path = tmp_path / "ok.warc.gz"
    path.write_bytes(_warc(3, gz=True))
    docs, problems = _read(path)
    assert len(docs) == 3
    assert problems == []


@pytest.mark.parametrize(
    "data",
    [b"this is not a warc archive\n" * 40, bytes(range(256)) * 8, b"WARC/1.0\r\n"],
    ids=["text", "bytes", "header-only"],
)
def test_garbage_warc_is_a_problem(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.warc"
    path.write_bytes(data)
    docs, problems = _read(path)
    assert docs == []
    assert len(problems) == 1
    assert problems[0].code in {"input.malformed", "input.truncated"}
    assert "garbage.warc" in problems[0].message


@pytest.mark.model
def test_extract_with_a_bad_url_and_date_gives_a_record_with_problems(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from dyad.cli import cli

    path = tmp_path / "a.txt"
    path.write_text(
        "Officials of Kenya and Ethiopia met in Addis Ababa.", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["extract", str(path), "--url", BAD_URL, "--date", "9999-12-31"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["url"] is None
    assert data["article"]["published"] is None
    codes = {p["code"] for p in data["problems"]}
    assert {"input.bad_url", "clean.date_out_of_range"} <= codes
