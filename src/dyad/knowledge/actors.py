"""Knowledge for the actors stage (placeholder until its issue fills it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def load_actor_kb(user_files: Sequence[Path] = ()) -> None:
    """Return the knowledge of this stage."""
    return None
