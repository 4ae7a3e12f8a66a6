"""``dyad export``: write the store's events to a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from dyad.cli.common import (
    NamesChoice,
    db_option,
    event_filters,
    filter_options,
    handle_errors,
    open_store,
)
from dyad.formats import export_formats


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=NamesChoice(export_formats),
)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@filter_options
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

    filters = event_filters(actor, recipient, type_, since, until, modality, text)
    with open_store(ctx, db, read_only=True) as store:
        rows = exports.export_store(store, fmt, out, filters)
    click.echo(f"export: {rows} rows to {out}", err=True)


COMMANDS = (export,)
