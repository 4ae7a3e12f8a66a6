"""Read queries the dashboard needs beyond ``dyad.analytics`` (parameterised SQL only).

``list_dyad_quotes`` finds quotes *between* two sides: said by a speaker coded with one
code, naming an actor coded with the other inside the quoted words.

The events between two codes, with the dashboard's filters, are read by
``dyad.store.dashboard``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dyad.analytics import (
    QUOTE_COLUMNS,
    QUOTE_FROM,
    QuoteRow,
    quote_row,
)
from dyad.store import Store

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
