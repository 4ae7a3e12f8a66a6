"""Commands that read the store: ``events``, ``actors``, ``series``, ``top``, ``stats``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from dyad.cli.checks import code_callback
from dyad.cli.common import (
    DATE,
    day,
    db_option,
    emit,
    event_filters,
    filter_options,
    handle_errors,
    open_store,
    output_option,
    settings_from,
)


@click.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@output_option
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

    with open_store(ctx, db, read_only=True) as store:
        rows = analytics.list_events(
            store,
            event_filters(actor, recipient, type_, since, until, modality, text),
            limit=limit,
            offset=offset,
        )
    emit(
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


@click.group(invoke_without_command=True)
@db_option
@click.option("--q", "query", help="Words in the actor's name.")
@click.option("--code", help="Actor code (e.g. CHN, IGO).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@output_option
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

    \b
    Example:
        dyad actors --code CHN
        dyad actors lookup "the Chinese president" --date 2024-06-01
    """
    from dyad import analytics

    if ctx.invoked_subcommand is not None:
        return

    with open_store(ctx, db, read_only=True) as store:
        rows = analytics.list_actors(
            store, q=query, code=code, limit=limit, offset=offset
        )
    emit(rows, fmt, ("name", "kind", "code", "sector", "org", "articles", "mentions"))


@actors.command(name="lookup")
@click.argument("name")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.pass_context
@handle_errors
def lookup_actor(ctx: click.Context, name: str, on: dt.datetime | None) -> None:
    """Show how a name is coded (on a date) and why.

    Example:
        dyad actors lookup "Iran's foreign minister" --date 2024-06-01
    """
    from dyad.resources import Resources
    from dyad.stages.actor_lookup import explain, render

    resources = Resources(settings_from(ctx))
    click.echo(render(explain(name, on.date() if on else None, resources)))


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
@click.argument("a", callback=code_callback)
@click.argument("b", callback=code_callback)
@db_option
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
)
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Count negated, hypothetical and future events too.",
)
@output_option
@click.option("--csv", "as_csv", is_flag=True, hidden=True)  # old spelling of --format
@click.option("--json", "as_json", is_flag=True, hidden=True)
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
    fmt: str | None,
    as_csv: bool,
    as_json: bool,
) -> None:
    """Show how a dyad gets along: events by quad class per period.

    A and B are codes or country names; --format table (the default) draws a chart.

    Example:
        dyad series USA CHN --by month --since 2023-01-01 --format csv
    """
    from dyad import analytics

    with open_store(ctx, db, read_only=True) as store:
        points = analytics.dyad_series(
            store,
            a,
            b,
            by=by,
            since=day(since),
            until=day(until),
            all_modalities=all_modalities,
        )
    fmt = fmt or ("json" if as_json else "csv" if as_csv else "table")
    if fmt != "table":
        emit(points, fmt, ())
    elif not points:
        click.echo(
            f"no {'' if all_modalities else 'asserted '}events between {a} and {b}",
            err=True,
        )
    else:
        click.echo(_chart(points, a, b))


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--all-modalities", is_flag=True)
@output_option
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

    with open_store(ctx, db, read_only=True) as store:
        rows = analytics.top_dyads(
            store,
            limit=limit,
            since=day(since),
            until=day(until),
            all_modalities=all_modalities,
        )
    emit(
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
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@click.pass_context
@handle_errors
def stats(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """Show the row counts of the store and the latest failures.

    Example:
        dyad stats --db dyad.duckdb
    """
    from dyad import analytics

    with open_store(ctx, db, read_only=True) as store:
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


COMMANDS = (events, actors, series, top, stats)
