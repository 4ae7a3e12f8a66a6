"""#11: how the event model's thresholds are picked from the dev grid."""

from __future__ import annotations

import pytest

from dyad.training.tune import pick_pair

pytestmark = pytest.mark.issue(11)

GRID = [
    (0.05, 0.4, 0.344),
    (0.05, 0.7, 0.346),
    (0.3, 0.7, 0.349),
    (0.3, 0.8, 0.349),
    (0.5, 0.3, 0.310),
]


def test_a_clear_best_pair_wins():
    assert pick_pair(GRID, 0.0) == (0.3, 0.7)


def test_pairs_within_the_tolerance_go_to_the_lowest_thresholds():
    assert pick_pair(GRID, 0.005) == (0.05, 0.4)
    assert pick_pair(GRID, 0.003) == (0.05, 0.7)


def test_a_pair_outside_the_tolerance_never_wins():
    assert pick_pair(GRID, 0.02) == (0.05, 0.4)
    assert pick_pair([(0.05, 0.3, 0.2), (0.4, 0.8, 0.35)], 0.005) == (0.4, 0.8)
