"""The Dask engine of ``dyad ingest --engine dask`` (#14): partitions coded on a cluster.

The driver (this process) plans partitions with a cheap scan, decides which documents
repeat an article read before (``engines.copies``: #12's copy rules over the whole run,
as a local ingest applies them), submits the partitions not yet in the lake as Dask
tasks, and as they finish loads batches of them from the lake into the store, one
transaction per batch; then it recomputes the clusters of the keys the run touched.
Tasks return counts, never rows. Each worker builds ``Resources`` once, in a worker
plugin, and keeps it for every partition it codes.

Resuming is by construction: a partition complete in the lake is not coded again, one
recorded in the store's ``lake_partitions`` is not loaded again. Dask reruns the task of
a worker that dies; a task that keeps killing workers (or raises) fails its partition,
the run finishes the others and then reports it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from dyad import duplicates
from dyad.corpus import IngestStats, Progress, pipeline_version
from dyad.engines.copies import PartitionCopies, plan_copies
from dyad.engines.worker import code_partition
from dyad.errors import DyadError
from dyad.lake import Lake, PartitionSummary
from dyad.partitions import PARTITION_SIZE, Partition, plan_partitions
from dyad.readers import ReadOptions
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.store.clusters import update_clusters
from dyad.store.db import Store
from dyad.store.loading import LakeLoader

logger = logging.getLogger(__name__)

PLUGIN_NAME = "dyad-resources"
# Partitions loaded into the store per transaction: fewer commits, yet a killed driver
# loses at most this many partitions' loading (never their coding, kept in the lake).
LOAD_BATCH = 8
# Tasks in flight per worker: enough to keep each busy while the driver loads.
TASKS_PER_WORKER = 3
# Task errors (not worker deaths, which Dask counts itself) retried before giving up.
RETRIES = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class DaskOptions:
    """Where and how to run: ``scheduler`` None starts a local cluster of ``workers``."""

    lake: str
    scheduler: str | None = None
    workers: int = 2
    partition_size: int = PARTITION_SIZE
    force: bool = False  # code and load again partitions already in the lake


class ResourcesPlugin(WorkerPlugin):
    """Builds the model and knowledge once per worker process, kept for all its tasks."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resources: Resources | None = None

    def setup(self, worker: Any) -> None:
        """Load the resources when the worker starts (or joins the cluster)."""
        resources = Resources(self.settings)
        for name, member in vars(Resources).items():
            # every lazily loaded part (model, dictionaries, gazetteer) now, not in the
            # first task, so that no partition pays for loading
            if isinstance(member, functools.cached_property):
                getattr(resources, name)
        self.resources = resources


def _code_on_worker(
    partition: Partition,
    copies: PartitionCopies,
    lake_url: str,
    read_options: ReadOptions,
    force: bool,
) -> PartitionSummary:
    plugin = get_worker().plugins[PLUGIN_NAME]
    if not isinstance(plugin, ResourcesPlugin) or plugin.resources is None:
        raise RuntimeError("the dyad worker plugin did not set up; a bug")
    return code_partition(
        partition,
        copies=copies,
        resources=plugin.resources,
        read_options=read_options,
        lake=Lake(lake_url),
        force=force,
    )


