"""The data behind each dashboard page, from ``dyad.analytics`` and ``store.dashboard``.

Each function here backs one HTML page and its JSON twin under ``/api``, so both always
show the same thing. Records only; charts are drawn from them by ``charts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from dyad import analytics
from dyad.analytics import (
    ActorSummary,
    ArticleSummary,
    ClusterRow,
    DyadSummary,
    EventRow,
    QuoteRow,
    SeriesPoint,
    TypeCount,
    list_dyad_quotes,
)
from dyad.store import Store
from dyad.store import dashboard as board
from dyad.store.dashboard import ViewFilter

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
    events_selected: int
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
    not_asserted: dict[str, int]  # period label -> events not asserted (when shown)
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


def build_overview(store: Store, f: ViewFilter | None = None) -> Overview:
    """Return the overview of the store under the shared filters ``f``."""
    f = f or ViewFilter()
    top = board.list_dyads(store, f, limit=TOP_DYADS)
    months = trend_series(store, f, [(d.a, d.b) for d in top])
    return Overview(
        counts=analytics.store_counts(store),
        events_selected=board.count_filtered_events(store, f),
        top_dyads=tuple(DyadTrend(dyad=d, series=months[(d.a, d.b)]) for d in top),
        latest_events=tuple(board.list_filtered_events(store, f, limit=LATEST_EVENTS)),
        counts_by_type=tuple(board.type_counts(store, f)),
        top_clusters=tuple(
            analytics.list_clusters(
                store,
                limit=TOP_CLUSTERS,
                type=f.type,
                since=f.since,
                until=f.until,
            )
        ),
    )


def trend_series(
    store: Store, f: ViewFilter, dyads: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[SeriesPoint, ...]]:
    """Return the monthly series of each dyad, all padded to one common range."""
    found: dict[tuple[str, str], list[SeriesPoint]] = {d: [] for d in dyads}
    for m in board.dyad_months(store, f, dyads):
        found[(m.a, m.b)].append(
            replace(
                _empty_month(m.month),
                verbal_cooperation=m.cooperation,
                verbal_conflict=m.conflict,
                events=m.cooperation + m.conflict,
                net_cooperation=m.cooperation - m.conflict,
            )
        )
    aligned = align_months([found[d] for d in dyads])
    return dict(zip(dyads, aligned, strict=True))


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
    store: Store, a: str, b: str, *, by: str = "month", f: ViewFilter | None = None
) -> DyadView:
    """Return the series of ``a`` and ``b`` under ``f``, its events by period, quotes."""
    f = f or ViewFilter()
    a, b = a.upper(), b.upper()
    rows = board.period_counts(store, a, b, f, by=by)
    series = tuple(fill_periods(rows, by))
    events = board.list_between(store, a, b, f, limit=DYAD_EVENT_LIMIT)
    grouped: dict[str, list[EventRow]] = {}
    for event in events:
        if event.day is not None:
            grouped.setdefault(period_label(event.day, by), []).append(event)
    return DyadView(
        a=a,
        b=b,
        by=by,
        all_modalities=f.all_modalities,
        since=f.since,
        until=f.until,
        series=series,
        not_asserted={period_label(r[0], by): int(r[7]) for r in rows if r[7]},
        periods=tuple(
            PeriodEvents(label=k, events=tuple(v)) for k, v in grouped.items()
        ),
        events_shown=len(events),
        events_total=sum(p.events for p in series),
        quotes=tuple(
            list_dyad_quotes(
                store, a, b, since=f.since, until=f.until, limit=DYAD_QUOTE_LIMIT
            )
        ),
    )


def fill_periods(rows: Sequence[tuple[Any, ...]], by: str) -> list[SeriesPoint]:
    """Return a series from ``board.period_counts`` rows, empty periods included."""
    found = {r[0]: r for r in rows}
    if not found:
        return []
    points, period = [], min(found)
    while period <= max(found):
        r = found.get(period, (period, 0, 0, 0, 0, 0, 0.0))
        points.append(
            SeriesPoint(
                period=period,
                label=period_label(period, by),
                verbal_cooperation=r[1],
                material_cooperation=r[2],
                verbal_conflict=r[3],
                material_conflict=r[4],
                events=r[5],
                intensity=float(r[6]),
                net_cooperation=r[1] + r[2] - r[3] - r[4],
            )
        )
        period = _next_period(period, by)
    return points


def _next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def search_events(
    store: Store, f: ViewFilter, *, limit: int, offset: int
) -> Page[EventRow]:
    """Return one page of events matching ``f`` and their total."""
    return Page(
        total=board.count_filtered_events(store, f),
        limit=limit,
        offset=offset,
        items=tuple(board.list_filtered_events(store, f, limit=limit, offset=offset)),
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
