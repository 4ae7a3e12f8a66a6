"""Cross-article event clusters: the same real-world event reported by several articles.

Two asserted events join one cluster when they have the same type, the same actor codes
and recipient codes, days within ``DATE_TOLERANCE_DAYS`` of the cluster's anchor day
(its first event's day) and compatible places (same country, or one unknown). Events
are taken in a defined order (day, article id, event id) and each joins the nearest
matching cluster or founds a new one, so the result is deterministic; clustering is
incremental: events not yet in a cluster join the clusters already stored.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dyad import ids
from dyad.store.db import Store

# Reports of one event date it a day or two apart (publication lag, time zones,
# "on Tuesday" vs "this week"); three days joined the Wikinews follow-ups we read
# without merging separate meetings of the same pair.
DATE_TOLERANCE_DAYS = 3

Key = tuple[str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterEvent:
    """What clustering needs of one event."""

    article_id: str
    event_id: str
    type: str
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    day: dt.date
    location_code: str | None

    @property
    def key(self) -> Key:
        """Return the type and dyad every member of a cluster shares."""
        return (self.type, self.actor_codes, self.recipient_codes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cluster:
    """A cluster's identity: key, anchor day and place."""

    cluster_id: str
    key: Key
    anchor_day: dt.date
    location_code: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """The outcome of clustering a batch: new clusters and new memberships."""

    clusters: tuple[Cluster, ...]
    members: tuple[tuple[str, str, str], ...]  # cluster_id, article_id, event_id


def _compatible(cluster: Cluster, event: ClusterEvent) -> bool:
    near = abs((event.day - cluster.anchor_day).days) <= DATE_TOLERANCE_DAYS
    places = (
        cluster.location_code is None
        or event.location_code is None
        or cluster.location_code == event.location_code
    )
    return near and places


def _new_cluster(event: ClusterEvent) -> Cluster:
    anchor = f"{event.day.isoformat()}|{event.location_code or ''}"
    return Cluster(
        cluster_id=ids.cluster_id(
            event.type, event.actor_codes, event.recipient_codes, anchor
        ),
        key=event.key,
        anchor_day=event.day,
        location_code=event.location_code,
    )


def assign_clusters(
    events: Sequence[ClusterEvent], existing: Sequence[Cluster]
) -> Assignment:
    """Give each event a cluster: the nearest compatible one, else a new one."""
    by_key: dict[Key, list[Cluster]] = defaultdict(list)
    for cluster in existing:
        by_key[cluster.key].append(cluster)
    created: list[Cluster] = []
    members: list[tuple[str, str, str]] = []
    ordered = sorted(events, key=lambda e: (e.day, e.article_id, e.event_id))
    for event in ordered:
        candidates = [c for c in by_key[event.key] if _compatible(c, event)]
        if candidates:
            chosen = min(
                candidates,
                key=lambda c: (abs((event.day - c.anchor_day).days), c.cluster_id),
            )
        else:
            chosen = _new_cluster(event)
            by_key[event.key].append(chosen)
            created.append(chosen)
        members.append((chosen.cluster_id, event.article_id, event.event_id))
    return Assignment(clusters=tuple(created), members=tuple(members))


_UNCLUSTERED = """
SELECT e.article_id, e.event_id, e.type, e.actor_codes, e.recipient_codes, e.event_day,
       e.location_code
FROM events e
WHERE e.modality = 'asserted' AND e.event_day IS NOT NULL
  AND EXISTS (SELECT 1 FROM event_dyads d
              WHERE d.article_id = e.article_id AND d.event_id = e.event_id)
  AND NOT EXISTS (SELECT 1 FROM event_cluster_members m
                  WHERE m.article_id = e.article_id AND m.event_id = e.event_id)
ORDER BY e.event_day, e.article_id, e.event_id
"""

_NEARBY = """
SELECT cluster_id, type, actor_codes, recipient_codes, anchor_day, location_code
FROM event_clusters WHERE anchor_day BETWEEN ? AND ?
"""


def _event(row: tuple[object, ...]) -> ClusterEvent:
    actors = tuple(sorted(set(row[3] or ())))  # type: ignore[call-overload]  # list
    recipients = tuple(sorted(set(row[4] or ())))  # type: ignore[call-overload]  # list
    return ClusterEvent(
        article_id=str(row[0]),
        event_id=str(row[1]),
        type=str(row[2]),
        actor_codes=actors,
        recipient_codes=recipients,
        day=row[5],  # type: ignore[arg-type]  # DATE column
        location_code=row[6] if row[6] is None else str(row[6]),
    )


def update_clusters(store: Store) -> int:
    """Cluster every asserted event not yet in a cluster; return how many joined one."""
    events = [_event(r) for r in store.con.execute(_UNCLUSTERED).fetchall()]
    if not events:
        return 0
    margin = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    first, last = events[0].day - margin, events[-1].day + margin
    existing = [
        Cluster(
            cluster_id=r[0],
            key=(r[1], tuple(r[2]), tuple(r[3])),
            anchor_day=r[4],
            location_code=r[5],
        )
        for r in store.con.execute(_NEARBY, [first, last]).fetchall()
    ]
    assignment = assign_clusters(events, existing)
    store.put_cluster_members(
        assignment.members,
        [
            (
                c.cluster_id,
                c.key[0],
                list(c.key[1]),
                list(c.key[2]),
                c.anchor_day,
                c.location_code,
            )
            for c in assignment.clusters
        ],
    )
    return len(assignment.members)
