"""Cues of triggers that report no new event (``stages/events_background``).

``events/background.yaml`` lists, by class, the words that mark the content of a
request or allegation, indirect questions, kinds of accords, newsroom requests and
projections, photo captions, standing accords and claims to territory; the lexicon
carries them compiled. The markers of an alleged act are the lexicon's
``allegation_words`` (``triggers.yaml``), one list for both uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.files import fail, read_yaml
from dyad.records import EventType


@dataclass(frozen=True, slots=True)
class BackgroundCues:
    """The word lists of ``background.yaml``."""

    content_types: frozenset[EventType]
    content_except_rules: frozenset[str]
    content_deps: frozenset[str]
    content_preps: frozenset[str]
    allegation_governors: frozenset[str]
    question_markers: frozenset[str]
    kind_heads: frozenset[str]
    allegation_markers: frozenset[str]
    information_objects: frozenset[str]
    information_types: frozenset[EventType]
    question_verbs: frozenset[str]
    question_preps: frozenset[str]
    caption_openers: frozenset[str]
    caption_positions: frozenset[str]
    projection_verbs: frozenset[str]
    projection_prep: str
    projection_winners: frozenset[str]
    settled: frozenset[str]
    settled_types: frozenset[EventType]
    territory_verbs: frozenset[str] = frozenset()
    territory_objects: frozenset[str] = frozenset()
    territory_places: frozenset[str] = frozenset()
    territory_types: frozenset[EventType] = frozenset()


def _words(section: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in section.get(key) or ())


def read_background_cues(
    path: Path, allegation_markers: frozenset[str] = frozenset()
) -> BackgroundCues:
    """Read ``background.yaml`` (the packaged file or the user's copy in ``data_dir``);
    ``allegation_markers`` are the words marking an act as alleged ("allegedly").

    Raises:
        ResourceError: the file is missing, malformed, or lacks a section or type.
    """
    data = read_yaml(path)
    try:
        return _compile(data, allegation_markers)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise fail(path, None, f"bad background cues: {e!r}") from e


def _compile(data: dict[str, Any], markers: frozenset[str]) -> BackgroundCues:
    content, allegation = data["content"], data["allegation"]
    projection, state = data["projection"], data["state"]
    territory = data.get("territory") or {}
    return BackgroundCues(
        content_types=frozenset(EventType(t) for t in content["types"]),
        content_except_rules=_words(content, "except_rules"),
        content_deps=_words(content, "deps"),
        content_preps=_words(content, "prepositions"),
        allegation_governors=_words(allegation, "governors"),
        question_markers=_words(data["question"], "markers"),
        kind_heads=_words(data["kind"], "heads"),
        allegation_markers=markers | _words(allegation, "markers"),
        information_objects=_words(data["information"], "objects"),
        information_types=frozenset(
            EventType(t) for t in data["information"]["types"]
        ),
        question_verbs=_words(data["information"], "question_verbs"),
        question_preps=_words(data["information"], "question_prepositions"),
        caption_openers=_words(data["caption"], "openers"),
        caption_positions=_words(data["caption"], "positions"),
        projection_verbs=_words(projection, "verbs"),
        projection_prep=str(projection["preposition"]).lower(),
        projection_winners=frozenset(str(w) for w in projection["winners"]),
        settled=_words(state, "settled"),
        settled_types=frozenset(EventType(t) for t in state["types"]),
        territory_verbs=_words(territory, "verbs"),
        territory_objects=_words(territory, "objects"),
        territory_places=frozenset(str(p) for p in territory.get("places") or ()),
        territory_types=frozenset(EventType(t) for t in territory.get("types") or ()),
    )
