"""Modality cues of the event lexicon, and the word-list reader the lexicon shares.

``modality.yaml`` (and user event files) give negation, hypothetical and future cues
and the verbs of saying; they are compiled into one ``ModalityCues``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.files import fail


def strings(value: Any, path: Path, line: int | None, what: str) -> tuple[str, ...]:
    """Return a YAML list of words, lower-cased and stripped (``file:line`` on error)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise fail(path, line, f"{what} must be a list of words")
    if any(isinstance(v, bool) for v in value):
        raise fail(
            path, line, f"{what}: quote on/off/yes/no (YAML reads them as true/false)"
        )
    if not all(isinstance(v, str) for v in value):
        raise fail(path, line, f"{what} must be a list of words")
    return tuple(v.strip().lower() for v in value if v.strip())


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """Words that make an event negated, hypothetical or future, and verbs of saying."""

    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    reported_future: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    future_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    future_copulas: frozenset[str] = frozenset()
    negation_pending: frozenset[str] = frozenset()
    habitual: frozenset[str] = frozenset()


def read_modality_cues(sections: Mapping[str, Any], path: Path) -> ModalityCues:
    """Compile the modality sections of the merged event files."""

    def words(section: str, key: str | None = None) -> frozenset[str]:
        value = sections.get(section)
        if key is not None:
            value = value.get(key) if isinstance(value, dict) else None
        return frozenset(strings(value, path, None, f"{section}.{key or ''}"))

    return ModalityCues(
        negation_words=words("negation", "words"),
        negation_governors=words("negation", "governors"),
        hypothetical_auxiliaries=words("hypothetical", "auxiliaries"),
        hypothetical_markers=words("hypothetical", "markers"),
        hypothetical_governors=words("hypothetical", "governors"),
        hypothetical_modifiers=words("hypothetical", "modifiers"),
        reported_future=words("hypothetical", "reported_future"),
        future_auxiliaries=words("future", "auxiliaries"),
        future_governors=words("future", "governors"),
        future_modifiers=words("future", "modifiers"),
        future_prepositions=words("future", "prepositions"),
        speech_verbs=words("speech_verbs"),
        future_copulas=words("future", "copulas"),
        negation_pending=words("negation", "pending"),
        habitual=words("hypothetical", "habitual"),
    )
