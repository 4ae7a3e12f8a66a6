"""The timex stage (placeholder: issue #4 fills it)."""

from __future__ import annotations

from dyad.records import StageResult, TimeExpr
from dyad.stages.nlp import Parsed

VERSION = "timex.v0"


def find_times(parsed: Parsed) -> StageResult[TimeExpr]:
    """Find time expressions and normalise them against the publication date."""
    return StageResult()
