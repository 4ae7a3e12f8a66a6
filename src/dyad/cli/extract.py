"""``dyad extract``: code one article and print the records."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad.cli import views
from dyad.cli.common import (
    NamesChoice,
    State,
    checked_resources,
    fail,
    handle_errors,
    settings_from,
)
from dyad.formats import extract_formats


@click.command()
@click.argument("source", type=str)
@click.option(
    "--date", "date_", help="Publication date, YYYY-MM-DD (anchors relative times)."
)
@click.option("--title", help="Article title.")
@click.option("--source", "source_name", help="Publisher name.")
@click.option("--url", help="Article URL (also gives the article id).")
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actor dictionary (YAML); may repeat.",
)
@click.option(
    "--events",
    "event_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra event triggers and modality cues (YAML); may repeat.",
)
@click.option(
    "--format",
    "fmt",
    type=NamesChoice(extract_formats),
    default="json",
    show_default=True,
)
@click.pass_context
@handle_errors
def extract(
    ctx: click.Context,
    source: str,
    date_: str | None,
    title: str | None,
    source_name: str | None,
    url: str | None,
    actor_files: tuple[Path, ...],
    event_files: tuple[Path, ...],
    fmt: str,
) -> None:
    """Code one article (a file, or - for stdin) and print the records.

    Example:
        dyad extract article.txt --date 2023-06-15 --format table
    """
    from dyad.errors import InputError
    from dyad.pipeline import run_article
    from dyad.readers import parse_date, read_document
    from dyad.records import ArticleFailure

    settings = settings_from(ctx, actor_files=actor_files, event_files=event_files)
    origin = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as e:
        raise InputError(f"{origin}: cannot read: {e.strerror}") from e
    raw = read_document(
        data,
        origin=origin,
        max_bytes=settings.max_input_bytes,
        title=title,
        published=parse_date(date_, origin="--date"),
        source=source_name,
        url=url,
    )
    resources = checked_resources(settings)  # a bad data file: file:line, exit 2
    result = run_article(raw, resources, fail_fast=State.debug)
    if isinstance(result, ArticleFailure):
        fail(
            f"{origin}: failed in stage {result.stage}: {result.error_type}: "
            f"{result.message}"
        )
        return
    views.print_result(result, fmt, settings.data_dir)


COMMANDS = (extract,)
