"""The ``plover`` format: one PLOVER JSON record (POLECAT-style fields) per event."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from dyad.formats.registry import open_text, register_format
from dyad.records import Actor, ArticleResult, Event
from dyad.store.rows import event_day

if TYPE_CHECKING:
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store


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


@dataclass(frozen=True, slots=True)
class PloverFormat:
    """Events as PLOVER JSON lines."""

    name: str = "plover"
    summary: str = "one PLOVER JSON record per event (JSON lines)"
    extract: bool = True
    export: bool = True

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Write each event of ``result`` as one JSON line."""
        for event in result.events:
            stream.write(
                json.dumps(plover_record(result, event), ensure_ascii=False) + "\n"
            )

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Write the selected events of ``store`` as JSON lines; return how many."""
        from dyad.store.exports import exported_articles

        rows = 0
        with open_text(out) as stream:
            for item in exported_articles(store, filters):
                for event in item.result.events:
                    if event.event_id in item.event_ids:
                        record = plover_record(item.result, event)
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                        rows += 1
        return rows


register_format(PloverFormat())
