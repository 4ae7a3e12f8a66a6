"""``dyad train``: rebuild dyad's learned parts (the event model)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from dyad.cli.common import checked_resources, handle_errors, settings_from
from dyad.errors import DyadError

_CHECKOUT = Path(__file__).resolve().parents[3]  # src/dyad/cli/train.py -> checkout


def _shared_default() -> Path:
    import os

    return Path(os.environ.get("DYAD_SHARED", "../shared"))


@click.group()
def train() -> None:
    """Train dyad's learned parts from the repository and the shared data."""


@train.command(name="events")
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Shared data folder (default: $DYAD_SHARED or ../shared).",
)
@click.option(
    "--annotations",
    type=click.Path(file_okay=False, path_type=Path),
    default=_CHECKOUT / "eval" / "annotations",
    show_default=True,
    help="Folder with our annotated train splits (events-train-*.jsonl).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the packaged dyad/data/models/events.json).",
)
@click.pass_context
@handle_errors
def train_events(
    ctx: click.Context, shared: Path | None, annotations: Path, out: Path | None
) -> None:
    """Train the event model (type and mode of each candidate trigger).

    Deterministic: the same repository and shared data give the same bytes.

    Example:
        dyad train events --shared ../shared
    """
    from dyad.knowledge.files import data_path
    from dyad.training.events import train as run

    settings = settings_from(ctx)
    resources = checked_resources(settings)  # a bad data file: file:line, exit 2
    root = shared or _shared_default()
    if not root.is_dir():
        raise DyadError(
            f"{root}: shared data folder not found; pass --shared or set DYAD_SHARED"
        )
    target = out or data_path("models", "events.json")
    started = time.perf_counter()
    summary = run(root, annotations, resources, target)
    for key, value in summary.items():
        click.echo(f"{key}: {value}")
    click.echo(f"wrote {target} in {time.perf_counter() - started:.0f} s", err=True)


COMMANDS = (train,)
