"""The word lists of the actor data: ``titles.yaml`` (titles, group nouns, roles, office
titles, institutions, place, thing and ambiguous words) and ``given-names.yaml`` (given
names, words that are no names after a title, day and month names)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dyad.knowledge.actors import SECTORS, ActorKB, GroupNoun, TitleInfo, fold
from dyad.knowledge.files import data_file, fail, read_yaml

# Keys of the plain word lists of titles.yaml/descriptions.yaml: each fills the
# ActorKB set of the same name.
_WORD_SETS = (
    "name_prefixes",
    "title_qualifiers",
    "leading_participles",
    "locative_participles",
    "affiliations",
    "single_bodies",
    "foreign_modifiers",
)


@functools.cache
def word_lists(
    data_dir: Path | None = None,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, words that are no names after a title, day and month names (from
    the user's copy of ``actors/given-names.yaml`` in ``data_dir`` when there is one)."""
    path = data_file(data_dir, "actors", "given-names.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, None, "expected a mapping of word lists")
    lists = []
    for key in ("given_names", "not_names", "calendar"):
        words = data.get(key)
        if isinstance(words, dict):  # lists by region: merged
            groups = [v for k, v in words.items() if k != "__line__"]
            if all(isinstance(g, list) for g in groups):
                words = [w for g in groups for w in g]
        if not isinstance(words, list):
            raise fail(
                path,
                data.get("__line__"),
                f"'{key}' must be a list of words (or a mapping of such lists)",
            )
        lists.append(frozenset(str(word).lower() for word in words))
    return lists[0], lists[1], lists[2]


def given_names(data_dir: Path | None = None) -> frozenset[str]:
    """Return the common given names (lower case)."""
    return word_lists(data_dir)[0]


@functools.cache
def optional_words(key: str, data_dir: Path | None = None) -> frozenset[str]:
    """Return the optional word list ``key`` of ``given-names.yaml`` (lower case; none
    when the file has no such list): ``particles`` between a given name and a surname
    ("de", "al", "van"), ``bodies`` written with a capital in news ("parliament")."""
    path = data_file(data_dir, "actors", "given-names.yaml")
    data = read_yaml(path)
    words = data.get(key) if isinstance(data, dict) else None
    if words is None:
        return frozenset()
    if not isinstance(words, list):
        raise fail(path, data.get("__line__"), f"'{key}' must be a list of words")
    return frozenset(str(word).lower() for word in words)


def name_particles(data_dir: Path | None = None) -> frozenset[str]:
    """Return the particles between a given name and a surname ("de", "al", "van")."""
    return optional_words("particles", data_dir)


@functools.cache
def lone_given_names(data_dir: Path | None = None) -> frozenset[str]:
    """Return the given names that never stand alone for a person ("Ali", "John"):
    the ``common`` list of ``given_names`` (all of them when it is a plain list).
    The regional lists serve recasing only: many of their names are also surnames
    ("Mubarak", "Cameron", "Xi")."""
    path = data_file(data_dir, "actors", "given-names.yaml")
    data = read_yaml(path)
    names = data.get("given_names") if isinstance(data, dict) else None
    if isinstance(names, dict):
        names = names.get("common") or []
    if not isinstance(names, list):
        return given_names(data_dir)
    return frozenset(str(word).lower() for word in names)


def add_titles(kb: ActorKB, data: Any, path: Path) -> None:
    """Add the titles, group nouns, roles, office titles and word lists of
    ``titles.yaml`` to ``kb``."""
    if not isinstance(data, Mapping):
        raise fail(path, None, "titles file must be a mapping")
    titles = data.get("titles") or {}
    for sector, words in titles.items():
        if sector == "__line__":
            continue
        info = (
            TitleInfo(None, generic=True)
            if sector == "generic"
            else TitleInfo(None, former=True)
            if sector == "former"
            else TitleInfo(_check_sector(sector, path, titles.get("__line__")))
        )
        for word in words or ():
            kb.titles[str(word).lower()] = info
    for sector, spec in (data.get("groups") or {}).items():
        if sector == "__line__":
            continue
        _check_sector(sector, path, spec.get("__line__"))
        for word in spec.get("modified") or ():
            kb.modified_groups[str(word).lower()] = sector
        for word in spec.get("bare") or ():
            kb.groups[str(word).lower()] = GroupNoun(sector, bare=True)
    kb.place_words.update(str(w).lower() for w in data.get("place_words") or ())
    kb.thing_words.update(str(w).lower() for w in data.get("thing_words") or ())
    kb.attribute_heads.update(str(w).lower() for w in data.get("attribute_heads") or ())
    for key in _WORD_SETS:
        getattr(kb, key).update(str(w).lower() for w in data.get(key) or ())
    kb.ambiguous_lower.update(
        fold(str(w)).lower() for w in data.get("ambiguous_lower") or ()
    )
    for sector, words in (data.get("roles") or {}).items():
        if sector != "__line__":
            _check_sector(sector, path, None)
            kb.roles.update((str(w).lower(), sector) for w in words or ())
    for sector, voices in (data.get("predicate_sectors") or {}).items():
        if sector == "__line__":
            continue
        _check_sector(sector, path, voices.get("__line__"))
        for voice in ("passive", "active", "object"):
            for verb in voices.get(voice) or ():
                kb.predicate_sectors[(str(verb).lower(), voice)] = sector
    for office, words in (data.get("office_titles") or {}).items():
        if office == "__line__":
            continue
        for word in (office, *(words or ())):
            kb.title_synonyms.setdefault(str(word).lower(), set()).add(
                str(office).lower()
            )
    for word, code in (data.get("national") or {}).items():
        if word != "__line__":
            kb.national_titles[str(word).lower()] = str(code)
    for sector, words in (data.get("institutions") or {}).items():
        if sector != "__line__":
            for word in words or ():
                kb.institutions[str(word).lower()] = sector


def _check_sector(sector: str, path: Path, line: int | None) -> str:
    if sector not in SECTORS and sector != "NGO":
        raise fail(path, line, f"unknown sector {sector!r}")
    return sector


def add_non_actors(kb: ActorKB, data: Any, path: Path) -> None:
    """Add the product words and names of ``non-actors.yaml`` to ``kb``'s things."""
    if not isinstance(data, Mapping):
        raise fail(path, None, "expected a mapping with 'words' and 'phrases'")
    for key in ("words", "phrases"):
        value = data.get(key) or []
        if not isinstance(value, list):
            raise fail(path, data.get("__line__"), f"'{key}' must be a list of names")
        names = {" ".join(fold(str(v)).lower().split()) for v in value}
        if key == "words":
            kb.thing_words.update(names)
        else:
            kb.thing_names.update(names)
    kb.max_thing_words = max((len(n.split()) for n in kb.thing_names), default=0)


def add_non_mentions(kb: ActorKB, data: Any, path: Path) -> None:
    """Set ``kb``'s foreign function words and geography nouns (``non-mentions.yaml``)."""
    if not isinstance(data, Mapping):
        raise fail(path, 1, "expected a mapping of word lists")
    for key in ("foreign_words", "feature_nouns"):
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise fail(path, data.get("__line__"), f"{key}: expected a list of words")
        setattr(kb, key, frozenset(w.lower() for w in words))


__all__ = [
    "add_non_actors",
    "add_non_mentions",
    "add_titles",
    "given_names",
    "lone_given_names",
    "name_particles",
    "optional_words",
    "word_lists",
]
