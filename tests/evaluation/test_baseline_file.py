"""The pinned-floors file: a broken one is a one-line error, floors compare per figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import evaluation
from dyad.errors import DyadError


def test_a_broken_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DyadError, match="not a readable baseline file"):
        evaluation.compare_with_baseline([], path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DyadError, match="expected a JSON object"):
        evaluation.compare_with_baseline([], path)


def test_only_a_figure_below_its_floor_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    report = evaluation.SuiteReport(
        suite="events",
        text="",
        figures={"corpus_test_strict_f1": 0.40, "corpus_test_type_f1": 0.61},
    )
    evaluation.write_baseline([report], path)
    lower = evaluation.SuiteReport(
        suite="events",
        text="",
        figures={"corpus_test_strict_f1": 0.30, "corpus_test_type_f1": 0.61},
    )
    assert evaluation.compare_with_baseline([lower], path) == [
        "events.corpus_test_strict_f1: 0.300 < floor 0.400"
    ]
