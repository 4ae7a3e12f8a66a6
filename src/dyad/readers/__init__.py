"""Readers: turn files, folders, standard input and archives into ``RawDocument``s.

``read_paths`` walks files and folders (recursively, in sorted order) and streams one
document at a time; a file that cannot be read, or a bad record inside one, becomes a
``Problem`` in the ``FileReport`` that closes each file, and reading goes on. Each file
is read by the reader its suffix (or its first bytes) chooses from the registry
(``readers/registry.py``); built-ins: plain text, HTML, JSONL/JSON, RSS/Atom, WARC, and
gzip of any of them. Readers are not pipeline stages: they do I/O.
"""

from __future__ import annotations

import gzip
import importlib
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dyad.errors import InputError
from dyad.readers import parsing as fmt
from dyad.readers.documents import (
    UnreadableInput,
    decode_bytes,
    is_binary,
    parse_date,
    read_document,
)
from dyad.readers.registry import (
    READERS,
    Reader,
    ReadOptions,
    Source,
    is_gzipped,
    reader_for_head,
    reader_for_name,
    register_reader,
    sniff_head,
)
from dyad.records import Problem, RawDocument

VERSION = "ingest.v1"
STDIN = Path("-")
BUILTIN_MODULES = ("dyad.readers.builtin",)
for _module in BUILTIN_MODULES:
    importlib.import_module(_module)

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
    from dyad.readers.builtin import code_for

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
        problems.append(fmt.problem(code_for(e), str(e)))
    except OSError as e:
        problems.append(fmt.problem("input.malformed", f"{origin}: cannot read: {e}"))
    yield FileReport(origin=origin, documents=count, problems=tuple(problems))


def _opener(path: Path, gzipped: bool) -> IO[bytes]:
    if gzipped:
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile is IO[bytes]
    return path.open("rb")


def _sniffed(source: Source) -> Reader:
    data = source.data()
    head = sniff_head(data)
    return READERS.get("text") if is_binary(data) else reader_for_head(head)


def _read_any(
    path: Path, origin: str, options: ReadOptions
) -> Iterator[RawDocument | Problem]:
    if path == STDIN:
        yield from _read_stdin(origin, options)
        return
    gzipped = is_gzipped(path)
    source = Source(
        path=path,
        origin=origin,
        options=options,
        opener=lambda: _opener(path, gzipped),
    )
    reader = reader_for_name(path.stem if gzipped else path.name)
    yield from (reader or _sniffed(source)).read(source)


def _read_stdin(origin: str, options: ReadOptions) -> Iterator[RawDocument | Problem]:
    """Read standard input: its first line chooses the reader (JSON lines stream)."""
    stream = sys.stdin.buffer
    first = stream.readline()
    source = Source(
        path=Path.cwd() / "stdin",
        origin=origin,
        options=options,
        opener=lambda: stream,
        head=first,
    )
    if first.lstrip().startswith(b"{"):
        yield from READERS.get("jsonl").read(source)
        return
    data = source.data()
    fixed = Source(
        path=source.path, origin=origin, options=options, opener=_empty, head=data
    )
    yield from _sniffed(fixed).read(fixed)


def _empty() -> IO[bytes]:
    return io.BytesIO(b"")


def count_documents(paths: Iterable[Path]) -> int | None:
    """Estimate how many documents ``paths`` hold (for a progress bar), cheaply.

    Each file's reader counts (JSONL lines and feed items from raw bytes; other files
    count one). Returns None when a path cannot be walked.
    """
    total = 0
    try:
        for path in iter_files(paths):
            reader = reader_for_name(path.name)
            total += reader.count(path) if reader is not None else 1
    except (OSError, InputError):
        return None
    return total


__all__ = [
    "READERS",
    "STDIN",
    "VERSION",
    "FileReport",
    "ReadOptions",
    "Reader",
    "Source",
    "UnreadableInput",
    "count_documents",
    "decode_bytes",
    "is_binary",
    "iter_files",
    "parse_date",
    "parse_fields",
    "read_document",
    "read_file",
    "read_paths",
    "register_reader",
]
