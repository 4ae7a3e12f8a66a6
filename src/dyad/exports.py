"""Exports: the store's events as CSV, Parquet, JSONL, PLOVER JSON or GDELT 2.0 columns.

``result_rows`` gives the PLOVER and GDELT views of one ``ArticleResult`` (used by
``dyad extract --format``); ``export_store`` writes a whole store (or the events a
filter selects) to a file, streaming, so exports of large stores stay small in memory.
``docs/gdelt-export.md`` documents the GDELT column mapping.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from dyad.analytics import EventFilter, event_where
from dyad.contract import to_contract
from dyad.errors import DyadError
from dyad.knowledge.files import data_path, read_yaml
from dyad.records import Actor, ArticleResult, Event
from dyad.store.db import Store
from dyad.store.queries import load_result
from dyad.store.rows import event_day

FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt")
# The 61 columns of a GDELT 2.0 event record, in file order, then dyad's Modality (#13:
# GDELT has no such column, and a reader counting rows must be able to drop non-facts).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{c}"
        for n in (1, 2)
        for c in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{p}Geo_{c}"
        for p in ("Actor1", "Actor2", "Action")
        for c in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
    "Modality",
)
_NOT_STATES = {"IGO", "NGO", "MNC"}
# PLOVER sectors that have no CAMEO role code of the same name.
_CAMEO_ROLE = {"SOC": "CVL", "UNK": ""}


class ExportError(DyadError):
    """Raised when an export cannot be written."""


@functools.cache
def goldstein_table() -> Mapping[str, float]:
    """Return the Goldstein score of each CAMEO code listed in ``data/gdelt``."""
    data = read_yaml(data_path("gdelt", "goldstein.yaml"))
    return {str(k): float(v) for k, v in data.items()}


def goldstein(cameo: str | None) -> float | None:
    """Return the Goldstein score of a CAMEO code (falling back to base, then root)."""
    if not cameo:
        return None
    table = goldstein_table()
    for size in (len(cameo), 3, 2):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None


def _stable_int(*parts: str) -> int:
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & (2**63 - 1)


# ---- PLOVER -------------------------------------------------------------------------


def _side(actors: Mapping[str, Actor], ids: tuple[str, ...]) -> dict[str, Any]:
    found = [actors[i] for i in ids if i in actors]
    return {
        "text": "; ".join(a.name for a in found) or None,
        "country": next((a.code for a in found if a.code), None),
        "countries": sorted({a.code for a in found if a.code}),
        "sector": next((a.sector for a in found if a.sector), None),
        "ids": list(ids),
    }


def reciprocal_sides(
    actors: Mapping[str, Actor], event: Event
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the actor and recipient ids, a reciprocal event split into its sides.

    A reciprocal event ("X and Y agreed") lists every party as an actor and has no
    recipient; the parties of the first country code then form the actor side and
    the others the recipient side, so no side's country is lost (#13).
    """
    if event.recipient_ids:
        return event.actor_ids, event.recipient_ids
    codes = [actors[i].code if i in actors else None for i in event.actor_ids]
    first = next((c for c in codes if c), None)
    if first is None or all(c in (first, None) for c in codes):
        return event.actor_ids, ()
    ours = tuple(i for i, c in zip(event.actor_ids, codes, strict=True) if c != first)
    return tuple(i for i in event.actor_ids if i not in ours), ours


