"""Aggregate queries over the store, returning small frozen records.

Shared by the CLI (``dyad events``, ``series``, ``top``, ``stats``) and the web layer;
the function names and record fields are a stable interface. Dyads are undirected here:
``dyad_series(store, "USA", "CHN")`` counts events from either side to the other and
reciprocal events between the two. Only asserted events count unless
``all_modalities`` is set. An event is dated by its own date when it is precise to a
day, week or month, else by its article's publication date (``events.event_day``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.records import ArticleResult
from dyad.store.db import Store
from dyad.store.queries import load_result

PERIODS = ("day", "week", "month")


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
class ActorSummary:
    """An actor as coded across articles (same name, code, sector and kind)."""

    name: str
    kind: str
    code: str | None
    sector: str | None
    org: str | None
    articles: int
    mentions: int


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
class TypeCount:
    """How many events of one type."""

    type: str
    quad: int | None
    events: int


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


def open_store(path: Path | str, read_only: bool = True) -> Store:
    """Open the store at ``path`` (read-only by default, as readers should)."""
    return Store(path, read_only=read_only)


def _rows(store: Store, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return store.con.execute(sql, params).fetchall()


def _one(store: Store, sql: str, params: list[Any]) -> int:
    rows = store.con.execute(sql, params).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


# ---- articles ---------------------------------------------------------------------


def _article_where(q: str | None) -> tuple[str, list[Any]]:
    if not q:
        return "TRUE", []
    like = f"%{q}%"
    return "(a.title ILIKE ? OR a.text ILIKE ? OR a.article_id = ?)", [like, like, q]


def list_articles(
    store: Store, *, limit: int = 50, offset: int = 0, q: str | None = None
) -> list[ArticleSummary]:
    """Return stored articles, newest first, optionally matching words ``q``."""
    where, params = _article_where(q)
    rows = _rows(
        store,
        "SELECT a.article_id, a.title, a.published, a.source, a.url, a.status, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id), "
        "(SELECT count(*) FROM quotes u WHERE u.article_id = a.article_id) "
        f"FROM articles a WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        ArticleSummary(
            article_id=r[0],
            title=r[1],
            published=r[2],
            source=r[3],
            url=r[4],
            status=r[5],
            events=r[6],
            quotes=r[7],
        )
        for r in rows
    ]


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
        like = f"%{f.text}%"
        clauses.append(
            "(e.trigger_text ILIKE ? OR a.title ILIKE ? OR "
            'substring(a.text, s.start + 1, s."end" - s.start) ILIKE ?)'
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
# The columns behind an ``EventRow``, in the order ``event_row`` reads them; use with
# ``EVENT_FROM`` (aliases e = events, a = articles, s = sentences).
EVENT_COLUMNS = (
    "e.article_id, e.event_id, e.type, e.mode, e.cameo, e.quad, e.intensity, "
    "e.actor_codes, e.recipient_codes, "
    f"{_NAMES.format(ids='e.actor_ids')}, {_NAMES.format(ids='e.recipient_ids')}, "
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_index, e.modality, "
    "e.event_day, e.date_value, e.location_name, e.location_code, e.rule, "
    'e.confidence, coalesce(substring(a.text, s.start + 1, s."end" - s.start), '
    "''), a.title, a.url, a.published"
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
    return [event_row(r) for r in _rows(store, sql, [*params, limit, offset])]


def event_row(r: tuple[Any, ...]) -> EventRow:
    """Return the ``EventRow`` of one row selected with ``EVENT_COLUMNS``."""
    return EventRow(
        article_id=r[0],
        event_id=r[1],
        type=r[2],
        mode=r[3],
        cameo=r[4],
        quad=r[5],
        intensity=r[6],
        actor_codes=tuple(r[7] or ()),
        recipient_codes=tuple(r[8] or ()),
        actor_names=tuple(r[9] or ()),
        recipient_names=tuple(r[10] or ()),
        trigger_text=r[11] or "",
        trigger_start=r[12],
        trigger_end=r[13],
        sentence_index=r[14],
        modality=r[15],
        day=r[16],
        date_value=r[17],
        location_name=r[18],
        location_code=r[19],
        rule=r[20] or "",
        confidence=r[21],
        evidence=r[22],
        title=r[23],
        url=r[24],
        published=r[25],
    )


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
    rows = _rows(
        store,
        f"SELECT e.type, min(e.quad), count(*) {EVENT_FROM} WHERE {where} "
        "GROUP BY e.type ORDER BY count(*) DESC, e.type",
        params,
    )
    return [TypeCount(type=r[0], quad=r[1], events=r[2]) for r in rows]


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
    rows = _rows(
        store,
        "SELECT cluster_id, type, actor_codes, recipient_codes, first_day, last_day, "
        "location_code, n_articles, n_sources, n_mentions, first_seen, last_seen "
        f"FROM event_clusters WHERE {' AND '.join(clauses)} "
        "ORDER BY n_articles DESC, n_mentions DESC, first_day DESC, cluster_id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        ClusterRow(
            cluster_id=r[0],
            type=r[1],
            actor_codes=tuple(r[2]),
            recipient_codes=tuple(r[3]),
            first_day=r[4],
            last_day=r[5],
            location_code=r[6],
            articles=r[7] or 0,
            sources=r[8] or 0,
            mentions=r[9] or 0,
            first_seen=r[10],
            last_seen=r[11],
        )
        for r in rows
    ]


def list_actors(
    store: Store,
    *,
    q: str | None = None,
    code: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ActorSummary]:
    """Return actors grouped across articles, most mentioned first."""
    clauses, params = ["TRUE"], []
    if q:
        clauses.append("x.name ILIKE ?")
        params.append(f"%{q}%")
    if code:
        clauses.append("x.code = ?")
        params.append(code.upper())
    rows = _rows(
        store,
        "SELECT x.name, x.kind, x.code, x.sector, min(x.org), "
        "count(DISTINCT x.article_id), "
        "sum((SELECT count(*) FROM mentions m WHERE m.article_id = x.article_id "
        "AND m.actor_id = x.actor_id)) AS n "
        f"FROM actors x WHERE {' AND '.join(clauses)} "
        "GROUP BY x.name, x.kind, x.code, x.sector "
        "ORDER BY n DESC, x.name, x.code NULLS LAST LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        ActorSummary(
            name=r[0],
            kind=r[1],
            code=r[2],
            sector=r[3],
            org=r[4],
            articles=r[5],
            mentions=int(r[6] or 0),
        )
        for r in rows
    ]


# ---- dyads ------------------------------------------------------------------------


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


def _dyad_events_sql(all_modalities: bool) -> str:
    modality = "" if all_modalities else "AND e.modality = 'asserted' "
    return (
        "SELECT DISTINCT e.article_id, e.event_id, e.quad, e.intensity, e.event_day "
        "FROM event_dyads d JOIN events e USING (article_id, event_id) "
        "WHERE ((d.actor_code = ? AND d.recipient_code = ?) OR "
        "(d.actor_code = ? AND d.recipient_code = ?)) AND e.event_day IS NOT NULL "
        "AND (CAST(? AS DATE) IS NULL OR e.event_day >= ?) "
        "AND (CAST(? AS DATE) IS NULL OR e.event_day <= ?) " + modality
    )


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
    rows = _rows(
        store,
        "SELECT date_trunc(?, event_day)::DATE AS p, "
        "count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2), "
        "count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), "
        "count(*), coalesce(sum(intensity), 0) "
        f"FROM ({_dyad_events_sql(all_modalities)}) GROUP BY p ORDER BY p",
        [by, a, b, b, a, since, since, until, until],
    )
    found = {r[0]: r for r in rows}
    if not found:
        return []
    points, period = [], min(found)
    last = max(found)
    while period <= last:
        r = found.get(period, (period, 0, 0, 0, 0, 0, 0.0))
        points.append(
            SeriesPoint(
                period=period,
                label=_label(period, by),
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


def top_dyads(
    store: Store,
    *,
    limit: int = 10,
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
) -> list[DyadSummary]:
    """Return the pairs of actor codes with most events between them."""
    modality = "" if all_modalities else "AND e.modality = 'asserted' "
    rows = _rows(
        store,
        "WITH pairs AS (SELECT DISTINCT least(d.actor_code, d.recipient_code) AS a, "
        "greatest(d.actor_code, d.recipient_code) AS b, e.article_id, e.event_id, "
        "e.quad, e.intensity, e.event_day FROM event_dyads d "
        "JOIN events e USING (article_id, event_id) WHERE "
        "(CAST(? AS DATE) IS NULL OR e.event_day >= ?) AND "
        f"(CAST(? AS DATE) IS NULL OR e.event_day <= ?) {modality}) "
        "SELECT a, b, count(*), count(*) FILTER (WHERE quad <= 2), "
        "count(*) FILTER (WHERE quad >= 3), coalesce(sum(intensity), 0), "
        "max(event_day) "
        "FROM pairs GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?",
        [since, since, until, until, limit],
    )
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


# The columns behind a ``QuoteRow``, in the order ``quote_row`` reads them; use with
# ``QUOTE_FROM`` (aliases q = quotes, x = the speaker's actor, ar = articles).
QUOTE_COLUMNS = (
    "q.article_id, q.quote_id, q.kind, q.text, x.name, x.code, q.cue, "
    "ar.title, ar.published"
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
    rows = _rows(
        store,
        f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}"
        "WHERE x.code IN (?, ?) AND q.article_id IN (SELECT article_id FROM "
        "event_dyads "
        "WHERE (actor_code = ? AND recipient_code = ?) OR (actor_code = ? AND "
        "recipient_code = ?)) "
        "ORDER BY ar.published DESC NULLS LAST, q.article_id, q.start LIMIT ? OFFSET ?",
        [a, b, a, b, b, a, limit, offset],
    )
    return [quote_row(r) for r in rows]


def quote_row(r: tuple[Any, ...]) -> QuoteRow:
    """Return the ``QuoteRow`` of one row selected with ``QUOTE_COLUMNS``."""
    return QuoteRow(
        article_id=r[0],
        quote_id=r[1],
        kind=r[2],
        text=r[3],
        speaker_name=r[4],
        speaker_code=r[5],
        cue=r[6],
        title=r[7],
        published=r[8],
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
    rows = _rows(
        store,
        "SELECT f.article_id, a.origin, f.stage, f.error_type, f.message, f.failed_at "
        "FROM failures f LEFT JOIN articles a USING (article_id) "
        "ORDER BY f.failed_at DESC, f.article_id LIMIT ?",
        [limit],
    )
    return [
        FailureRow(
            article_id=r[0],
            origin=r[1],
            stage=r[2],
            error_type=r[3],
            message=r[4],
            failed_at=r[5],
        )
        for r in rows
    ]


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
