"""Boilerplate and credit patterns for the clean stage (placeholder: issue #2 fills it)."""

from __future__ import annotations


def load_clean_rules() -> None:
    """Return the clean rules."""
    return None
