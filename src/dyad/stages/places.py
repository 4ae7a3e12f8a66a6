"""The places stage (placeholder: issue #4 fills it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyad.records import Actor, Mention, Place, StageResult
from dyad.stages.nlp import Parsed

VERSION = "places.v0"


def find_places(parsed: Parsed, actors: Sequence[Actor], mentions: Sequence[Mention], *,
                gazetteer: Any) -> StageResult[Place]:
    """Find place names and resolve them to countries and coordinates."""
    return StageResult()
