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

Name matching is exact on the characters of a name with its spaces made single, accents
folded and a leading "the" dropped (``surface_key``), so it does not depend on how a
tokenizer splits "Asia-Pacific" or "U.S.". Exact keys keep case ("US" never matches "us"
in cased text); a second, lower-cased index serves lower-cased and ALL-CAPS text, where
``ambiguous_lower`` words ("us", "who", "chad") need context before they count.
Everything here is plain data; the actors stage walks spaCy documents against it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from dyad.knowledge.actor_records import (
    Entry,
    GroupNoun,
    Hit,
    Office,
    Person,
    Role,
    TitleInfo,
)
from dyad.records import ActorKind

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
# Name parts this short (Chinese and Korean names) must match exactly.
SHORT_PART = 4
_THE = re.compile(r"^(?:the|The|THE)\s+")
# A lone surname with the Arabic article: "al-Bashir", "El-Sisi", "al Assad".
_ARTICLE_PREFIX = re.compile(r"(?:[Aa]l|[Ee]l)(?:-| )([A-Z][\w'-]+)$")
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
    """Return the matching key of a name: folded, no leading "the", single spaces.

    A doc-side key joins token texts with one space where the text has whitespace, so
    "Asia-Pacific" matches however a tokenizer splits it, and "Pakistan is" never
    matches "Pakistanis".
    """
    return _SPACES.sub(" ", fold(_THE.sub("", text.strip())))


