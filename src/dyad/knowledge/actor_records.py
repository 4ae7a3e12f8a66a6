"""The records of the actor knowledge base: entries, people and their offices, roles on
a day, name hits, title and group-noun facts (re-exported by ``knowledge/actors.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyad.records import ActorKind


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor other than a person: a state, organisation, group or region."""

    kb_id: str
    name: str
    kind: ActorKind
    code: str | None = None
    sector: str | None = None
    org: str | None = None
    since: tuple[tuple[dt.date, str], ...] = ()  # (first day, sector), oldest first
    # words of the sentence that make this entry, not another of the same name, meant
    # ("RSF" near "journalists" is Reporters Without Borders)
    context: frozenset[str] = frozenset()

    def sector_on(self, day: dt.date | None) -> str | None:
        """Return the entry's sector on ``day`` (the latest ``since`` change before it;
        with no day, the latest change)."""
        sector = self.sector
        for start, changed in self.since:
            if day is None or start <= day:
                sector = changed
        return sector


@dataclass(frozen=True, slots=True)
class Office:
    """One office a person held; ``end`` is exclusive and ``None`` while in office."""

    title: str
    code: str | None
    org: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def is_held_on(self, day: dt.date) -> bool:
        """Return True when the office was held on ``day``."""
        return (self.start is None or self.start <= day) and (
            self.end is None or day < self.end
        )


@dataclass(frozen=True, slots=True)
class Person:
    """A known person: canonical name, other spellings, home state and dated offices."""

    kb_id: str
    name: str
    aliases: tuple[str, ...]
    code: str | None
    offices: tuple[Office, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """What a person was on a given day: the coding of their actor record."""

    code: str | None
    sector: str | None
    title: str | None
    org: str | None
    in_office: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in the KB: the entry (or person) and how it was named.

    ``form`` is one of ``name``, ``demonym``, ``capital``, ``seat``, ``person``;
    ``sector`` is the sector this form gives (a capital or seat names a government arm).
    """

    kb_id: str
    form: str
    sector: str | None = None


# Forms of a hit that name a state by its seat of government (and so its government).
GOVERNMENT_FORMS = frozenset({"capital", "seat"})
# Forms of a hit that name the entry itself: its name or its demonym.
ENTRY_FORMS = frozenset({"name", "demonym"})


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """What a title word says: its sector, whether it is generic, or marks a former."""

    sector: str | None
    generic: bool = False
    former: bool = False


@dataclass(frozen=True, slots=True)
class GroupNoun:
    """A group noun ("troops"), its sector, and whether it codes without a modifier."""

    sector: str
    bare: bool


__all__ = ["Entry", "GroupNoun", "Hit", "Office", "Person", "Role", "TitleInfo"]
