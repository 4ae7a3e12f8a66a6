"""``dyad serve`` through the command line entry point."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dyad.cli import cli


def test_serve_help_shows_an_example() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "dyad serve --db" in result.output


def test_serve_without_a_store_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.startswith("dyad: error: ")
    assert "no such store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_rejects_a_bad_port() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "99999"])
    assert result.exit_code == 2
