"""Helpers every command module shares: error handling, settings, store, output.

A ``DyadError`` becomes one line on stderr and exit code 1; usage errors exit 2;
tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import duckdb

from dyad.cli.checks import EVENT_TYPES, code_callback, type_callback
from dyad.errors import DyadError
from dyad.store.faults import store_error

if TYPE_CHECKING:
    from dyad.resources import Resources
    from dyad.settings import Settings
    from dyad.store.db import Store

F = TypeVar("F", bound=Callable[..., Any])

DATE = click.DateTime(formats=["%Y-%m-%d"])


class NamesChoice(click.Choice):  # type: ignore[type-arg]  # click 8.2 made it generic
    """A ``click.Choice`` whose names come from a registry, read when they are needed."""

    def __init__(self, names: Callable[[], Sequence[str]]) -> None:
        self._names = names
        super().__init__(())

    @property  # type: ignore[override]  # read from the registry, never stored
    def choices(self) -> Sequence[str]:
        """The names registered now."""
        return tuple(self._names())

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        """Ignore click's assignment in ``__init__``: the registry is the source."""


class State:
    """Process-wide CLI flags set by the root group (``--debug``)."""

    debug = False


def fail(message: str) -> None:
    """Print ``dyad: error: message`` on stderr and exit with code 1."""
    click.echo(f"dyad: error: {message}", err=True)
    sys.exit(1)


def handle_errors(func: F) -> F:
    """Turn a DyadError (and only that, unless --debug) into one line and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DyadError as e:
            if State.debug:
                raise
            fail(str(e))
        except duckdb.Error as e:  # a read that met a damaged or vanished store
            if State.debug:
                raise
            fail(str(store_error(Path("the store"), e, doing="reading it")))
        except KeyboardInterrupt:
            fail("interrupted")
        return None

    return wrapper  # type: ignore[return-value]  # wraps keeps the signature


def checked_resources(settings: Settings) -> Resources:
    """Return the ``Resources`` of ``settings`` with every data file loaded and checked.

    A missing or malformed data file (a user's copy in ``data_dir`` included) prints
    ``dyad: error: file:line: message`` and exits with code 2, before any work.
    """
    from dyad.errors import ResourceError
    from dyad.resources import Resources

    resources = Resources(settings)
    try:
        resources.validate()
    except ResourceError as e:
        if State.debug:
            raise
        click.echo(f"dyad: error: {e}", err=True)
        sys.exit(2)
    return resources


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    """Return the Settings for this invocation (config file plus options)."""
    from dyad.settings import load_settings

    return load_settings(ctx.obj.get("config") if ctx.obj else None, **overrides)


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--db FILE`` (the store file) to a command."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The DuckDB store file (default: dyad.duckdb).",
    )(func)


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--format table|json|nl|csv`` (the listing formats) to a command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "nl", "csv"]),
        default=None,
        help="Output format (default: table on a terminal, json otherwise).",
    )(func)


def day(value: dt.datetime | None) -> dt.date | None:
    """Return the date of a parsed ``--since``/``--until`` value."""
    return value.date() if value else None


def open_store(ctx: click.Context, db: Path | None, *, read_only: bool) -> Store:
    """Open the store of ``--db`` (or the settings' default)."""
    from dyad.store.db import Store

    path = db or settings_from(ctx).db
    # #12: a writer lets go of the file between batches, so serve and the read
    # commands keep answering during an ingest
    return Store(path, read_only=read_only, hold_lock=False)


def event_filters(
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    modality: str | None,
    text: str | None,
) -> Any:
    """Return the analytics ``EventFilter`` of the shared filter options."""
    from dyad.analytics import EventFilter

    return EventFilter(
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        type=type_,
        since=day(since),
        until=day(until),
        modality=modality,
        text=text,
    )


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the event filters (actor, recipient, type, dates, modality, text)."""
    for option in reversed(
        (
            click.option(
                "--actor",
                callback=code_callback,
                help="Actor code (or country name) on the actor side (e.g. USA).",
            ),
            click.option(
                "--recipient", callback=code_callback, help="The recipient side."
            ),
            click.option(
                "--type",
                "type_",
                type=EVENT_TYPES,
                callback=type_callback,
                help="PLOVER event type (e.g. CONSULT).",
            ),
            click.option("--since", type=DATE, help="First day, YYYY-MM-DD."),
            click.option("--until", type=DATE, help="Last day, YYYY-MM-DD."),
            click.option(
                "--modality",
                type=click.Choice(["asserted", "negated", "hypothetical", "future"]),
            ),
            click.option("--text", help="Words in the trigger, sentence or title."),
        )
    ):
        func = option(func)
    return func


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _dicts(records: Sequence[Any]) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in dataclasses.asdict(r).items()} for r in records]


def emit(records: Sequence[Any], fmt: str | None, columns: Sequence[str]) -> None:
    """Write dataclass ``records`` to stdout as json, nl (JSON lines), csv or a table."""
    rows = _dicts(records)
    chosen = fmt or ("table" if sys.stdout.isatty() else "json")
    if chosen == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif chosen == "nl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif chosen == "csv":
        _csv(rows, columns)
    else:
        _table(rows, columns)


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
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
