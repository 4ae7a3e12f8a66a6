"""The SQL of event clustering: which keys a run touched, their events, their clusters.

``dyad.clusters`` decides the clusters; this module reads the events they are made of and
replaces the clusters of the touched keys in one transaction. A key is a type with its
sorted, distinct actor and recipient codes; SQL computes it with ``list_sort(
list_distinct(...))``, the same as ``ClusterEvent``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from dyad.clusters import Assignment, Cluster, ClusterEvent, Key, assign_clusters
from dyad.store.db import Store

_KEYED_EVENTS = """
SELECT e.article_id, e.event_id, e.type,
       list_sort(list_distinct(coalesce(e.actor_codes, []::VARCHAR[]))) AS actor_key,
       list_sort(list_distinct(coalesce(e.recipient_codes, []::VARCHAR[]))) AS recipient_key,
       e.event_day, e.location_code,
       EXISTS (SELECT 1 FROM event_cluster_members m
               WHERE m.article_id = e.article_id AND m.event_id = e.event_id) AS clustered
FROM events e
WHERE e.modality = 'asserted' AND e.event_day IS NOT NULL
  AND EXISTS (SELECT 1 FROM event_dyads d
              WHERE d.article_id = e.article_id AND d.event_id = e.event_id)
"""

_TOUCHED_KEYS = f"""
SELECT DISTINCT type, actor_key, recipient_key FROM ({_KEYED_EVENTS}) WHERE NOT clustered
"""

_EVENTS_OF_KEYS = f"""
SELECT k.* EXCLUDE (clustered) FROM ({_KEYED_EVENTS}) k
JOIN _keys USING (type, actor_key, recipient_key)
ORDER BY k.event_day, k.article_id, k.event_id
"""

_CLUSTERS_OF_KEYS = """
SELECT c.cluster_id FROM event_clusters c
JOIN _keys k ON c.type = k.type AND c.actor_codes = k.actor_key
            AND c.recipient_codes = k.recipient_key
"""

_KEY_SCHEMA = pa.schema(
    [
        ("type", pa.string()),
        ("actor_key", pa.list_(pa.string())),
        ("recipient_key", pa.list_(pa.string())),
    ]
)


def touched_keys(store: Store) -> list[Key]:
    """Return the keys of the clusterable events that belong to no cluster, sorted."""
    rows = store.con.execute(_TOUCHED_KEYS).fetchall()
    return sorted((str(r[0]), tuple(r[1]), tuple(r[2])) for r in rows)


def _register_keys(store: Store, keys: list[Key]) -> None:
    table = pa.table(
        {
            "type": [k[0] for k in keys],
            "actor_key": [list(k[1]) for k in keys],
            "recipient_key": [list(k[2]) for k in keys],
        },
        schema=_KEY_SCHEMA,
    )
    store.con.register("_keys", table)


def _event(row: tuple[Any, ...]) -> ClusterEvent:
    return ClusterEvent(
        article_id=str(row[0]),
        event_id=str(row[1]),
        type=str(row[2]),
        actor_codes=tuple(row[3]),
        recipient_codes=tuple(row[4]),
        day=row[5],
        location_code=None if row[6] is None else str(row[6]),
    )


def events_of_keys(store: Store, keys: list[Key]) -> list[ClusterEvent]:
    """Return every stored clusterable event with one of ``keys``, in cluster order."""
    if not keys:
        return []
    _register_keys(store, keys)
    try:
        rows = store.con.execute(_EVENTS_OF_KEYS).fetchall()
    finally:
        store.con.unregister("_keys")
    return [_event(r) for r in rows]


def replace_clusters(store: Store, keys: list[Key], assignment: Assignment) -> None:
    """Drop the clusters of ``keys`` and store ``assignment`` instead, in one transaction."""
    if not keys:
        return
    with store.transaction() as con:
        _register_keys(store, keys)
        try:
            old = [r[0] for r in con.execute(_CLUSTERS_OF_KEYS).fetchall()]
        finally:
            con.unregister("_keys")
        store.drop_clusters(old)
        store.add_clusters(assignment.members, [_row(c) for c in assignment.clusters])


def _row(cluster: Cluster) -> tuple[Any, ...]:
    key = cluster.key
    return (
        cluster.cluster_id,
        key[0],
        list(key[1]),
        list(key[2]),
        cluster.anchor_day,
        cluster.location_code,
    )


def update_clusters(store: Store) -> int:
    """Recompute the clusters of every key with an unclustered event; return how many
    events the recomputed clusters hold."""
    keys = touched_keys(store)
    assignment = assign_clusters(events_of_keys(store, keys))
    replace_clusters(store, keys, assignment)
    return len(assignment.members)
