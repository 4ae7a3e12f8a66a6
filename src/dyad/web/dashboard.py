"""The data behind each dashboard page, built from ``dyad.analytics`` (and ``queries``).

Each function here backs one HTML page and its JSON twin under ``/api``, so both always
show the same thing. Records only; charts are drawn from them by ``charts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from dyad import analytics
from dyad.analytics import (
    ActorSummary,
    ArticleSummary,
    ClusterRow,
    DyadSummary,
    EventFilter,
    EventRow,
    QuoteRow,
    SeriesPoint,
    TypeCount,
    list_dyad_events,
    list_dyad_quotes,
)
from dyad.store import Store

T = TypeVar("T")
# How much the overview shows.
TOP_DYADS = 12
LATEST_EVENTS = 15
TOP_CLUSTERS = 8
# The dyad page lists at most this many events behind its chart.
DYAD_EVENT_LIMIT = 500
DYAD_QUOTE_LIMIT = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadTrend:
    """A dyad of the overview with its monthly series (for the sparkline).

    All trends of one overview cover the same months, so their sparklines compare.
    """

    dyad: DyadSummary
    series: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    """The overview page: totals, most active dyads, latest events, counts by type."""

    counts: dict[str, int]
    top_dyads: tuple[DyadTrend, ...]
    latest_events: tuple[EventRow, ...]
    counts_by_type: tuple[TypeCount, ...]
    top_clusters: tuple[ClusterRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodEvents:
    """The events of one period of a dyad's series (the events behind one bar)."""

    label: str
    events: tuple[EventRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadView:
    """The dyad page: the series, the events behind each point and quotes."""

    a: str
    b: str
    by: str
    all_modalities: bool
    since: dt.date | None
    until: dt.date | None
    series: tuple[SeriesPoint, ...]
    periods: tuple[PeriodEvents, ...]
    events_shown: int
    events_total: int
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Generic[T]):
    """One page of a list with the total it pages through."""

    total: int
    limit: int
    offset: int
    items: tuple[T, ...]


def build_overview(store: Store) -> Overview:
    """Return the overview of the store."""
    top = analytics.top_dyads(store, limit=TOP_DYADS)
    series = [analytics.dyad_series(store, d.a, d.b) for d in top]
    trends = tuple(
        DyadTrend(dyad=d, series=s)
        for d, s in zip(top, align_months(series), strict=True)
    )
    return Overview(
        counts=analytics.store_counts(store),
        top_dyads=trends,
        latest_events=tuple(analytics.list_events(store, limit=LATEST_EVENTS)),
        counts_by_type=tuple(analytics.counts_by_type(store)),
        top_clusters=tuple(analytics.list_clusters(store, limit=TOP_CLUSTERS)),
    )


def _empty_month(period: dt.date) -> SeriesPoint:
    return SeriesPoint(
        period=period,
        label=period.strftime("%Y-%m"),
        verbal_cooperation=0,
        material_cooperation=0,
        verbal_conflict=0,
        material_conflict=0,
        events=0,
        intensity=0.0,
        net_cooperation=0,
    )


def align_months(
    all_series: Sequence[Sequence[SeriesPoint]],
) -> list[tuple[SeriesPoint, ...]]:
    """Return monthly series padded with empty months to one common range."""
    periods = [p.period for series in all_series for p in series]
    if not periods:
        return [tuple(series) for series in all_series]
    months, month = [], min(periods)
    while month <= max(periods):
        months.append(month)
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    aligned = []
    for series in all_series:
        found = {p.period: p for p in series}
        aligned.append(tuple(found.get(m) or _empty_month(m) for m in months))
    return aligned


def period_label(day: dt.date, by: str) -> str:
    """Return the label of the period holding ``day`` (as ``SeriesPoint.label``)."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m")


def build_dyad(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
) -> DyadView:
    """Return the series of ``a`` and ``b``, its events by period, and quotes."""
    a, b = a.upper(), b.upper()
    series = tuple(
        analytics.dyad_series(
            store, a, b, by=by, since=since, until=until, all_modalities=all_modalities
        )
    )
    events = list_dyad_events(
        store,
        a,
        b,
        since=since,
        until=until,
        all_modalities=all_modalities,
        limit=DYAD_EVENT_LIMIT,
    )
    grouped: dict[str, list[EventRow]] = {}
    for event in events:
        if event.day is not None:
            grouped.setdefault(period_label(event.day, by), []).append(event)
    return DyadView(
        a=a,
        b=b,
        by=by,
        all_modalities=all_modalities,
        since=since,
        until=until,
        series=series,
        periods=tuple(
            PeriodEvents(label=k, events=tuple(v)) for k, v in grouped.items()
        ),
        events_shown=len(events),
        events_total=sum(p.events for p in series),
        quotes=tuple(
            list_dyad_quotes(
                store, a, b, since=since, until=until, limit=DYAD_QUOTE_LIMIT
            )
        ),
    )


def search_events(
    store: Store, filters: EventFilter, *, limit: int, offset: int
) -> Page[EventRow]:
    """Return one page of events matching ``filters`` and their total."""
    return Page(
        total=analytics.count_events(store, filters),
        limit=limit,
        offset=offset,
        items=tuple(analytics.list_events(store, filters, limit=limit, offset=offset)),
    )


def search_articles(
    store: Store, *, q: str | None, limit: int, offset: int
) -> Page[ArticleSummary]:
    """Return one page of articles matching words ``q`` and their total."""
    return Page(
        total=analytics.count_articles(store, q=q),
        limit=limit,
        offset=offset,
        items=tuple(analytics.list_articles(store, limit=limit, offset=offset, q=q)),
    )


def search_actors(
    store: Store, *, q: str | None, code: str | None, limit: int, offset: int
) -> tuple[ActorSummary, ...]:
    """Return actors matching a name fragment or code, most mentioned first."""
    return tuple(
        analytics.list_actors(store, q=q, code=code, limit=limit, offset=offset)
    )
