"""Rows of the store turned back into records (the only place that does so).

``load_results`` reads many articles at once: one query per table for the whole set,
so exports never run a query per article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from dyad.records import (
    Actor,
    Article,
    ArticleResult,
    Event,
    Mention,
    Problem,
    Quote,
    Sentence,
    TimeExpr,
)
from dyad.store.schema import record_from_row, rows_as_dicts

# The child tables of an article: record type, result field and the order of its rows.
_CHILDREN: tuple[tuple[str, type, str, str], ...] = (
    ("sentences", Sentence, "sentences", '"index"'),
    ("actors", Actor, "actors", "seq"),
    ("mentions", Mention, "mentions", "seq"),
    ("times", TimeExpr, "times", "seq"),
    ("events", Event, "events", "seq"),
    ("quotes", Quote, "quotes", "seq"),
    ("problems", Problem, "problems", "code, start NULLS FIRST, message"),
)

_ARTICLES = (
    "SELECT article_id, coalesce(text, '') AS text, title, published, source, url, "
    "credits, language FROM articles WHERE article_id IN (SELECT article_id FROM _ids)"
)


def _select(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    return rows_as_dicts(cursor.description, cursor.fetchall())


def _children(
    con: duckdb.DuckDBPyConnection, table: str, record: type, order: str
) -> dict[str, list[Any]]:
    sql = (
        f"SELECT * FROM {table} WHERE article_id IN (SELECT article_id FROM _ids) "
        f"ORDER BY article_id, {order}"
    )
    found: dict[str, list[Any]] = defaultdict(list)
    for row in _select(con, sql):
        found[row["article_id"]].append(record_from_row(record, row))
    return found


def load_results(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]
) -> dict[str, ArticleResult]:
    """Return the stored records of ``article_ids`` by id (ids not stored are absent)."""
    if not article_ids:
        return {}
    con.register(
        "_ids", pa.table({"article_id": pa.array(list(article_ids), pa.string())})
    )
    try:
        articles = [record_from_row(Article, r) for r in _select(con, _ARTICLES)]
        children = {
            field: _children(con, table, record, order)
            for table, record, field, order in _CHILDREN
        }
    finally:
        con.unregister("_ids")
    return {
        a.article_id: ArticleResult(
            article=a,
            **{f: tuple(rows.get(a.article_id, ())) for f, rows in children.items()},
        )
        for a in articles
    }


def load_result(
    con: duckdb.DuckDBPyConnection, article_id: str
) -> ArticleResult | None:
    """Return the stored records of one article, or None when it is not stored."""
    return load_results(con, [article_id]).get(article_id)
