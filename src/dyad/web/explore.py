"""Data of the exploring pages: the table of all dyads, facet counts, the event map.

Each function backs a page and its JSON twin under ``/api``, with the shared filters
of ``dyad.web.filters``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.analytics import DyadSummary, SeriesPoint
from dyad.store import Store
from dyad.store import dashboard as board
from dyad.store.dashboard import FacetCount, MapPoint, ViewFilter
from dyad.web.dashboard import trend_series

# The dyad table pages through this many dyads at a time.
DYAD_PAGE = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadTrendRow:
    """One row of the dyad table: the dyad's figures and its monthly series."""

    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    net_cooperation: int
    intensity: float
    last_day: str | None
    trend: int  # events in the later half of the months shown minus the earlier half
    series: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadTable:
    """A page of the sortable table of every dyad."""

    total: int
    limit: int
    offset: int
    sort: str
    descending: bool
    items: tuple[DyadTrendRow, ...]


def _trend(series: tuple[SeriesPoint, ...]) -> int:
    half = len(series) // 2
    early = sum(p.events for p in series[:half])
    late = sum(p.events for p in series[len(series) - half :])
    return late - early


def _row(d: DyadSummary, series: tuple[SeriesPoint, ...]) -> DyadTrendRow:
    return DyadTrendRow(
        a=d.a,
        b=d.b,
        events=d.events,
        cooperation=d.cooperation,
        conflict=d.conflict,
        net_cooperation=d.net_cooperation,
        intensity=d.intensity,
        last_day=d.last_day.isoformat() if d.last_day else None,
        trend=_trend(series),
        series=series,
    )


def build_dyad_table(
    store: Store,
    f: ViewFilter,
    *,
    sort: str = "events",
    descending: bool = True,
    limit: int = DYAD_PAGE,
    offset: int = 0,
) -> DyadTable:
    """Return one page of all dyads under ``f`` sorted by ``sort``, with trends."""
    dyads = board.list_dyads(
        store, f, sort=sort, descending=descending, limit=limit, offset=offset
    )
    series = trend_series(store, f, [(d.a, d.b) for d in dyads])
    return DyadTable(
        total=board.count_dyads(store, f),
        limit=limit,
        offset=offset,
        sort=sort,
        descending=descending,
        items=tuple(_row(d, series[(d.a, d.b)]) for d in dyads),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Facets:
    """Counts by type, modality, sector and location under the other filters."""

    type: tuple[FacetCount, ...]
    modality: tuple[FacetCount, ...]
    sector: tuple[FacetCount, ...]
    location: tuple[FacetCount, ...]


def build_facets(store: Store, f: ViewFilter) -> Facets:
    """Return the facet counts of the events ``f`` selects."""
    counts = board.facet_counts(store, f)

    def of(facet: str) -> tuple[FacetCount, ...]:
        return tuple(c for c in counts if c.facet == facet)

    return Facets(
        type=of("type"),
        modality=of("modality"),
        sector=of("sector"),
        location=of("location"),
    )


def build_map(
    store: Store, f: ViewFilter, *, between: tuple[str, str] | None = None
) -> tuple[MapPoint, ...]:
    """Return the event places under ``f`` (only a dyad's when ``between``)."""
    return tuple(board.map_points(store, f, between=between))
