"""The quotes stage (placeholder: issue #4 fills it)."""

from __future__ import annotations

from collections.abc import Sequence

from dyad.records import Actor, Event, Mention, Quote, StageResult
from dyad.stages.nlp import Parsed

VERSION = "quotes.v0"


def extract_quotes(parsed: Parsed, actors: Sequence[Actor],
                   mentions: Sequence[Mention]) -> StageResult[Quote]:
    """Find quotations and attribute each to a speaker."""
    return StageResult()


def attribute_events(events: Sequence[Event], quotes: Sequence[Quote]) -> tuple[Event, ...]:
    """Return ``events`` with ``reported_by`` set for those inside a quotation."""
    return tuple(events)
