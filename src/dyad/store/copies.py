"""The SQL of article copies: fingerprints, band keys and report ids (#12).

``dyad.duplicates`` decides which articles are copies of one report; this module stores
each article's fingerprint, MinHash signature and band keys, finds the stored articles
that share a band key with given ones, and records the report each article belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from dyad.store.db import Store

_FINGERPRINT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("fingerprint", pa.string()),
        ("signature", pa.list_(pa.uint32())),
        ("report_id", pa.string()),
    ]
)
_BAND_SCHEMA = pa.schema([("article_id", pa.string()), ("band_key", pa.int64())])


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleCopyKey:
    """What finds the copies of one article: its fingerprint, signature and bands."""

    article_id: str
    fingerprint: str
    signature: tuple[int, ...]
    band_keys: tuple[int, ...]


def put_copy_keys(store: Store, keys: Sequence[ArticleCopyKey]) -> None:
    """Replace the keys of each article; it is its own report until linked."""
    if not keys:
        return
    ids = [k.article_id for k in keys]
    prints = pa.table(
        [ids, [k.fingerprint for k in keys], [list(k.signature) for k in keys], ids],
        schema=_FINGERPRINT_SCHEMA,
    )
    bands = pa.table(
        [
            [k.article_id for k in keys for _ in k.band_keys],
            [b for k in keys for b in k.band_keys],
        ],
        schema=_BAND_SCHEMA,
    )
    with store.transaction() as con:
        for table in ("article_fingerprints", "article_bands"):
            con.execute(
                f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids]
            )
        con.register("_prints", prints)
        con.register("_bands", bands)
        try:
            con.execute("INSERT INTO article_fingerprints SELECT * FROM _prints")
            con.execute("INSERT INTO article_bands SELECT * FROM _bands")
        finally:
            con.unregister("_prints")
            con.unregister("_bands")


def articles_with_fingerprints(
    store: Store, fingerprints: Sequence[str]
) -> dict[str, str]:
    """Return, for each of ``fingerprints`` that is stored, the smallest article id."""
    if not fingerprints:
        return {}
    rows = store.con.execute(
        "SELECT fingerprint, min(article_id) FROM article_fingerprints "
        "WHERE list_contains(?, fingerprint) GROUP BY fingerprint",
        [list(fingerprints)],
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def candidate_pairs(
    store: Store, article_ids: Sequence[str]
) -> list[tuple[str, str, list[int], list[int]]]:
    """Return ``(a, b, signature a, signature b)`` for articles sharing a band key,
    ``a`` one of ``article_ids``, ``b`` any other article, in a defined order."""
    if not article_ids:
        return []
    rows = store.con.execute(
        """
        SELECT DISTINCT x.article_id, y.article_id, fx.signature, fy.signature
        FROM article_bands x
        JOIN article_bands y ON x.band_key = y.band_key AND x.article_id <> y.article_id
        JOIN article_fingerprints fx ON fx.article_id = x.article_id
        JOIN article_fingerprints fy ON fy.article_id = y.article_id
        WHERE list_contains(?, x.article_id)
        ORDER BY 1, 2
        """,
        [list(article_ids)],
    ).fetchall()
    return [(str(r[0]), str(r[1]), list(r[2]), list(r[3])) for r in rows]


def report_ids(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Return the report id of each of ``article_ids`` that has one."""
    rows = store.con.execute(
        "SELECT article_id, report_id FROM article_fingerprints "
        "WHERE list_contains(?, article_id)",
        [list(article_ids)],
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def members_of_reports(store: Store, reports: Sequence[str]) -> list[str]:
    """Return the articles whose report is one of ``reports``, sorted."""
    rows = store.con.execute(
        "SELECT article_id FROM article_fingerprints "
        "WHERE list_contains(?, report_id) ORDER BY article_id",
        [list(reports)],
    ).fetchall()
    return [str(r[0]) for r in rows]


def set_report_ids(store: Store, reports: dict[str, str]) -> list[str]:
    """Record the report of each article; return the clusters now out of date."""
    if not reports:
        return []
    ids = sorted(reports)
    table = pa.table(
        [ids, [reports[i] for i in ids]],
        schema=pa.schema([("article_id", pa.string()), ("report_id", pa.string())]),
    )
    with store.transaction() as con:
        con.register("_reports", table)
        try:
            con.execute(
                "UPDATE article_fingerprints f SET report_id = r.report_id "
                "FROM _reports r WHERE f.article_id = r.article_id"
            )
        finally:
            con.unregister("_reports")
        rows = con.execute(
            "SELECT DISTINCT cluster_id FROM event_cluster_members "
            "WHERE list_contains(?, article_id) ORDER BY cluster_id",
            [ids],
        ).fetchall()
    return [str(r[0]) for r in rows]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredCopy:
    """A stored article as copy detection sees it: where it came from, its text keys."""

    article_id: str
    url: str | None
    origin: str
    fingerprint: str
    signature: tuple[int, ...]
    length: int  # characters of the raw text


def stored_copies(
    store: Store, article_ids: Sequence[str], band_keys: Sequence[int]
) -> list[StoredCopy]:
    """Return the stored articles among ``article_ids`` or sharing one of
    ``band_keys``, sorted by id."""
    if not article_ids and not band_keys:
        return []
    rows = store.con.execute(
        """
        SELECT a.article_id, a.raw_url, coalesce(a.origin, ''), f.fingerprint,
               f.signature, length(a.raw_text)
        FROM articles a JOIN article_fingerprints f USING (article_id)
        WHERE list_contains(?, a.article_id) OR a.article_id IN (
            SELECT article_id FROM article_bands WHERE list_contains(?, band_key))
        ORDER BY a.article_id
        """,
        [list(article_ids), list(band_keys)],
    ).fetchall()
    return [
        StoredCopy(
            article_id=str(r[0]),
            url=r[1],
            origin=str(r[2]),
            fingerprint=str(r[3]),
            signature=tuple(int(v) for v in r[4]),
            length=int(r[5]),
        )
        for r in rows
    ]
