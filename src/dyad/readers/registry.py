"""The reader protocol and registry behind ``dyad ingest`` and ``dyad extract``.

A reader turns one input (a file, or standard input) into ``RawDocument``s. It is chosen
by the file's suffix (``.gz``/``.gzip`` removed first) or, when no suffix matches, by
sniffing the first bytes. Add one by writing a module that builds a ``Reader`` and calls
``register_reader``; the built-ins in ``readers/builtin.py`` do exactly that.
"""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from dyad.errors import InputError
from dyad.readers import parsing
from dyad.records import Problem, RawDocument
from dyad.registry import Registry

GZIP_SUFFIXES = (".gz", ".gzip")
FALLBACK_READER = "text"  # reads anything that is text; never sniffed


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read input: size limit per document and JSON field names."""

    max_bytes: int
    fields: Mapping[str, str] = field(
        default_factory=lambda: dict(parsing.DEFAULT_FIELDS)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One input to read: where it is, how to open it, and the read options.

    ``path`` is the file (for standard input, ``stdin`` in the working folder, so that
    relative links resolve there); ``opener`` opens the raw bytes, already un-gzipped.
    """

    path: Path
    origin: str
    options: ReadOptions
    opener: Callable[[], IO[bytes]]
    head: bytes = b""  # bytes already taken from a stream that cannot rewind (stdin)

    def data(self) -> bytes:
        """Return the whole input, at most ``max_bytes + 1`` bytes (over the limit is an
        error the decoder reports).

        Raises:
            InputError: gzip data is broken or truncated.
        """
        limit = self.options.max_bytes + 1
        try:
            with self.opener() as stream:
                return self.head + stream.read(max(limit - len(self.head), 0))
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            raise InputError(
                f"{self.origin}: broken or truncated gzip data: {e}"
            ) from e

    def lines(self) -> Iterator[bytes]:
        """Yield the input line by line (streaming; gzip errors propagate)."""
        with self.opener() as stream:
            yield from itertools.chain(self.head.splitlines(keepends=True), stream)

    def bounded_lines(self) -> Iterator[bytes | int]:
        """Yield the input line by line; a line over ``max_bytes`` comes as its size.

        An oversized line is skipped in pieces, so memory stays bounded (#12).
        """
        limit = self.options.max_bytes
        with self.opener() as stream:
            yield from self.head.splitlines(keepends=True)
            while line := stream.readline(limit + 1):
                if len(line) <= limit or line.endswith(b"\n"):
                    yield line
                    continue
                size = len(line)
                while (piece := stream.readline(1 << 20)) and not piece.endswith(b"\n"):
                    size += len(piece)
                yield size + len(piece)


class Reader(Protocol):
    """Reads one kind of input into raw documents."""

    @property
    def name(self) -> str:
        """The kind of input (``html``, ``jsonl``, …)."""
        ...

    @property
    def suffixes(self) -> frozenset[str]:
        """File suffixes (lower case, with the dot) this reader is chosen by."""
        ...

    def sniff(self, head: bytes) -> bool:
        """Return True when input starting with ``head`` (1 KiB) is this kind."""
        ...

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        """Yield the documents of ``source``; a bad record is a ``Problem``, and an
        unreadable input raises ``InputError``."""
        ...

    def count(self, path: Path) -> int:
        """Estimate cheaply how many documents the file at ``path`` holds."""
        ...


READERS: Registry[Reader] = Registry("reader")


def register_reader(reader: Reader, *, replace: bool = False) -> Reader:
    """Make ``reader`` available to ``dyad ingest`` and ``dyad extract``."""
    return READERS.register(reader, replace=replace)


def is_gzipped(path: Path) -> bool:
    """Return True when ``path`` names gzip data (by its suffix)."""
    return path.suffix.lower() in GZIP_SUFFIXES


def reader_for_name(name: str) -> Reader | None:
    """Return the reader chosen by the suffix of file ``name``, or None."""
    suffix = Path(name).suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), None)


def reader_for_head(head: bytes) -> Reader:
    """Return the first registered reader that recognises ``head``, else the plain-text
    reader (which decides what is text, and reports binary data)."""
    found = next((r for r in READERS if r.sniff(head)), None)
    return found if found is not None else READERS.get(FALLBACK_READER)


def sniff_head(data: bytes) -> bytes:
    """Return the part of ``data`` readers sniff: the first KiB, lower case, stripped."""
    return data[:1024].lstrip().lower()
