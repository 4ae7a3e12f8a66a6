"""Bulk-load lake partitions into the store (#14): one transaction per batch.

Loading a batch replaces the rows of every article it holds, as a local ingest does
(delete by ``article_id``, insert), drops the clusters those articles were in (the next
cluster update recomputes their keys), and records each partition in
``lake_partitions`` so that a re-run loads nothing twice. DuckDB reads the Parquet files
itself (``read_parquet``); no row passes through Python.

Problems met reading a file belong to no article (``article_id`` null) and are replaced
per file, as locally; a file split into several partitions has them in several, so
``finish`` replaces them once per run, from all loaded partitions of each file whose
partitions were loaded since (``lake_partitions.read_problems_loaded``).

One article id is in several partitions of a run only when a later copy with more text
took the place of an article read earlier (the driver's copy rules, #12, gave it that
article's id): the latest partition in input order wins, as the copy stored last wins
locally, in whatever order the partitions finish. ``LakeLoader`` keeps the position
each stored article came from, seeded from the partitions loaded by an earlier, killed
run of the same plan, so a resumed run keeps the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pyarrow as pa

from dyad.lake import TABLES, Lake
from dyad.partitions import Partition
from dyad.store.db import Store

_SEEN = """
CREATE OR REPLACE TEMP TABLE _lake_seen (
    article_id VARCHAR PRIMARY KEY, position INTEGER NOT NULL
)
"""

_INCOMING = """
CREATE OR REPLACE TEMP TABLE _lake_incoming AS
SELECT a.article_id, arg_max(f.partition_id, f.position) AS partition_id,
       max(f.position) AS position
FROM read_parquet(?, filename = true) a JOIN _lake_files f USING (filename)
GROUP BY a.article_id
"""

# Articles of the batch not already stored from a later partition of this run.
_WINNERS = """
CREATE OR REPLACE TEMP TABLE _lake_winners AS
SELECT i.* FROM _lake_incoming i
WHERE NOT EXISTS (SELECT 1 FROM _lake_seen s
                  WHERE s.article_id = i.article_id AND s.position > i.position)
"""

_DROP_CLUSTERS = """
CREATE OR REPLACE TEMP TABLE _lake_stale AS
SELECT DISTINCT cluster_id FROM event_cluster_members
WHERE article_id IN (SELECT article_id FROM _lake_winners)
"""

_INSERT_ROWS = """
INSERT INTO {table} BY NAME
SELECT * EXCLUDE (filename) FROM read_parquet(?, filename = true) x
WHERE EXISTS (SELECT 1 FROM _lake_winners w JOIN _lake_files f USING (partition_id)
              WHERE f.filename = x.filename AND w.article_id = x.article_id)
"""

_INSERT_READ_PROBLEMS = """
INSERT INTO problems BY NAME
SELECT * EXCLUDE (filename) FROM read_parquet($2, filename = true)
WHERE article_id IS NULL AND (list_contains($1, origin)
      OR list_contains($1, regexp_replace(origin, '#[^#]*$', '')))
