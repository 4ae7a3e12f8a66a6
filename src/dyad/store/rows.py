"""Rows of the store tables: Arrow column types, and records turned into rows.

Used by ``db.Store`` when writing; nested event fields are flattened here and the
derived event columns (codes, day, dyad pairs) are computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from dyad.records import Actor, ArticleFailure, ArticleResult, Event, Precision

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_D = pa.date32()
_L = pa.list_(pa.string())
_T = pa.timestamp("us", tz="UTC")
_B = pa.bool_()

# Column order of each child table as created by the migrations.
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "sentences": [("article_id", _S), ("index", _I), ("start", _I), ("end", _I)],
    "problems": [
        ("article_id", _S),
        ("origin", _S),
        ("code", _S),
        ("message", _S),
        ("stage", _S),
        ("start", _I),
        ("end", _I),
    ],
    "actors": [
        ("article_id", _S),
        ("actor_id", _S),
        ("name", _S),
        ("kind", _S),
        ("code", _S),
        ("sector", _S),
        ("org", _S),
        ("title", _S),
        ("kb_id", _S),
        ("confidence", _F),
        ("coder", _S),
    ],
    "mentions": [
        ("article_id", _S),
        ("actor_id", _S),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("sentence_index", _I),
    ],
    "times": [
        ("article_id", _S),
        ("time_id", _S),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("sentence_index", _I),
        ("value", _S),
        ("precision", _S),
        ("anchor", _D),
        ("coder", _S),
    ],
    "events": [
        ("article_id", _S),
        ("event_id", _S),
        ("type", _S),
        ("mode", _S),
        ("cameo", _S),
        ("quad", _I),
        ("intensity", _F),
        ("actor_ids", _L),
        ("recipient_ids", _L),
        ("trigger_text", _S),
        ("trigger_start", _I),
        ("trigger_end", _I),
        ("sentence_index", _I),
        ("modality", _S),
        ("rule", _S),
        ("confidence", _F),
        ("date_value", _S),
        ("date_precision", _S),
        ("date_source", _S),
        ("date_time_id", _S),
        ("location_name", _S),
        ("location_code", _S),
        ("location_lat", _F),
        ("location_lon", _F),
        ("reported_by", _S),
        ("coder", _S),
        ("actor_codes", _L),
        ("recipient_codes", _L),
        ("event_day", _D),
    ],
    "event_dyads": [
        ("article_id", _S),
        ("event_id", _S),
        ("actor_code", _S),
        ("recipient_code", _S),
        ("reciprocal", _B),
    ],
    "quotes": [
        ("article_id", _S),
        ("quote_id", _S),
        ("kind", _S),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("sentence_index", _I),
        ("speaker_id", _S),
        ("speaker_text", _S),
        ("cue", _S),
        ("coder", _S),
    ],
    "event_cluster_members": [("cluster_id", _S), ("article_id", _S), ("event_id", _S)],
}
SEQUENCED = {"actors", "mentions", "times", "events", "quotes"}
SEQ_COLUMN = ("seq", _I)


def day_of(value: str | None, precision: str | None) -> dt.date | None:
    """Return the first day of a time ``value`` precise to a day, week or month."""
    if not value or precision not in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        return None
    try:
        if precision == Precision.DAY:
            return dt.date.fromisoformat(value[:10])
        if precision == Precision.WEEK:
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    except ValueError:
        return None


def event_day(event: Event, published: dt.date | None) -> dt.date | None:
    """Return the day an event counts on: its own date, else the publication date."""
    date = event.date
    found = day_of(date.value, date.precision) if date else None
    return found or published


def dyad_pairs(
    actor_codes: Sequence[str], recipient_codes: Sequence[str]
) -> list[tuple[str, str, bool]]:
    """Return the directed code pairs of an event; reciprocal pairs once, sorted."""
    if recipient_codes:
        return sorted(
            {(a, r, False) for a in actor_codes for r in recipient_codes if a != r}
        )
    unique = sorted(set(actor_codes))
    return [(a, b, True) for i, a in enumerate(unique) for b in unique[i + 1 :]]


def actor_codes_of(ids: Sequence[str], codes: dict[str, str | None]) -> list[str]:
    seen: list[str] = []
    for actor in ids:
        code = codes.get(actor)
        if code and code not in seen:
            seen.append(code)
    return seen


def outcome_id(outcome: ArticleResult | ArticleFailure) -> str:
    if isinstance(outcome, ArticleFailure):
        return outcome.article_id
    return outcome.article.article_id


def codes_by_actor(actors: Sequence[Actor]) -> dict[str, str | None]:
    return {a.actor_id: a.code for a in actors}


def actor_row(a: Actor) -> tuple[Any, ...]:
    return (
        a.article_id,
        a.actor_id,
        a.name,
        str(a.kind),
        a.code,
        a.sector,
        a.org,
        a.title,
        a.kb_id,
        a.confidence,
        a.coder,
    )


def event_row(
    e: Event, actor_codes: list[str], recipient_codes: list[str], day: dt.date | None
) -> tuple[Any, ...]:
    d, loc = e.date, e.location
    return (
        e.article_id,
        e.event_id,
        str(e.type),
        e.mode,
        e.cameo,
        e.quad,
        e.intensity,
        list(e.actor_ids),
        list(e.recipient_ids),
        e.trigger_text,
        e.trigger_start,
        e.trigger_end,
        e.sentence_index,
        str(e.modality),
        e.rule,
        e.confidence,
        d.value if d else None,
        str(d.precision) if d and d.precision else None,
        str(d.source) if d and d.source else None,
        d.time_id if d else None,
        loc.name if loc else None,
        loc.code if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        e.reported_by,
        e.coder,
        actor_codes,
        recipient_codes,
        day,
    )
