"""The Parquet lake the cluster engine writes (#14): one file per table per partition.

Layout under the lake root (a local folder or any fsspec URL, e.g. ``s3://bucket/x``)::

    tables/<table>/<partition_id>.parquet   the partition's rows of that store table
    partitions/<partition_id>.json          written last: the partition is complete

A partition counts as present only once its manifest exists, so a worker killed while
writing leaves no half partition behind (its Parquet files are overwritten on retry).
Files are named by the partition's content hash, so writing one twice writes the same
rows, and any engine that reads Parquet (DuckDB, Spark, Polars) can read the lake.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from dyad.errors import StoreError

# The store tables a partition fills; clusters are computed in the store, not here.
TABLES = (
    "articles",
    "sentences",
    "problems",
    "failures",
    "actors",
    "mentions",
    "times",
    "events",
    "event_dyads",
    "quotes",
    "article_fingerprints",  # copy keys (#12); reports are linked in the store
    "article_bands",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PartitionSummary:
    """What a worker reports of a partition: counts only, never rows."""

    partition_id: str
    origins: tuple[str, ...]
    read: int
    processed: int
    failed: int
    events: int
    quotes: int
    file_problems: int
    rows: int


class Lake:
    """A lake root on some filesystem; reads and writes partitions by id."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            fs, root = fsspec.core.url_to_fs(url)
        except (
            ImportError,
            ValueError,
        ) as e:  # unknown protocol or its package missing
            raise StoreError(f"{url}: cannot open the lake: {e}") from e
        self.fs: Any = fs  # fsspec's AbstractFileSystem is untyped
        self.root = str(root).rstrip("/")

    @property
    def is_local(self) -> bool:
        """Return True when the lake is a local folder (DuckDB reads it directly)."""
        protocol = self.fs.protocol
        names = (protocol,) if isinstance(protocol, str) else tuple(protocol)
        return "file" in names or "local" in names

    def table_path(self, table: str, partition_id: str) -> str:
        """Return the path of one table's file of one partition."""
        return f"{self.root}/tables/{table}/{partition_id}.parquet"

    def manifest_path(self, partition_id: str) -> str:
        """Return the path of a partition's manifest."""
        return f"{self.root}/partitions/{partition_id}.json"

    def has(self, partition_id: str) -> bool:
        """Return True when the partition was written completely."""
        return bool(self.fs.exists(self.manifest_path(partition_id)))

    def complete_ids(self) -> set[str]:
        """Return the ids of every complete partition, listing the manifests once."""
        folder = f"{self.root}/partitions"
        if not self.fs.exists(folder):
            return set()
        names = self.fs.ls(folder, detail=False)
        return {
            str(name).rsplit("/", 1)[-1].removesuffix(".json")
            for name in names
            if str(name).endswith(".json")
        }

    def summary(self, partition_id: str) -> PartitionSummary:
        """Return the counts stored in a complete partition's manifest."""
        with self.fs.open(self.manifest_path(partition_id), "rb") as stream:
            data = json.loads(stream.read())
        data["origins"] = tuple(data["origins"])
        return PartitionSummary(**data)

    def write(self, summary: PartitionSummary, tables: Mapping[str, pa.Table]) -> None:
        """Write every table of a partition, then its manifest."""
        for table in TABLES:
            path = self.table_path(table, summary.partition_id)
            self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
            with self.fs.open(path, "wb") as stream:
                pq.write_table(tables[table], stream, compression="zstd")
        path = self.manifest_path(summary.partition_id)
        self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        with self.fs.open(path, "wb") as stream:
            stream.write(json.dumps(asdict(summary), sort_keys=True).encode("utf-8"))

    def files(self, table: str, partition_ids: Sequence[str]) -> list[str]:
        """Return the paths of ``table``'s files of ``partition_ids``, as DuckDB reads
        them (plain paths for a local lake, ``protocol://`` URLs otherwise)."""
        paths = [self.table_path(table, p) for p in partition_ids]
        if self.is_local:
            return paths
        return [self.fs.unstrip_protocol(p) for p in paths]
