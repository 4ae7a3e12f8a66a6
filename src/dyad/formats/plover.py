"""The ``plover`` format: one PLOVER JSON record (POLECAT-style fields) per event."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dyad.formats.registry import register_format
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
        "sector": next((a.sector for a in found if a.sector), None),
        "ids": list(ids),
    }


def plover_record(result: ArticleResult, event: Event) -> dict[str, Any]:
    """Return one event as a PLOVER JSON record (POLECAT-style field names)."""
    actors = {a.actor_id: a for a in result.actors}
    source, target = _side(actors, event.actor_ids), _side(actors, event.recipient_ids)
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

    def write_store(self, store: Store, filters: EventFilter, out: Path) -> int:
        """Write the selected events of ``store`` as JSON lines; return how many."""
        from dyad.store.exports import exported_articles

        rows = 0
        with out.open("w", encoding="utf-8", newline="") as stream:
            for item in exported_articles(store, filters):
                for event in item.result.events:
                    if event.event_id in item.event_ids:
                        record = plover_record(item.result, event)
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                        rows += 1
        return rows


register_format(PloverFormat())
