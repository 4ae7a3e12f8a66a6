"""#9: every command that runs the pipeline checks the data files before any work.

A malformed file in the user's ``data_dir`` (given in the ``--config`` file) gives one
line ``file:line: message`` and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli

pytestmark = pytest.mark.issue(9)


def _config(tmp_path: Path) -> Path:
    """Write a data_dir whose timex lexicon is broken YAML, and a config naming it."""
    data = tmp_path / "mydata"
    (data / "timex").mkdir(parents=True)
    (data / "timex" / "lexicon.yaml").write_text(
        "months: {january: 1}\nweekdays: [\n", encoding="utf-8"
    )
    config = tmp_path / "dyad.toml"
    config.write_text(f'[dyad]\ndata_dir = "{data.as_posix()}"\n', encoding="utf-8")
    return config


def _assert_bad_file_reported(result, path: Path) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"dyad: error: {path}:")
    assert "Traceback" not in result.stderr


def _run(args: list[str]):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args)


def test_ingest_stops_on_a_malformed_data_file(tmp_path: Path) -> None:
    config = _config(tmp_path)
    text = tmp_path / "story.txt"
    text.write_text("US officials said on Wednesday that talks would resume.\n", "utf-8")
    db = tmp_path / "store.duckdb"
    result = _run(["--config", str(config), "ingest", str(text), "--db", str(db)])
    _assert_bad_file_reported(result, tmp_path / "mydata" / "timex" / "lexicon.yaml")
    assert not db.exists()  # nothing was written


def test_serve_stops_on_a_malformed_data_file(tmp_path: Path) -> None:
    config = _config(tmp_path)
    db = tmp_path / "store.duckdb"
    result = _run(["--config", str(config), "serve", "--db", str(db), "--port", "0"])
    _assert_bad_file_reported(result, tmp_path / "mydata" / "timex" / "lexicon.yaml")


def test_train_stops_on_a_malformed_data_file(tmp_path: Path) -> None:
    config = _config(tmp_path)
    out = tmp_path / "model.json"
    args = ["train", "events", "--shared", str(tmp_path), "--out", str(out)]
    result = _run(["--config", str(config), *args])
    _assert_bad_file_reported(result, tmp_path / "mydata" / "timex" / "lexicon.yaml")
    assert not out.exists()


def test_extract_stops_on_a_malformed_data_file(tmp_path: Path) -> None:
    config = _config(tmp_path)
    text = tmp_path / "story.txt"
    text.write_text("US officials said on Wednesday that talks would resume.\n", "utf-8")
    result = _run(["--config", str(config), "extract", str(text)])
    _assert_bad_file_reported(result, tmp_path / "mydata" / "timex" / "lexicon.yaml")
