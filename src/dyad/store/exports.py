"""The reads behind ``dyad export``: a flat event table, and the articles of a filter.

Both are set-based: the flat table is one query streamed as Arrow batches; articles are
loaded ``ARTICLES_PER_READ`` at a time with one query per table, never one per article.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import pyarrow as pa

from dyad.records import ArticleResult
from dyad.store.analytics import EventFilter, event_where
from dyad.store.db import Store
from dyad.store.queries import load_results

# Articles read per batch of queries: big enough that per-query cost vanishes, small
# enough that memory stays flat on any store.
ARTICLES_PER_READ = 256
ARROW_BATCH_ROWS = 10_000

# Column names as in ``dyad events --format csv`` and the API's CSV (``EventRow``), plus
# what only a full export carries; every one is in docs/data-dictionary.md.
_FLAT = (
    "e.article_id, e.event_id, e.type, e.mode, e.cameo, e.quad, e.intensity, "
    "{lists}, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_index, "
    "e.modality, e.rule, e.confidence, e.date_value, e.date_precision, e.date_source, "
    "e.event_day AS day, e.location_name, e.location_code, e.location_lat, "
    "e.location_lon, e.reported_by, e.coder, "
    "coalesce(substring(a.text, s.start + 1, s.\"end\" - s.start), '') AS evidence, "
    "a.url, a.title, a.published, a.source"
)
_LIST_COLUMNS = ("actor_ids", "recipient_ids", "actor_codes", "recipient_codes")
_NAME_LIST = (
    "(SELECT list(x.name ORDER BY x.name) FROM actors x WHERE x.article_id = "
    "e.article_id AND list_contains(e.{ids}, x.actor_id))"
)
_FROM = (
    "FROM events e JOIN articles a USING (article_id) LEFT JOIN sentences s ON "
    's.article_id = e.article_id AND s."index" = e.sentence_index '
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterCounts:
    """How often an event's cluster was reported: mentions, sources and articles."""

    mentions: int
    sources: int
    articles: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportedArticle:
    """One article to export: its records, the events the filter selected, and the
    cluster figures of those events by event id."""

    result: ArticleResult
    event_ids: frozenset[str]
    clusters: Mapping[str, ClusterCounts] = field(default_factory=dict)


def event_table(
    store: Store, filters: EventFilter, *, join_lists: bool
) -> pa.RecordBatchReader:
    """Return the flat event rows matching ``filters`` as a stream of Arrow batches;
    with ``join_lists`` the list columns (ids, codes, names) are joined with ``;``."""
    names = {
        f"{side}_names": _NAME_LIST.format(ids=f"{side}_ids")
        for side in ("actor", "recipient")
    }
    columns = {**{c: f"e.{c}" for c in _LIST_COLUMNS}, **names}
    if join_lists:
        lists = ", ".join(
            f"array_to_string({sql}, ';') AS {c}" for c, sql in columns.items()
        )
    else:
        lists = ", ".join(f"{sql} AS {c}" for c, sql in columns.items())
    where, params = event_where(filters)
    sql = (
        f"SELECT {_FLAT.format(lists=lists)} {_FROM} WHERE {where} "
        "ORDER BY e.article_id, e.sentence_index, e.trigger_start, e.event_id"
    )
    return store.con.sql(sql, params=params).to_arrow_reader(ARROW_BATCH_ROWS)


def _selected(store: Store, filters: EventFilter) -> list[tuple[str, str]]:
    where, params = event_where(filters)
    sql = (
        f"SELECT e.article_id, e.event_id {_FROM} WHERE {where} "
        "ORDER BY e.article_id, e.event_id"
    )
    return [(r[0], r[1]) for r in store.con.execute(sql, params).fetchall()]


def _done_articles(store: Store) -> list[str]:
    rows = store.con.execute(
        "SELECT article_id FROM articles WHERE status = 'done' ORDER BY article_id"
    ).fetchall()
    return [r[0] for r in rows]


def _cluster_counts(
    store: Store, article_ids: list[str]
) -> dict[str, dict[str, ClusterCounts]]:
    rows = store.con.execute(
        "SELECT m.article_id, m.event_id, c.n_mentions, c.n_sources, c.n_articles "
        "FROM event_cluster_members m JOIN event_clusters c USING (cluster_id) "
        "WHERE list_contains(?, m.article_id)",
        [article_ids],
    ).fetchall()
    found: dict[str, dict[str, ClusterCounts]] = {}
    for r in rows:
        found.setdefault(r[0], {})[r[1]] = ClusterCounts(
            mentions=r[2], sources=r[3], articles=r[4]
        )
    return found


def exported_articles(
    store: Store, filters: EventFilter, *, every_article: bool = False
) -> Iterator[ExportedArticle]:
    """Yield the articles with an event matching ``filters``, by article id.

    With ``every_article`` and no filter, articles without events are yielded too
    (the jsonl export writes every processed article).
    """
    if every_article and filters == EventFilter():
        selected = {aid: frozenset[str]() for aid in _done_articles(store)}
    else:
        selected = {
            aid: frozenset(e for _, e in group)
            for aid, group in itertools.groupby(
                _selected(store, filters), lambda p: p[0]
            )
        }
    ids = list(selected)
    for start in range(0, len(ids), ARTICLES_PER_READ):
        batch = ids[start : start + ARTICLES_PER_READ]
        results = load_results(store.con, batch)
        clusters = _cluster_counts(store, batch)
        for aid in batch:
            if aid in results:
                yield ExportedArticle(
                    result=results[aid],
                    event_ids=selected[aid],
                    clusters=clusters.get(aid, {}),
                )
