"""The ``dyad`` command line: the root group and the registry of command modules.

Each command group lives in its own module and imports only ``dyad.cli.common``; this
module imports them, so there is no import cycle.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from dyad.cli import check, evaluate, export, extract, ingest, query, serve, train
from dyad.cli.common import State
from dyad.plugins import load_plugins

COMMAND_MODULES = (extract, evaluate, ingest, query, export, serve, check, train)


def _log_level(verbose: int, quiet: bool) -> int:
    if quiet:
        return logging.ERROR
    if verbose > 1:
        return logging.DEBUG
    return logging.INFO if verbose else logging.WARNING


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dyad")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("-v", "--verbose", count=True, help="More log output on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A TOML settings file.",
)
@click.pass_context
def cli(
    ctx: click.Context, debug: bool, verbose: int, quiet: bool, config: Path | None
) -> None:
    """dyad: news about international affairs in, coded event data out."""
    State.debug = debug
    logging.basicConfig(
        level=_log_level(verbose, quiet),
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    ctx.obj = {"config": config}
    for warning in load_plugins():  # the user's formats and readers (entry points)
        if not quiet:
            click.echo(f"dyad: warning: {warning}", err=True)


for _module in COMMAND_MODULES:
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """Run the command line (the ``dyad`` console script)."""
    cli(prog_name="dyad")
