"""The actor knowledge base: states, organisations, regions, office holders and titles.

Data lives in ``dyad/data/actors/`` (see ``docs/actors.md``):

- ``states.yaml``: every UN member state plus Kosovo, Palestine, Taiwan, the Holy See
  and Hong Kong, with short names, demonyms, capitals and seats of power;
- ``organizations.yaml``: intergovernmental bodies, NGOs, think tanks, media, armed
  groups and parties;
- ``regions.yaml``: world regions;
- ``people-*.yaml``: office holders with dated offices;
- ``titles.yaml``: title words, group nouns and kinds of institution with their sector.

A user file (``--actors my.yaml``) is a mapping with any of the sections ``states``,
``organizations``, ``regions`` and ``people`` (same entry formats); its entries come
after the packaged ones and win where they name the same thing.

Name matching is exact on the characters of a name with its spaces removed, accents
folded and a leading "the" dropped (``surface_key``), so it does not depend on how a
tokenizer splits "Asia-Pacific" or "U.S."; case is kept, so "US" never matches "us".
Everything here is plain data; the actors stage walks spaCy documents against it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from dyad.errors import ResourceError
from dyad.records import ActorKind
from dyad.resources import data_path, fail, iter_data_files, read_yaml

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "COP",
        "SPY",
        "PTY",
        "REB",
        "OPP",
        "UAF",
        "CVL",
        "BUS",
        "MED",
        "EDU",
        "ELI",
        "LAB",
        "REL",
        "REF",
        "AGR",
        "CRM",
        "SOC",
        "UNK",
    ]
)
# Codes whose people are usually named family name first ("Xi" for Xi Jinping).
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "KHM", "HKG", "MNG"})
# rapidfuzz ratio (0-100) a misspelled full name needs to link to a known person; set on
# spelling slips such as "Emanuel Macron", "Antony Blinkin" versus distinct real names.
FUZZY_NAME_CUTOFF = 86.0
# Each name part must be at least this close too, so "John Smith" never becomes "Joan
# Smyth" just because the whole strings are similar.
FUZZY_PART_CUTOFF = 75.0
_THE = re.compile(r"^(?:the|The|THE)\s+")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
    }
)
_ENTRY_KINDS = {
    "igo": ActorKind.IGO,
    "organization": ActorKind.ORGANIZATION,
    "group": ActorKind.GROUP,
}


def fold(text: str) -> str:
    """Return ``text`` with accents removed and curly apostrophes/dashes made plain."""
    text = text.translate(_APOSTROPHES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def surface_key(text: str) -> str:
    """Return the matching key of a name: folded, no leading "the", no whitespace."""
    return _SPACES.sub("", fold(_THE.sub("", text.strip())))


def name_key(text: str) -> str:
    """Return the case-insensitive key of a person's name (folded, single spaces)."""
    return _SPACES.sub(" ", fold(text).replace(".", " ")).strip().lower()


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor other than a person: a state, organisation, group or region."""

    kb_id: str
    name: str
    kind: ActorKind
    code: str | None = None
    sector: str | None = None
    org: str | None = None


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


@dataclass
class ActorKB:
    """The actor knowledge base, with lookups compiled once at load time.

    Public lookups (stable; other stages use them): ``lookup_name``, ``lookup_state``,
    ``lookup_person``, ``find_person``, ``role_of``, ``title_info``, ``group_noun``,
    ``institution_sector``, ``entry``, ``person``, ``is_name_prefix``.
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    surfaces: dict[str, tuple[Hit, ...]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    person_names: dict[str, str] = field(default_factory=dict)
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, TitleInfo] = field(default_factory=dict)
    groups: dict[str, GroupNoun] = field(default_factory=dict)
    modified_groups: dict[str, str] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)
    national_titles: dict[str, str] = field(default_factory=dict)
    group_heads: set[str] = field(default_factory=set)  # last words of group nouns
    max_title_words: int = 1

    # ---- lookups -------------------------------------------------------------------
    def lookup_name(self, text: str) -> tuple[Hit, ...]:
        """Return the KB hits named exactly ``text`` (case kept, "the" ignored)."""
        return self.surfaces.get(surface_key(text), ())

    def lookup_key(self, key: str) -> tuple[Hit, ...]:
        """Return the hits of an already computed ``surface_key``."""
        return self.surfaces.get(key, ())

    def is_name_prefix(self, key: str) -> bool:
        """Return True when some KB name key starts with ``key`` (for span scanning)."""
        return key in self.prefixes

    def lookup_state(self, text: str) -> Hit | None:
        """Return the state hit of ``text`` (name, short name, demonym, capital)."""
        for hit in self.lookup_name(text):
            if self.entries[hit.kb_id].kind is ActorKind.STATE:
                return hit
        return None

    def entry(self, kb_id: str) -> Entry:
        """Return the entry with ``kb_id`` (KeyError when unknown)."""
        return self.entries[kb_id]

    def person(self, kb_id: str) -> Person:
        """Return the person with ``kb_id`` (KeyError when unknown)."""
        return self.people[kb_id]

    def lookup_person(self, name: str) -> Person | None:
        """Return the person whose canonical name or alias is ``name`` (any case)."""
        kb_id = self.person_names.get(name_key(name))
        return self.people[kb_id] if kb_id else None

    def find_person(self, name: str) -> tuple[Person, float] | None:
        """Return the person ``name`` most likely means, with a score in ``[0, 1]``.

        Exact names score 1.0; a misspelled full name ("Emanuel Macron") links when it
        is close overall and part by part (``FUZZY_*`` constants); else ``None``.
        """
        exact = self.lookup_person(name)
        if exact is not None:
            return exact, 1.0
        key = name_key(name)
        parts = key.split()
        if len(parts) < 2 or not self.person_names:
            return None
        found = process.extractOne(
            key,
            self.person_names.keys(),
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_NAME_CUTOFF,
        )
        if found is None:
            return None
        candidate = found[0]
        if not _parts_match(parts, candidate.split()):
            return None
        return self.people[self.person_names[candidate]], float(found[1]) / 100.0

    def short_form_people(self, token: str) -> tuple[Person, ...]:
        """Return the known people usually called ``token`` alone ("Biden", "Xi")."""
        return tuple(self.people[k] for k in self.short_forms.get(fold(token), ()))

    def role_of(self, person: Person, day: dt.date | None) -> Role:
        """Return the person's coding on ``day``: office held, ex-office (ELI) or none.

        With no day, the most recent office counts as held.
        """
        if not person.offices:
            return Role(person.code, None, None, None, in_office=False)
        if day is None:
            latest = max(person.offices, key=lambda o: o.start or dt.date.min)
            return _office_role(latest)
        for office in person.offices:
            if office.is_held_on(day):
                return _office_role(office)
        ended = [o for o in person.offices if o.end is not None and o.end <= day]
        if ended:
            last = max(ended, key=lambda o: o.end or dt.date.min)
            return Role(
                person.code, "ELI", f"former {last.title}", None, in_office=False
            )
        return Role(person.code, None, None, None, in_office=False)

    def title_info(self, words: str) -> TitleInfo | None:
        """Return what the title phrase ``words`` (lower case) says, if it is one."""
        return self.titles.get(words.lower())

    def group_noun(self, words: str) -> GroupNoun | None:
        """Return the group noun ``words`` (lower case), e.g. "troops" -> MIL."""
        return self.groups.get(words.lower())

    def modified_group_sector(self, words: str) -> str | None:
        """Return the sector of a noun naming a group with a modifier ("forces")."""
        found = self.groups.get(words.lower())
        if found is not None:
            return found.sector
        return self.modified_groups.get(words.lower())

    def title_state(self, title: str) -> str | None:
        """Return the state a title belongs to alone ("Taoiseach" -> IRL), if any."""
        words = title.lower().split()
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                code = self.national_titles.get(" ".join(words[i : i + size]))
                if code is not None:
                    return code
        return None

    def institution_sector(self, word: str) -> str | None:
        """Return the sector a kind of institution gives ("think tank" -> EDU)."""
        return self.institutions.get(word.lower())


