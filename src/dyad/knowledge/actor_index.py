"""Indexes the actor KB builds over its people once all files are read: office holders,
short forms (surnames alone) and the spellings of Arabic names with and without their
article ("al-Bashir", "el-Bashir", "Bashir"; ``name_variants``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.knowledge.actors import FAMILY_NAME_FIRST, ActorKB, fold

# The Arabic article as news spells it before a name: "al-", "el-", "Al ", "El-".
ARTICLES = ("al", "el")
_ARTICLE = re.compile(r"\b(?:[Aa]l|[Ee]l)(?:-| (?=[A-Z]))(?=\w)")


def name_variants(spelling: str) -> Iterator[str]:
    """Yield the other spellings of a name with an Arabic article: "Omar al-Bashir" ->
    "Omar el-Bashir", "Omar Al-Bashir", "Omar El-Bashir", "Omar al Bashir", "Omar
    Bashir". Nothing for a name without one, and never the bare name of one word."""
    if not _ARTICLE.search(spelling):
        return
    for article in ("al-", "el-", "Al-", "El-", "al ", ""):
        variant = _ARTICLE.sub(article, spelling)
        if variant != spelling and " " in variant.strip():
            yield variant


def index_offices(kb: ActorKB) -> None:
    """Map (state, office title) to the people who held it, for unnamed offices."""
    holders: dict[tuple[str, str], list[str]] = {}
    for person in kb.people.values():
        for office in person.offices:
            if office.code:
                key = (office.code, office.title.lower())
                if person.kb_id not in holders.setdefault(key, []):
                    holders[key].append(person.kb_id)
    kb.office_holders = {k: tuple(v) for k, v in holders.items()}


def index_short_forms(
    kb: ActorKB, given: frozenset[str], alone: frozenset[str] = frozenset()
) -> None:
    """Map surnames (and family names for FAMILY_NAME_FIRST states) to people; not
    for the people of ``alone`` (kb ids of people whose surname is too common to
    stand for them: "Taylor", "Doe")."""
    forms: dict[str, list[str]] = {}
    for person in kb.people.values():
        if person.kb_id in alone:
            continue
        spellings = (person.name, *person.aliases)
        for name in (*spellings, *(v for s in spellings for v in name_variants(s))):
            parts = fold(name).split()
            if len(parts) < 2 or " of " in name or parts[0].lower() in kb.titles:
                continue  # "King Abdullah of Saudi Arabia" is not "Arabia"
            keys = {parts[-1]}
            if person.code in FAMILY_NAME_FIRST:
                keys.add(parts[0])
            for key in keys:
                if not key[:1].isupper() or len(key) < 2 or key in kb.surfaces:
                    continue
                if key.lower() in given:
                    continue  # a lone given name ("Ali", "John") names no one
                if person.kb_id not in forms.setdefault(key, []):
                    forms[key].append(person.kb_id)
    kb.short_forms = {k: tuple(v) for k, v in forms.items()}


__all__ = ["ARTICLES", "index_offices", "index_short_forms", "name_variants"]
