"""Code one text with the pinned model and a hand-made cast of actors.

The parse is real; the actors are given by the test (name → code and kind), so these
tests check triggers, roles and modality without depending on actor coding. Names are
found case-insensitively at word boundaries, so the same cast serves a text in lower
case or ALL CAPS.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dyad.records import Actor, ActorKind, Article, Event, EventType, Mention, Modality
from dyad.resources import Resources
from dyad.stages.events import code_events
from dyad.stages.nlp import Parsed, parse_articles

ARTICLE = "classes"
Cast = Mapping[str, tuple[str, ActorKind]]


@dataclass(frozen=True, slots=True)
class Coded:
    """An event reduced to what the tests compare: type, codes, modality, speaker."""

    type: EventType
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    modality: Modality
    reported_by: str | None
    trigger: str


def states(
    codes: Mapping[str, str], kind: ActorKind = ActorKind.STATE
) -> dict[str, tuple[str, ActorKind]]:
    """Return a cast of names → (code, ``kind``): ``states({"Ghana": "GHA"})``."""
    return {name: (code_, kind) for name, code_ in codes.items()}


def parse(resources: Resources, text: str) -> Parsed:
    article = Article(
        article_id=ARTICLE, text=text, published=dt.date(2024, 5, 15)
    )
    ((parsed, _),) = list(parse_articles(resources.nlp, [(article, None)]))
    return parsed


def cast_for(parsed: Parsed, cast: Cast) -> tuple[list[Actor], list[Mention]]:
    """Return the actors of ``cast`` and a mention for each occurrence of their names."""
    actors, mentions = [], []
    text = parsed.article.text.lower()
    for number, (name, (code, kind)) in enumerate(sorted(cast.items())):
        actor_id = f"actor-{number}"
        actors.append(
            Actor(article_id=ARTICLE, actor_id=actor_id, name=name, kind=kind, code=code)
        )
        for found in re.finditer(rf"\b{re.escape(name.lower())}\b", text):
            mentions.append(
                Mention(
                    article_id=ARTICLE,
                    actor_id=actor_id,
                    text=parsed.article.text[found.start() : found.end()],
                    start=found.start(),
                    end=found.end(),
                    sentence_index=parsed.sentence_of(found.start()),
                )
            )
    return actors, mentions


def code(resources: Resources, text: str, cast: Cast) -> list[Coded]:
    """Return the events coded in ``text`` with ``cast`` as its actors."""
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, cast)
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    return [reduce(e, actors) for e in result.records]


def reduce(event: Event, actors: list[Actor]) -> Coded:
    codes = {a.actor_id: a.code or a.name for a in actors}
    return Coded(
        type=event.type,
        actors=tuple(sorted(codes[a] for a in event.actor_ids)),
        recipients=tuple(sorted(codes[a] for a in event.recipient_ids)),
        modality=event.modality,
        reported_by=codes[event.reported_by] if event.reported_by else None,
        trigger=event.trigger_text.lower(),
    )


def dyads(events: list[Coded]) -> set[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, e.actors, e.recipients) for e in events}
