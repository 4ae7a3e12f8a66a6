"""Partitions of the input for the cluster engine (#14), found by a cheap scan.

A partition is about ``size`` documents: a range of lines of a JSONL file, a range of
records of a WARC archive, or a group of whole files (text, HTML, feeds, gzip, JSON).
The driver finds partitions by scanning bytes (line ends, WARC record headers) and
hashing them as they stream past; it never decodes or parses a document and holds one
line or record header at a time. A worker reads a partition back with
``read_partition``, which yields what ``stages.ingest.read_paths`` would yield for the
same documents: the same ``origin`` (``file#line``, ``file#record-N``), the same
problems, and one ``FileReport`` per file or per range of a file.

A partition's id hashes its bytes with what reads them (pipeline version, read options,
file name, first line), so a partition already in the lake is found again by id.
"""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dyad import ids
from dyad import readers as ingest
from dyad.errors import InputError
from dyad.readers import parsing as fmt
from dyad.readers.builtin import read_json_lines
from dyad.readers.warc import warc_pages
from dyad.records import Problem, RawDocument

VERSION = "partitions.v1"
# Documents per partition unless --partition-size says otherwise. A partition is one Dask
# task and one Parquet file per table: 50 keeps the per-partition cost (a private store,
# ten small files, ~0.2 s) near 3% of coding it (~6 s at 8 articles/s) and leaves
# enough partitions to keep every worker busy on a few hundred articles; for backfills
# of millions, 1,000 or more keeps the lake's file count down (docs/scale.md).
PARTITION_SIZE = 50
_LINES, _RECORDS, _FILES = "lines", "records", "files"
_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True, kw_only=True)
class Partition:
    """One unit of work: where its documents are, and the id of its lake files.

    ``kind`` is ``lines`` (bytes ``[start, end)`` of a JSONL file, first line number
    ``first``), ``records`` (bytes ``[start, end)`` of a WARC archive, first record
    number ``first``) or ``files`` (every file of ``paths`` whole). ``position`` is its
    place in input order: of two partitions holding one article id, the later wins (it
    holds the fuller copy of an article first read earlier, ``engines.copies``).
    """

    partition_id: str
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: int = 0
    first: int = 1
    documents: int
    position: int


def _split_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return _RECORDS
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return _LINES
    return _FILES


def plan_partitions(
    paths: Iterable[Path], *, size: int, identity: tuple[object, ...]
) -> Iterator[Partition]:
    """Yield the partitions of every file under ``paths``, in input order.

    ``identity`` (pipeline version, read options) goes into every partition id.

    Raises:
        InputError: a path does not exist, or is standard input (which cannot be split).
    """
    group: list[Path] = []
    position = 0
    for path in ingest.iter_files(paths):
        if path == ingest.STDIN:
            raise InputError(
                "-: standard input cannot be partitioned; use --engine local"
            )
        kind = _split_kind(path)
        if kind == _FILES:
            group.append(path)
            if len(group) < size:
                continue
            found: Iterable[_Span] = [_files_span(group, identity)]
            group = []
        else:
            found = _spans_of(path, kind, size, identity)
            if group:
                found = [_files_span(group, identity), *found]
                group = []
        for span in found:
            yield span.partition(position)
            position += 1
    if group:
        yield _files_span(group, identity).partition(position)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Span:
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: int = 0
    first: int = 1
    documents: int
    digest: str
    identity: tuple[object, ...]

    def partition(self, position: int) -> Partition:
        header = (*self.identity, VERSION, self.kind, *self.paths, self.first)
        return Partition(
            partition_id=ids.partition_id(header, self.digest),
            kind=self.kind,
            paths=self.paths,
            start=self.start,
            end=self.end,
            first=self.first,
            documents=self.documents,
            position=position,
        )


def _files_span(group: list[Path], identity: tuple[object, ...]) -> _Span:
    digest = hashlib.blake2b(digest_size=16)
    for path in group:
        digest.update(str(path).encode("utf-8") + b"\x1f")
        try:
            with path.open("rb") as stream:
                while block := stream.read(_BLOCK):
                    digest.update(block)
        except OSError as e:  # the worker's reader turns it into the local problem row
            digest.update(f"unreadable:{e.errno}".encode())
        digest.update(b"\x1e")
    return _Span(
        kind=_FILES,
        paths=tuple(str(p) for p in group),
        documents=len(group),
        digest=digest.hexdigest(),
        identity=identity,
    )


def _spans_of(
    path: Path, kind: str, size: int, identity: tuple[object, ...]
) -> list[_Span]:
    try:
        if kind == _LINES:
            return list(_line_spans(path, size, identity))
        return list(_record_spans(path, size, identity))
    except OSError:  # cannot be scanned: read it whole, as locally, problem and all
        return [_files_span([path], identity)]


