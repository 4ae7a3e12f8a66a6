"""Commands that write the store: ``ingest`` and ``rerun``.

Data goes to stdout, progress and messages to stderr.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from dyad.cli.common import (
    checked_resources,
    db_option,
    handle_errors,
    open_store,
    settings_from,
)


class _Reporter:
    """Progress on stderr: a rich bar on a terminal, else a quiet line now and then."""

    EVERY_SECONDS = 10.0

    def __init__(self, total: int | None) -> None:
        self.start = time.monotonic()
        self.last = self.start
        self.bar: Any = None
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(
                    "{task.fields[rate]:.1f} art/s  events {task.fields[events]}"
                    "  failures {task.fields[failed]}"
                ),
                TimeRemainingColumn(),
                transient=False,
            )
            self.task = self.bar.add_task(
                "ingest", total=total, rate=0.0, events=0, failed=0
            )
            self.bar.start()

    def __call__(self, stats: Any) -> None:
        now = time.monotonic()
        done = stats.processed + stats.skipped
        rate = stats.processed / max(now - self.start, 1e-9)
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=done,
                rate=rate,
                events=stats.events,
                failed=stats.failed,
            )
        elif now - self.last >= self.EVERY_SECONDS:
            self.last = now
            click.echo(
                f"ingest: {done} articles ({stats.processed} processed, "
                f"{stats.skipped} unchanged), {stats.events} events, "
                f"{stats.failed} failures, {rate:.1f} articles/s",
                err=True,
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary(stats: Any, seconds: float) -> str:
    return (
        f"ingest: {stats.read} documents from {stats.files} files: "
        f"{stats.processed} processed, {stats.skipped} unchanged, "
        f"{stats.duplicates} repeated, {stats.failed} failed, "
        f"{stats.file_problems} unreadable inputs; "
        f"{stats.events} events, {stats.quotes} quotes; "
        f"{stats.processed / max(seconds, 1e-9):.2f} articles/s"
    )


@click.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, allow_dash=True, path_type=Path),
)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that parse in parallel (one writer).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    help="JSON key holding a field, e.g. --field text=body; may repeat.",
)
@click.option("--force", is_flag=True, help="Re-process articles stored unchanged.")
@click.option(
    "--chunk-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Articles per worker task and per write transaction.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine; dask: a Dask cluster writing a Parquet lake.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Dask scheduler to use (default: a local cluster of --workers processes).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(1, 100_000),
    default=None,
    help="Documents per Dask partition (default 50).",
)
@click.option(
    "--lake",
    metavar="DIR|URL",
    default=None,
    help="Parquet lake of the dask engine: a folder or fsspec URL (default: DB.lake).",
)
@click.pass_context
@handle_errors
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path | None,
    workers: int,
    fields: tuple[str, ...],
    force: bool,
    chunk_size: int | None,
    engine: str,
    scheduler: str | None,
    partition_size: int | None,
    lake: str | None,
) -> None:
    """Read files and folders (txt, html, jsonl, rss/atom, warc, gzip; - for stdin).

    Example:
        dyad ingest news.jsonl --engine dask --workers 2 --lake lake/ --db dyad.duckdb
    """
    from dyad import corpus
    from dyad.readers import ReadOptions, count_documents, parse_fields

    settings = settings_from(ctx, db=db)
    checked_resources(settings)  # a bad data file: file:line, exit 2, before any work
    read = ReadOptions(max_bytes=settings.max_input_bytes, fields=parse_fields(fields))
    if engine == "dask":
        dask = _dask_options(settings, workers, force, scheduler, partition_size, lake)
        return _ingest_on_dask(ctx, paths, settings, read, dask)
    options = corpus.IngestOptions(
        workers=workers,
        chunk_size=chunk_size or corpus.CHUNK_SIZE,
        force=force,
        fail_fast=bool(ctx.find_root().params.get("debug")),
    )
    reporter = _Reporter(count_documents(paths) if sys.stderr.isatty() else None)
    start = time.monotonic()
    with open_store(ctx, settings.db, read_only=False) as store:
        try:
            stats = corpus.ingest_paths(
                list(paths), store, settings, options=options, read_options=read,
                progress=reporter,
            )  # fmt: skip
        finally:
            reporter.close()
    click.echo(_summary(stats, time.monotonic() - start), err=True)
    if stats.read == 0 and stats.file_problems:  # #12: nothing readable is an error
        click.echo(
            "dyad: no readable document in the input; see the problems with "
            "`dyad stats`",
            err=True,
        )
        sys.exit(1)
    if stats.failed:
        click.echo(
            f"dyad: {stats.failed} articles failed; see `dyad stats`, "
            "retry with `dyad rerun --failed`",
            err=True,
        )
        sys.exit(1)


def _dask_options(
    settings: Any,
    workers: int,
    force: bool,
    scheduler: str | None,
    partition_size: int | None,
    lake: str | None,
) -> Any:
    from dyad.engines.dask import DaskOptions
    from dyad.partitions import PARTITION_SIZE

    return DaskOptions(
        lake=lake or f"{settings.db}.lake",
        scheduler=scheduler,
        workers=workers,
        partition_size=partition_size or PARTITION_SIZE,
        force=force,
    )


def _ingest_on_dask(
    ctx: click.Context,
    paths: tuple[Path, ...],
    settings: Any,
    read: Any,
    options: Any,
) -> None:
    """Run ``dyad ingest --engine dask`` (#14) and print its summary."""
    import logging

    from dyad.engines.dask import ingest_on_dask

    # distributed sets its loggers to INFO on import; follow -v/-q like ours do
    logging.getLogger("distributed").setLevel(logging.getLogger().getEffectiveLevel())
    reporter = _Reporter(None)
    start = time.monotonic()
    with open_store(ctx, settings.db, read_only=False) as store:
        try:
            stats = ingest_on_dask(
                list(paths),
                store,
                settings,
                options=options,
                read_options=read,
                progress=reporter,
            )
        finally:
            reporter.close()
    click.echo(_summary(stats, time.monotonic() - start), err=True)
    if stats.failed:
        click.echo(f"dyad: {stats.failed} articles failed; see `dyad stats`", err=True)
        sys.exit(1)


@click.command()
@click.option(
    "--failed",
    is_flag=True,
    required=True,
    help="Retry the articles whose last run failed.",
)
@db_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.pass_context
@handle_errors
def rerun(ctx: click.Context, failed: bool, db: Path | None, workers: int) -> None:
    """Process again the stored raw input of failed articles.

    Example:
        dyad rerun --failed --db dyad.duckdb
    """
    from dyad import corpus

    settings = settings_from(ctx, db=db)
    start = time.monotonic()
    with open_store(ctx, settings.db, read_only=False) as store:
        stats = corpus.rerun_failed(
            store, settings, options=corpus.IngestOptions(workers=workers)
        )
    click.echo(_summary(stats, time.monotonic() - start), err=True)
    if stats.failed:
        sys.exit(1)


COMMANDS = (ingest, rerun)