def _parts_match(parts: Sequence[str], other: Sequence[str]) -> bool:
    if len(parts) != len(other):
        return False
    return all(
        fuzz.ratio(a, b) >= FUZZY_PART_CUTOFF for a, b in zip(parts, other, strict=True)
    )


def _office_role(office: Office) -> Role:
    return Role(office.code, office.sector, office.title, office.org, in_office=True)


# ---- loading
class _Builder:
    """Accumulates entries from data files into an ``ActorKB``."""

    def __init__(self) -> None:
        self.kb = ActorKB()

    def add_surface(self, text: str, hit: Hit) -> None:
        variant = surface_key(text)
        if variant:
            existing = tuple(
                h for h in self.kb.surfaces.get(variant, ()) if h.kb_id != hit.kb_id
            )
            self.kb.surfaces[variant] = (hit, *existing)  # later files win

    def add_entry(self, entry: Entry, names: Iterable[str]) -> None:
        self.kb.entries[entry.kb_id] = entry
        for name in names:
            self.add_surface(name, Hit(entry.kb_id, "name", entry.sector))

    def finish(self) -> ActorKB:
        kb = self.kb
        for key in kb.surfaces:
            kb.prefixes.update(key[:i] for i in range(1, len(key) + 1))
        kb.max_title_words = max((len(t.split()) for t in kb.titles), default=1)
        kb.group_heads = {g.split()[-1] for g in (*kb.groups, *kb.modified_groups)}
        _index_short_forms(kb)
        return kb


