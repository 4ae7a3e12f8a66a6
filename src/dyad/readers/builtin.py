"""The built-in readers: plain text, HTML, JSONL, JSON, RSS/Atom feeds and WARC.

Each is registered with ``register_reader``, as a user's reader would be.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import InputError
from dyad.readers import parsing as fmt
from dyad.readers.documents import decode_bytes, read_document
from dyad.readers.parsing import code_for as code_for
from dyad.readers.registry import ReadOptions, Source, register_reader
from dyad.readers.warc import warc_pages
from dyad.records import Problem, RawDocument


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


@dataclass(frozen=True, slots=True)
class TextReader:
    """Plain text, or an HTML page found inside a text file."""

    name: str = "text"
    suffixes: frozenset[str] = frozenset({".txt", ".text"})

    def sniff(self, head: bytes) -> bool:
        """Never sniffed: the registry falls back to this reader."""
        return False

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield the one document of ``source``."""
        yield read_document(
            source.data(), origin=source.origin, max_bytes=source.options.max_bytes
        )

    def count(self, path: Path) -> int:
        """One document per file."""
        return 1


@dataclass(frozen=True, slots=True)
class HtmlReader:
    """One HTML page: main text, title, date and site name."""

    name: str = "html"
    suffixes: frozenset[str] = frozenset({".html", ".htm", ".xhtml", ".shtml"})

    def sniff(self, head: bytes) -> bool:
        """Pages without a suffix are found by the text reader (``looks_like_html``)."""
        return False

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield the page of ``source``."""
        max_bytes = source.options.max_bytes
        text, problems = decode_bytes(
            source.data(), origin=source.origin, max_bytes=max_bytes
        )
        yield fmt.read_html(text, origin=source.origin, problems=problems)

    def count(self, path: Path) -> int:
        """One document per file."""
        return 1


def read_json_lines(
    lines: Iterable[bytes | int], origin: str, options: ReadOptions, *, first: int = 1
) -> Iterator[RawDocument | Problem]:
    """Yield one document per JSON line; a bad line is a problem (``origin#line``).

    A line given as an int is one that was over the size limit (its size), skipped.
    Lines are numbered from ``first`` (a partition of a file starts mid-file).
    """
    number = first - 1
    try:
        for number, line in enumerate(lines, start=first):
            where = f"{origin}#{number}"
            if isinstance(line, int) or len(line) > options.max_bytes:
                yield _too_large(where, line, options.max_bytes)
                continue
            if not line.strip():
                continue
            try:
                record = fmt.parse_json_line(line, where)
                yield fmt.document_from_record(
                    record, origin=where, fields=options.fields
                )
            except InputError as e:
                yield fmt.problem(code_for(e), str(e))
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield fmt.problem(
            "input.truncated",
            f"{origin}: broken or truncated gzip data after line {number}: {e}",
        )


def _too_large(where: str, line: bytes | int, limit: int) -> Problem:
    size = line if isinstance(line, int) else len(line)
    return fmt.problem(
        "input.too_large",
        f"{where}: record is {size:,} bytes, over the limit of {limit:,}; skipped",
    )


@dataclass(frozen=True, slots=True)
class JsonLinesReader:
    """JSON lines, one record per line, streamed."""

    name: str = "jsonl"
    suffixes: frozenset[str] = frozenset({".jsonl", ".ndjson"})

    def sniff(self, head: bytes) -> bool:
        """A JSON object at the start."""
        return head.startswith(b"{")

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield one document per line of ``source``."""
        lines = source.bounded_lines()
        yield from read_json_lines(lines, source.origin, source.options)

    def count(self, path: Path) -> int:
        """One document per line."""
        return _count_lines(path)


@dataclass(frozen=True, slots=True)
class JsonReader:
    """A JSON file: one record or a list of records (else read as JSON lines)."""

    name: str = "json"
    suffixes: frozenset[str] = frozenset({".json"})

    def sniff(self, head: bytes) -> bool:
        """Never sniffed: an object at the start is taken as JSON lines."""
        return False

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield the records of ``source`` (``origin#n`` each)."""
        data, origin, options = source.data(), source.origin, source.options
        try:
            value = fmt.parse_json_line(data, origin)
        except InputError:
            yield from read_json_lines(iter(data.splitlines()), origin, options)
            return
        records = value if isinstance(value, list) else [value]
        for number, record in enumerate(records, start=1):
            where = f"{origin}#{number}"
            try:
                yield fmt.document_from_record(
                    record, origin=where, fields=options.fields
                )
            except InputError as e:
                yield fmt.problem("input.malformed", str(e))

    def count(self, path: Path) -> int:
        """Counted as one (a list is not worth parsing twice)."""
        return 1


@dataclass(frozen=True, slots=True)
class FeedReader:
    """RSS or Atom: one document per item, from its content or the page it links to
    beside the feed."""

    name: str = "feed"
    suffixes: frozenset[str] = frozenset({".rss", ".atom", ".xml"})

    def sniff(self, head: bytes) -> bool:
        """An XML declaration or a feed's root element at the start."""
        return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield one document per item (``origin#item-n``)."""
        data, origin = source.data(), source.origin
        for number, item in enumerate(fmt.feed_items(data, origin=origin), start=1):
            where = f"{origin}#item-{number}"
            try:
                yield _feed_document(item, source.path, where, source.options)
            except (InputError, OSError) as e:
                yield fmt.problem("input.malformed", f"{where}: {e}")

    def count(self, path: Path) -> int:
        """Items and entries counted from raw bytes."""
        data = path.read_bytes()
        return data.count(b"<item") + data.count(b"<entry") or 1


@dataclass(frozen=True, slots=True)
class WarcReader:
    """A WARC (or ARC) archive: one document per HTML or text response."""

    name: str = "warc"
    suffixes: frozenset[str] = frozenset({".warc", ".arc"})

    def sniff(self, head: bytes) -> bool:
        """Archives are chosen by suffix only."""
        return False

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield the pages of the archive, streamed."""
        with source.path.open("rb") as stream:
            for page in warc_pages(stream, origin=source.origin):
                if isinstance(page, Problem):
                    yield page
                    continue
                where, url, body = page
                try:
                    yield read_document(
                        body,
                        origin=where,
                        max_bytes=source.options.max_bytes,
                        url=url or None,
                    )
                except InputError as e:
                    yield fmt.problem(code_for(e), str(e))

    def count(self, path: Path) -> int:
        """Counted as one (records are not worth scanning for a progress bar)."""
        return 1


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
            with page.open("rb") as stream:
                data = stream.read(options.max_bytes + 1)
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


# Sniffing tries readers in registration order: feeds before JSON lines.
for _reader in (
    TextReader(),
    HtmlReader(),
    FeedReader(),
    JsonLinesReader(),
    JsonReader(),
    WarcReader(),
):
    register_reader(_reader)
