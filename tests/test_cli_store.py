"""The store commands through the CLI entry point, on a real store in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.builders import make_event, make_result, put

from dyad.cli import cli
from dyad.records import EventType
from dyad.store import clusters
from dyad.store.db import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with Store(path) as store:
        put(
            store,
            make_result(
                "a1",
                (
                    make_event("a1", "e1", day="2023-05-02"),
                    make_event("a1", "e2", EventType.ACCUSE, day="2023-06-20"),
                ),
            ),
            make_result(
                "a2",
                (
                    make_event(
                        "a2",
                        "e1",
                        EventType.ASSAULT,
                        actors=("ru",),
                        recipients=("us",),
                    ),
                ),
            ),
        )
        clusters.update_clusters(store)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_series_json_and_csv(db: Path) -> None:
    code, out, _ = _run("series", "USA", "CHN", "--db", str(db), "--json")
    assert code == 0
    assert [p["label"] for p in json.loads(out)] == ["2023-05", "2023-06"]
    code, out, _ = _run("series", "usa", "chn", "--db", str(db), "--csv")
    assert out.splitlines()[0].startswith("period,label,verbal_cooperation")


def test_series_chart_and_empty_dyad(db: Path) -> None:
    code, out, _ = _run("series", "USA", "CHN", "--db", str(db), "--by", "month")
    assert code == 0
    assert "2023-06" in out
    assert "net -1" in out
    code, out, err = _run("series", "FRA", "DEU", "--db", str(db))
    assert (code, out) == (0, "")
    assert "no asserted events between FRA and DEU" in err


def test_events_with_filters_as_json_lines(db: Path) -> None:
    code, out, _ = _run(
        "events", "--db", str(db), "--recipient", "usa", "--format", "nl"
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["type"] for r in rows] == ["ASSAULT"]


def test_actors_top_and_stats(db: Path) -> None:
    _, out, _ = _run("actors", "--db", str(db), "--code", "RUS", "--format", "json")
    assert [a["name"] for a in json.loads(out)] == ["Russia"]
    _, out, _ = _run("top", "--db", str(db), "--format", "csv")
    assert out.splitlines()[1].startswith("CHN,USA,2")
    _, out, _ = _run("stats", "--db", str(db), "--json")
    assert json.loads(out)["events"] == 3


def test_export_parquet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    code, _, err = _run(
        "export", "--db", str(db), "--format", "parquet", "--out", str(out)
    )
    assert code == 0
    assert "3 rows" in err
    assert out.stat().st_size > 0


def test_missing_store_is_one_line_error(tmp_path: Path) -> None:
    code, _, err = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("dyad: error:")


def test_ingest_of_bad_files_only_stores_problems(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "bad.jsonl").write_text("{nope\n")
    db = tmp_path / "bad.duckdb"
    code, _, err = _run("ingest", str(tmp_path / "in"), "--db", str(db))
    assert code == 1  # #12: nothing readable is an error
    assert "2 unreadable inputs" in err
    assert "no readable document" in err
    with Store(db, read_only=True) as store:
        assert store.counts()["problems"] == 2


def test_bad_field_option_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    code, _, err = _run(
        "ingest",
        str(tmp_path / "a.jsonl"),
        "--db",
        str(tmp_path / "x.duckdb"),
        "--field",
        "nonsense",
    )
    assert code == 1
    assert "NAME=KEY" in err


def test_ingest_reads_jsonl_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "stdin.duckdb"
    result = CliRunner().invoke(
        cli,
        ["ingest", "-", "--db", str(db)],
        input='{"id": "x", "text": ""}\n{broken\n',
    )
    assert result.exit_code == 1  # #12: nothing readable is an error
    assert "2 unreadable inputs" in result.stderr
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT DISTINCT origin FROM problems").fetchall()
    assert rows == [("<stdin>",)]


@pytest.mark.model
@pytest.mark.issue(10)
def test_actors_lookup_shows_the_coding_and_why() -> None:
    result = CliRunner().invoke(
        cli, ["actors", "lookup", "the Chinese president", "--date", "2024-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "Xi Jinping" in result.stdout
    assert "code=CHN sector=GOV" in result.stdout
    assert "why:" in result.stdout


@pytest.mark.issue(10)
def test_actors_lookup_rejects_a_bad_date() -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "Iran", "--date", "June"])
    assert result.exit_code == 2
