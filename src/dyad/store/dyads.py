"""Queries about one dyad (a pair of actor codes): series, top pairs, events, quotes.

Dyads are undirected here: ``dyad_series(store, "USA", "CHN")`` counts events from either
side to the other and reciprocal events between the two; ``list_dyad_events`` lists
exactly those events, so a chart bar and the list behind it agree. Only asserted events
count unless ``all_modalities`` is set. A report carried by several outlets counts once
(``store.report_counts``): of its copies, the events of one are counted and listed.
``list_dyad_quotes`` finds quotes *between* two sides: said by a speaker coded with one
code, naming an actor coded with the other inside the quoted words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dyad.store.analytics import (
    EVENT_COLUMNS,
    EVENT_FROM,
    PERIODS,
    EventRow,
    select_records,
)
from dyad.store.db import Store
from dyad.store.report_counts import BETWEEN, counted, one_copy_of, pair_events
from dyad.store.schema import rows_as_dicts

_QUADS = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesPoint:
    """A dyad's events in one period, by quad class."""

    period: dt.date  # first day of the period
    label: str  # 2023-06-14, 2023-W24 or 2023-06
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    events: int
    intensity: float  # summed PLOVER intensity
    net_cooperation: int  # cooperation events minus conflict events


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadSummary:
    """A pair of actor codes and their events (undirected)."""

    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    intensity: float
    net_cooperation: int
    last_day: dt.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRow:
    """A quotation by a speaker of one side of a dyad, in an article about the dyad."""

    article_id: str
    quote_id: str
    kind: str
    text: str
    speaker_name: str | None
    speaker_code: str | None
    cue: str | None
    title: str | None
    published: dt.date | None


