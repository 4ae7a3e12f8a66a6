"""Knowledge for the places stage (placeholder until its issue fills it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def load_gazetteer(user_files: Sequence[Path] = ()) -> None:
    """Return the knowledge of this stage."""
    return None
