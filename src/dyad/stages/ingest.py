"""Readers: turn bytes from files, stdin and archives into ``RawDocument``s.

Decoding is strict about what cannot be text (binary data, oversized input) and lenient
about what can be salvaged (wrong encodings become a problem, not a crash).
``read_paths`` walks files and folders (recursively, in sorted order) and streams one
document at a time; a file that cannot be read, or a bad record inside one, becomes a
``Problem`` in the ``FileReport`` that closes each file, and reading goes on.
Formats: plain text, HTML, JSONL/JSON, RSS/Atom, WARC, and gzip of any of them.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from dyad.errors import InputError
from dyad.records import Problem, RawDocument
from dyad.stages import ingest_formats as fmt

VERSION = "ingest.v1"
# Share of NUL/control bytes above which input is called binary; calibrated on PDFs,
# images and gzip files (all far above) versus scraped news text (0).
BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROL = {9, 10, 12, 13}


class UnreadableInput(InputError):
    """Raised when input cannot be text at all; ``code`` is its problem code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def is_binary(data: bytes) -> bool:
    """Return True when ``data`` looks like binary content rather than text."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROL)
    return control / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(
    data: bytes, *, origin: str, max_bytes: int
) -> tuple[str, tuple[Problem, ...]]:
    """Return ``data`` as text plus the problems met decoding it.

    Raises:
        InputError: the input is empty, binary or larger than ``max_bytes``.
    """
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"{origin}: input is {len(data):,} bytes, over the limit of "
            f"{max_bytes:,}; split it or raise max_input_bytes",
            "input.too_large",
        )
    if not data.strip():
        raise UnreadableInput(f"{origin}: input is empty", "input.empty")
    if is_binary(data):
        raise UnreadableInput(
            f"{origin}: input looks like binary data, not text", "input.binary"
        )
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as e:
        problem = Problem(
            code="input.encoding",
            stage="ingest",
            message=f"{origin}: not valid UTF-8 at byte {e.start}; "
            "decoded as cp1252 with replacement",
        )
        return data.decode("cp1252", errors="replace"), (problem,)


def parse_date(value: str | None, *, origin: str) -> dt.date | None:
    """Return the ISO date at the start of ``value`` (``2023-06-15``, ``2023-06-15T…``).

    Raises:
        InputError: the value is not an ISO date.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise InputError(
            f"{origin}: date {value!r} is not an ISO date (YYYY-MM-DD)"
        ) from e


