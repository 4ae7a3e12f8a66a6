"""``dyad check``: read a store end to end and say whether it is whole (#12)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad.cli.common import db_option, handle_errors, settings_from


@click.command()
@db_option
@click.pass_context
@handle_errors
def check(ctx: click.Context, db: Path | None) -> None:
    """Read every row of every table of a store; exit 1 when any cannot be read.

    Opening and counting do not notice a file cut short; this does.

    Example:
        dyad check --db dyad.duckdb
    """
    from dyad.store.faults import check_store

    path = db or settings_from(ctx).db
    results = check_store(path)
    bad = [r for r in results if r.error is not None]
    for result in results:
        status = f"{result.rows:,} rows" if result.error is None else result.error
        click.echo(f"{result.table}: {status}")
    if bad:
        click.echo(
            f"dyad: {path}: {len(bad)} of {len(results)} checks failed; restore a "
            "backup or ingest again into a new --db",
            err=True,
        )
        sys.exit(1)
    click.echo(f"dyad: {path}: every table reads in full", err=True)


COMMANDS = (check,)
