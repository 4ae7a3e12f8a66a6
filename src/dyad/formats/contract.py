"""The ``json`` and ``jsonl`` formats: whole articles in the ``dyad.article/1`` contract.

``dyad extract --format json`` prints one article; ``dyad export --format jsonl`` writes
one article per line (every processed article without a filter, else those with a
matching event).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from dyad.contract import to_contract, to_json
from dyad.formats.registry import open_text, register_format

if TYPE_CHECKING:
    from dyad.records import ArticleResult
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store


@dataclass(frozen=True, slots=True)
class ContractFormat:
    """Articles as ``dyad.article/1`` JSON."""

    name: str
    summary: str
    extract: bool
    export: bool

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Write ``result`` as one ``dyad.article/1`` document."""
        stream.write(to_json(result) + "\n")

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Write one ``dyad.article/1`` line per selected article; return how many."""
        from dyad.store.exports import exported_articles

        rows = 0
        with open_text(out) as stream:
            for item in exported_articles(store, filters, every_article=True):
                line = json.dumps(to_contract(item.result), ensure_ascii=False)
                stream.write(line + "\n")
                rows += 1
        return rows


register_format(
    ContractFormat(
        name="json", summary="the dyad.article/1 document", extract=True, export=False
    )
)
register_format(
    ContractFormat(
        name="jsonl",
        summary="one dyad.article/1 document per line",
        extract=False,
        export=True,
    )
)
