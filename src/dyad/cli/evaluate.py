"""``dyad eval``: score dyad on the annotated sets, beside plain baselines."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dyad import evaluation
from dyad.cli.common import handle_errors, settings_from
from dyad.errors import DyadError


def _shared_default() -> Path:
    return Path(os.environ.get("DYAD_SHARED", "../shared"))


@click.command(name="eval")
@click.option(
    "--suite",
    "suites",
    multiple=True,
    type=click.Choice(tuple(evaluation.SUITES)),
    help="Run only these suites (default: all).",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Shared data folder (default: $DYAD_SHARED or ../shared).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eval/baseline.json"),
    show_default=True,
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Pin the new figures as floors (say why in CHANGELOG.md).",
)
@click.pass_context
@handle_errors
def evaluate(
    ctx: click.Context,
    suites: tuple[str, ...],
    shared: Path | None,
    baseline: Path,
    update_baseline: bool,
) -> None:
    """Score dyad on the annotated sets, beside plain baselines.

    Example:
        dyad eval --suite events
    """
    from dyad.resources import Resources

    root = shared or _shared_default()
    if not root.is_dir():
        raise DyadError(
            f"{root}: shared data folder not found; pass --shared or set DYAD_SHARED"
        )
    resources = Resources(settings_from(ctx))
    reports = []
    for name in suites or tuple(evaluation.SUITES):
        report = evaluation.run_suite(name, root, resources)
        click.echo(report.text)
        reports.append(report)
    if update_baseline:
        evaluation.write_baseline(reports, baseline)
        click.echo(f"pinned figures in {baseline}", err=True)
        return
    drops = evaluation.compare_with_baseline(reports, baseline)
    for line in drops:
        click.echo(f"dyad: below baseline: {line}", err=True)
    if drops:
        sys.exit(1)


COMMANDS = (evaluate,)
