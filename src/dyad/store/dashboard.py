"""Read queries of the dashboard's shared filters (parameterised SQL only).

A ``ViewFilter`` is what the overview, dyad and search pages share in their URL: a date
range, an event type, an actor sector, a location country and which modalities count.
By default only asserted events count; ``all_modalities`` counts every modality and
``modality`` picks one. ``sector`` matches an event any of whose actors or recipients
has that PLOVER sector; ``location`` is the country code of the event's place.

Dyads are undirected (as in ``dyad.analytics``): a pair is ``(least, greatest)`` of the
two codes of each row of ``event_dyads``. Dyad counts and the events listed behind them
take a report carried by several outlets once (``store.report_counts``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from dyad.store.analytics import (
    EVENT_COLUMNS,
    EVENT_FROM,
    EventFilter,
    EventRow,
    TypeCount,
    event_where,
    select_records,
)
from dyad.store.db import Store
from dyad.store.dyads import DyadSummary
from dyad.store.report_counts import BETWEEN, counted, one_copy_of, pair_events

# Columns the dyad table may be sorted by, and the SQL each one sorts on.
DYAD_SORTS = {
    "a": "a",
    "b": "b",
    "events": "events",
    "cooperation": "cooperation",
    "conflict": "conflict",
    "net_cooperation": "cooperation - conflict",
    "intensity": "intensity",
    "last_day": "last_day",
}
# Facets counted on the search page, each the SQL of its value over aliases e (events).
_FACET_SQL = {
    "type": "e.type",
    "modality": "e.modality",
    "location": "e.location_code",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ViewFilter:
    """The filters shared by the dashboard pages; all optional, combined with AND."""

    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    type: str | None = None
    sector: str | None = None
    location: str | None = None
    modality: str | None = None
    all_modalities: bool = False
    actor: str | None = None  # directed: the actor side (search page)
    recipient: str | None = None
    text: str | None = None
    article_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetCount:
    """How many events have one value of a facet, under the other filters."""

    facet: str
    value: str
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MapPoint:
    """Events at one place (rounded to 0.1 degree), split into asserted and not."""

    lat: float
    lon: float
    name: str
    code: str | None
    asserted: int
    other: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadMonth:
    """A dyad's cooperation and conflict events in one month (for trend lines)."""

    a: str
    b: str
    month: dt.date
    cooperation: int
    conflict: int


def _modality(f: ViewFilter) -> str | None:
    if f.modality:
        return f.modality
    return None if f.all_modalities else "asserted"


def filter_where(f: ViewFilter) -> tuple[str, list[Any]]:
    """Return the SQL condition (aliases of ``EVENT_FROM``) and parameters of ``f``."""
    where, params = event_where(
        EventFilter(
            actor=f.actor,
            recipient=f.recipient,
            type=f.type,
            since=f.since,
            until=f.until,
            modality=_modality(f),
            text=f.text,
            article_id=f.article_id,
        )
    )
    if f.sector:
        where += (
            " AND EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
            "AND x.sector = ? AND (list_contains(e.actor_ids, x.actor_id) OR "
            "list_contains(e.recipient_ids, x.actor_id)))"
        )
        params.append(f.sector)
    if f.location:
        where += " AND e.location_code = ?"
        params.append(f.location)
    return where, params


def list_filtered_events(
    store: Store, f: ViewFilter, *, limit: int = 50, offset: int = 0
) -> list[EventRow]:
    """Return the events of ``f``, latest first, then in text order."""
    where, params = filter_where(f)
    sql = (
        f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {where} "
        "ORDER BY e.event_day DESC NULLS LAST, e.article_id, e.sentence_index, "
        "e.trigger_start, e.event_id LIMIT ? OFFSET ?"
    )
    return select_records(store, EventRow, sql, [*params, limit, offset])


def count_filtered_events(store: Store, f: ViewFilter) -> int:
    """Return how many events ``f`` selects."""
    where, params = filter_where(f)
    row = store.con.execute(
        f"SELECT count(*) {EVENT_FROM} WHERE {where}", params
    ).fetchone()
    return int(row[0]) if row else 0


def _pairs_sql(f: ViewFilter) -> tuple[str, list[Any]]:
    """Return a WITH clause of ``pairs`` (each counted event of ``f`` with each of its
    dyads, a report's copies once) and its parameters."""
    where, params = filter_where(f)
    return f"WITH pairs AS ({counted(pair_events(where))}) ", params


