"""`dyad extract` through its entry point: output, options and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ROOT / "tests" / "data" / "actors" / "people-test.yaml"
TEXT = (
    "Loading\nUS officials said on Wednesday that Beijing agreed to the visit.\n"
    "Reuters, Bloomberg\n"
)


def run(args: list[str], stdin: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=stdin)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_installed_dyad_help_runs() -> None:
    exe = Path(sys.executable).parent / "dyad"
    done = subprocess.run(
        [str(exe), "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0
    assert "extract" in done.stdout
    assert done.stderr == ""


def test_extract_help_shows_an_example() -> None:
    result = run(["extract", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


@pytest.mark.model
def test_extract_stdin_prints_the_contract(tmp_path: Path) -> None:
    result = run(
        ["extract", "-", "--date", "2023-06-15", "--actors", str(PEOPLE)], TEXT
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "dyad.article/1"
    assert data["article"]["credits"] == ["Reuters", "Bloomberg"]
    assert data["article"]["text"].startswith("US officials said")
    assert {a["code"] for a in data["actors"]} >= {"USA", "CHN"}
    codes = [p["code"] for p in data["problems"]]
    assert "clean.boilerplate_removed" in codes
    assert "clean.credit_moved" in codes


@pytest.mark.model
def test_extract_file_as_table(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", TEXT.encode())
    result = run(["extract", path, "--format", "table", "--title", "Visit"])
    assert result.exit_code == 0, result.output
    assert "Actors" in result.stdout
    assert "US officials" in result.stdout


@pytest.mark.model
def test_non_utf8_input_is_decoded_with_a_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "latin.txt",
        "The café owners in Paris said Beijing agreed.".encode("latin-1"),
    )
    result = run(["extract", path])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "input.encoding" in [p["code"] for p in data["problems"]]
    assert "café" in data["article"]["text"]


@pytest.mark.model
def test_non_english_input_is_a_problem_record(tmp_path: Path) -> None:
    text = (
        "El presidente del gobierno se reunió el lunes con los ministros de la "
        "región para hablar de la crisis, y dijo que las conversaciones fueron muy "
        "útiles para todos los países que participan en el acuerdo de paz."
    )
    result = run(["extract", write(tmp_path, "es.txt", text.encode())])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["language"] == "es"
    assert "language.not_english" in [p["code"] for p in data["problems"]]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.bin", bytes(range(256)) * 4, "binary"),
        ("zeros.bin", b"\x00\x01\x02text", "binary"),
    ],
    ids=["empty", "blank", "binary", "nul"],
)
def test_unreadable_input_is_one_line_and_exit_1(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    result = run(["extract", write(tmp_path, name, data)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("dyad: error:")
    assert words in lines[0]


def test_oversized_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    config = tmp_path / "dyad.toml"
    config.write_text("[dyad]\nmax_input_bytes = 100\n", encoding="utf-8")
    path = write(tmp_path, "big.txt", b"word " * 100)
    result = run(["--config", str(config), "extract", path])
    assert result.exit_code == 1
    assert "over the limit" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_date_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run(["extract", "-", "--date", "15/06/2023"], "text")
    assert result.exit_code == 1
    assert "not an ISO date" in result.stderr


def test_missing_file_is_a_usage_error() -> None:
    result = run(["extract", "/no/such/file.txt"])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = run(["extract", "-", "--format", "xml"], "text")
    assert result.exit_code == 2


@pytest.mark.model
def test_malformed_actor_file_names_file_and_line(tmp_path: Path) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "people:\n  - {name: X, offices: [{title: T, sector: ARMY}]}\n",
        encoding="utf-8",
    )
    result = run(["extract", "-", "--actors", str(actors)], TEXT)
    assert result.exit_code == 2  # a bad data file is a start-up error (#9)
    assert result.stderr.strip() == (
        f"dyad: error: {actors}:2: unknown sector 'ARMY'; use one of "
        "AGR BUS COP CRM CVL EDU ELI GOV JUD LAB LEG MED MIL OPP PTY REB REF REL SOC "
        "SPY UAF UNK"
    )


@pytest.mark.model
def test_user_actor_file_codes_a_new_organisation(tmp_path: Path) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "organizations:\n  - {name: Example Watch, code: NGO, sector: null}\n",
        encoding="utf-8",
    )
    result = run(
        ["extract", "-", "--actors", str(actors)],
        "Example Watch accused the government of abuses.",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert ("Example Watch", "NGO") in [(a["name"], a["code"]) for a in data["actors"]]
