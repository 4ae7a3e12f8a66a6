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


def test_serve_on_a_busy_port_is_one_line_error(web_db: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--db", str(web_db), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert "cannot listen on 127.0.0.1" in result.stderr
