"""Views of one ``ArticleResult`` for people (``dyad extract --format table``).

The other ``--format`` choices are the output formats of ``dyad.formats``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from rich.console import Console
from rich.table import Table

from dyad.formats import FORMATS, register_format
from dyad.formats.registry import configured
from dyad.records import ArticleResult

if TYPE_CHECKING:
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store

TABLE_WIDTH = 160


def _actors_table(result: ArticleResult) -> Table:
    table = Table(title="Actors", title_justify="left")
    for column in ("id", "name", "kind", "code", "sector", "org", "title", "mentions"):
        table.add_column(column)
    counts: dict[str, int] = {}
    for mention in result.mentions:
        counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
    for a in result.actors:
        table.add_row(
            a.actor_id,
            a.name,
            str(a.kind),
            a.code or "",
            a.sector or "",
            a.org or "",
            a.title or "",
            str(counts.get(a.actor_id, 0)),
        )
    return table


def _events_table(result: ArticleResult) -> Table:
    names = {a.actor_id: a.name for a in result.actors}
    table = Table(title="Events", title_justify="left")
    for column in (
        "sent",
        "type",
        "mode",
        "actor",
        "recipient",
        "trigger",
        "date",
        "place",
        "modality",
        "rule",
    ):
        table.add_column(column)
    for e in result.events:
        table.add_row(
            str(e.sentence_index),
            str(e.type),
            e.mode or "",
            ", ".join(names.get(i, i) for i in e.actor_ids),
            ", ".join(names.get(i, i) for i in e.recipient_ids),
            e.trigger_text,
            (e.date.value or "") if e.date else "",
            e.location.code or e.location.name if e.location else "",
            str(e.modality),
            e.rule,
        )
    return table


def _times_table(result: ArticleResult) -> Table:
    table = Table(title="Times", title_justify="left")
    for column in ("sent", "text", "value", "precision"):
        table.add_column(column)
    for t in result.times:
        table.add_row(
            str(t.sentence_index), t.text, t.value or "", str(t.precision or "")
        )
    return table


def _quotes_table(result: ArticleResult) -> Table:
    names = {a.actor_id: a.name for a in result.actors}
    table = Table(title="Quotes", title_justify="left")
    for column in ("sent", "kind", "speaker", "text"):
        table.add_column(column)
    for q in result.quotes:
        speaker = names.get(q.speaker_id or "", q.speaker_text or "")
        table.add_row(str(q.sentence_index), str(q.kind), speaker, q.text)
    return table


def print_table(result: ArticleResult, console: Console) -> None:
    """Print ``result`` as readable tables."""
    a = result.article
    console.print(
        f"[bold]{a.title or a.article_id}[/bold]  published {a.published or '?'}"
        f"  credits: {', '.join(a.credits) or '-'}"
    )
    for table in (
        _actors_table(result),
        _events_table(result),
        _times_table(result),
        _quotes_table(result),
    ):
        if table.row_count:
            console.print(table)
    for p in result.problems:
        console.print(f"[dim]{p.code}: {p.message}[/dim]")


@dataclass(frozen=True, slots=True)
class TableView:
    """The ``table`` format of ``dyad extract``: readable tables for people."""

    name: str = "table"
    summary: str = "readable tables (actors, events, times, quotes)"
    extract: bool = True
    export: bool = False

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Print ``result`` as tables; piped output is ``TABLE_WIDTH`` columns wide."""
        console = Console(file=stream, soft_wrap=False)
        if not console.is_terminal:
            # piped output has no width of its own; tables are unreadable at 80 columns
            console = Console(file=stream, soft_wrap=False, width=TABLE_WIDTH)
        print_table(result, console)

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Not offered by ``dyad export`` (``export`` is False)."""
        raise NotImplementedError("this is a bug: table is not an export format")


register_format(TableView())


def print_result(result: ArticleResult, fmt: str, data_dir: Path | None = None) -> None:
    """Write ``result`` to stdout in the registered format ``fmt`` (its data files
    from ``data_dir`` where the user has copies)."""
    configured(FORMATS.get(fmt), data_dir).write_result(result, sys.stdout)
