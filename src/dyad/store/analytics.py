"""Aggregate queries over articles, events, clusters and actors, as small records.

Re-exported by ``dyad.analytics`` for the CLI and the web layer (the dyad series and
quotes are in ``store/dyads.py``). Every query selects columns named after the fields of
its record, and ``record_from_row`` builds the record. An event is dated by its own date
when it is precise to a day, week or month, else by its article's publication date
(``events.event_day``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dyad.records import ArticleResult
from dyad.store.db import Store
from dyad.store.patterns import contains_pattern
from dyad.store.queries import load_result
from dyad.store.schema import record_from_row, rows_as_dicts

PERIODS = ("day", "week", "month")
R = TypeVar("R")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to select; every field is optional and they combine with AND."""

    actor: str | None = None  # actor code on the actor side
    recipient: str | None = None  # actor code on the recipient side
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    modality: str | None = None
    text: str | None = None  # words in the trigger, the evidence sentence or the title
    article_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSummary:
    """One stored article, listed."""

    article_id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    status: str
    events: int
    quotes: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """One event with its actors' codes and names and its evidence sentence."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    quad: int
    intensity: float
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    actor_names: tuple[str, ...]
    recipient_names: tuple[str, ...]
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_index: int
    modality: str
    day: dt.date | None
    date_value: str | None
    location_name: str | None
    location_code: str | None
    rule: str
    confidence: float
    evidence: str
    title: str | None
    url: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterRow:
    """A cross-article event cluster and its figures."""

    cluster_id: str
    type: str
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    first_day: dt.date | None
    last_day: dt.date | None
    location_code: str | None
    articles: int
    sources: int
    mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeCount:
    """How many events of one type."""

    type: str
    quad: int | None
    events: int


def open_store(path: Path | str, read_only: bool = True) -> Store:
    """Open the store at ``path`` (read-only by default, as readers should)."""
    return Store(path, read_only=read_only)


def _rows(store: Store, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return store.con.execute(sql, params).fetchall()


def select_records(
    store: Store, record: type[R], sql: str, params: list[Any]
) -> list[R]:
    """Run ``sql`` and build one ``record`` per row from its named columns."""
    cursor = store.con.execute(sql, params)
    rows = rows_as_dicts(cursor.description, cursor.fetchall())
    return [record_from_row(record, row) for row in rows]


def _one(store: Store, sql: str, params: list[Any]) -> int:
    rows = store.con.execute(sql, params).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


# ---- articles ---------------------------------------------------------------------


def _article_where(q: str | None) -> tuple[str, list[Any]]:
    if not q:
        return "TRUE", []
    like = contains_pattern(q)
    return (
        "(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\' "
        "OR a.article_id = ?)",
        [like, like, q],
    )


def list_articles(
    store: Store, *, limit: int = 50, offset: int = 0, q: str | None = None
) -> list[ArticleSummary]:
    """Return stored articles, newest first, optionally matching words ``q``."""
    where, params = _article_where(q)
    return select_records(
        store,
        ArticleSummary,
        "SELECT a.article_id, a.title, a.published, a.source, a.url, a.status, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events, "
        "(SELECT count(*) FROM quotes u WHERE u.article_id = a.article_id) AS quotes "
        f"FROM articles a WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def count_articles(store: Store, *, q: str | None = None) -> int:
    """Return how many articles ``list_articles`` would page through."""
    where, params = _article_where(q)
    return _one(store, f"SELECT count(*) FROM articles a WHERE {where}", params)


def get_article(store: Store, article_id: str) -> ArticleResult | None:
    """Return one article with all its records, or None when it is not stored."""
    return load_result(store.con, article_id)


# ---- events -----------------------------------------------------------------------


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """Return the SQL condition (over aliases e, a, s) and parameters of ``f``."""
    clauses, params = ["TRUE"], []
    simple = (
        ("list_contains(e.actor_codes, ?)", f.actor),
        ("list_contains(e.recipient_codes, ?)", f.recipient),
        ("e.type = ?", f.type.upper() if f.type else None),
        ("e.event_day >= ?", f.since),
        ("e.event_day <= ?", f.until),
        ("e.modality = ?", f.modality),
        ("e.article_id = ?", f.article_id),
    )
    for clause, value in simple:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.text:
        like = contains_pattern(f.text)
        clauses.append(
            "(e.trigger_text ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\' OR "
            "substring(a.text, s.start + 1, s.\"end\" - s.start) ILIKE ? ESCAPE '\\')"
        )
        params.extend([like, like, like])
    return " AND ".join(clauses), params


EVENT_FROM = (
    "FROM events e JOIN articles a USING (article_id) "
    'LEFT JOIN sentences s ON s.article_id = e.article_id AND s."index" = '
    "e.sentence_index "
)
_NAMES = (
    "(SELECT list(x.name ORDER BY x.name) FROM actors x WHERE x.article_id = "
    "e.article_id "
    "AND list_contains({ids}, x.actor_id))"
)
# The columns behind an ``EventRow``, named after its fields; use with ``EVENT_FROM``
# (aliases e = events, a = articles, s = sentences).
EVENT_COLUMNS = (
    "e.article_id, e.event_id, e.type, e.mode, e.cameo, e.quad, e.intensity, "
    "coalesce(e.actor_codes, []) AS actor_codes, "
    "coalesce(e.recipient_codes, []) AS recipient_codes, "
    f"coalesce({_NAMES.format(ids='e.actor_ids')}, []) AS actor_names, "
    f"coalesce({_NAMES.format(ids='e.recipient_ids')}, []) AS recipient_names, "
    "coalesce(e.trigger_text, '') AS trigger_text, e.trigger_start, e.trigger_end, "
    "e.sentence_index, e.modality, e.event_day AS day, e.date_value, "
    "e.location_name, e.location_code, coalesce(e.rule, '') AS rule, e.confidence, "
    "coalesce(substring(a.text, s.start + 1, s.\"end\" - s.start), '') AS evidence, "
    "a.title, a.url, a.published"
)


def list_events(
    store: Store,
    filters: EventFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
) -> list[EventRow]:
    """Return events matching ``filters``, latest first, then in text order."""
    where, params = event_where(filters or EventFilter())
    sql = (
        f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {where} "
        "ORDER BY e.event_day DESC NULLS LAST, e.article_id, e.sentence_index, "
        "e.trigger_start, e.event_id LIMIT ? OFFSET ?"
    )
    return select_records(store, EventRow, sql, [*params, limit, offset])


def count_events(store: Store, filters: EventFilter | None = None) -> int:
    """Return how many events match ``filters``."""
    where, params = event_where(filters or EventFilter())
    return _one(store, f"SELECT count(*) {EVENT_FROM} WHERE {where}", params)


def counts_by_type(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | None = None,
    all_modalities: bool = False,
) -> list[TypeCount]:
    """Return the number of events of each type, most frequent first."""
    f = EventFilter(
        actor=actor,
        since=since,
        until=until,
        modality=None if all_modalities else "asserted",
    )
    where, params = event_where(f)
    return select_records(
        store,
        TypeCount,
        f"SELECT e.type, min(e.quad) AS quad, count(*) AS events {EVENT_FROM} "
        f"WHERE {where} GROUP BY e.type ORDER BY count(*) DESC, e.type",
        params,
    )


# ---- clusters and actors ----------------------------------------------------------


def list_clusters(
    store: Store,
    *,
    limit: int = 50,
    offset: int = 0,
    actor: str | None = None,
    type: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_articles: int = 1,
) -> list[ClusterRow]:
    """Return event clusters, those reported by most articles first."""
    clauses: list[str] = ["n_articles >= ?"]
    params: list[Any] = [min_articles]
    for clause, value in (
        ("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))", actor),
        ("type = ?", type.upper() if type else None),
        ("last_day >= ?", since),
        ("first_day <= ?", until),
    ):
        if value is not None:
            clauses.append(clause)
            params.extend([value] * clause.count("?"))
    return select_records(
        store,
        ClusterRow,
        "SELECT cluster_id, type, actor_codes, recipient_codes, first_day, last_day, "
        "location_code, coalesce(n_articles, 0) AS articles, "
        "coalesce(n_sources, 0) AS sources, coalesce(n_mentions, 0) AS mentions, "
        f"first_seen, last_seen FROM event_clusters WHERE {' AND '.join(clauses)} "
        "ORDER BY n_articles DESC, n_mentions DESC, first_day DESC, cluster_id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class FailureRow:
    """An article whose last run failed, and why."""

    article_id: str
    origin: str | None
    stage: str
    error_type: str
    message: str
    failed_at: dt.datetime


def list_failures(store: Store, *, limit: int = 10) -> list[FailureRow]:
    """Return the latest failures, newest first."""
    return select_records(
        store,
        FailureRow,
        "SELECT f.article_id, a.origin, f.stage, f.error_type, f.message, f.failed_at "
        "FROM failures f LEFT JOIN articles a USING (article_id) "
        "ORDER BY f.failed_at DESC, f.article_id LIMIT ?",
        [limit],
    )


def store_counts(store: Store) -> dict[str, int]:
    """Return the row count of every table and the articles by status."""
    counts = store.counts()
    for status, n in _rows(
        store,
        "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status",
        [],
    ):
        counts[f"articles_{status}"] = n
    return counts