def list_dyads(
    store: Store,
    f: ViewFilter,
    *,
    sort: str = "events",
    descending: bool = True,
    limit: int = 100,
    offset: int = 0,
    code: str | None = None,
) -> list[DyadSummary]:
    """Return every dyad with events under ``f``, sorted by a ``DYAD_SORTS`` column.

    With ``code``, only the dyads that have it on one side.

    Raises:
        ValueError: ``sort`` is not a key of ``DYAD_SORTS``.
    """
    if sort not in DYAD_SORTS:
        raise ValueError(f"sort must be one of {', '.join(DYAD_SORTS)}, not {sort!r}")
    pairs, params = _pairs_sql(f)
    order = f"{DYAD_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST"
    rows = store.con.execute(
        pairs + "SELECT a, b, count(*) AS events, "
        "count(*) FILTER (WHERE quad <= 2) AS cooperation, "
        "count(*) FILTER (WHERE quad >= 3) AS conflict, "
        "coalesce(sum(intensity), 0) AS intensity, max(event_day) AS last_day "
        "FROM pairs WHERE (CAST(? AS VARCHAR) IS NULL OR ? IN (a, b)) "
        f"GROUP BY a, b ORDER BY {order}, a, b LIMIT ? OFFSET ?",
        [*params, code, code, limit, offset],
    ).fetchall()
    return [
        DyadSummary(
            a=r[0],
            b=r[1],
            events=r[2],
            cooperation=r[3],
            conflict=r[4],
            intensity=float(r[5]),
            net_cooperation=r[3] - r[4],
            last_day=r[6],
        )
        for r in rows
    ]


def count_dyads(store: Store, f: ViewFilter) -> int:
    """Return how many dyads ``list_dyads`` pages through."""
    pairs, params = _pairs_sql(f)
    row = store.con.execute(
        pairs + "SELECT count(*) FROM (SELECT DISTINCT a, b FROM pairs)", params
    ).fetchone()
    return int(row[0]) if row else 0


def dyad_months(
    store: Store, f: ViewFilter, dyads: list[tuple[str, str]]
) -> list[DyadMonth]:
    """Return the monthly events of each of ``dyads`` (pairs as ``list_dyads`` gives)."""
    if not dyads:
        return []
    pairs, params = _pairs_sql(f)
    keys = [f"{a}\t{b}" for a, b in dyads]
    rows = store.con.execute(
        pairs + "SELECT a, b, date_trunc('month', event_day)::DATE AS m, "
        "count(*) FILTER (WHERE quad <= 2), count(*) FILTER (WHERE quad >= 3) "
        "FROM pairs WHERE event_day IS NOT NULL AND list_contains(?, a || chr(9) || b) "
        "GROUP BY a, b, m ORDER BY a, b, m",
        [*params, keys],
    ).fetchall()
    return [
        DyadMonth(a=r[0], b=r[1], month=r[2], cooperation=r[3], conflict=r[4])
        for r in rows
    ]


def dyad_where(a: str, b: str) -> tuple[str, list[Any]]:
    """Return the SQL condition selecting events between ``a`` and ``b`` (either way)."""
    return (
        "EXISTS (SELECT 1 FROM event_dyads d WHERE d.article_id = e.article_id "
        "AND d.event_id = e.event_id AND ((d.actor_code = ? AND d.recipient_code = ?) "
        "OR (d.actor_code = ? AND d.recipient_code = ?)))",
        [a, b, b, a],
    )


def list_between(
    store: Store, a: str, b: str, f: ViewFilter, *, limit: int = 500
) -> list[EventRow]:
    """Return the dated events between ``a`` and ``b`` under ``f``, latest first."""
    where, params = filter_where(f)
    sql = (
        f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {one_copy_of(where, BETWEEN)} "
        "AND e.event_day IS NOT NULL ORDER BY e.event_day DESC, e.article_id, "
        "e.sentence_index, e.trigger_start, e.event_id LIMIT ?"
    )
    return select_records(store, EventRow, sql, [*params, a, b, b, a, limit])


