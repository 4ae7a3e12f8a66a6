"""Charts drawn on the server as inline SVG.

Sparklines, a cooperation and conflict chart and horizontal bars: pure functions from
numbers to markup; no JavaScript, no CDN.

All text placed in the SVG is escaped; the result is ``markupsafe.Markup`` ready for a
template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Layout of the cooperation/conflict chart in SVG user units (the SVG scales to fit).
CHART_WIDTH = 760
CHART_HEIGHT = 260
CHART_MARGIN_LEFT = 40
CHART_MARGIN_BOTTOM = 22
CHART_MARGIN_TOP = 10
# At most this many x-axis labels, so labels never overlap on long series.
MAX_X_LABELS = 12
# Bars stay slim when a series has only a few periods.
MAX_BAR_WIDTH = 36


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodBar:
    """One period of a dyad: event counts by quad class, and where its events are."""

    label: str
    href: str
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    not_asserted: int = 0  # of the above, events not asserted (drawn dashed)

    @property
    def cooperation(self) -> int:
        """Events of quad classes 1 and 2."""
        return self.verbal_cooperation + self.material_cooperation

    @property
    def conflict(self) -> int:
        """Events of quad classes 3 and 4."""
        return self.verbal_conflict + self.material_conflict


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sparkline(
    cooperation: Sequence[float],
    conflict: Sequence[float],
    *,
    width: int = 120,
    height: int = 28,
    label: str = "",
) -> Markup:
    """Return a small SVG with a cooperation line (green) over a conflict line (red)."""
    top = max([*cooperation, *conflict, 1.0])
    lines = [
        _polyline(cooperation, top, width, height, "spark-coop"),
        _polyline(conflict, top, width, height, "spark-conf"),
    ]
    return Markup(
        f'<svg class="sparkline" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{''.join(lines)}</svg>"
    )


def _polyline(
    values: Sequence[float], top: float, width: int, height: int, css: str
) -> str:
    if not values:
        return ""
    if len(values) == 1:
        values = [values[0], values[0]]
    step = (width - 2) / (len(values) - 1)
    points = " ".join(
        f"{_fmt(1 + i * step)},{_fmt(height - 2 - (v / top) * (height - 4))}"
        for i, v in enumerate(values)
    )
    return f'<polyline class="{css}" points="{points}"/>'


def cooperation_conflict_chart(bars: Sequence[PeriodBar], *, title: str) -> Markup:
    """Return a diverging bar chart: cooperation above the axis, conflict below.

    Each period is a link to ``bar.href`` (the list of its events) with a tooltip.
    """
    if not bars:
        return Markup('<p class="empty">No events in this range.</p>')
    top = max(max(b.cooperation for b in bars), max(b.conflict for b in bars), 1)
    plot_w = CHART_WIDTH - CHART_MARGIN_LEFT - 8
    plot_h = CHART_HEIGHT - CHART_MARGIN_TOP - CHART_MARGIN_BOTTOM
    mid = CHART_MARGIN_TOP + plot_h / 2
    scale = (plot_h / 2 - 2) / top
    slot = plot_w / len(bars)
    parts = [_axis(mid, top, scale, plot_w)]
    every = max(1, -(-len(bars) // MAX_X_LABELS))
    for i, bar in enumerate(bars):
        x = CHART_MARGIN_LEFT + i * slot
        parts.append(_period(bar, x, slot, mid, scale))
        if i % every == 0:
            parts.append(
                f'<text class="x-label" x="{_fmt(x + slot / 2)}" '
                f'y="{CHART_HEIGHT - 6}" text-anchor="middle">'
                f"{escape(bar.label)}</text>"
            )
    return Markup(
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f"{''.join(parts)}</svg>"
    )


def _axis(mid: float, top: int, scale: float, plot_w: float) -> str:
    left = CHART_MARGIN_LEFT
    right = left + plot_w
    y_up = mid - top * scale
    y_down = mid + top * scale
    return (
        f'<line class="axis" x1="{left}" x2="{_fmt(right)}" y1="{_fmt(mid)}" '
        f'y2="{_fmt(mid)}"/>'
        f'<text class="y-label" x="{left - 4}" y="{_fmt(y_up + 4)}" '
        f'text-anchor="end">+{top}</text>'
        f'<text class="y-label" x="{left - 4}" y="{_fmt(mid + 4)}" '
        f'text-anchor="end">0</text>'
        f'<text class="y-label" x="{left - 4}" y="{_fmt(y_down)}" '
        f'text-anchor="end">\u2212{top}</text>'
        + _side_title("coop", "cooperation (+)", (y_up + mid) / 2)
        + _side_title("conf", "conflict (\u2212)", (mid + y_down) / 2)
    )


def _side_title(css: str, text: str, y: float) -> str:
    return (
        f'<text class="y-title {css}" x="12" y="{_fmt(y)}" text-anchor="middle" '
        f'transform="rotate(-90 12 {_fmt(y)})">{text}</text>'
    )


def _period(bar: PeriodBar, x: float, slot: float, mid: float, scale: float) -> str:
    width = min(max(slot * 0.7, 1.0), MAX_BAR_WIDTH)
    left = x + (slot - width) / 2
    stacks = [
        ("verbal-coop", -bar.verbal_cooperation, 0),
        ("material-coop", -bar.material_cooperation, -bar.verbal_cooperation),
        ("verbal-conf", bar.verbal_conflict, 0),
        ("material-conf", bar.material_conflict, bar.verbal_conflict),
    ]
    rects = []
    for css, count, offset in stacks:
        if count == 0:
            continue
        y0 = mid + offset * scale
        y1 = mid + (offset + count) * scale
        rects.append(
            f'<rect class="{css}" x="{_fmt(left)}" y="{_fmt(min(y0, y1))}" '
            f'width="{_fmt(width)}" height="{_fmt(abs(y1 - y0))}"/>'
        )
    if bar.not_asserted and rects:
        top = mid - bar.cooperation * scale
        rects.append(
            f'<rect class="not-asserted" x="{_fmt(left)}" y="{_fmt(top)}" '
            f'width="{_fmt(width)}" height="{_fmt((bar.cooperation + bar.conflict) * scale)}"/>'
        )
    tip = (
        f"{bar.label}: {bar.cooperation} cooperation "
        f"({bar.verbal_cooperation} verbal, {bar.material_cooperation} material), "
        f"{bar.conflict} conflict ({bar.verbal_conflict} verbal, "
        f"{bar.material_conflict} material)"
        + (f"; {bar.not_asserted} not asserted" if bar.not_asserted else "")
    )
    hit = (
        f'<rect class="hit" x="{_fmt(x)}" y="{CHART_MARGIN_TOP}" width="{_fmt(slot)}" '
        f'height="{CHART_HEIGHT - CHART_MARGIN_TOP - CHART_MARGIN_BOTTOM}"/>'
    )
    return (
        f'<a class="period" href="{escape(bar.href)}"><title>{escape(tip)}</title>'
        f"{hit}{''.join(rects)}</a>"
    )


def horizontal_bars(
    items: Sequence[tuple[str, int, str]], *, title: str, width: int = 360
) -> Markup:
    """Return labelled horizontal bars for ``(label, count, css class)`` items."""
    if not items:
        return Markup('<p class="empty">Nothing to show.</p>')
    row = 18
    label_w = 96
    top = max(max(count for _, count, _ in items), 1)
    room = width - label_w - 40
    parts = []
    for i, (label, count, css) in enumerate(items):
        y = i * row
        bar_w = max(room * count / top, 1.0)
        parts.append(
            f'<text class="bar-label" x="{label_w - 6}" y="{y + 13}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect class="{escape(css)}" x="{label_w}" y="{y + 3}" '
            f'width="{_fmt(bar_w)}" height="{row - 6}"/>'
            f'<text class="bar-value" x="{_fmt(label_w + bar_w + 4)}" '
            f'y="{y + 13}">{count}</text>'
        )
    height = row * len(items)
    return Markup(
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f"{''.join(parts)}</svg>"
    )