def read_document(
    data: bytes,
    *,
    origin: str,
    max_bytes: int,
    title: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """Return one document from ``data`` (plain text, or an HTML page)."""
    text, problems = decode_bytes(data, origin=origin, max_bytes=max_bytes)
    if fmt.looks_like_html(text):
        page = fmt.read_html(text, origin=origin, url=url, problems=problems)
        return RawDocument(
            text=page.text,
            title=title or page.title,
            published=published or page.published,
            source=source or page.source,
            url=page.url,
            origin=origin,
            problems=page.problems,
        )
    return RawDocument(
        text=text,
        title=title,
        published=published,
        source=source,
        url=url,
        origin=origin,
        problems=problems,
    )


# ---- files and folders ---------------------------------------------------------------

STDIN = Path("-")
_TEXT = {".txt", ".text"}
_HTML = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL = {".jsonl", ".ndjson"}
_FEED = {".rss", ".atom", ".xml"}
_WARC = {".warc", ".arc"}
# Files a folder walk leaves alone: documentation and metadata beside the articles.
_IGNORED_SUFFIXES = {
    ".md",
    ".rst",
    ".json",
    ".yaml",
    ".yml",
    ".toml",
    ".csv",
    ".tsv",
    ".py",
    ".sh",
    ".lock",
}
_IGNORED_PREFIXES = ("readme", "license", "licence", "copying", "changelog", "manifest")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read input: size limit per document and JSON field names."""

    max_bytes: int
    fields: Mapping[str, str] = field(default_factory=lambda: dict(fmt.DEFAULT_FIELDS))


@dataclass(frozen=True, slots=True, kw_only=True)
class FileReport:
    """Closes each input file: the problems met that belong to no article."""

    origin: str
    documents: int
    problems: tuple[Problem, ...] = ()


def parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    """Return JSON field names from ``name=key`` pairs over the defaults.

    Raises:
        InputError: a pair is malformed or names an unknown field.
    """
    fields = dict(fmt.DEFAULT_FIELDS)
    for pair in pairs:
        name, sep, key = pair.partition("=")
        if not sep or name not in fields or not key:
            raise InputError(
                f"--field {pair!r}: expected NAME=KEY with NAME one of "
                f"{', '.join(sorted(fields))}"
            )
        fields[name] = key
    return fields


def _is_ignored(path: Path) -> bool:
    name = path.name.lower()
    return (
        name.startswith(".")
        or name.startswith(_IGNORED_PREFIXES)
        or path.suffix.lower() in _IGNORED_SUFFIXES
    )


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the files named by ``paths``, walking folders recursively in sorted order.

    Raises:
        InputError: a path does not exist.
    """
    for path in paths:
        if path == STDIN:
            yield path
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if not _is_ignored(candidate):
                        yield candidate
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def read_paths(
    paths: Iterable[Path], *, options: ReadOptions
) -> Iterator[RawDocument | FileReport]:
    """Yield the documents of every file under ``paths``; a report closes each file."""
    for path in iter_files(paths):
        yield from read_file(path, options=options)


def read_file(
    path: Path, *, options: ReadOptions
) -> Iterator[RawDocument | FileReport]:
    """Yield the documents of one file (``-``: standard input), then its report."""
    origin = "<stdin>" if path == STDIN else str(path)
    problems: list[Problem] = []
    count = 0
    try:
        for item in _read_any(path, origin, options):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                count += 1
                yield item
    except InputError as e:
        problems.append(fmt.problem(_code_for(e), str(e)))
    except OSError as e:
        problems.append(fmt.problem("input.malformed", f"{origin}: cannot read: {e}"))
    yield FileReport(origin=origin, documents=count, problems=tuple(problems))


def _code_for(error: InputError) -> str:
    return error.code if isinstance(error, UnreadableInput) else "input.malformed"


def _kind(name: str) -> str:
    suffix = Path(name).suffix.lower()
    for kinds, kind in (
        (_TEXT, "text"),
        (_HTML, "html"),
        (_JSONL, "jsonl"),
        (_FEED, "feed"),
        (_WARC, "warc"),
        ({".json"}, "json"),
    ):
        if suffix in kinds:
            return kind
    return "unknown"


def _read_any(
    path: Path, origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    if path == STDIN:
        yield from _read_stdin(origin, options)
        return
    gzipped = path.suffix.lower() in (".gz", ".gzip")
    kind = _kind(path.stem if gzipped else path.name)
    if kind == "warc":
        with path.open("rb") as stream:
            yield from _read_warc(stream, origin, options)
        return
    if kind == "jsonl":
        with _open(path, gzipped) as stream:
            yield from _read_jsonl(stream, origin, options)
        return
    data = _read_bytes(path, gzipped, origin, options.max_bytes)
    yield from _read_data(data, kind, path, origin, options)


def _read_stdin(origin: str, options: ReadOptions) -> Iterator[RawDocument | Problem]:
    """Read standard input: JSONL streams line by line, anything else as one file."""
    stream = sys.stdin.buffer
    first = stream.readline()
    if first.lstrip().startswith(b"{"):
        yield from _read_jsonl(itertools.chain([first], stream), origin, options)
        return
    data = first + stream.read(max(options.max_bytes + 1 - len(first), 0))
    yield from _read_data(data, "unknown", Path.cwd() / "stdin", origin, options)


def _open(path: Path, gzipped: bool) -> IO[bytes]:
    if gzipped:
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile is IO[bytes]
    return path.open("rb")


def _read_bytes(path: Path, gzipped: bool, origin: str, max_bytes: int) -> bytes:
    try:
        with _open(path, gzipped) as stream:
            return stream.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise InputError(f"{origin}: broken or truncated gzip data: {e}") from e


def _read_data(
    data: bytes, kind: str, path: Path, origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    if kind == "unknown":
        kind = _sniff(data)
    if kind == "feed":
        yield from _read_feed(data, path, origin, options)
    elif kind == "json":
        yield from _read_json(data, origin, options)
    elif kind == "jsonl":
        yield from _read_jsonl(iter(data.splitlines()), origin, options)
    elif kind == "html":
        text, problems = decode_bytes(data, origin=origin, max_bytes=options.max_bytes)
        yield fmt.read_html(text, origin=origin, problems=problems)
    else:
        yield read_document(data, origin=origin, max_bytes=options.max_bytes)


def _sniff(data: bytes) -> str:
    if is_binary(data):
        return "text"  # decode_bytes turns it into an input.binary problem
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_jsonl(
    lines: Iterable[bytes], origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    number = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{origin}#{number}"
            try:
                record = fmt.parse_json_line(line, where)
                yield fmt.document_from_record(
                    record, origin=where, fields=options.fields
                )
            except InputError as e:
                yield fmt.problem("input.malformed", str(e))
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield fmt.problem(
            "input.malformed",
            f"{origin}: broken or truncated gzip data after line {number}: {e}",
        )


def _read_json(
    data: bytes, origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    try:
        value = fmt.parse_json_line(data, origin)
    except InputError:
        yield from _read_jsonl(iter(data.splitlines()), origin, options)
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = f"{origin}#{number}"
        try:
            yield fmt.document_from_record(record, origin=where, fields=options.fields)
        except InputError as e:
            yield fmt.problem("input.malformed", str(e))


def _read_feed(
    data: bytes, path: Path, origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    for number, item in enumerate(fmt.feed_items(data, origin=origin), start=1):
        where = f"{origin}#item-{number}"
        try:
            yield _feed_document(item, path, where, options)
        except (InputError, OSError) as e:
            yield fmt.problem("input.malformed", f"{where}: {e}")


def _feed_document(
    item: Mapping[str, str | None], path: Path, origin: str, options: ReadOptions
) -> RawDocument:
    link, guid = item.get("link"), item.get("guid")
    url = link if fmt.is_web_url(link) else guid if fmt.is_web_url(guid) else None
    published, problems = fmt.safe_date(item.get("date"), origin)
    body = item.get("content") or ""
    if len(body) < fmt.MIN_MAIN_TEXT_CHARS:
        page = _local_page(link, path)
        if page is not None:
            data = _read_bytes(page, False, str(page), options.max_bytes)
            text, decode = decode_bytes(
                data, origin=str(page), max_bytes=options.max_bytes
            )
            found = fmt.read_html(text, origin=origin, url=url, problems=decode)
            return RawDocument(
                text=found.text,
                title=item.get("title") or found.title,
                published=published or found.published,
                source=item.get("site") or found.source,
                url=url or found.url,
                origin=origin,
                problems=(*problems, *found.problems),
            )
        body = body or item.get("summary") or ""
    text = fmt.fragment_text(body)
    if not text.strip():
        raise InputError("feed item has no content and no readable linked page")
    return RawDocument(
        source=item.get("site"),
        text=text,
        title=item.get("title"),
        published=published,
        url=url,
        origin=origin,
        problems=problems,
    )


def _local_page(link: str | None, feed: Path) -> Path | None:
    """Return the local file a feed item links to (relative link, or same file name)."""
    if not link or fmt.is_web_url(link):
        return None
    relative = link.removeprefix("file://").lstrip("/")
    folder = feed.parent.resolve()
    for candidate in (folder / relative, folder / Path(relative).name):
        # only pages beside the feed: a link never reads files elsewhere
        if candidate.resolve().is_relative_to(folder) and candidate.is_file():
            return candidate
    return None


def _read_warc(
    stream: IO[bytes], origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    for where, url, body in fmt.warc_pages(stream, origin=origin):
        try:
            yield read_document(
                body, origin=where, max_bytes=options.max_bytes, url=url or None
            )
        except InputError as e:
            yield fmt.problem(_code_for(e), str(e))


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def count_documents(paths: Iterable[Path]) -> int | None:
    """Estimate how many documents ``paths`` hold (for a progress bar), cheaply.

    JSONL lines and feed items are counted from raw bytes; other files count one.
    Returns None when a path cannot be walked.
    """
    total = 0
    try:
        for path in iter_files(paths):
            kind = _kind(path.name)
            if kind == "jsonl":
                total += _count_lines(path)
            elif kind == "feed":
                data = path.read_bytes()
                total += data.count(b"<item") + data.count(b"<entry") or 1
            else:
                total += 1
    except (OSError, InputError):
        return None
    return total