def period_counts(
    store: Store, a: str, b: str, f: ViewFilter, *, by: str
) -> list[tuple[Any, ...]]:
    """Return ``(period start, quad 1, 2, 3, 4 counts, events, intensity, not
    asserted)`` rows for the events between ``a`` and ``b`` under ``f``."""
    where, params = filter_where(f)
    return store.con.execute(
        "SELECT date_trunc(?, e.event_day)::DATE AS p, "
        "count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2), "
        "count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4), "
        "count(*), coalesce(sum(e.intensity), 0), "
        "count(*) FILTER (WHERE e.modality <> 'asserted') "
        f"{EVENT_FROM} WHERE {one_copy_of(where, BETWEEN)} AND e.event_day IS NOT NULL "
        "GROUP BY p ORDER BY p",
        [by, *params, a, b, b, a],
    ).fetchall()


def type_counts(store: Store, f: ViewFilter) -> list[TypeCount]:
    """Return the number of events of each type under ``f``, most frequent first."""
    where, params = filter_where(f)
    rows = store.con.execute(
        f"SELECT e.type, min(e.quad), count(*) {EVENT_FROM} WHERE {where} "
        "GROUP BY e.type ORDER BY count(*) DESC, e.type",
        params,
    ).fetchall()
    return [TypeCount(type=r[0], quad=r[1], events=r[2]) for r in rows]


def facet_counts(store: Store, f: ViewFilter) -> list[FacetCount]:
    """Return counts by type, modality, sector and location country.

    Each facet is counted under every filter but its own, so its other values stay
    visible (choosing ``type=AID`` still shows how many ACCUSE events there are).
    """
    out: list[FacetCount] = []
    for facet, expr in _FACET_SQL.items():
        unset = {
            "type": replace(f, type=None),
            "modality": replace(f, modality=None, all_modalities=True),
            "location": replace(f, location=None),
        }[facet]
        where, params = filter_where(unset)
        rows = store.con.execute(
            f"SELECT {expr} AS v, count(*) {EVENT_FROM} WHERE {where} AND v IS NOT NULL "
            "GROUP BY v ORDER BY count(*) DESC, v",
            params,
        ).fetchall()
        out.extend(FacetCount(facet=facet, value=r[0], events=r[1]) for r in rows)
    return out + _sector_counts(store, replace(f, sector=None))


def _sector_counts(store: Store, f: ViewFilter) -> list[FacetCount]:
    where, params = filter_where(f)
    rows = store.con.execute(
        "SELECT x.sector, count(DISTINCT (e.article_id, e.event_id)) "
        f"{EVENT_FROM} JOIN actors x ON x.article_id = e.article_id AND "
        "(list_contains(e.actor_ids, x.actor_id) OR "
        "list_contains(e.recipient_ids, x.actor_id)) "
        f"WHERE {where} AND x.sector IS NOT NULL "
        "GROUP BY x.sector ORDER BY count(DISTINCT (e.article_id, e.event_id)) DESC, "
        "x.sector",
        params,
    ).fetchall()
    return [FacetCount(facet="sector", value=r[0], events=r[1]) for r in rows]


def map_points(
    store: Store, f: ViewFilter, *, between: tuple[str, str] | None = None
) -> list[MapPoint]:
    """Return the places of the events of ``f`` (of one dyad if ``between``)."""
    where, params = filter_where(f)
    if between is not None:
        pair, pair_params = dyad_where(*between)
        where, params = f"{where} AND {pair}", [*params, *pair_params]
    rows = store.con.execute(
        "SELECT round(e.location_lat, 1) AS lat, round(e.location_lon, 1) AS lon, "
        "min(e.location_name), min(e.location_code), "
        "count(*) FILTER (WHERE e.modality = 'asserted'), "
        "count(*) FILTER (WHERE e.modality <> 'asserted') "
        f"{EVENT_FROM} WHERE {where} AND e.location_lat IS NOT NULL "
        "AND e.location_lon IS NOT NULL GROUP BY lat, lon ORDER BY lat, lon",
        params,
    ).fetchall()
    return [
        MapPoint(
            lat=float(r[0]),
            lon=float(r[1]),
            name=r[2] or "",
            code=r[3],
            asserted=r[4],
            other=r[5],
        )
        for r in rows
    ]


def event_codes(store: Store) -> list[tuple[str, int]]:
    """Return each code on either side of a dyad with its number of events."""
    rows = store.con.execute(
        "SELECT code, count(DISTINCT (article_id, event_id)) AS n FROM ("
        "SELECT actor_code AS code, article_id, event_id FROM event_dyads UNION ALL "
        "SELECT recipient_code, article_id, event_id FROM event_dyads) "
        "GROUP BY code ORDER BY n DESC, code"
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]
