"""The dev-only diagnosis refuses the frozen test split before reading anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import DyadError
from dyad.resources import Resources
from dyad.training.diagnose import diagnose, main


def test_the_test_split_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DyadError, match="frozen"):
        diagnose(tmp_path, Resources(), ["dev", "test"])


def test_the_command_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--split", "test", "--shared", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "frozen" in err


def test_a_rejection_by_the_model_tells_a_rule_candidate_from_a_new_site() -> None:
    from types import SimpleNamespace

    from dyad.evaluation.event_scoring import Coded
    from dyad.training.diagnose import _lost

    gold = Coded(
        sentence=0,
        type="ACCUSE",
        actors=frozenset({"USA"}),
        recipients=frozenset({"CHN"}),
        position=10,
    )
    # spans of the stage's record of one sentence: every site, the rules' candidates
    # among them, and the candidates the model kept (none here)
    done = SimpleNamespace(sites=[(10, 16), (30, 36)], rules=[(30, 36)], kept=[])
    assert _lost(gold, 16, [], [], done) == "lost:model-no:site"  # type: ignore[arg-type]
    done.rules.append((10, 16))
    assert _lost(gold, 16, [], [], done) == "lost:model-no:rule"  # type: ignore[arg-type]
    done.sites.clear()
    done.rules.clear()
    assert _lost(gold, 16, [], [], done) == "lost:no-candidate"  # type: ignore[arg-type]