def plover_record(result: ArticleResult, event: Event) -> dict[str, Any]:
    """Return one event as a PLOVER JSON record (POLECAT-style field names)."""
    actors = {a.actor_id: a for a in result.actors}
    first, second = reciprocal_sides(actors, event)
    source, target = _side(actors, first), _side(actors, second)
    day = event_day(event, result.article.published)
    article = result.article
    sentence = next(
        (s for s in result.sentences if s.index == event.sentence_index), None
    )
    return {
        "id": f"{article.article_id}:{event.event_id}",
        "event_date": day.isoformat() if day else None,
        "event_type": str(event.type),
        "mode": event.mode,
        "intensity": event.intensity,
        "quad": event.quad,
        "cameo": event.cameo,
        "actor": source["text"],
        "actor_country": source["country"],
        "actor_sector": source["sector"],
        "recipient": target["text"],
        "recipient_country": target["country"],
        "recipient_sector": target["sector"],
        "actor_countries": source["countries"],
        "recipient_countries": target["countries"],
        "reciprocal": first != event.actor_ids,
        "modality": str(event.modality),
        "reported_by": event.reported_by,
        "place_name": event.location.name if event.location else None,
        "place_country": event.location.code if event.location else None,
        "lat": event.location.lat if event.location else None,
        "lon": event.location.lon if event.location else None,
        "trigger": event.trigger_text,
        "event_text": article.text[sentence.start : sentence.end] if sentence else None,
        "story_id": article.article_id,
        "story_date": _iso(article.published),
        "url": article.url,
        "source": article.source,
        "rule": event.rule,
        "confidence": event.confidence,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# ---- GDELT --------------------------------------------------------------------------


def _gdelt_actor(actor: Actor | None, n: int) -> dict[str, Any]:
    blank = {
        f"Actor{n}{c}": ""
        for c in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    }
    if actor is None:
        return blank
    role = _CAMEO_ROLE.get(actor.sector or "", actor.sector or "")
    country = actor.code if actor.code and actor.code not in _NOT_STATES else ""
    base = actor.code or ""
    blank.update(
        {
            f"Actor{n}Code": base + role if base else role,
            f"Actor{n}Name": actor.name.upper(),
            f"Actor{n}CountryCode": country,
            f"Actor{n}KnownGroupCode": (actor.org or "")
            if actor.code in _NOT_STATES
            else "",
            f"Actor{n}Type1Code": role
            or (actor.code if actor.code in _NOT_STATES else ""),
        }
    )
    return blank


def _pair(result: ArticleResult, event: Event) -> tuple[Actor | None, Actor | None]:
    actors = {a.actor_id: a for a in result.actors}
    first = [actors[i] for i in event.actor_ids if i in actors]
    second = [actors[i] for i in event.recipient_ids if i in actors]
    if not second and len(first) > 1:  # reciprocal: the second side is Actor2
        first, second = first[:1], first[1:]
    return (first[0] if first else None), (second[0] if second else None)


def _action_geo(event: Event) -> dict[str, Any]:
    loc = event.location
    geo: dict[str, Any] = {
        f"ActionGeo_{c}": ""
        for c in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    }
    if loc is None:
        return geo
    # 1 country only, 3 a US place, 4 a place elsewhere (GDELT's geo types)
    kind = 1 if loc.lat is None else 3 if loc.code == "USA" else 4
    geo.update(
        {
            "ActionGeo_Type": kind,
            "ActionGeo_FullName": loc.name,
            "ActionGeo_CountryCode": loc.code or "",
            "ActionGeo_Lat": "" if loc.lat is None else loc.lat,
            "ActionGeo_Long": "" if loc.lon is None else loc.lon,
        }
    )
    return geo


def gdelt_row(
    result: ArticleResult, event: Event, *, counts: tuple[int, int, int] = (1, 1, 1)
) -> dict[str, Any]:
    """Return one event as a GDELT 2.0 event record (``GDELT_COLUMNS``).

    ``counts`` are NumMentions, NumSources and NumArticles (from its cluster, if any).
    """
    article = result.article
    day = event_day(event, article.published)
    first, second = _pair(result, event)
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(_gdelt_actor(first, 1))
    row.update(_gdelt_actor(second, 2))
    row.update(_action_geo(event))
    cameo = event.cameo or ""
    score = goldstein(cameo)
    row.update(
        {
            "GLOBALEVENTID": _stable_int(article.article_id, event.event_id),
            "SQLDATE": day.strftime("%Y%m%d") if day else "",
            "MonthYear": day.strftime("%Y%m") if day else "",
            "Year": day.year if day else "",
            "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4)
            if day
            else "",
            "IsRootEvent": 1 if event.sentence_index == 0 else 0,
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": cameo[:2],
            "QuadClass": event.quad,
            "GoldsteinScale": "" if score is None else score,
            "NumMentions": counts[0],
            "NumSources": counts[1],
            "NumArticles": counts[2],
            "DATEADDED": article.published.strftime("%Y%m%d000000")
            if article.published
            else "",
            "SOURCEURL": article.url or article.article_id,
            "Modality": str(event.modality),
        }
    )
    return row


def result_rows(result: ArticleResult, fmt: str) -> Iterator[dict[str, Any]]:
    """Yield the rows of one article in ``fmt`` (``plover`` or ``gdelt``)."""
    if fmt not in ("plover", "gdelt"):
        raise ValueError(f"result_rows: unknown format {fmt!r}")
    for event in result.events:
        yield (
            plover_record(result, event)
            if fmt == "plover"
            else gdelt_row(result, event)
        )


# ---- whole-store exports ------------------------------------------------------------

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


def _flat_sql(where: str, *, join_lists: bool) -> str:
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
    return (
        f"SELECT {_FLAT.format(lists=lists)} FROM events e JOIN articles a USING "
        "(article_id) LEFT JOIN sentences s ON s.article_id = e.article_id AND "
        f's."index" = e.sentence_index WHERE {where} '
        "ORDER BY e.article_id, e.sentence_index, e.trigger_start, e.event_id"
    )


def _write_table(
    store: Store, fmt: str, out: Path | BinaryIO, filters: EventFilter
) -> int:
    where, params = event_where(filters)
    sql = _flat_sql(where, join_lists=fmt == "csv")
    reader = store.con.sql(sql, params=params).to_arrow_reader(10_000)
    rows = 0
    writer: Any
    sink: Any = str(out) if isinstance(out, Path) else out
    if fmt == "parquet":
        writer = pq.ParquetWriter(sink, reader.schema)
    else:
        writer = pa_csv.CSVWriter(sink, reader.schema)
    with writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    if rows == 0 and fmt == "parquet":
        pq.write_table(pa.Table.from_batches([], schema=reader.schema), sink)
    return rows


def _matching_events(store: Store, filters: EventFilter) -> list[tuple[str, str]]:
    where, params = event_where(filters)
    sql = (
        "SELECT e.article_id, e.event_id FROM events e JOIN articles a USING "
        "(article_id) LEFT JOIN sentences s ON s.article_id = e.article_id AND "
        f's."index" = e.sentence_index WHERE {where} ORDER BY e.article_id'
    )
    return [(r[0], r[1]) for r in store.con.execute(sql, params).fetchall()]


def _cluster_counts(store: Store, article_id: str) -> dict[str, tuple[int, int, int]]:
    rows = store.con.execute(
        "SELECT m.event_id, c.n_mentions, c.n_sources, c.n_articles "
        "FROM event_cluster_members m JOIN event_clusters c USING (cluster_id) "
        "WHERE m.article_id = ?",
        [article_id],
    ).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def _event_records(
    store: Store, fmt: str, filters: EventFilter
) -> Iterator[dict[str, Any]]:
    pairs = _matching_events(store, filters)
    for article_id, group in itertools.groupby(pairs, key=lambda p: p[0]):
        wanted = {event_id for _, event_id in group}
        result = load_result(store.con, article_id)
        if result is None:
            continue
        counts = _cluster_counts(store, article_id) if fmt == "gdelt" else {}
        for event in result.events:
            if event.event_id not in wanted:
                continue
            if fmt == "plover":
                yield plover_record(result, event)
            else:
                yield gdelt_row(
                    result, event, counts=counts.get(event.event_id, (1, 1, 1))
                )


def _article_ids(store: Store, filters: EventFilter) -> list[str]:
    if filters == EventFilter():
        rows = store.con.execute(
            "SELECT article_id FROM articles WHERE status = 'done' ORDER BY article_id"
        ).fetchall()
        return [r[0] for r in rows]
    return sorted({a for a, _ in _matching_events(store, filters)})


def _write_lines(store: Store, fmt: str, stream: IO[str], filters: EventFilter) -> int:
    rows = 0
    if fmt == "jsonl":
        for article_id in _article_ids(store, filters):
            result = load_result(store.con, article_id)
            if result is not None:
                stream.write(json.dumps(to_contract(result), ensure_ascii=False) + "\n")
                rows += 1
        return rows
    if fmt == "plover":
        for record in _event_records(store, fmt, filters):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            rows += 1
        return rows
    return write_gdelt(_event_records(store, fmt, filters), stream)


def write_gdelt(records: Iterable[Mapping[str, Any]], stream: IO[str]) -> int:
    """Write GDELT records as tab-separated rows under a header; return the rows."""
    writer = csv.DictWriter(
        stream, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n"
    )
    writer.writeheader()
    rows = 0
    for record in records:
        writer.writerow(record)
        rows += 1
    return rows


def export_store(
    store: Store, fmt: str, out: Path | BinaryIO, filters: EventFilter | None = None
) -> int:
    """Write the events (articles for ``jsonl``) of ``store`` to ``out``; return rows.

    ``out`` is a file path or a binary stream (``sys.stdout.buffer`` for ``--out -``).

    Raises:
        ExportError: the format is unknown or the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportError(
            f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    chosen = filters or EventFilter()
    try:
        if fmt in ("csv", "parquet"):
            return _write_table(store, fmt, out, chosen)
        if not isinstance(out, Path):
            text = io.TextIOWrapper(out, encoding="utf-8", newline="")
            rows = _write_lines(store, fmt, text, chosen)
            text.flush()
            text.detach()
            return rows
        with out.open("w", encoding="utf-8", newline="") as stream:
            return _write_lines(store, fmt, stream, chosen)
    except OSError as e:
        raise ExportError(f"{out}: cannot write the export: {e.strerror}") from e
