"""The actors list: actors grouped across the articles of a store.

Shared by ``dyad actors``, ``/api/actors`` and the dashboard's actors page (through
``dyad.analytics``).
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.store.analytics import select_records
from dyad.store.db import Store
from dyad.store.patterns import contains_pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorSummary:
    """An actor as coded across articles (same name, code, sector and kind)."""

    name: str
    kind: str
    code: str | None
    sector: str | None
    org: str | None
    articles: int
    mentions: int


def list_actors(
    store: Store,
    *,
    q: str | None = None,
    code: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ActorSummary]:
    """Return actors grouped across articles, most mentioned first.

    Copies of one report (``article_fingerprints.report_id``: syndicated near copies
    kept as articles of their own) count once: ``articles`` counts reports, and
    ``mentions`` takes, per report, the copy with most mentions of the actor.
    """
    clauses, params = ["TRUE"], []
    if q:
        clauses.append("x.name ILIKE ? ESCAPE '\\'")
        params.append(contains_pattern(q))
    if code:
        clauses.append("x.code = ?")
        params.append(code.upper())
    return select_records(
        store,
        ActorSummary,
        "WITH per_article AS (SELECT x.name, x.kind, x.code, x.sector, "
        "min(x.org) AS org, min(coalesce(f.report_id, x.article_id)) AS report, "
        "sum((SELECT count(*) FROM mentions m WHERE m.article_id = x.article_id "
        "AND m.actor_id = x.actor_id)) AS n FROM actors x "
        "LEFT JOIN article_fingerprints f ON f.article_id = x.article_id "
        f"WHERE {' AND '.join(clauses)} "
        "GROUP BY x.name, x.kind, x.code, x.sector, x.article_id), "
        "per_report AS (SELECT name, kind, code, sector, min(org) AS org, max(n) AS n "
        "FROM per_article GROUP BY name, kind, code, sector, report) "
        "SELECT name, kind, code, sector, min(org) AS org, count(*) AS articles, "
        "coalesce(sum(n), 0)::INTEGER AS mentions FROM per_report "
        "GROUP BY name, kind, code, sector "
        "ORDER BY mentions DESC, name, code NULLS LAST LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


__all__ = ["ActorSummary", "list_actors"]