def name_key(text: str) -> str:
    """Return the case-insensitive key of a person's name (folded, single spaces)."""
    return _SPACES.sub(" ", fold(text).replace(".", " ")).strip().lower()


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
    names_by_initial: dict[str, list[str]] = field(default_factory=dict)
    place_words: set[str] = field(default_factory=set)  # "Oblast": a place, not a name
    thing_words: set[str] = field(
        default_factory=set
    )  # "Typhoon": neither person nor body
    thing_names: set[str] = field(default_factory=set)  # "rocky linux": a product
    max_thing_words: int = 0
    foreign_words: frozenset[str] = frozenset()  # "el", "que": not English
    feature_nouns: frozenset[str] = frozenset()  # "river": "Jordan River" is a place
    attribute_heads: set[str] = field(default_factory=set)  # "US elections": no actor
    name_prefixes: set[str] = field(default_factory=set)  # "Mr", "Prime": not a name
    title_qualifiers: set[str] = field(default_factory=set)  # "the top US diplomat"
    leading_participles: set[str] = field(default_factory=set)  # "the Saudi-led ..."
    locative_participles: set[str] = field(default_factory=set)  # "based" (in X)
    affiliations: set[str] = field(default_factory=set)  # "Islamic": no state
    single_bodies: set[str] = field(default_factory=set)  # "state television"
    foreign_modifiers: set[str] = field(default_factory=set)  # "Western", "foreign"
    max_title_words: int = 1
    lower_surfaces: dict[str, tuple[Hit, ...]] = field(default_factory=dict)
    lower_prefixes: set[str] = field(default_factory=set)
    ambiguous_lower: set[str] = field(default_factory=set)  # "us", "who": need context
    # (state code, lower-cased office title) -> people who held it ("the Chinese president")
    office_holders: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    modifier_places: dict[str, str] = field(default_factory=dict)  # "lagos" -> NGA
    title_synonyms: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # "border guard" -> COP
    # (verb lemma, "passive"/"active") -> sector of its private-person subject
    predicate_sectors: dict[tuple[str, str], str] = field(default_factory=dict)
    office_heads: set[str] = field(default_factory=set)  # last words of titles, roles

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

    def lookup_lower_key(self, key: str) -> tuple[Hit, ...]:
        """Return the hits of a lower-cased ``surface_key`` (caseless text)."""
        return self.lower_surfaces.get(key, ())

    def is_lower_prefix(self, key: str) -> bool:
        """Return True when some lower-cased KB name key starts with ``key``."""
        return key in self.lower_prefixes

    def holder_of(self, code: str, title: str, day: dt.date | None) -> Person | None:
        """Return who held the office ``title`` of state ``code`` on ``day``, if one did.

        ``title`` is matched lower-cased against the office titles of the data files
        and their ``office_titles`` synonyms ("foreign minister" = "foreign secretary").
        With several holders on one day (co-leaders) none is returned; with no day the
        latest holder counts.
        """
        found: dict[str, tuple[dt.date, Person]] = {}
        for office_title in _synonyms(self, title):
            for kb_id in self.office_holders.get((code, office_title), ()):
                person = self.people[kb_id]
                for office in person.offices:
                    if office.code != code or office.title.lower() != office_title:
                        continue
                    if day is None or office.is_held_on(day):
                        found[kb_id] = (office.start or dt.date.min, person)
        if day is None and found:
            return max(found.values(), key=lambda f: f[0])[1]
        return next(iter(found.values()))[1] if len(found) == 1 else None

    def predicate_sector(self, lemma: str, voice: str) -> str | None:
        """Return the sector a verb gives its private-person subject ("charge",
        "passive" -> CRM) or, with voice ``object``, its object ("police arrested X"),
        if it gives one."""
        return self.predicate_sectors.get((lemma.lower(), voice))

    def role_sector(self, words: str) -> str | None:
        """Return the sector of a singular role noun ("soldier" -> MIL), if it is one."""
        return self.roles.get(words.lower())

    def place_state(self, word: str) -> str | None:
        """Return the state of a city or region used as a modifier ("Lagos police")."""
        return self.modifier_places.get(fold(word).lower())

    def lookup_state(self, text: str) -> Hit | None:
        """Return the state hit of ``text`` (name, short name, demonym, capital)."""
        for hit in self.lookup_name(text):
            entry = self.entries.get(hit.kb_id)  # people are not entries
            if entry is not None and entry.kind is ActorKind.STATE:
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
            return self._surname_with_article(name)
        # misspellings keep the surname's first letter: compare with those names only
        candidates = self.names_by_initial.get(parts[-1][:1], ())
        found = process.extractOne(
            key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_CUTOFF
        )
        if found is None:
            return None
        candidate = found[0]
        if not _parts_match(parts, candidate.split()):
            return None
        return self.people[self.person_names[candidate]], float(found[1]) / 100.0

    def _surname_with_article(self, name: str) -> tuple[Person, float] | None:
        """The one person a lone Arabic surname with its article means ("al-Bashir",
        "El-Sisi"), through the short form without it; None for any other name."""
        match = _ARTICLE_PREFIX.match(fold(name).strip())
        if match is None:
            return None
        people = self.short_form_people(match.group(1))
        return (people[0], 0.85) if len(people) == 1 else None

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

    def is_thing(self, name: str) -> bool:
        """True when ``name`` names a thing, never an actor: one of its words is a thing
        word ("Typhoon Haiyan", "DRM") or it holds a product name ("Rocky Linux 9")."""
        words = fold(name).lower().split()
        if any(word in self.thing_words for word in words):
            return True
        for size in range(2, min(len(words), self.max_thing_words) + 1):
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]) in self.thing_names:
                    return True
        return False

    def institution_sector(self, word: str) -> str | None:
        """Return the sector a kind of institution gives ("think tank" -> EDU)."""
        return self.institutions.get(word.lower())


def _synonyms(kb: ActorKB, title: str) -> set[str]:
    """The office titles (lower case) that ``title`` may stand for."""
    return kb.title_synonyms.get(title.lower(), {title.lower()})


def _parts_match(parts: Sequence[str], other: Sequence[str]) -> bool:
    if len(parts) != len(other):
        return False
    if any(
        min(len(a), len(b)) <= SHORT_PART and a != b
        for a, b in zip(parts, other, strict=True)
    ):
        return False  # "Li Jian" is not "Lin Jian"
    return all(
        fuzz.ratio(a, b) >= FUZZY_PART_CUTOFF for a, b in zip(parts, other, strict=True)
    )


def _office_role(office: Office) -> Role:
    return Role(office.code, office.sector, office.title, office.org, in_office=True)


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
    "name_key",
    "surface_key",
]
