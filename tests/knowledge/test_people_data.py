"""Validation of the packaged office-holder knowledge (people-*.yaml).

The files are read with PyYAML's safe loader directly, not through dyad's loader.
It guards the shape of the facts: required keys, ISO codes, PLOVER sectors,
dates, no person listed twice, and no two holders of a single-holder office at once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from dyad.knowledge.actors import SECTORS

DATA = Path(__file__).resolve().parents[2] / "src" / "dyad" / "data" / "actors"
FILES = (
    "people-g20.yaml",
    "people-other.yaml",
    "people-igo.yaml",
    "people-world.yaml",
    "people-ministers.yaml",
    "people-ministers-world.yaml",
    "people-public.yaml",
)
EXTRA_CODES = {"KOS", "PSE", "IGO"}
PERSON_KEYS = {"name", "aliases", "code", "offices"}
OFFICE_KEYS = {"title", "code", "org", "sector", "start", "end"}
# Offices that one person holds at a time, per (code, org, title).
SINGLE_HOLDER = {
    "President",
    "Vice President",
    "Prime Minister",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Emperor",
    "Emir",
    "Supreme Leader",
    "General Secretary",
    "Foreign Minister",
    "Foreign Secretary",
    "Secretary of State",
    "Defence Minister",
    "Defence Secretary",
    "Secretary of Defense",
    "Finance Minister",
    "Interior Minister",
    "Public Security Minister",
    "Homeland Security Secretary",
    "Treasury Secretary",
    "Chancellor of the Exchequer",
    "Treasurer",
    "Economy Minister",
    "Trade Minister",
    "Trade Secretary",
    "Commerce Secretary",
    "Commerce Minister",
    "Trade Representative",
    "Secretary-General",
    "Director-General",
    "Managing Director",
    "Executive Director",
    "High Commissioner",
    "Commission President",
    "European Council President",
    "High Representative",
    "Chief Adviser",
}
# Single-word aliases allowed: well-known nicknames and acronyms, never surnames.
NICKNAMES = {"AMLO", "Hemedti", "Jokowi", "Lula", "MBS", "MBZ", "Prachanda"}
OPEN_END = dt.date(9999, 12, 31)
# yaml.safe_load semantics; the libyaml build of the same safe loader when present.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Person = dict[str, Any]


@pytest.fixture(scope="module")
def people() -> list[tuple[str, Person]]:
    """Every person of every file, with the file name."""
    found: list[tuple[str, Person]] = []
    for name in FILES:
        with (DATA / name).open(encoding="utf-8") as handle:
            entries = yaml.load(handle, Loader=SAFE_LOADER)
        assert isinstance(entries, list), f"{name}: not a list"
        assert entries, f"{name}: empty"
        found.extend((name, person) for person in entries)
    return found


def _codes() -> set[str]:
    return {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES


def _is_full_name(alias: object) -> bool:
    if not isinstance(alias, str):
        return False
    return alias in NICKNAMES or len(alias.replace("-", " ").split()) > 1


def _person_errors(where: str, person: Any, codes: set[str]) -> list[str]:
    if not isinstance(person, dict):
        return [f"{where}: not a mapping"]
    errors = []
    if not isinstance(person.get("name"), str) or not person["name"].strip():
        errors.append(f"{where}: name missing")
    if set(person) - PERSON_KEYS or not {"name", "code", "offices"} <= set(person):
        errors.append(f"{where}: keys {sorted(person)}")
    aliases = person.get("aliases", [])
    if not isinstance(aliases, list) or not all(map(_is_full_name, aliases)):
        errors.append(f"{where}: aliases must be full names: {aliases!r}")
    if person.get("code") not in codes:
        errors.append(f"{where}: code {person.get('code')!r}")
    offices = person.get("offices")
    if not isinstance(offices, list) or not offices:
        return [*errors, f"{where}: no offices"]
    for office in offices:
        errors.extend(_office_errors(where, office, codes))
    return errors


def _office_errors(where: str, office: Any, codes: set[str]) -> list[str]:
    if not isinstance(office, dict) or set(office) != OFFICE_KEYS:
        return [f"{where}: office keys {office!r}"]
    errors = []
    if not isinstance(office["title"], str) or not office["title"]:
        errors.append(f"{where}: title {office['title']!r}")
    if office["code"] not in codes:
        errors.append(f"{where}: office code {office['code']!r}")
    if office["org"] is not None and not isinstance(office["org"], str):
        errors.append(f"{where}: org {office['org']!r}")
    if office["code"] == "IGO" and not office["org"]:
        errors.append(f"{where}: IGO office without org")
    if office["sector"] not in SECTORS:
        errors.append(f"{where}: sector {office['sector']!r}")
    start, end = office["start"], office["end"]
    if not isinstance(start, dt.date):
        errors.append(f"{where}: start {start!r} is not a date")
    elif end is not None and (not isinstance(end, dt.date) or not start < end):
        errors.append(f"{where}: end {end!r} not after start {start!r}")
    elif start > dt.date(2026, 12, 31):
        errors.append(f"{where}: start {start!r} after 2026")
    return errors


def test_entries_follow_the_schema(people: list[tuple[str, Person]]) -> None:
    codes = _codes()
    errors = []
    for file, person in people:
        name = person.get("name") if isinstance(person, dict) else person
        errors.extend(_person_errors(f"{file}: {name!r}", person, codes))
    assert not errors, "\n".join(errors)


def test_no_person_listed_twice(people: list[tuple[str, Person]]) -> None:
    seen: dict[str, str] = {}
    errors = []
    for file, person in people:
        owner = f"{file}: {person['name']}"
        for form in [person["name"], *person.get("aliases", [])]:
            key = " ".join(form.casefold().split())
            if seen.setdefault(key, owner) != owner:
                errors.append(f"{form!r} in {owner} and in {seen[key]}")
    assert not errors, "\n".join(errors)


def test_single_holder_offices_do_not_overlap(
    people: list[tuple[str, Person]],
) -> None:
    terms: dict[tuple[str, str, str], list[tuple[dt.date, dt.date, str]]]
    terms = defaultdict(list)
    for _, person in people:
        for office in person["offices"]:
            if office["title"] in SINGLE_HOLDER:
                key = (office["code"], office["org"] or "", office["title"])
                span = (office["start"], office["end"] or OPEN_END, person["name"])
                terms[key].append(span)
    errors = []
    for key, spans in terms.items():
        spans.sort()
        last_end, last_name = dt.date.min, ""
        for start, end, name in spans:
            if start < last_end:
                errors.append(f"{key}: {name} from {start} overlaps {last_name}")
            if end > last_end:
                last_end, last_name = end, name
    assert not errors, "\n".join(errors)


def test_no_office_listed_twice_for_a_person(
    people: list[tuple[str, Person]],
) -> None:
    errors = []
    for file, person in people:
        seen: set[tuple[str, str, dt.date]] = set()
        for office in person["offices"]:
            key = (office["title"], office["code"], office["start"])
            if key in seen:
                errors.append(f"{file}: {person['name']}: {key} twice")
            seen.add(key)
    assert not errors, "\n".join(errors)
