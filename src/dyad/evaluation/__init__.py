"""Quality gates: score the stages on annotated sets, beside plain baselines.

Each suite is a module of this package exposing
``evaluate(shared: Path, resources: Resources) -> SuiteReport``. ``SUITES`` maps the suite
names accepted by ``dyad eval --suite`` to those modules. ``eval/baseline.json`` keeps the
headline figures of every suite so that a change which lowers one is visible.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dyad.errors import DyadError

if TYPE_CHECKING:
    from dyad.resources import Resources

SUITES: dict[str, str] = {
    "events": "dyad.evaluation.events",
    "times": "dyad.evaluation.timex",
    "quotes": "dyad.evaluation.quotes",
    "extraction": "dyad.evaluation.extraction",
    "actors": "dyad.evaluation.actors",
}
# Suites with heavier reports that `dyad eval --full` turns on (``evaluate(..., full=True)``).
FULL_SUITES = frozenset({"events"})
# A headline figure may fall by this much before `dyad eval --check` fails (run noise is
# zero for deterministic rules, so this only absorbs float rounding).
EPSILON = 0.005


@dataclass(frozen=True, slots=True, kw_only=True)
class SuiteReport:
    """The outcome of one suite: printable text and headline figures (higher is better)."""

    suite: str
    text: str
    figures: Mapping[str, float] = field(default_factory=dict)


class Suite(Protocol):
    """What a suite module provides."""

    def evaluate(self, shared: Path, resources: Resources) -> SuiteReport: ...


def run_suite(
    name: str, shared: Path, resources: Resources, *, full: bool = False
) -> SuiteReport:
    """Run the suite ``name`` on the annotated sets under ``shared`` (``full``: all reports)."""
    module = importlib.import_module(SUITES[name])
    options = {"full": True} if full and name in FULL_SUITES else {}
    report: SuiteReport = module.evaluate(shared, resources, **options)
    return report


def read_baseline(baseline: Path) -> dict[str, Any]:
    """Return the pinned figures of ``baseline`` (suite → figure → floor).

    Raises:
        DyadError: the file cannot be read or is not a JSON object.
    """
    try:
        pinned = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DyadError(f"{baseline}: not a readable baseline file: {e}") from e
    if not isinstance(pinned, dict):
        raise DyadError(f"{baseline}: not a baseline file (expected a JSON object)")
    return pinned


def compare_with_baseline(reports: list[SuiteReport], baseline: Path) -> list[str]:
    """Return one line per headline figure that fell below its pinned floor."""
    if not baseline.exists():
        return []
    pinned = read_baseline(baseline)
    drops = []
    for report in reports:
        for key, floor in pinned.get(report.suite, {}).items():
            value = report.figures.get(key)
            if value is not None and value < floor - EPSILON:
                drops.append(f"{report.suite}.{key}: {value:.3f} < floor {floor:.3f}")
    return drops


def write_baseline(reports: list[SuiteReport], baseline: Path) -> None:
    """Store the figures of ``reports`` in ``baseline``, keeping other suites' figures."""
    pinned = read_baseline(baseline) if baseline.exists() else {}
    for report in reports:
        pinned[report.suite] = {
            k: round(v, 4) for k, v in sorted(report.figures.items())
        }
    baseline.write_text(
        json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
