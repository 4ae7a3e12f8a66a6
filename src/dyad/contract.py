"""The ``dyad.article/1`` JSON contract: a view of an ``ArticleResult``.

Field names and nesting follow ``DESIGN.md`` section 2 exactly; fields never disappear
(unknown values are ``null``, empty lists ``[]``). ``to_json`` is canonical: sorted keys
are not used, because the contract's key order is part of what people read.
"""

from __future__ import annotations

import json
from typing import Any

from dyad.records import (
    Actor,
    ArticleResult,
    Event,
    EventDate,
    Location,
    Mention,
    Problem,
    Quote,
    Sentence,
    TimeExpr,
)

SCHEMA = "dyad.article/1"


def _article(result: ArticleResult) -> dict[str, Any]:
    a = result.article
    return {
        "id": a.article_id,
        "url": a.url,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "source": a.source,
        "credits": list(a.credits),
        "language": a.language,
        "text": a.text,
    }


def _sentence(s: Sentence) -> dict[str, Any]:
    return {"index": s.index, "start": s.start, "end": s.end}


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.actor_id,
        "name": a.name,
        "kind": str(a.kind),
        "code": a.code,
        "sector": a.sector,
        "org": a.org,
        "title": a.title,
        "kb_id": a.kb_id,
        "confidence": round(a.confidence, 3),
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {
        "actor": m.actor_id,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence_index,
    }


def _time(t: TimeExpr) -> dict[str, Any]:
    return {
        "id": t.time_id,
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "sentence": t.sentence_index,
        "value": t.value,
        "precision": str(t.precision) if t.precision else None,
        "anchor": t.anchor.isoformat() if t.anchor else None,
    }


def _date(d: EventDate | None) -> dict[str, Any] | None:
    if d is None:
        return {"value": None, "precision": None, "source": None, "time": None}
    return {
        "value": d.value,
        "precision": str(d.precision) if d.precision else None,
        "source": str(d.source) if d.source else None,
        "time": d.time_id,
    }


def _location(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"name": loc.name, "code": loc.code, "lat": loc.lat, "lon": loc.lon}


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.event_id,
        "type": str(e.type),
        "mode": e.mode,
        "cameo": e.cameo,
        "quad": e.quad,
        "intensity": e.intensity,
        "actor": list(e.actor_ids),
        "recipient": list(e.recipient_ids),
        "trigger": {
            "text": e.trigger_text,
            "start": e.trigger_start,
            "end": e.trigger_end,
        },
        "sentence": e.sentence_index,
        "date": _date(e.date),
        "location": _location(e.location),
        "modality": str(e.modality),
        "reported_by": e.reported_by,
        "rule": e.rule,
        "confidence": round(e.confidence, 3),
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.quote_id,
        "kind": str(q.kind),
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "sentence": q.sentence_index,
        "speaker": q.speaker_id,
        "speaker_text": q.speaker_text,
        "cue": q.cue,
    }


def _problem(p: Problem) -> dict[str, Any]:
    return {
        "code": p.code,
        "message": p.message,
        "stage": p.stage,
        "start": p.start,
        "end": p.end,
    }


def to_contract(result: ArticleResult) -> dict[str, Any]:
    """Return the ``dyad.article/1`` mapping of ``result``."""
    return {
        "schema": SCHEMA,
        "article": _article(result),
        "sentences": [_sentence(s) for s in result.sentences],
        "actors": [_actor(a) for a in result.actors],
        "mentions": [_mention(m) for m in result.mentions],
        "times": [_time(t) for t in result.times],
        "events": [_event(e) for e in result.events],
        "quotes": [_quote(q) for q in result.quotes],
        "problems": [_problem(p) for p in result.problems],
    }


def to_json(result: ArticleResult) -> str:
    """Return ``result`` as ``dyad.article/1`` JSON text (2-space indent, UTF-8 kept)."""
    return json.dumps(to_contract(result), ensure_ascii=False, indent=2)
