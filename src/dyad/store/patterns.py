"""LIKE patterns built from user text, with its own wildcards taken literally (#12)."""

from __future__ import annotations


def contains_pattern(text: str) -> str:
    """Return a LIKE pattern matching ``text`` anywhere, its own ``%`` and ``_`` literal.

    Use with ``ESCAPE '\\'`` (#12: ``q=%`` matched every article).
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
