"""The --events option of dyad extract, through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli


def test_malformed_events_file_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "triggers:\n  - {rule: x, type: NOPE, verbs: [x]}\n", encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("France met Italy.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--events", str(bad)])
    assert result.exit_code == 2  # a bad data file is a start-up error (#9)
    assert f"{bad}:2: unknown PLOVER type" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.model
def test_user_trigger_codes_an_event(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "triggers:\n"
        "  - {rule: upbraid, type: ACCUSE, mode: disapprove, verbs: [upbraid]}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("France upbraided Italy over the ship.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--events", str(extra)])
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert [(e["type"], e["rule"]) for e in events] == [("ACCUSE", "verb.upbraid")]
