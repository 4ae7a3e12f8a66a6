"""Strict scoring of the events stage on parsed training or dev documents.

The figures are those of ``event_scoring.score`` (type + actor codes + recipient codes
in the annotator's sentence), with the gold events of ``event_data`` (cleaned offsets)
and the events ``code_events`` gives for a parse already made (``walk``), so that the
training command can compare thresholds without parsing again. Only dev and train
documents reach here (``event_data`` refuses the test split).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dyad.evaluation.event_data import TrainingEvent
from dyad.evaluation.event_scoring import Coded, EventScores, score
from dyad.knowledge.events import EventLexicon
from dyad.records import Event
from dyad.stages.events import code_events
from dyad.stages.events_args import Arguer
from dyad.stages.events_model import EventModel
from dyad.training.walk import Walked


def _codes(parties: Iterable[object]) -> frozenset[str]:
    return frozenset(str(c) for c in (getattr(p, "code", None) for p in parties) if c)


def gold_coded(events: Iterable[TrainingEvent]) -> list[Coded]:
    """Return gold events keyed by the start of their (cleaned) sentence."""
    return [
        Coded(
            sentence=e.sentence.start,
            type=e.type,
            actors=_codes(e.actors),
            recipients=_codes(e.recipients),
            position=e.trigger.start,
        )
        for e in events
    ]


def system_coded(walked: Walked, events: Iterable[Event]) -> list[Coded]:
    """Return system events keyed by the gold sentence holding their trigger."""
    sentences = sorted({(e.sentence.start, e.sentence.end) for e in walked.doc.events})
    codes = {a.actor_id: a.code for a in walked.actors}
    out = []
    for e in events:
        where = next((s for s, end in sentences if s <= e.trigger_start < end), None)
        out.append(
            Coded(
                sentence=where if where is not None else ("pipeline", e.sentence_index),
                type=e.type.value,
                actors=frozenset(c for c in map(codes.get, e.actor_ids) if c),
                recipients=frozenset(c for c in map(codes.get, e.recipient_ids) if c),
                position=e.trigger_start,
            )
        )
    return out


def score_walked(
    docs: Sequence[Walked],
    lexicon: EventLexicon,
    model: EventModel | None,
    args: Arguer | None,
) -> EventScores:
    """Return the summed scores of the events stage over ``docs``."""
    total = EventScores()
    for walked in docs:
        found = code_events(
            walked.parsed,
            walked.actors,
            walked.mentions,
            lexicon=lexicon,
            model=model,
            args=args,
        )
        total.add(
            score(gold_coded(walked.doc.events), system_coded(walked, found.records))
        )
    return total
