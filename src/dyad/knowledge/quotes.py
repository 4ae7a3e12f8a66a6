"""Cue words of the quotes stage (``data/quotes/cues.yaml``), read once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.knowledge.files import data_path, fail, read_yaml

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CUES_FILE = ("quotes", "cues.yaml")
_KEYS = (
    "speech_verbs",
    "indirect_verbs",
    "according_to",
    "pronouns",
    "role_nouns",
    "document_nouns",
    "naming_verbs",
    "mention_nouns",
    "quoting_verbs",
    "person_nouns",
    "publishing_verbs",
    "appeal_particles",
    "partitive_nouns",
    "name_giving_verbs",
)


@dataclass(frozen=True, slots=True)
class QuoteCues:
    """Lower-case cue vocabularies for finding and attributing quotations."""

    speech_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    according_to: tuple[str, ...]
    pronouns: frozenset[str]
    role_nouns: frozenset[str]
    document_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    mention_nouns: frozenset[str]
    quoting_verbs: frozenset[str]
    person_nouns: frozenset[str] = frozenset()
    publishing_verbs: frozenset[str] = frozenset()
    appeal_particles: frozenset[str] = frozenset()
    partitive_nouns: frozenset[str] = frozenset()
    name_giving_verbs: frozenset[str] = frozenset()

    def attribution_at(self, token: Token) -> Span | None:
        """Return the words of an ``according_to`` phrase that starts at ``token``, or None.

        The phrase's last word governs the speaker ("according to *officials*").
        """
        doc = token.doc
        for phrase in self.according_to:
            words = phrase.split()
            end = token.i + len(words)
            if (
                words
                and end <= len(doc)
                and all(
                    t.lower_ == w
                    for t, w in zip(doc[token.i : end], words, strict=True)
                )
            ):
                return doc[token.i : end]
        return None


def parse_quote_cues(path: Path) -> QuoteCues:
    """Read and validate the quote cue file at ``path``.

    Raises:
        ResourceError: the file is missing or malformed (``file:line: message``).
    """
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise fail(path, None, "expected a mapping at the top level")
    lists: dict[str, list[str]] = {}
    for key in _KEYS:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(path, raw.get("__line__"), f"'{key}' must be a list of words")
        lists[key] = [v.lower() for v in value]
    return QuoteCues(
        speech_verbs=frozenset(lists["speech_verbs"]),
        indirect_verbs=frozenset(lists["indirect_verbs"]),
        according_to=tuple(lists["according_to"]),
        pronouns=frozenset(lists["pronouns"]),
        role_nouns=frozenset(lists["role_nouns"]),
        document_nouns=frozenset(lists["document_nouns"]),
        naming_verbs=frozenset(lists["naming_verbs"]),
        mention_nouns=frozenset(lists["mention_nouns"]),
        quoting_verbs=frozenset(lists["quoting_verbs"]),
        person_nouns=frozenset(lists["person_nouns"]),
        publishing_verbs=frozenset(lists["publishing_verbs"]),
        appeal_particles=frozenset(lists["appeal_particles"]),
        partitive_nouns=frozenset(lists["partitive_nouns"]),
        name_giving_verbs=frozenset(lists["name_giving_verbs"]),
    )


@functools.cache
def load_quote_cues() -> QuoteCues:
    """Return the packaged quote cues, read once per process."""
    return parse_quote_cues(data_path(*CUES_FILE))
