"""Partitions of the cluster engine read back exactly what the local reader reads (#14)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.partitions import Partition, plan_partitions, read_partition
from dyad.readers import STDIN, FileReport, ReadOptions, read_paths
from dyad.records import Problem, RawDocument

OPTIONS = ReadOptions(max_bytes=1_000_000)
IDENTITY = ("test-pipeline",)
BODY = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss "
    "fishing rights along their maritime border, officials said."
)


def _jsonl(path: Path, count: int) -> Path:
    lines = [
        json.dumps({"id": f"doc-{n}", "text": f"{BODY} ({n})"}) for n in range(count)
    ]
    lines[2] = "{broken json"
    lines[4] = ""
    lines[5] = json.dumps({"id": "no-text"})
    lines.append("last line without newline")
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def _warc_record(url: str, text: str, kind: str = "text/html") -> bytes:
    html = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    block = f"HTTP/1.0 200 OK\r\nContent-Type: {kind}\r\n\r\n{html}".encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _warc(path: Path, count: int, *, gzipped: bool) -> Path:
    records = [
        _warc_record(
            f"https://example.org/w{n}",
            f"{BODY} ({n})",
            "image/png" if n == 3 else "text/html",
        )
        for n in range(count)
    ]
    pack = gzip.compress if gzipped else bytes
    path.write_bytes(b"".join(pack(r) for r in records))
    return path


def _split(
    items: list[RawDocument | FileReport],
) -> tuple[list[RawDocument], list[Problem]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [p for i in items if isinstance(i, FileReport) for p in i.problems]
    return docs, problems


def _read_back(partitions: list[Partition]) -> list[RawDocument | FileReport]:
    return [item for p in partitions for item in read_partition(p, options=OPTIONS)]


def _plan(paths: list[Path], size: int) -> list[Partition]:
    return list(plan_partitions(paths, size=size, identity=IDENTITY))


@pytest.mark.issue(14)
@pytest.mark.parametrize("size", [1, 3, 4, 100], ids=lambda s: f"size-{s}")
def test_jsonl_partitions_read_what_the_file_reader_reads(
    tmp_path: Path, size: int
) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 10)
    partitions = _plan([path], size)
    assert len(partitions) == -(-11 // size)  # 11 lines, the blank one included
    assert _split(_read_back(partitions)) == _split(
        list(read_paths([path], options=OPTIONS))
    )


@pytest.mark.issue(14)
def test_jsonl_partitions_apply_the_size_limit_and_problem_codes_of_the_file_reader(
    tmp_path: Path,
) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 6)
    lines = path.read_bytes().split(b"\n")
    lines[3] = json.dumps({"id": "long", "text": BODY * 20}).encode("utf-8")
    path.write_bytes(b"\n".join(lines))
    small = ReadOptions(max_bytes=1_000)
    parts = [
        item
        for p in _plan([path], 2)
        for item in read_partition(p, options=small)
    ]
    local = list(read_paths([path], options=small))
    assert _split(parts) == _split(local)
    codes = [p.code for p in _split(parts)[1]]
    assert "input.too_large" in codes


@pytest.mark.issue(14)
@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_partitions_read_what_the_file_reader_reads(
    tmp_path: Path, gzipped: bool
) -> None:
    path = _warc(tmp_path / ("c.warc.gz" if gzipped else "c.warc"), 7, gzipped=gzipped)
    partitions = _plan([path], 2)
    assert [p.first for p in partitions] == [1, 3, 5, 7]
    docs, problems = _split(_read_back(partitions))
    assert (docs, problems) == _split(list(read_paths([path], options=OPTIONS)))
    assert [d.origin for d in docs][-1] == f"{path}#record-7"
    assert len(docs) == 6  # the image record is not a page


@pytest.mark.issue(14)
def test_whole_files_are_grouped_in_input_order(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "d.txt"):
        (tmp_path / name).write_text(f"{BODY} {name}", encoding="utf-8")
    _jsonl(tmp_path / "c.jsonl", 6)
    partitions = _plan([tmp_path], 2)
    assert [(p.kind, [Path(x).name for x in p.paths]) for p in partitions] == [
        ("files", ["a.txt", "b.txt"]),
        ("lines", ["c.jsonl"]),
        ("lines", ["c.jsonl"]),
        ("lines", ["c.jsonl"]),
        ("lines", ["c.jsonl"]),
        ("files", ["d.txt"]),
    ]
    assert [p.position for p in partitions] == list(range(6))
    assert _split(_read_back(partitions)) == _split(
        list(read_paths([tmp_path], options=OPTIONS))
    )


@pytest.mark.issue(14)
def test_appending_to_a_file_keeps_the_ids_of_its_full_partitions(
    tmp_path: Path,
) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 10)
    before = [p.partition_id for p in _plan([path], 4)]
    with path.open("ab") as out:
        out.write(b"\n" + json.dumps({"id": "new", "text": BODY}).encode())
    after = [p.partition_id for p in _plan([path], 4)]
    assert after[:2] == before[:2]
    assert after[2] != before[2]
    assert [p.partition_id for p in _plan([path], 4)] == after  # stable


@pytest.mark.issue(14)
def test_partition_ids_change_with_the_pipeline(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 6)
    ids = {
        p.partition_id
        for identity in (("v1",), ("v2",))
        for p in plan_partitions([path], size=10, identity=identity)
    }
    assert len(ids) == 2


@pytest.mark.issue(14)
def test_standard_input_cannot_be_partitioned() -> None:
    with pytest.raises(InputError, match="use --engine local"):
        _plan([STDIN], 10)
