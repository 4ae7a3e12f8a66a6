"""#11: how the event model's thresholds are picked from the dev grid."""

from __future__ import annotations

import pytest

from dyad.training.tune import fold_of, pick_pair

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


def test_folds_are_stable_and_cover_every_fold():
    ids = [f"doc-{n}" for n in range(200)]
    folds = [fold_of(i, 5) for i in ids]
    assert folds == [fold_of(i, 5) for i in ids]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert min(folds.count(k) for k in range(5)) > 20


def test_joined_examples_keep_the_order_of_one_collect_call():
    from dyad.training.events import Collected
    from dyad.training.softmax import Example

    ours = Collected(types=[Example(("a",), "ACCUSE", 1.0, "ours")], gold_triggers=1)
    ours.docs["ours"] += 1
    public = Collected(types=[Example(("b",), "NONE", 1.0, "plover")])
    public.docs["plover"] += 2
    joined = Collected.join([ours, public])
    assert [e.features for e in joined.types] == [("a",), ("b",)]
    assert joined.gold_triggers == 1
    assert dict(joined.docs) == {"ours": 1, "plover": 2}
