"""A user's input reader, in one file: ``.memo`` files, a ``TITLE:`` line then the body.

Importing this module registers it; ``tests/structure/test_registries.py`` shows that
nothing else is needed for ``dyad ingest`` to read such files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.readers import Source, register_reader
from dyad.records import Problem, RawDocument


@dataclass(frozen=True, slots=True)
class MemoReader:
    name: str = "memo"
    suffixes: frozenset[str] = frozenset({".memo"})

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"title:")

    def read(self, source: Source) -> Iterator[RawDocument | Problem]:
        first, _, body = source.data().decode("utf-8").partition("\n")
        title = first.partition(":")[2].strip()
        yield RawDocument(text=body, title=title or None, origin=source.origin)

    def count(self, path: Path) -> int:
        return 1


register_reader(MemoReader())
