"""Read queries the dashboard needs beyond ``dyad.analytics`` (parameterised SQL only).

``list_dyad_quotes`` finds quotes *between* two sides: said by a speaker coded with one
code, naming an actor coded with the other inside the quoted words.

``list_dyad_events`` lists the events *between* two codes in either direction plus the
reciprocal ones (``analytics.EventFilter`` selects one direction at a time); it counts
exactly the events ``analytics.dyad_series`` counts, so a chart bar and the list behind
it agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dyad.analytics import (
    EVENT_COLUMNS,
    EVENT_FROM,
    QUOTE_COLUMNS,
    QUOTE_FROM,
    EventRow,
    QuoteRow,
    event_row,
    quote_row,
)
from dyad.store import Store

_DYAD_EVENTS = (
    f"SELECT {EVENT_COLUMNS} {EVENT_FROM}"
    "WHERE EXISTS (SELECT 1 FROM event_dyads d WHERE d.article_id = e.article_id "
    "  AND d.event_id = e.event_id AND ((d.actor_code = ? AND d.recipient_code = ?) "
    "  OR (d.actor_code = ? AND d.recipient_code = ?))) "
    "AND e.event_day IS NOT NULL "
    "AND (CAST(? AS DATE) IS NULL OR e.event_day >= ?) "
    "AND (CAST(? AS DATE) IS NULL OR e.event_day <= ?) "
    "AND (? OR e.modality = 'asserted') "
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
    params: list[Any] = [a, b, b, a, since, since, until, until, all_modalities, limit]
    rows = store.con.execute(_DYAD_EVENTS, params).fetchall()
    return [event_row(r) for r in rows]


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
    rows = store.con.execute(_DYAD_QUOTES, params).fetchall()
    return [quote_row(r) for r in rows]


def list_codes(store: Store) -> list[str]:
    """Return the actor codes present in the store, sorted."""
    rows = store.con.execute(
        "SELECT DISTINCT code FROM actors WHERE code IS NOT NULL ORDER BY code"
    ).fetchall()
    return [str(r[0]) for r in rows]
