"""A user's output format, in one file: how many events of each type, as TSV.

Importing this module registers it; ``tests/structure/test_registries.py`` shows that
nothing else is needed for ``dyad extract`` and ``dyad export`` to offer it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dyad.formats import register_format
from dyad.records import ArticleResult
from dyad.store.analytics import EventFilter
from dyad.store.db import Store
from dyad.store.exports import exported_articles


def _lines(counts: Counter[str]) -> str:
    return "".join(f"{kind}\t{n}\n" for kind, n in sorted(counts.items()))


@dataclass(frozen=True, slots=True)
class TypeCountFormat:
    name: str = "typecount"
    summary: str = "events per type (TSV)"
    extract: bool = True
    export: bool = True

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        stream.write(_lines(Counter(str(e.type) for e in result.events)))

    def write_store(self, store: Store, filters: EventFilter, out: Path) -> int:
        counts: Counter[str] = Counter()
        for item in exported_articles(store, filters):
            counts.update(
                str(e.type) for e in item.result.events if e.event_id in item.event_ids
            )
        out.write_text(_lines(counts), encoding="utf-8")
        return len(counts)


register_format(TypeCountFormat())
