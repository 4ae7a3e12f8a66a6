"""The situate stage: give each event its date and place (placeholder: issue #4)."""

from __future__ import annotations

from collections.abc import Sequence

from dyad.records import Event, Place, StageResult, TimeExpr
from dyad.stages.nlp import Parsed

VERSION = "situate.v0"


def situate_events(parsed: Parsed, events: Sequence[Event], times: Sequence[TimeExpr],
                   places: Sequence[Place]) -> StageResult[Event]:
    """Return ``events`` with their date and location filled in."""
    return StageResult(records=tuple(events))
