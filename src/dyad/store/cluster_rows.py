"""The rows of ``event_clusters``: insert, drop, and recompute their figures.

Called by ``Store`` inside its transactions (``store/clusters.py`` decides what to write).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def insert_clusters(
    con: duckdb.DuckDBPyConnection, new_clusters: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``(id, type, actor_codes, recipient_codes, anchor_day, location_code)``."""
    for row in new_clusters:
        con.execute(
            "INSERT INTO event_clusters (cluster_id, type, actor_codes, "
            "recipient_codes, anchor_day, location_code) VALUES (?, ?, ?, ?, ?, ?)",
            list(row),
        )


def drop_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: Sequence[str]) -> None:
    """Delete ``cluster_ids`` and their memberships."""
    if not cluster_ids:
        return
    for table in ("event_cluster_members", "event_clusters"):
        con.execute(
            f"DELETE FROM {table} WHERE list_contains(?, cluster_id)",
            [list(cluster_ids)],
        )


def refresh_clusters(
    con: duckdb.DuckDBPyConnection, cluster_ids: Sequence[str]
) -> None:
    """Recompute the figures of ``cluster_ids``; drop those left without members."""
    if not cluster_ids:
        return
    ids = list(cluster_ids)
    con.execute(_REFRESH_CLUSTERS, [ids])
    con.execute(
        "DELETE FROM event_clusters WHERE list_contains(?, cluster_id) AND "
        "cluster_id NOT IN (SELECT DISTINCT cluster_id FROM event_cluster_members)",
        [ids],
    )


_REFRESH_CLUSTERS = """
UPDATE event_clusters SET
    first_day = s.first_day, last_day = s.last_day, n_articles = s.n_articles,
    n_sources = s.n_sources, n_mentions = s.n_mentions,
    first_seen = s.first_seen, last_seen = s.last_seen
FROM (
    SELECT m.cluster_id,
           min(e.event_day) AS first_day, max(e.event_day) AS last_day,
           -- #12: copies of one report (same or near-same text) count once
           count(DISTINCT coalesce(f.report_id, m.article_id)) AS n_articles,
           count(DISTINCT coalesce(a.source,
               regexp_extract(a.url, '^[a-z]+://([^/]+)', 1),
                                   a.article_id)) AS n_sources,
           count(*) AS n_mentions,
           min(coalesce(a.published, e.event_day)) AS first_seen,
           max(coalesce(a.published, e.event_day)) AS last_seen
    FROM event_cluster_members m
    JOIN events e USING (article_id, event_id)
    JOIN articles a USING (article_id)
    LEFT JOIN article_fingerprints f USING (article_id)
    WHERE list_contains(?, m.cluster_id)
    GROUP BY m.cluster_id
) s
WHERE event_clusters.cluster_id = s.cluster_id
"""