def _index_short_forms(kb: ActorKB) -> None:
    """Map surnames (and family names for FAMILY_NAME_FIRST states) to people."""
    forms: dict[str, list[str]] = {}
    for person in kb.people.values():
        for name in (person.name, *person.aliases):
            parts = fold(name).split()
            if len(parts) < 2 or " of " in name or parts[0].lower() in kb.titles:
                continue  # "King Abdullah of Saudi Arabia" is not "Arabia"
            keys = {parts[-1]}
            if person.code in FAMILY_NAME_FIRST:
                keys.add(parts[0])
            for key in keys:
                if not key[:1].isupper() or len(key) < 2 or key in kb.surfaces:
                    continue
                if person.kb_id not in forms.setdefault(key, []):
                    forms[key].append(person.kb_id)
    kb.short_forms = {k: tuple(v) for k, v in forms.items()}


def _str(
    item: Mapping[str, Any], key: str, path: Path, *, required: bool = False
) -> str | None:
    value = item.get(key)
    if value is None:
        if required:
            raise fail(path, item.get("__line__"), f"missing '{key}'")
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise fail(path, item.get("__line__"), f"'{key}' must be text")
    return str(value)


def _strs(item: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = item.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise fail(path, item.get("__line__"), f"'{key}' must be a list of names")
    out = []
    for v in value:
        if isinstance(v, Mapping) or v is None:
            raise fail(path, item.get("__line__"), f"'{key}' must be a list of names")
        out.append(str(v))
    return tuple(out)


def _sector(item: Mapping[str, Any], path: Path) -> str | None:
    sector = _str(item, "sector", path)
    if sector is not None and sector not in SECTORS:
        raise fail(
            path,
            item.get("__line__"),
            f"unknown sector {sector!r}; use one of {' '.join(sorted(SECTORS))}",
        )
    return sector


def _items(data: Any, path: Path, what: str) -> list[Mapping[str, Any]]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise fail(path, None, f"{what} must be a YAML list of entries")
    for item in data:
        if not isinstance(item, Mapping):
            raise fail(
                path, None, f"every {what} entry must be a mapping, got {item!r}"
            )
    return data


def _plural(demonym: str) -> str | None:
    """Return the plural noun of a demonym ("Afghan" -> "Afghans") when it takes one."""
    if demonym.endswith(("an", "i", "a", "o")):
        return demonym + "s"
    return None


def _add_states(b: _Builder, data: Any, path: Path) -> None:
    for item in _items(data, path, "states"):
        code = _str(item, "code", path, required=True) or ""
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise fail(path, item.get("__line__"), f"state code {code!r} is not ISO3")
        name = _str(item, "name", path, required=True) or code
        entry = Entry(kb_id=f"state:{code}", name=name, kind=ActorKind.STATE, code=code)
        b.add_entry(entry, (name, *_strs(item, "names", path)))
        for demonym in _strs(item, "demonyms", path):
            b.add_surface(demonym, Hit(entry.kb_id, "demonym"))
            plural = _plural(demonym)
            if plural:
                b.add_surface(plural, Hit(entry.kb_id, "demonym"))
        for capital in _strs(item, "capitals", path):
            b.add_surface(capital, Hit(entry.kb_id, "capital", "GOV"))
        for seat in _items(item.get("seats"), path, "seats"):
            seat_name = _str(seat, "name", path, required=True) or ""
            b.add_surface(seat_name, Hit(entry.kb_id, "seat", _sector(seat, path)))


def _add_organizations(b: _Builder, data: Any, path: Path) -> None:
    for item in _items(data, path, "organizations"):
        name = _str(item, "name", path, required=True) or ""
        aliases = _strs(item, "aliases", path)
        code = _str(item, "code", path)
        kind_text = _str(item, "kind", path) or (
            "igo" if code == "IGO" else "organization"
        )
        if kind_text not in _ENTRY_KINDS:
            raise fail(
                path,
                item.get("__line__"),
                f"unknown kind {kind_text!r}; use igo, organization or group",
            )
        org = _str(item, "org", path) or (
            name if code != "IGO" else (aliases[0] if aliases else name)
        )
        entry = Entry(
            kb_id=f"org:{surface_key(name).lower()}",
            name=name,
            kind=_ENTRY_KINDS[kind_text],
            code=code,
            sector=_sector(item, path),
            org=org,
        )
        b.add_entry(entry, (name, *aliases))


def _add_regions(b: _Builder, data: Any, path: Path) -> None:
    for item in _items(data, path, "regions"):
        name = _str(item, "name", path, required=True) or ""
        entry = Entry(
            kb_id=f"region:{surface_key(name).lower()}",
            name=name,
            kind=ActorKind.REGION,
        )
        b.add_entry(entry, (name, *_strs(item, "names", path)))
        for demonym in _strs(item, "demonyms", path):
            b.add_surface(demonym, Hit(entry.kb_id, "demonym"))


def _date(item: Mapping[str, Any], key: str, path: Path) -> dt.date | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as e:
        raise fail(
            path,
            item.get("__line__"),
            f"'{key}' must be a date YYYY-MM-DD, got {value!r}",
        ) from e


def _office(item: Mapping[str, Any], path: Path, home: str | None) -> Office:
    office = Office(
        title=_str(item, "title", path, required=True) or "",
        code=_str(item, "code", path) or home,
        org=_str(item, "org", path),
        sector=_sector(item, path),
        start=_date(item, "start", path),
        end=_date(item, "end", path),
    )
    if office.start and office.end and office.end < office.start:
        raise fail(path, item.get("__line__"), "office ends before it starts")
    return office


def _add_people(b: _Builder, data: Any, path: Path, *, replace: bool = False) -> None:
    for item in _items(data, path, "people"):
        name = _str(item, "name", path, required=True) or ""
        home = _str(item, "code", path)
        offices = tuple(
            _office(o, path, home) for o in _items(item.get("offices"), path, "offices")
        )
        person = Person(
            kb_id=f"person:{name_key(name).replace(' ', '-')}",
            name=name,
            aliases=_strs(item, "aliases", path),
            code=home,
            offices=offices,
        )
        old = b.kb.people.get(person.kb_id)
        if old is not None and not replace:  # in two packaged files: offices add up
            person = Person(
                kb_id=old.kb_id,
                name=old.name,
                aliases=tuple(dict.fromkeys(old.aliases + person.aliases)),
                code=person.code or old.code,
                offices=old.offices + person.offices,
            )
        b.kb.people[person.kb_id] = person
        for spelling in (person.name, *person.aliases):
            b.kb.person_names[name_key(spelling)] = person.kb_id
            b.add_surface(spelling, Hit(person.kb_id, "person"))


def _add_titles(b: _Builder, data: Any, path: Path) -> None:
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
            b.kb.titles[str(word).lower()] = info
    for sector, spec in (data.get("groups") or {}).items():
        if sector == "__line__":
            continue
        _check_sector(sector, path, spec.get("__line__"))
        for word in spec.get("modified") or ():
            b.kb.modified_groups[str(word).lower()] = sector
        for word in spec.get("bare") or ():
            b.kb.groups[str(word).lower()] = GroupNoun(sector, bare=True)
    for word, code in (data.get("national") or {}).items():
        if word != "__line__":
            b.kb.national_titles[str(word).lower()] = str(code)
    for sector, words in (data.get("institutions") or {}).items():
        if sector != "__line__":
            for word in words or ():
                b.kb.institutions[str(word).lower()] = sector


def _check_sector(sector: str, path: Path, line: int | None) -> str:
    if sector not in SECTORS and sector != "NGO":
        raise fail(path, line, f"unknown sector {sector!r}")
    return sector


def _add_user_people(b: _Builder, data: Any, path: Path) -> None:
    _add_people(b, data, path, replace=True)  # a user's entry replaces ours


_SECTIONS = {
    "states": _add_states,
    "organizations": _add_organizations,
    "regions": _add_regions,
    "people": _add_user_people,
}


def _add_user_file(b: _Builder, path: Path) -> None:
    data = read_yaml(path)
    if isinstance(data, list):  # a bare list is a list of people, like people-*.yaml
        _add_people(b, data, path, replace=True)
        return
    if not isinstance(data, Mapping):
        raise fail(
            path,
            None,
            "an actor file must be a mapping with sections "
            f"{', '.join(_SECTIONS)} (or a list of people)",
        )
    for key, value in data.items():
        if key == "__line__":
            continue
        if key not in _SECTIONS:
            raise fail(
                path,
                data.get("__line__"),
                f"unknown section {key!r}; use {', '.join(_SECTIONS)}",
            )
        _SECTIONS[key](b, value, path)


_PACKAGED = {
    "regions.yaml": _add_regions,
    "states.yaml": _add_states,
    "organizations.yaml": _add_organizations,
}


@functools.cache
def _packaged_files() -> tuple[tuple[str, Any], ...]:
    """The parsed packaged files, in loading order (read once per process; never
    modified by the builder, which only reads them)."""
    names = ["titles.yaml", *_PACKAGED]
    names += [p.name for p in iter_data_files("actors") if p.name.startswith("people-")]
    return tuple((name, read_yaml(data_path("actors", name))) for name in names)


def load_actor_kb(user_files: Sequence[Path] = ()) -> ActorKB:
    """Return the actor KB from the packaged data files plus ``user_files``.

    Raises:
        ResourceError: a file is missing or malformed (``file:line: message``).
    """
    b = _Builder()
    for name, data in _packaged_files():
        path = data_path("actors", name)
        if name == "titles.yaml":
            _add_titles(b, data, path)
        elif name.startswith("people-"):
            _add_people(b, data, path)
        else:
            _PACKAGED[name](b, data, path)
    for path in user_files:
        if not Path(path).is_file():
            raise ResourceError(f"{path}: actor file not found")
        _add_user_file(b, Path(path))
    return b.finish()


__all__ = [
    "ActorKB",
    "Entry",
    "GroupNoun",
    "Hit",
    "Office",
    "Person",
    "Role",
    "TitleInfo",
    "fold",
    "load_actor_kb",
    "name_key",
    "surface_key",
]
