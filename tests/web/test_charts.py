"""Server-side SVG charts: well formed, escaped, scaled to the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dyad.web.charts import (
    PeriodBar,
    cooperation_conflict_chart,
    horizontal_bars,
    sparkline,
)

SVG = "{http://www.w3.org/2000/svg}"


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_sparkline_draws_two_lines_inside_its_box() -> None:
    svg = _parse(sparkline([0, 2, 4], [1, 0, 3], width=100, height=20, label="A"))
    lines = svg.findall(f"{SVG}polyline")
    assert [line.get("class") for line in lines] == ["spark-coop", "spark-conf"]
    for line in lines:
        for point in (line.get("points") or "").split():
            x, y = (float(v) for v in point.split(","))
            assert 0 <= x <= 100
            assert 0 <= y <= 20


def test_sparkline_of_one_point_is_a_flat_line() -> None:
    svg = _parse(sparkline([3], [0]))
    assert len((svg.find(f"{SVG}polyline").get("points") or "").split()) == 2  # type: ignore[union-attr]


def test_chart_links_each_period_to_its_events() -> None:
    bars = [
        PeriodBar(label="2023-06", href="#p-2023-06", verbal_cooperation=2),
        PeriodBar(label="2023-07", href="#p-2023-07", material_conflict=1),
    ]
    svg = _parse(cooperation_conflict_chart(bars, title="USA and CHN"))
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["#p-2023-06", "#p-2023-07"]
    assert svg.findall(f".//{SVG}rect[@class='verbal-coop']")
    assert svg.findall(f".//{SVG}rect[@class='material-conf']")


def test_chart_bars_grow_up_for_cooperation_and_down_for_conflict() -> None:
    bars = [PeriodBar(label="p", href="#p", verbal_cooperation=4, verbal_conflict=2)]
    svg = _parse(cooperation_conflict_chart(bars, title="t"))
    axis_y = float(svg.find(f"{SVG}line").get("y1") or 0)  # type: ignore[union-attr]
    coop = svg.find(f".//{SVG}rect[@class='verbal-coop']")
    conf = svg.find(f".//{SVG}rect[@class='verbal-conf']")
    assert coop is not None
    assert conf is not None
    assert float(coop.get("y") or 0) + float(coop.get("height") or 0) == axis_y
    assert float(conf.get("y") or 0) == axis_y
    assert float(coop.get("height") or 0) == 2 * float(conf.get("height") or 0)


def test_chart_of_no_periods_says_so() -> None:
    assert "No events" in cooperation_conflict_chart([], title="t")


def test_chart_escapes_labels() -> None:
    bars = [PeriodBar(label="<b>", href='"x', verbal_cooperation=1)]
    markup = cooperation_conflict_chart(bars, title="<script>")
    assert "<script>" not in markup
    assert "<b>" not in markup
    _parse(markup)


def test_horizontal_bars_are_proportional() -> None:
    svg = _parse(horizontal_bars([("A", 4, "coop"), ("B", 2, "conf")], title="t"))
    widths = [float(r.get("width") or 0) for r in svg.findall(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]
