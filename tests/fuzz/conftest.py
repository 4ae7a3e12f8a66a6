"""Fuzz settings: a short run by default, a long one under ``make fuzz`` (#12).

``DYAD_FUZZ_EXAMPLES`` sets the examples per property (default 25, derandomised so the
default run is the same every time); ``make fuzz`` raises it and lets hypothesis pick
new cases. The number of cases run is printed at the end of the session.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("DYAD_FUZZ_EXAMPLES", "25"))
LONG = "DYAD_FUZZ_EXAMPLES" in os.environ
CASES: Counter[str] = Counter()

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def count_case(kind: str) -> None:
    """Count one fuzz case of ``kind`` for the summary."""
    CASES[kind] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if CASES:
        parts = ", ".join(f"{kind} {n}" for kind, n in sorted(CASES.items()))
        terminalreporter.write_line(f"fuzz: {sum(CASES.values())} cases ({parts})")
