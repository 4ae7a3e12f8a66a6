"""The actors suite's scoring (evaluation/actors.py) on hand-made mentions."""

from __future__ import annotations

import pytest

from dyad.evaluation.actors import Item, lower_copy, score


def test_code_precision_recall_and_sector_accuracy_count_each_mention() -> None:
    gold = [
        Item(0, 17, "IRN", "GOV", "group"),  # "Iranian officials"
        Item(22, 27, "IRN", None, "place"),  # "Tehran"
        Item(30, 40, "USA", "MIL", "group"),
    ]
    system = [
        Item(0, 7, "IRN", "GOV", "group"),  # overlaps the first gold mention
        Item(22, 27, "IRN", "GOV", "state"),
        Item(30, 40, "GBR", "MIL", "group"),  # wrong code, right sector
        Item(50, 55, "FRA", None, "state"),  # no gold mention: a false code
    ]
    tally = score(gold, system)
    figures = tally.figures()
    assert figures["code_precision"] == pytest.approx(2 / 4)
    assert figures["code_recall"] == pytest.approx(1 / 2)  # places are not counted
    assert figures["sector_accuracy"] == pytest.approx(2 / 2)
    assert figures["place_recall"] == pytest.approx(1.0)


def test_unmatched_gold_mentions_lower_recall_not_precision() -> None:
    tally = score([Item(0, 5, "CHN", None, "state")], [])
    assert tally.figures()["code_recall"] == 0.0
    assert tally.coded == 0


@pytest.mark.parametrize("text", ["İstanbul and Ankara", "ÀÉÎ straße", "plain"])
def test_lower_copy_keeps_offsets(text: str) -> None:
    assert len(lower_copy(text)) == len(text)