"""

_FILE_SCHEMA = pa.schema(
    [("filename", pa.string()), ("partition_id", pa.string()), ("position", pa.int32())]
)


class LakeLoader:
    """Loads partitions of one run's plan from ``lake`` into ``store``."""

    def __init__(self, store: Store, lake: Lake, plan: Sequence[Partition]) -> None:
        self.store, self.lake, self.plan = store, lake, plan
        self.touched: list[str] = []  # articles loaded by this loader, for copy linking
        self._register_filesystem()

    def _register_filesystem(self) -> None:
        """Let DuckDB read an object-store lake (s3://, gs://, …) through its fsspec."""
        if self.lake.is_local:
            return
        protocol = self.lake.fs.protocol
        name = protocol if isinstance(protocol, str) else protocol[0]
        if not self.store.con.filesystem_is_registered(name):
            self.store.con.register_filesystem(self.lake.fs)

    def loaded_ids(self) -> set[str]:
        """Return the ids of the partitions the store already holds."""
        rows = self.store.con.execute("SELECT partition_id FROM lake_partitions")
        return {str(r[0]) for r in rows.fetchall()}

    def _seed(self) -> None:
        """Make ``_lake_seen`` unless the connection has it: a store that lets readers
        in between writes (``hold_lock=False``) opens a new connection, without the
        temporary tables, for each batch. It is seeded from the partitions of the plan
        the store holds (loaded by this run, or by a killed run of the same plan)."""
        con = self.store.con
        found = con.execute(
            "SELECT count(*) FROM duckdb_tables() "
            "WHERE temporary AND table_name = '_lake_seen'"
        ).fetchall()
        if found[0][0]:
            return
        con.execute(_SEEN)
        loaded = self.loaded_ids()
        partitions = [p for p in self.plan if p.partition_id in loaded]
        if not partitions:
            return
        self._register(partitions)
        try:
            con.execute(_INCOMING, [self._files("articles", partitions)])
            con.execute(
                "INSERT OR REPLACE INTO _lake_seen "
                "SELECT article_id, position FROM _lake_incoming"
            )
        finally:
            con.unregister("_lake_files")

    def load(self, partitions: Sequence[Partition]) -> int:
        """Load ``partitions`` (complete in the lake) in one transaction; return how
        many articles they stored."""
        if not partitions:
            return 0
        batch = sorted(partitions, key=lambda p: p.position)
        self._seed()
        self._register(batch)
        try:
            with self.store.transaction() as con:
                con.execute(_INCOMING, [self._files("articles", batch)])
                con.execute(_WINNERS)
                self._clear()
                for table in TABLES:
                    con.execute(
                        _INSERT_ROWS.format(table=table), [self._files(table, batch)]
                    )
                count = self._record(batch)
        finally:
            self.store.con.unregister("_lake_files")
        return count

    def _register(self, partitions: Sequence[Partition]) -> None:
        rows = [
            (path, p.partition_id, p.position)
            for table in TABLES
            for p, path in zip(partitions, self._files(table, partitions), strict=True)
        ]
        names = ("filename", "partition_id", "position")
        columns = {name: [r[i] for r in rows] for i, name in enumerate(names)}
        self.store.con.register("_lake_files", pa.table(columns, schema=_FILE_SCHEMA))

    def _files(self, table: str, partitions: Sequence[Partition]) -> list[str]:
        return self.lake.files(table, [p.partition_id for p in partitions])

    def _clear(self) -> None:
        con = self.store.con
        con.execute(_DROP_CLUSTERS)
        for table in ("event_cluster_members", "event_clusters"):
            con.execute(
                f"DELETE FROM {table} WHERE cluster_id IN "
                "(SELECT cluster_id FROM _lake_stale)"
            )
        for table in (*TABLES, "event_cluster_members"):
            con.execute(
                f"DELETE FROM {table} WHERE article_id IN "
                "(SELECT article_id FROM _lake_winners)"
            )

    def finish(self) -> None:
        """Replace the read problems of every file with a partition loaded since the
        last ``finish``, from all the loaded partitions of that file."""
        pending = {
            str(r[0])
            for r in self.store.con.execute(
                "SELECT partition_id FROM lake_partitions WHERE NOT read_problems_loaded"
            ).fetchall()
        }
        origins = sorted(
            {path for p in self.plan if p.partition_id in pending for path in p.paths}
        )
        if not origins:
            return
        loaded = self.loaded_ids()
        sources = [
            p
            for p in self.plan
            if p.partition_id in loaded and set(p.paths) & set(origins)
        ]
        with self.store.transaction() as con:
            con.execute(
                "DELETE FROM problems WHERE article_id IS NULL AND (list_contains($1, "
                "origin) OR list_contains($1, regexp_replace(origin, '#[^#]*$', '')))",
                [origins],
            )
            con.execute(
                _INSERT_READ_PROBLEMS, [origins, self._files("problems", sources)]
            )
            con.execute(
                "UPDATE lake_partitions SET read_problems_loaded = true "
                "WHERE list_contains(?, partition_id)",
                [sorted(pending)],
            )

    def _record(self, batch: Sequence[Partition]) -> int:
        con = self.store.con
        con.execute(
            "INSERT OR REPLACE INTO _lake_seen "
            "SELECT article_id, position FROM _lake_winners"
        )
        rows = con.execute("SELECT article_id FROM _lake_winners ORDER BY 1").fetchall()
        self.touched.extend(str(r[0]) for r in rows)
        now = dt.datetime.now(dt.UTC)
        counts = dict(
            con.execute(
                "SELECT partition_id, count(*) FROM _lake_winners GROUP BY partition_id"
            ).fetchall()
        )
        for p in batch:
            con.execute(
                "INSERT OR REPLACE INTO lake_partitions (partition_id, lake, articles, "
                "read_problems_loaded, loaded_at) VALUES (?, ?, ?, false, ?)",
                [
                    p.partition_id,
                    self.lake.url,
                    int(counts.get(p.partition_id, 0)),
                    now,
                ],
            )
        return int(sum(counts.values()))