def _line_spans(path: Path, size: int, identity: tuple[object, ...]) -> Iterator[_Span]:
    """Cut a JSONL file after every ``size`` lines (blank lines count, as locally)."""
    start = offset = 0
    first = number = 1
    lines = 0
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as stream:
        for line in stream:
            digest.update(line)
            offset += len(line)
            lines += 1
            number += 1
            if lines == size:
                yield _Span(kind=_LINES, paths=(str(path),), start=start, end=offset,
                            first=first, documents=lines, digest=digest.hexdigest(),
                            identity=identity)  # fmt: skip
                start, first, lines = offset, number, 0
                digest = hashlib.blake2b(digest_size=16)
    if lines or start == 0:
        yield _Span(kind=_LINES, paths=(str(path),), start=start, end=offset,
                    first=first, documents=lines, digest=digest.hexdigest(),
                    identity=identity)  # fmt: skip


def _record_spans(
    path: Path, size: int, identity: tuple[object, ...]
) -> Iterator[_Span]:
    """Cut a WARC archive after every ``size`` records, at record boundaries."""
    offsets = _record_offsets(path)
    if offsets is None:  # not a readable archive: the worker reports it like locally
        yield _files_span([path], identity)
        return
    total = path.stat().st_size
    bounds = [*offsets[::size], total] if offsets else [0, total]
    for n, (start, end) in enumerate(itertools.pairwise(bounds)):
        yield _Span(
            kind=_RECORDS,
            paths=(str(path),),
            start=start,
            end=end,
            first=n * size + 1,
            documents=min(size, max(len(offsets) - n * size, 0)),
            digest=_range_digest(path, start, end),
            identity=identity,
        )


def _record_offsets(path: Path) -> list[int] | None:
    """Return the byte offset of every record, or None when the archive is unreadable."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found: list[int] = []
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for _record in records:  # headers only: the payload is skipped unread
                found.append(records.get_record_offset())
    except (ArchiveLoadFailed, EOFError, ValueError):
        return None
    return found


def _range_digest(path: Path, start: int, end: int) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as stream:
        stream.seek(start)
        left = end - start
        while left > 0 and (block := stream.read(min(_BLOCK, left))):
            digest.update(block)
            left -= len(block)
    return digest.hexdigest()


# ---- reading a partition back (on a worker) -------------------------------------------


def read_partition(
    partition: Partition, *, options: ingest.ReadOptions
) -> Iterator[RawDocument | ingest.FileReport]:
    """Yield the documents of ``partition`` and a report closing each file or range."""
    if partition.kind == _FILES:
        for name in partition.paths:
            yield from ingest.read_file(Path(name), options=options)
        return
    origin = partition.paths[0]
    problems: list[Problem] = []
    count = 0
    try:
        for item in _read_range(partition, origin, options):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                count += 1
                yield item
    except OSError as e:
        problems.append(fmt.problem("input.malformed", f"{origin}: cannot read: {e}"))
    yield ingest.FileReport(origin=origin, documents=count, problems=tuple(problems))


def _read_range(
    partition: Partition, origin: str, options: ingest.ReadOptions
) -> Iterator[RawDocument | Problem]:
    with Path(origin).open("rb") as stream:
        stream.seek(partition.start)
        data = stream.read(partition.end - partition.start)
    if partition.kind == _LINES:
        yield from _jsonl_documents(data, origin, partition.first, options)
    else:
        yield from _warc_documents(data, origin, partition.first, options)


def _jsonl_documents(
    data: bytes, origin: str, first: int, options: ingest.ReadOptions
) -> Iterator[RawDocument | Problem]:
    """Read JSONL lines numbered from ``first`` with the local reader's own loop."""
    yield from read_json_lines(io.BytesIO(data), origin, options, first=first)


def _warc_documents(
    data: bytes, origin: str, first: int, options: ingest.ReadOptions
) -> Iterator[RawDocument | Problem]:
    """Read WARC records numbered from ``first``, exactly as the local reader does."""
    try:
        for page in _warc_pages(io.BytesIO(data), origin, first):
            if isinstance(page, Problem):
                yield page
                continue
            where, url, body = page
            try:
                yield ingest.read_document(
                    body, origin=where, max_bytes=options.max_bytes, url=url or None
                )
            except ingest.UnreadableInput as e:
                yield fmt.problem(e.code, str(e))
            except InputError as e:
                yield fmt.problem("input.malformed", str(e))
    except InputError as e:
        yield fmt.problem("input.malformed", str(e))


def _warc_pages(
    stream: IO[bytes], origin: str, first: int
) -> Iterator[tuple[str, str, bytes] | Problem]:
    for item in warc_pages(stream, origin=origin):
        if isinstance(item, Problem):  # a cut record: numbered within this range
            yield item
            continue
        where, url, body = item
        number = int(where.rsplit("#record-", 1)[1]) + first - 1
        yield f"{origin}#record-{number}", url, body
