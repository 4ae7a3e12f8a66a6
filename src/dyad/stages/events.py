"""The events stage (placeholder: issue #3 fills it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyad.records import Actor, Event, Mention, StageResult
from dyad.stages.nlp import Parsed

VERSION = "events.v0"


def code_events(parsed: Parsed, actors: Sequence[Actor], mentions: Sequence[Mention], *,
                lexicon: Any) -> StageResult[Event]:
    """Find events and code their type, roles and modality."""
    return StageResult()
