"""Code one partition on a worker and write its rows to the lake (#14).

The rows are made by the same code as a local ingest: the partition's documents go
through ``corpus``'s writer into a private in-memory store (raw input stored first,
failures as failure rows), and that store's tables are written to the lake as they are.
The copy rules (#12) were applied by the driver over the whole run
(``engines.copies``): the worker stores each document under the id it was given and
drops the repeats, whose problems it stores with its file's. So a row in the lake is
exactly the row a local ingest would have stored, and nothing of it passes through the
driver.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pyarrow as pa

from dyad import corpus
from dyad.engines.copies import PartitionCopies, apply_copies
from dyad.lake import TABLES, Lake, PartitionSummary
from dyad.partitions import Partition, read_partition
from dyad.readers import ReadOptions
from dyad.resources import Resources
from dyad.store.db import Store

logger = logging.getLogger(__name__)


def code_partition(
    partition: Partition,
    *,
    copies: PartitionCopies,
    resources: Resources,
    read_options: ReadOptions,
    lake: Lake,
    force: bool = False,
) -> PartitionSummary:
    """Run the pipeline over ``partition`` and write its rows to ``lake``.

    A partition already complete in the lake is not coded again (a retried task whose
    first attempt finished writing); with ``force`` it is.
    """
    if not force and lake.has(partition.partition_id):
        return lake.summary(partition.partition_id)
    with Store(Path(":memory:")) as store:
        stats = _fill(store, partition, copies, resources, read_options)
        tables = {table: _rows(store, table) for table in TABLES}
    summary = PartitionSummary(
        partition_id=partition.partition_id,
        origins=partition.paths,
        read=stats.read,
        processed=stats.processed,
        failed=stats.failed,
        events=stats.events,
        quotes=stats.quotes,
        file_problems=stats.file_problems,
        rows=sum(t.num_rows for t in tables.values()),
    )
    lake.write(summary, tables)
    logger.info("partition %s: %d articles", partition.partition_id, stats.processed)
    return summary


def _fill(
    store: Store,
    partition: Partition,
    copies: PartitionCopies,
    resources: Resources,
    read_options: ReadOptions,
) -> corpus.IngestStats:
    writer = corpus.partition_writer(store, resources.settings)
    writer.held.extend(copies.problems)  # stored with the report of their file
    writer.stats.duplicates += copies.repeats
    writer.stats.read += copies.keep.count(None)  # read, though not handed on
    items = apply_copies(read_partition(partition, options=read_options), copies)
    for chunk in writer.pending_chunks(items):
        writer.write(corpus.process_chunk(chunk, resources))
    writer.finish()  # problems of documents admitted after their file's report
    return writer.stats


def _rows(store: Store, table: str) -> pa.Table:
    # rowid order is insertion order: the order a local ingest writes its rows in
    return store.con.sql(f"SELECT * FROM {table} ORDER BY rowid").to_arrow_table()
