"""Commands over the store (registered on the main group by ``cli.py``).

``ingest`` and ``rerun`` write; ``events``, ``actors``, ``series``, ``top``, ``export``
and ``stats`` read. Data goes to stdout, progress and messages to stderr.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from dyad.cli import handle_errors, settings_from

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The DuckDB store file (default: dyad.duckdb).",
    )(func)


def _output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "nl", "csv"]),
        default=None,
        help="Output format (default: table on a terminal, json otherwise).",
    )(func)


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _open(ctx: click.Context, db: Path | None, *, read_only: bool) -> Any:
    from dyad.store.db import Store

    path = db or settings_from(ctx).db
    return Store(path, read_only=read_only)


# ---- output -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _dicts(records: Sequence[Any]) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in dataclasses.asdict(r).items()} for r in records]


def _emit(records: Sequence[Any], fmt: str | None, columns: Sequence[str]) -> None:
    rows = _dicts(records)
    chosen = fmt or ("table" if sys.stdout.isatty() else "json")
    if chosen == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif chosen == "nl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif chosen == "csv":
        writer = csv.DictWriter(
            sys.stdout,
            fieldnames=list(rows[0]) if rows else list(columns),
            lineterminator="\n",
        )
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    k: ";".join(map(str, v)) if isinstance(v, list) else v
                    for k, v in row.items()
                }
            )
    else:
        _table(rows, columns)


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(soft_wrap=False).print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# ---- ingest -------------------------------------------------------------------------


class _Reporter:
    """Progress on stderr: a rich bar on a terminal, else a quiet line now and then."""

    EVERY_SECONDS = 10.0

    def __init__(self, total: int | None) -> None:
        self.start = time.monotonic()
        self.last = self.start
        self.bar: Any = None
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(
                    "{task.fields[rate]:.1f} art/s  events {task.fields[events]}"
                    "  failures {task.fields[failed]}"
                ),
                TimeRemainingColumn(),
                transient=False,
            )
            self.task = self.bar.add_task(
                "ingest", total=total, rate=0.0, events=0, failed=0
            )
            self.bar.start()

    def __call__(self, stats: Any) -> None:
        now = time.monotonic()
        done = stats.processed + stats.skipped
        rate = stats.processed / max(now - self.start, 1e-9)
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=done,
                rate=rate,
                events=stats.events,
                failed=stats.failed,
            )
        elif now - self.last >= self.EVERY_SECONDS:
            self.last = now
            click.echo(
                f"ingest: {done} articles ({stats.processed} processed, "
                f"{stats.skipped} unchanged), {stats.events} events, "
                f"{stats.failed} failures, {rate:.1f} articles/s",
                err=True,
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary(stats: Any, seconds: float) -> str:
    return (
        f"ingest: {stats.read} documents from {stats.files} files: "
        f"{stats.processed} processed, {stats.skipped} unchanged, "
        f"{stats.failed} failed, {stats.file_problems} unreadable inputs; "
        f"{stats.events} events, {stats.quotes} quotes; "
        f"{stats.processed / max(seconds, 1e-9):.2f} articles/s"
    )


@click.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, allow_dash=True, path_type=Path),
)
@_db_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that parse in parallel (one writer).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    help="JSON key holding a field, e.g. --field text=body; may repeat.",
)
@click.option("--force", is_flag=True, help="Re-process articles stored unchanged.")
@click.option(
    "--chunk-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Articles per worker task and per write transaction.",
)
@click.pass_context
@handle_errors
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path | None,
    workers: int,
    fields: tuple[str, ...],
    force: bool,
    chunk_size: int | None,
) -> None:
    """Read files and folders (txt, html, jsonl, rss/atom, warc, gzip; - for stdin).

    Example:
        dyad ingest corpus/ news.jsonl --db dyad.duckdb --workers 2
    """
    from dyad import corpus
    from dyad.stages.ingest import ReadOptions, count_documents, parse_fields

    settings = settings_from(ctx, db=db)
    read = ReadOptions(max_bytes=settings.max_input_bytes, fields=parse_fields(fields))
    options = corpus.IngestOptions(
        workers=workers,
        chunk_size=chunk_size or corpus.CHUNK_SIZE,
        force=force,
        fail_fast=bool(ctx.find_root().params.get("debug")),
    )
    reporter = _Reporter(count_documents(paths) if sys.stderr.isatty() else None)
    start = time.monotonic()
    with _open(ctx, settings.db, read_only=False) as store:
        try:
            stats = corpus.ingest_paths(
                list(paths),
                store,
                settings,
                options=options,
                read_options=read,
                progress=reporter,
            )
        finally:
            reporter.close()
    click.echo(_summary(stats, time.monotonic() - start), err=True)
    if stats.failed:
        click.echo(
            f"dyad: {stats.failed} articles failed; see `dyad stats`, "
            "retry with `dyad rerun --failed`",
            err=True,
        )
        sys.exit(1)


@click.command()
@click.option(
    "--failed",
    is_flag=True,
    required=True,
    help="Retry the articles whose last run failed.",
)
@_db_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.pass_context
@handle_errors
def rerun(ctx: click.Context, failed: bool, db: Path | None, workers: int) -> None:
    """Process again the stored raw input of failed articles.

    Example:
        dyad rerun --failed --db dyad.duckdb
    """
    from dyad import corpus

    settings = settings_from(ctx, db=db)
    start = time.monotonic()
    with _open(ctx, settings.db, read_only=False) as store:
        stats = corpus.rerun_failed(
            store, settings, options=corpus.IngestOptions(workers=workers)
        )
    click.echo(_summary(stats, time.monotonic() - start), err=True)
    if stats.failed:
        sys.exit(1)


# ---- queries ------------------------------------------------------------------------


def _filters(
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    modality: str | None,
    text: str | None,
) -> Any:
    from dyad.analytics import EventFilter

    return EventFilter(
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        type=type_,
        since=_day(since),
        until=_day(until),
        modality=modality,
        text=text,
    )


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        (
            click.option("--actor", help="Actor code on the actor side (e.g. USA)."),
            click.option("--recipient", help="Actor code on the recipient side."),
            click.option("--type", "type_", help="PLOVER event type (e.g. CONSULT)."),
            click.option("--since", type=_DATE, help="First day, YYYY-MM-DD."),
            click.option("--until", type=_DATE, help="Last day, YYYY-MM-DD."),
            click.option(
                "--modality",
                type=click.Choice(["asserted", "negated", "hypothetical", "future"]),
            ),
            click.option("--text", help="Words in the trigger, sentence or title."),
        )
    ):
        func = option(func)
    return func


@click.command()
@_db_option
@_filter_options
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@_output_option
@click.pass_context
@handle_errors
def events(
    ctx: click.Context,
    db: Path | None,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    modality: str | None,
    text: str | None,
    limit: int,
    offset: int,
    fmt: str | None,
) -> None:
    """List stored events, latest first, with filters.

    Example:
        dyad events --actor USA --recipient CHN --type CONSULT --since 2023-01-01
    """
    from dyad import analytics

    with _open(ctx, db, read_only=True) as store:
        rows = analytics.list_events(
            store,
            _filters(actor, recipient, type_, since, until, modality, text),
            limit=limit,
            offset=offset,
        )
    _emit(
        rows,
        fmt,
        (
            "day",
            "type",
            "actor_codes",
            "recipient_codes",
            "trigger_text",
            "modality",
            "location_code",
            "title",
        ),
    )


@click.command()
@_db_option
@click.option("--q", "query", help="Words in the actor's name.")
@click.option("--code", help="Actor code (e.g. CHN, IGO).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@_output_option
@click.pass_context
@handle_errors
def actors(
    ctx: click.Context,
    db: Path | None,
    query: str | None,
    code: str | None,
    limit: int,
    offset: int,
    fmt: str | None,
) -> None:
    """List actors across stored articles, most mentioned first.

    Example:
        dyad actors --code CHN
    """
    from dyad import analytics

    with _open(ctx, db, read_only=True) as store:
        rows = analytics.list_actors(
            store, q=query, code=code, limit=limit, offset=offset
        )
    _emit(rows, fmt, ("name", "kind", "code", "sector", "org", "articles", "mentions"))


def _chart(points: Sequence[Any], a: str, b: str) -> str:
    width = max(
        (
            max(
                p.verbal_cooperation + p.material_cooperation,
                p.verbal_conflict + p.material_conflict,
            )
            for p in points
        ),
        default=1,
    )
    scale = 30 / max(width, 1)
    lines = [f"{a}-{b}   conflict ◀ | ▶ cooperation"]
    for p in points:
        coop = p.verbal_cooperation + p.material_cooperation
        conflict = p.verbal_conflict + p.material_conflict
        left = ("█" * round(conflict * scale)).rjust(30)
        right = ("█" * round(coop * scale)).ljust(30)
        lines.append(
            f"{p.label:>10} {left}|{right} net {p.net_cooperation:+d}  "
            f"intensity {p.intensity:+.1f}"
        )
    return "\n".join(lines)


@click.command()
@click.argument("a")
@click.argument("b")
@_db_option
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
)
@click.option("--since", type=_DATE)
@click.option("--until", type=_DATE)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Count negated, hypothetical and future events too.",
)
@click.option("--csv", "as_csv", is_flag=True, help="CSV on stdout.")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@click.pass_context
@handle_errors
def series(
    ctx: click.Context,
    a: str,
    b: str,
    db: Path | None,
    by: str,
    since: dt.datetime | None,
    until: dt.datetime | None,
    all_modalities: bool,
    as_csv: bool,
    as_json: bool,
) -> None:
    """Show how a dyad gets along: events by quad class per period.

    Example:
        dyad series USA CHN --by month --since 2023-01-01
    """
    from dyad import analytics

    with _open(ctx, db, read_only=True) as store:
        points = analytics.dyad_series(
            store,
            a,
            b,
            by=by,
            since=_day(since),
            until=_day(until),
            all_modalities=all_modalities,
        )
    if as_json or as_csv:
        _emit(points, "json" if as_json else "csv", ())
    elif not points:
        click.echo(
            f"no {'' if all_modalities else 'asserted '}events between "
            f"{a.upper()} and {b.upper()}",
            err=True,
        )
    else:
        click.echo(_chart(points, a.upper(), b.upper()))


@click.command()
@_db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--since", type=_DATE)
@click.option("--until", type=_DATE)
@click.option("--all-modalities", is_flag=True)
@_output_option
@click.pass_context
@handle_errors
def top(
    ctx: click.Context,
    db: Path | None,
    limit: int,
    since: dt.datetime | None,
    until: dt.datetime | None,
    all_modalities: bool,
    fmt: str | None,
) -> None:
    """List the most active dyads.

    Example:
        dyad top --limit 10 --since 2020-01-01
    """
    from dyad import analytics

    with _open(ctx, db, read_only=True) as store:
        rows = analytics.top_dyads(
            store,
            limit=limit,
            since=_day(since),
            until=_day(until),
            all_modalities=all_modalities,
        )
    _emit(
        rows,
        fmt,
        (
            "a",
            "b",
            "events",
            "cooperation",
            "conflict",
            "net_cooperation",
            "intensity",
            "last_day",
        ),
    )


@click.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["csv", "parquet", "jsonl", "plover", "gdelt"]),
)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@_filter_options
@click.pass_context
@handle_errors
def export(
    ctx: click.Context,
    db: Path | None,
    fmt: str,
    out: Path,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    modality: str | None,
    text: str | None,
) -> None:
    """Write the store's events to a file (jsonl: one dyad.article/1 per line).

    Example:
        dyad export --format parquet --out events.parquet
    """
    from dyad import exports

    filters = _filters(actor, recipient, type_, since, until, modality, text)
    with _open(ctx, db, read_only=True) as store:
        rows = exports.export_store(store, fmt, out, filters)
    click.echo(f"export: {rows} rows to {out}", err=True)


@click.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@click.pass_context
@handle_errors
def stats(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """Show the row counts of the store and the latest failures.

    Example:
        dyad stats --db dyad.duckdb
    """
    from dyad import analytics

    with _open(ctx, db, read_only=True) as store:
        counts = analytics.store_counts(store)
        failures = analytics.list_failures(store)
    if as_json:
        click.echo(json.dumps(counts, indent=2, sort_keys=True))
        return
    for key, value in counts.items():
        click.echo(f"{key:>24}  {value}")
    for f in failures:
        click.echo(
            f"failed: {f.article_id} ({f.origin}) in {f.stage}: "
            f"{f.error_type}: {f.message}"
        )


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    for command in (ingest, rerun, events, actors, series, top, export, stats):
        group.add_command(command)
