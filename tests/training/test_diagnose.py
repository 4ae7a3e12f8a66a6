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
