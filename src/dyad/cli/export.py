"""``dyad export``: write the store's events to a file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from dyad.cli.common import (
    NamesChoice,
    db_option,
    event_filters,
    filter_options,
    handle_errors,
    open_store,
    settings_from,
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
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="The file to write, or - for stdout.",
)
@filter_options
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Export negated, hypothetical and future events too (default: asserted).",
)
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
    all_modalities: bool,
) -> None:
    """Write the store's events to a file (jsonl: one dyad.article/1 per line).

    Only asserted events unless --modality or --all-modalities says otherwise; every
    event format carries a modality column. Columns: docs/data-dictionary.md.

    Example:
        dyad export --format parquet --out events.parquet
    """
    from dyad import exports

    if modality is None and not all_modalities:
        modality = "asserted"
    filters = event_filters(actor, recipient, type_, since, until, modality, text)
    to_stdout = str(out) == "-"
    with open_store(ctx, db, read_only=True) as store:
        target = sys.stdout.buffer if to_stdout else out
        data_dir = settings_from(ctx).data_dir
        rows = exports.export_store(store, fmt, target, filters, data_dir)
    click.echo(f"export: {rows} rows to {'stdout' if to_stdout else out}", err=True)


COMMANDS = (export,)
