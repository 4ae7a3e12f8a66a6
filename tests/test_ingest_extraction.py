"""The extraction benchmark's metric (4-token shingles) on hand-made texts."""

from __future__ import annotations

import pytest

from dyad.evaluation.extraction import page_counts, score

TRUTH = "one two three four five six seven eight"


def test_identical_text_is_perfect() -> None:
    assert page_counts(TRUTH, TRUTH) == (1.0, 0.0, 0.0)
    result = score([(TRUTH, TRUTH)])
    assert (result.precision, result.recall, result.f1, result.accuracy) == (1, 1, 1, 1)


def test_extra_boilerplate_lowers_precision_only() -> None:
    result = score([(TRUTH, TRUTH + " menu home login about contact")])
    assert result.recall == 1.0
    assert result.precision < 1.0
    assert result.accuracy == 0.0


def test_missing_text_lowers_recall_only() -> None:
    result = score([(TRUTH, "one two three four five")])
    assert result.precision == 1.0
    assert result.recall == pytest.approx(2 / 5)


def test_pages_weigh_the_same_whatever_their_length() -> None:
    long_truth = " ".join(f"w{i}" for i in range(400))
    result = score([(long_truth, long_truth), (TRUTH, "")])
    assert result.recall == pytest.approx(0.5)


def test_texts_too_short_for_a_shingle() -> None:
    assert page_counts("a b", "a b") == (1.0, 0.0, 0.0)
    assert page_counts("a b", "c") == (0.0, 1.0, 1.0)