@contextmanager
def connect(options: DaskOptions) -> Iterator[Client]:
    """Connect to ``options.scheduler``, or start a local cluster and connect to it.

    Raises:
        DyadError: the scheduler cannot be reached.
    """
    if options.scheduler is None:
        with (
            LocalCluster(
                n_workers=options.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: 8787 may be taken
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(options.scheduler, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise DyadError(
            f"{options.scheduler}: cannot reach the Dask scheduler ({e}); "
            "start one with: dask scheduler"
        ) from e
    with client:
        yield client


def _has_plugin(dask_worker: Any) -> bool:
    return PLUGIN_NAME in dask_worker.plugins


def _prepare(client: Client, settings: Settings) -> None:
    """Register the resources plugin unless every worker already has it."""
    present = client.run(_has_plugin)
    if not present or not all(present.values()):
        client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)


def ingest_on_dask(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    *,
    options: DaskOptions,
    read_options: ReadOptions | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Ingest ``paths`` on a Dask cluster through the lake into ``store``.

    Raises:
        DyadError: a path is missing or unreadable, the scheduler is unreachable, or
            partitions failed (the others are stored and clustered first).
    """
    read = read_options or ReadOptions(max_bytes=settings.max_input_bytes)
    identity = (pipeline_version(settings), read.max_bytes, sorted(read.fields.items()))
    lake = Lake(options.lake)
    scan = plan_partitions(paths, size=options.partition_size, identity=identity)
    decided = plan_copies(list(scan), read)
    run = _Run(store, lake, decided, options, progress)
    todo = run.take_stock()
    if todo:  # nothing to code: no cluster needed
        with connect(options) as client:
            _prepare(client, settings)
            run.code(client, todo, read)
    run.finish()
    duplicates.link_reports(store, run.loader.touched)  # near copies across partitions
    run.stats.clusters = update_clusters(store)
    if progress:
        progress(run.stats)
    if run.failed:
        raise DyadError(
            f"{len(run.failed)} partitions failed ({'; '.join(run.failed[:3])}); "
            "the others are stored: run the same command again to retry them"
        )
    return run.stats


class _Run:
    """The driver's bookkeeping of one run: what to code, what to load, counts."""

    def __init__(
        self,
        store: Store,
        lake: Lake,
        decided: list[tuple[Partition, PartitionCopies]],
        options: DaskOptions,
        progress: Progress | None,
    ) -> None:
        self.lake, self.options, self.progress = lake, options, progress
        self.plan = [partition for partition, _ in decided]
        self.copies = {p.partition_id: copies for p, copies in decided}
        self.loader = LakeLoader(store, lake, self.plan)
        self.stats = IngestStats(files=len({p for x in self.plan for p in x.paths}))
        self.stats.duplicates = sum(c.repeats for c in self.copies.values())
        self.batch: list[Partition] = []
        self.failed: list[str] = []

    def take_stock(self) -> list[Partition]:
        """Queue for loading the partitions in the lake but not in the store; return
        those the lake lacks, to be coded."""
        loaded = set() if self.options.force else self.loader.loaded_ids()
        complete = set() if self.options.force else self.lake.complete_ids()
        todo: list[Partition] = []
        for partition in self.plan:
            if partition.partition_id in complete:
                summary = self.lake.summary(partition.partition_id)
                self._count(summary, coded=False)
                if partition.partition_id not in loaded:
                    self._add(partition)
            else:
                todo.append(partition)
        return todo

    def finish(self) -> None:
        """Load the last batch, then the problems of the files read."""
        self._flush()
        self.loader.finish()

    def code(self, client: Client, todo: list[Partition], read: ReadOptions) -> None:
        """Code ``todo`` on the cluster, a few tasks per worker in flight, loading
        each finished partition's rows in batches."""
        by_key = {f"dyad-{p.partition_id}": p for p in todo}
        queue = iter(by_key.items())
        window = TASKS_PER_WORKER * max(len(client.scheduler_info()["workers"]), 1)
        running = as_completed()
        for key, partition in _take(queue, window):
            running.add(self._submit(client, key, partition, read))
        for future in running:
            partition = by_key[future.key]
            try:
                summary = future.result()
            except Exception as e:  # a task error or a worker death, after retries
                logger.warning("partition %s failed: %s", partition.partition_id, e)
                self.failed.append(f"{partition.paths[0]}: {type(e).__name__}: {e}")
            else:
                self._count(summary, coded=True)
                self._add(partition)
                if self.progress:
                    self.progress(self.stats)
            future.release()
            for key, more in _take(queue, 1):
                running.add(self._submit(client, key, more, read))

    def _submit(
        self, client: Client, key: str, partition: Partition, read: ReadOptions
    ) -> Any:
        return client.submit(
            _code_on_worker,
            partition,
            self.copies[partition.partition_id],
            self.lake.url,
            read,
            self.options.force,
            key=key,
            retries=RETRIES,
            pure=False,
        )

    def _count(self, summary: PartitionSummary, *, coded: bool) -> None:
        stats = self.stats
        stats.read += summary.read
        stats.file_problems += summary.file_problems
        if not coded:
            stats.skipped += summary.read
            return
        stats.processed += summary.processed
        stats.failed += summary.failed
        stats.events += summary.events
        stats.quotes += summary.quotes

    def _add(self, partition: Partition) -> None:
        self.batch.append(partition)
        if len(self.batch) >= LOAD_BATCH:
            self._flush()

    def _flush(self) -> None:
        stored = self.loader.load(self.batch)
        logger.info("loaded %d partitions (%d articles)", len(self.batch), stored)
        self.batch = []
        if self.progress:
            self.progress(self.stats)


def _take(
    queue: Iterator[tuple[str, Partition]], count: int
) -> list[tuple[str, Partition]]:
    return [item for _, item in zip(range(count), queue, strict=False)]
