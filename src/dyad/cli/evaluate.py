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
@click.option(
    "--full", is_flag=True, help="Also the heavier reports (events: train, NGEC)."
)
@click.option(
    "--sample", type=click.IntRange(min=1), help="Print N random stored events."
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of --sample."
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The store --sample draws from.",
)
@click.option("--dyads-only", is_flag=True, help="--sample only dyad-forming events.")
@click.pass_context
@handle_errors
def evaluate(
    ctx: click.Context,
    suites: tuple[str, ...],
    shared: Path | None,
    baseline: Path,
    update_baseline: bool,
    full: bool,
    sample: int | None,
    seed: int,
    db: Path | None,
    dyads_only: bool,
) -> None:
    """Score dyad on the annotated sets, beside plain baselines.

    Examples:
        dyad eval --suite events
        dyad eval --suite events --sample 20 --seed 1 --db dyad.duckdb --dyads-only
    """
    from dyad.resources import Resources

    if sample is not None:
        from dyad.evaluation.event_sample import print_sample

        if db is None or (suites and "events" not in suites):
            raise click.UsageError("--sample needs --db STORE (and --suite events)")
        click.echo(print_sample(db, sample, seed, dyads_only=dyads_only), nl=False)
        return
    root = shared or _shared_default()
    if not root.is_dir():
        raise DyadError(
            f"{root}: shared data folder not found; pass --shared or set DYAD_SHARED"
        )
    resources = Resources(settings_from(ctx))
    reports = []
    for name in suites or tuple(evaluation.SUITES):
        report = evaluation.run_suite(name, root, resources, full=full)
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
