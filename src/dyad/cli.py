"""The ``dyad`` command line: thin click commands over the library.

Data goes to stdout, messages to stderr. A ``DyadError`` becomes one line on stderr and
exit code 1; usage errors exit 2; tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from dyad.errors import DyadError

F = TypeVar("F", bound=Callable[..., Any])


class _State:
    debug = False


def _fail(message: str) -> None:
    click.echo(f"dyad: error: {message}", err=True)
    sys.exit(1)


def handle_errors(func: F) -> F:
    """Turn a DyadError (and only that, unless --debug) into one line and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DyadError as e:
            if _State.debug:
                raise
            _fail(str(e))
        except KeyboardInterrupt:
            _fail("interrupted")
        return None

    return wrapper  # type: ignore[return-value]  # wraps keeps the signature


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
    _State.debug = debug
    level = (
        logging.ERROR
        if quiet
        else (
            logging.DEBUG
            if verbose > 1
            else logging.INFO
            if verbose
            else logging.WARNING
        )
    )
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = {"config": config}


def settings_from(ctx: click.Context, **overrides: Any) -> Any:
    """Return the Settings for this invocation (config file plus options)."""
    from dyad.settings import load_settings

    return load_settings(ctx.obj.get("config") if ctx.obj else None, **overrides)


@cli.command()
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
    type=click.Choice(["json", "table", "plover", "gdelt"]),
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
    from dyad import views
    from dyad.errors import InputError
    from dyad.pipeline import run_article
    from dyad.records import ArticleFailure
    from dyad.resources import Resources
    from dyad.stages.ingest import parse_date, read_document

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
    resources = Resources(settings)
    if settings.event_files:
        resources.event_lexicon  # noqa: B018 - a bad --events file fails here, as file:line
    result = run_article(raw, resources, fail_fast=_State.debug)
    if isinstance(result, ArticleFailure):
        _fail(
            f"{origin}: failed in stage {result.stage}: {result.error_type}: "
            f"{result.message}"
        )
        return
    views.print_result(result, fmt)


def main() -> None:
    """Run the command line (the ``dyad`` console script)."""
    cli(prog_name="dyad")


def _shared_default() -> Path:
    import os

    return Path(os.environ.get("DYAD_SHARED", "../shared"))


@cli.command(name="eval")
@click.option(
    "--suite",
    "suites",
    multiple=True,
    type=click.Choice(["events", "times", "quotes", "extraction"]),
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
    from dyad import evaluation
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


def _register_commands() -> None:
    """Add the command groups that live in their own modules."""
    from dyad import cli_store, cli_web

    cli_store.register(cli)
    cli_web.register(cli)


_register_commands()
