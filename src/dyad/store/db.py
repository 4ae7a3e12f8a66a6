"""The store: one DuckDB file, one ``Store`` object, the one write path.

Every write is a method of ``Store`` and runs inside one transaction. Raw input is
stored (``status = 'pending'``) before it is processed; ``put_outcomes`` then replaces
all rows of each article (delete by ``article_id``, insert) and marks it ``done`` or
``failed``, so re-processing is idempotent and a run killed at any moment leaves either
the old or the new rows of an article, never a mix. Values reach SQL only as parameters
or as Arrow tables registered on the connection.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from dyad.records import (
    ArticleFailure,
    ArticleResult,
    Problem,
    RawDocument,
)
from dyad.store import cluster_rows
from dyad.store.connection import StoreFile
from dyad.store.rows import (
    PendingArticle,
    StoredState,
    actor_codes_of,
    codes_by_actor,
    dyad_pairs,
    event_day,
    outcome_id,
)
from dyad.store.schema import (
    ARTICLE_TABLES,
    COUNTED_TABLES,
    TABLES,
    EventDyad,
    record_from_row,
    row_of,
    rows_as_dicts,
)

logger = logging.getLogger(__name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store(StoreFile):
    """A DuckDB store file: migrations on open, transactional writes, plain reads.

    Opening, closing, the lock and transactions are ``StoreFile``'s; this class holds
    the writes and the reads the writer needs.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        migrate: bool = True,
        hold_lock: bool = True,
    ) -> None:
        """Open the store at ``path`` (see ``StoreFile`` for the options)."""
        super().__init__(
            path, read_only=read_only, migrate=migrate, hold_lock=hold_lock
        )
        self._batch: dict[str, list[tuple[Any, ...]]] | None = None

    def _insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert ``rows`` now, or add them to the batch of ``put_outcomes``."""
        if not rows:
            return
        if TABLES[table].sequenced:  # keep each article's record order for reads
            rows = [(*row, seq) for seq, row in enumerate(rows)]
        if self._batch is not None:
            self._batch.setdefault(table, []).extend(rows)
        else:
            self._write(table, rows)

    def _write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        schema = TABLES[table].arrow_schema
        columns = list(zip(*rows, strict=True))
        arrow = pa.table(
            [
                pa.array(col, type=f.type)
                for f, col in zip(schema, columns, strict=True)
            ],
            schema=schema,
        )
        self.con.register("_batch", arrow)
        try:
            names = ", ".join(f'"{name}"' for name in schema.names)
            self.con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch"
            )
        finally:
            self.con.unregister("_batch")

    # ---- reads used by the writer -------------------------------------------------

    def stored_state(self, article_id: str) -> StoredState | None:
        """Return what is stored of ``article_id``, or None when it is new."""
        return self.stored_states([article_id]).get(article_id)

    def stored_states(self, article_ids: Sequence[str]) -> dict[str, StoredState]:
        """Return what is stored of each of ``article_ids`` (new ones are absent)."""
        if not article_ids:
            return {}
        rows = self.con.execute(
            "SELECT article_id, content_hash, status, pipeline_version FROM articles "
            "WHERE list_contains(?, article_id)",
            [list(article_ids)],
        ).fetchall()
        return {
            r[0]: StoredState(content_hash=r[1], status=r[2], pipeline_version=r[3])
            for r in rows
        }

    def counts(self) -> dict[str, int]:
        """Return the number of rows of every table (for ``dyad stats`` and tests)."""
        result = {}
        for table in COUNTED_TABLES:
            rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()
            result[table] = int(rows[0][0]) if rows else 0
        return result

    def raw_documents(self, *, status: str) -> Iterator[RawDocument]:
        """Yield the raw input of articles with ``status`` (for ``dyad rerun``)."""
        cursor = self.con.execute(
            "SELECT article_id AS doc_id, raw_text AS text, raw_title AS title, "
            "raw_published AS published, raw_source AS source, raw_url AS url, origin "
            "FROM articles WHERE status = ? ORDER BY article_id",
            [status],
        )
        for row in rows_as_dicts(cursor.description, cursor.fetchall()):
            yield record_from_row(RawDocument, row)

    # ---- writes -------------------------------------------------------------------

    def put_pending(self, items: Sequence[PendingArticle]) -> None:
        """Store raw input before processing (new or changed articles: pending)."""
        if not items:
            return
        with self.transaction() as con:
            for item in items:
                raw = item.raw
                con.execute(
                    "DELETE FROM articles WHERE article_id = ?", [item.article_id]
                )
                con.execute(
                    "INSERT INTO articles (article_id, url, title, published, source, "
                    "raw_text, raw_title, raw_published, raw_source, raw_url, origin, "
                    "content_hash, status, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                    [
                        item.article_id,
                        raw.url,
                        raw.title,
                        raw.published,
                        raw.source,
                        raw.text,
                        raw.title,
                        raw.published,
                        raw.source,
                        raw.url,
                        raw.origin,
                        item.content_hash,
                        _now(),
                    ],
                )

    def put_read_problems(self, origin: str, problems: Sequence[Problem]) -> None:
        """Replace the problems met reading ``origin`` that belong to no article."""
        with self.transaction() as con:
            con.execute(
                "DELETE FROM problems WHERE article_id IS NULL AND origin = ?", [origin]
            )
            self._insert(
                "problems",
                [row_of(replace(p, article_id=None), origin) for p in problems],
            )

    def put_outcomes(
        self,
        outcomes: Sequence[ArticleResult | ArticleFailure],
        *,
        pipeline_version: str,
    ) -> None:
        """Replace the rows of each article with its new outcome, in one transaction."""
        if not outcomes:
            return
        ids = [outcome_id(outcome) for outcome in outcomes]
        with self.transaction():
            self._clear_articles(ids)
            self._batch = {}
            try:
                for outcome in outcomes:
                    if isinstance(outcome, ArticleFailure):
                        self._put_failure(outcome, pipeline_version)
                    else:
                        self._put_result(outcome, pipeline_version)
                for table, rows in self._batch.items():
                    self._write(table, rows)
            finally:
                self._batch = None

    def _clear_articles(self, article_ids: list[str]) -> None:
        # #9: a cluster that loses an article is dropped whole; its other events become
        # unclustered, so the next update_clusters recomputes their key from all events.
        clusters = [
            row[0]
            for row in self.con.execute(
                "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE "
                "list_contains(?, article_id) ORDER BY cluster_id",
                [article_ids],
            ).fetchall()
        ]
        for table in ARTICLE_TABLES:
            self.con.execute(
                f"DELETE FROM {table} WHERE list_contains(?, article_id)", [article_ids]
            )
        self.drop_clusters(clusters)

    def _put_failure(self, failure: ArticleFailure, version: str) -> None:
        self.con.execute(
            "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
            [
                failure.article_id,
                failure.stage,
                failure.error_type,
                failure.message,
                failure.traceback,
                _now(),
            ],
        )
        problem = Problem(
            code="ingest.failed",
            message=f"failed in stage {failure.stage}: {failure.error_type}: "
            f"{failure.message}",
            stage=failure.stage,
            article_id=failure.article_id,
        )
        self._insert("problems", [row_of(problem, self._origin(failure.article_id))])
        self.con.execute(
            "UPDATE articles SET status = 'failed', pipeline_version = ?, "
            "processed_at = ? "
            "WHERE article_id = ?",
            [version, _now(), failure.article_id],
        )

    def _origin(self, article_id: str) -> str | None:
        row = self.con.execute(
            "SELECT origin FROM articles WHERE article_id = ?", [article_id]
        ).fetchall()
        return str(row[0][0]) if row and row[0][0] is not None else None

    def _put_result(self, result: ArticleResult, version: str) -> None:
        a = result.article
        aid = a.article_id
        self.con.execute(
            "UPDATE articles SET url = ?, title = ?, published = ?, source = ?, "
            "credits = ?, language = ?, text = ?, status = 'done', "
            "pipeline_version = ?, processed_at = ? WHERE article_id = ?",
            [
                a.url,
                a.title,
                a.published,
                a.source,
                list(a.credits),
                a.language,
                a.text,
                version,
                _now(),
                aid,
            ],
        )
        origin = self._origin(aid)
        self._insert("sentences", [row_of(x) for x in result.sentences])
        self._insert(
            "problems",
            [row_of(replace(p, article_id=aid), origin) for p in result.problems],
        )
        self._insert("actors", [row_of(x) for x in result.actors])
        self._insert("mentions", [row_of(x) for x in result.mentions])
        self._insert("times", [row_of(x) for x in result.times])
        self._put_events(result)
        self._insert("quotes", [row_of(x) for x in result.quotes])

    def _put_events(self, result: ArticleResult) -> None:
        codes = codes_by_actor(result.actors)
        rows: list[tuple[Any, ...]] = []
        pairs: list[tuple[Any, ...]] = []
        for e in result.events:
            actor_codes = actor_codes_of(e.actor_ids, codes)
            recipient_codes = actor_codes_of(e.recipient_ids, codes)
            day = event_day(e, result.article.published)
            rows.append(row_of(e, actor_codes, recipient_codes, day))
            pairs.extend(
                row_of(
                    EventDyad(
                        article_id=e.article_id,
                        event_id=e.event_id,
                        actor_code=a,
                        recipient_code=r,
                        reciprocal=reciprocal,
                    )
                )
                for a, r, reciprocal in dyad_pairs(actor_codes, recipient_codes)
            )
        self._insert("events", rows)
        self._insert("event_dyads", pairs)

    def put_cluster_members(
        self,
        members: Sequence[tuple[str, str, str]],
        new_clusters: Sequence[tuple[Any, ...]],
    ) -> None:
        """Add new clusters ``(id, type, actor_codes, recipient_codes, anchor_day,
        location_code)`` and memberships ``(cluster_id, article_id, event_id)``."""
        with self.transaction():
            self.add_clusters(members, new_clusters)

    def add_clusters(
        self,
        members: Sequence[tuple[str, str, str]],
        new_clusters: Sequence[tuple[Any, ...]],
    ) -> None:
        """Insert clusters and memberships inside the caller's transaction."""
        cluster_rows.insert_clusters(self.con, new_clusters)
        self._insert("event_cluster_members", list(members))
        self.refresh_clusters(sorted({m[0] for m in members}))

    def drop_clusters(self, cluster_ids: Sequence[str]) -> None:
        """Delete ``cluster_ids`` and their memberships inside the caller's transaction."""
        cluster_rows.drop_clusters(self.con, cluster_ids)

    def refresh_clusters(self, cluster_ids: Sequence[str]) -> None:
        """Recompute the figures of ``cluster_ids``; drop those left without members."""
        cluster_rows.refresh_clusters(self.con, cluster_ids)


__all__ = ["COUNTED_TABLES", "PendingArticle", "Store", "StoredState"]
