"""The actors stage (placeholder: issue #2 fills it)."""

from __future__ import annotations

from typing import Any

from dyad.records import ResolvedActors
from dyad.stages.nlp import Parsed

VERSION = "actors.v0"


def resolve_actors(parsed: Parsed, *, kb: Any) -> ResolvedActors:
    """Find and code every actor mentioned in the article."""
    return ResolvedActors()
