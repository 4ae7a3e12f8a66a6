"""Reading the actor data files into an ``ActorKB`` (see ``knowledge/actors.py``).

Every packaged file of ``dyad/data/actors`` is parsed once per process; user files are
read on each load. Mistakes raise ``ResourceError`` worded ``file:line: message``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dyad.errors import ResourceError
from dyad.knowledge.actor_index import index_offices, index_short_forms, name_variants
from dyad.knowledge.actor_modifiers import modifier_places
from dyad.knowledge.actor_words import (
    add_non_actors,
    add_non_mentions,
    add_titles,
    lone_given_names,
)
from dyad.knowledge.actors import (
    SECTORS,
    ActorKB,
    Entry,
    Hit,
    Office,
    Person,
    name_key,
    surface_key,
)
from dyad.knowledge.files import data_file, fail, iter_data_files, read_yaml
from dyad.records import ActorKind

_ENTRY_KINDS = {
    "igo": ActorKind.IGO,
    "organization": ActorKind.ORGANIZATION,
    "group": ActorKind.GROUP,
}


class _Builder:
    """Accumulates entries from data files into an ``ActorKB``."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.kb = ActorKB()
        self.data_dir = data_dir  # where user copies of modifiers and given names are
        self.alone: set[str] = set()  # people never meant by their surname alone

    def add_surface(self, text: str, hit: Hit) -> None:
        variant = surface_key(text)
        if variant:
            existing = tuple(
                h for h in self.kb.surfaces.get(variant, ()) if h.kb_id != hit.kb_id
            )
            self.kb.surfaces[variant] = (hit, *existing)  # later files win
            lower = variant.lower()
            others = tuple(
                h for h in self.kb.lower_surfaces.get(lower, ()) if h.kb_id != hit.kb_id
            )
            self.kb.lower_surfaces[lower] = (hit, *others)

    def add_entry(self, entry: Entry, names: Iterable[str]) -> None:
        self.kb.entries[entry.kb_id] = entry
        for name in names:
            self.add_surface(name, Hit(entry.kb_id, "name", entry.sector))

    def finish(self) -> ActorKB:
        kb = self.kb
        for key in kb.surfaces:
            kb.prefixes.update(key[:i] for i in range(1, len(key) + 1))
        for key in kb.lower_surfaces:
            kb.lower_prefixes.update(key[:i] for i in range(1, len(key) + 1))
        index_offices(kb)
        kb.max_title_words = max((len(t.split()) for t in kb.titles), default=1)
        kb.group_heads = {
            g.split()[-1] for g in (*kb.groups, *kb.modified_groups, *kb.roles)
        }
        kb.office_heads = {t.split()[-1] for t in (*kb.titles, *kb.roles) if t}
        kb.modifier_places = modifier_places(kb, self.data_dir)
        index_short_forms(kb, lone_given_names(self.data_dir), frozenset(self.alone))
        for key in kb.person_names:
            kb.names_by_initial.setdefault(key.split()[-1][:1], []).append(key)
        return kb


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
    """Return the plural noun of a demonym ("Afghan" -> "Afghans", "Greenlander" ->
    "Greenlanders", "Guernseyman" -> "Guernseymen") when it takes one."""
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    if demonym.endswith(("an", "i", "a", "o", "er")):
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
            since=_since(item, path),
            context=frozenset(w.lower() for w in _strs(item, "context", path)),
        )
        b.add_entry(entry, (name, *aliases))


def _since(item: Mapping[str, Any], path: Path) -> tuple[tuple[dt.date, str], ...]:
    changes = []
    for change in _items(item.get("since"), path, "since"):
        start = _date(change, "start", path)
        sector = _sector(change, path)
        if start is None or sector is None:
            raise fail(path, item.get("__line__"), "'since' needs a start and a sector")
        changes.append((start, sector))
    return tuple(sorted(changes))


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
        if item.get("by_surname") is False:  # "Taylor" alone is not Charles Taylor
            b.alone.add(person.kb_id)
        spellings = (person.name, *person.aliases)
        for spelling in (*spellings, *(v for s in spellings for v in name_variants(s))):
            b.kb.person_names.setdefault(name_key(spelling), person.kb_id)
            if spelling in spellings or spelling not in b.kb.surfaces:
                b.add_surface(spelling, Hit(person.kb_id, "person"))


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
def _packaged_files(data_dir: Path | None) -> tuple[tuple[Path, Any], ...]:
    """The parsed actor files (the user's copies in ``data_dir`` where there are some),
    in loading order; read once per process, never modified by the builder."""
    people = [p.name for p in iter_data_files("actors") if p.name.startswith("people-")]
    lists = ("titles.yaml", "descriptions.yaml", "non-actors.yaml", "non-mentions.yaml")
    names = (*lists, *_PACKAGED, *people)
    paths = [data_file(data_dir, "actors", name) for name in names]
    return tuple((path, read_yaml(path)) for path in paths)


def build_actor_kb(
    user_files: Sequence[Path] = (), data_dir: Path | None = None
) -> ActorKB:
    """Return the actor KB of the data files (``data_dir`` copies first) plus ``user_files``.

    Raises:
        ResourceError: a file is missing or malformed (``file:line: message``).
    """
    b = _Builder(data_dir)
    for path, data in _packaged_files(data_dir):
        if path.name in ("titles.yaml", "descriptions.yaml"):
            add_titles(b.kb, data, path)
        elif path.name == "non-actors.yaml":
            add_non_actors(b.kb, data, path)
        elif path.name == "non-mentions.yaml":
            add_non_mentions(b.kb, data, path)
        elif path.name.startswith("people-"):
            _add_people(b, data, path)
        else:
            _PACKAGED[path.name](b, data, path)
    for path in user_files:
        if not Path(path).is_file():
            raise ResourceError(f"{path}: actor file not found")
        _add_user_file(b, Path(path))
    return b.finish()


def load_actor_kb(
    user_files: Sequence[Path] = (), data_dir: Path | None = None
) -> ActorKB:
    """Return ``build_actor_kb(user_files, data_dir)``, cached (``dyad.cache``).

    Raises:
        ResourceError: a file is missing or malformed (``file:line: message``).
    """
    from dyad.cache import load_cached, module_files

    modules = module_files(
        __name__,
        *(
            "dyad.knowledge.actors",
            "dyad.knowledge.files",
            "dyad.knowledge.actor_words",
        ),
        *("dyad.knowledge.actor_index", "dyad.knowledge.actor_records"),
        "dyad.knowledge.actor_modifiers",
    )
    mine = [data_file(data_dir, "actors", p.name) for p in iter_data_files("actors")]
    mine.append(data_file(data_dir, "places", "regions.yaml"))  # modifier places
    sources = (*mine, *map(Path, user_files), *modules)
    build = functools.partial(build_actor_kb, user_files, data_dir)
    return load_cached("actor-kb", build, kind=ActorKB, sources=sources)


__all__ = ["build_actor_kb", "load_actor_kb"]