def _period_start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _label(start: dt.date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.isoformat() if by == "day" else start.strftime("%Y-%m")


# The dated events of a period (since, since, until, until) and modality (all, or
# only asserted): the condition on ``events e`` of the dyad queries.
_DAYS = (
    "e.event_day IS NOT NULL AND (CAST(? AS DATE) IS NULL OR e.event_day >= ?) "
    "AND (CAST(? AS DATE) IS NULL OR e.event_day <= ?) "
    "AND (? OR e.modality = 'asserted')"
)
# The counted events between two codes (a, b, b, a), dated as ``_DAYS`` says.
_DYAD_COUNTED = counted(pair_events(_DAYS, BETWEEN))


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
) -> list[SeriesPoint]:
    """Return the events between ``a`` and ``b`` per period, empty periods included."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    a, b = a.upper(), b.upper()
    cursor = store.con.execute(
        "SELECT date_trunc(?, event_day)::DATE AS period, "
        "count(*) FILTER (WHERE quad = 1) AS verbal_cooperation, "
        "count(*) FILTER (WHERE quad = 2) AS material_cooperation, "
        "count(*) FILTER (WHERE quad = 3) AS verbal_conflict, "
        "count(*) FILTER (WHERE quad = 4) AS material_conflict, "
        "count(*) AS events, coalesce(sum(intensity), 0)::DOUBLE AS intensity "
        f"FROM ({_DYAD_COUNTED}) GROUP BY period ORDER BY period",
        [by, since, since, until, until, all_modalities, a, b, b, a],
    )
    found = {
        r["period"]: r for r in rows_as_dicts(cursor.description, cursor.fetchall())
    }
    if not found:
        return []
    points, period = [], min(found)
    while period <= max(found):
        points.append(_point(found.get(period, {}), period, by))
        period = _next_period(period, by)
    return points


def _point(row: dict[str, Any], period: dt.date, by: str) -> SeriesPoint:
    counts = {k: int(row.get(k, 0)) for k in _QUADS}
    return SeriesPoint(
        period=period,
        label=_label(period, by),
        events=int(row.get("events", 0)),
        intensity=float(row.get("intensity", 0.0)),
        net_cooperation=counts["verbal_cooperation"]
        + counts["material_cooperation"]
        - counts["verbal_conflict"]
        - counts["material_conflict"],
        **counts,
    )


def top_dyads(
    store: Store,
    *,
    limit: int = 10,
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
) -> list[DyadSummary]:
    """Return the pairs of actor codes with most events between them."""
    period = (
        "(CAST(? AS DATE) IS NULL OR e.event_day >= ?) AND "
        "(CAST(? AS DATE) IS NULL OR e.event_day <= ?) AND "
        "(? OR e.modality = 'asserted')"
    )
    return select_records(
        store,
        DyadSummary,
        f"WITH pairs AS ({counted(pair_events(period))}) "
        "SELECT a, b, count(*) AS events, "
        "count(*) FILTER (WHERE quad <= 2) AS cooperation, "
        "count(*) FILTER (WHERE quad >= 3) AS conflict, "
        "coalesce(sum(intensity), 0)::DOUBLE AS intensity, "
        "count(*) FILTER (WHERE quad <= 2) - count(*) FILTER (WHERE quad >= 3) "
        "AS net_cooperation, max(event_day) AS last_day "
        "FROM pairs GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?",
        [since, since, until, until, all_modalities, limit],
    )


# The columns behind a ``QuoteRow``, named after its fields; use with ``QUOTE_FROM``
# (aliases q = quotes, x = the speaker's actor, ar = articles).
QUOTE_COLUMNS = (
    "q.article_id, q.quote_id, q.kind, q.text, x.name AS speaker_name, "
    "x.code AS speaker_code, q.cue, ar.title, ar.published"
)
QUOTE_FROM = (
    "FROM quotes q "
    "JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_id "
    "JOIN articles ar ON ar.article_id = q.article_id "
)


def list_quotes_between(
    store: Store, a: str, b: str, *, limit: int = 50, offset: int = 0
) -> list[QuoteRow]:
    """Return quotes by speakers of ``a`` or ``b`` in articles with an a-b event."""
    a, b = a.upper(), b.upper()
    return select_records(
        store,
        QuoteRow,
        f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}"
        "WHERE x.code IN (?, ?) AND q.article_id IN (SELECT article_id FROM "
        "event_dyads "
        "WHERE (actor_code = ? AND recipient_code = ?) OR (actor_code = ? AND "
        "recipient_code = ?)) "
        "ORDER BY ar.published DESC NULLS LAST, q.article_id, q.start LIMIT ? OFFSET ?",
        [a, b, a, b, b, a, limit, offset],
    )


_DYAD_EVENTS = (
    f"SELECT {EVENT_COLUMNS} {EVENT_FROM}WHERE {one_copy_of(_DAYS, BETWEEN)} "
    "ORDER BY e.event_day DESC, e.article_id, e.sentence_index, e.trigger_start, "
    "e.event_id LIMIT ?"
)


def list_dyad_events(
    store: Store,
    a: str,
    b: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
    limit: int = 500,
) -> list[EventRow]:
    """Return the events between codes ``a`` and ``b`` (either way), latest first."""
    a, b = a.upper(), b.upper()
    params: list[Any] = [since, since, until, until, all_modalities, a, b, b, a, limit]
    return select_records(store, EventRow, _DYAD_EVENTS, params)


_DYAD_QUOTES = (
    f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}"
    "WHERE x.code IN (?, ?) AND EXISTS (SELECT 1 FROM mentions m "
    "  JOIN actors y ON y.article_id = m.article_id AND y.actor_id = m.actor_id "
    '  WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end" '
    "  AND y.code IN (?, ?) AND y.code <> x.code) "
    "AND (CAST(? AS DATE) IS NULL OR ar.published >= ?) "
    "AND (CAST(? AS DATE) IS NULL OR ar.published <= ?) "
    "ORDER BY ar.published DESC NULLS LAST, q.article_id, q.start, q.quote_id LIMIT ?"
)


def list_dyad_quotes(
    store: Store,
    a: str,
    b: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 50,
) -> list[QuoteRow]:
    """Return quotes by one side naming the other, latest articles first."""
    a, b = a.upper(), b.upper()
    params: list[Any] = [a, b, a, b, since, since, until, until, limit]
    return select_records(store, QuoteRow, _DYAD_QUOTES, params)


def list_codes(store: Store) -> list[str]:
    """Return the actor codes present in the store, sorted."""
    rows = store.con.execute(
        "SELECT DISTINCT code FROM actors WHERE code IS NOT NULL ORDER BY code"
    ).fetchall()
    return [str(r[0]) for r in rows]
