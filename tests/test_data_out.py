"""Data out (#13): exports safe by default, one column naming, codes checked, stdout."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.builders import make_event, make_result, put

from dyad.cli import cli
from dyad.records import EventType, Modality
from dyad.store.db import Store

pytestmark = pytest.mark.issue(13)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three asserted events, one hypothetical, one negated, one reciprocal."""
    path = tmp_path_factory.mktemp("out") / "out.duckdb"
    events = (
        make_event("a1", "e1"),
        make_event("a1", "e2", EventType.ACCUSE, sentence=1),
        make_event("a1", "e3", modality=Modality.HYPOTHETICAL),
        make_event("a1", "e4", EventType.AGREE, actors=("us", "cn"), recipients=()),
        make_event("a1", "e5", EventType.ASSAULT, modality=Modality.NEGATED),
    )
    with Store(path) as store:
        put(store, make_result("a1", events))
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _gdelt(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_gdelt_export_has_only_asserted_events_by_default(db: Path) -> None:
    code, out, err = _run("export", "--db", str(db), "--format", "gdelt", "--out", "-")
    assert code == 0
    rows = _gdelt(out)
    assert len(rows) == 3
    assert {r["Modality"] for r in rows} == {"asserted"}
    assert "3 rows to stdout" in err


def test_all_modalities_exports_every_event_with_its_modality(db: Path) -> None:
    code, out, _ = _run(
        "export", "--db", str(db), "--format", "gdelt", "--out", "-", "--all-modalities"
    )
    assert code == 0
    assert sorted(r["Modality"] for r in _gdelt(out)) == [
        "asserted",
        "asserted",
        "asserted",
        "hypothetical",
        "negated",
    ]


def test_csv_export_names_columns_as_the_events_command(db: Path) -> None:
    _, exported, _ = _run("export", "--db", str(db), "--format", "csv", "--out", "-")
    _, listed, _ = _run("events", "--db", str(db), "--format", "csv")
    export_columns = next(csv.reader(io.StringIO(exported)))
    event_columns = next(csv.reader(io.StringIO(listed)))
    shared = {"day", "actor_names", "recipient_names", "evidence", "modality"}
    assert shared <= set(export_columns)
    assert shared <= set(event_columns)
    assert "event_day" not in export_columns


def test_csv_export_carries_names_and_evidence(db: Path) -> None:
    _, out, _ = _run("export", "--db", str(db), "--format", "csv", "--out", "-")
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["e1"]["actor_names"]
    assert rows["e1"]["recipient_names"]
    assert rows["e2"]["evidence"]


def test_plover_reciprocal_event_keeps_both_sides(db: Path) -> None:
    _, out, _ = _run("export", "--db", str(db), "--format", "plover", "--out", "-")
    records = {r["id"].split(":")[1]: r for r in map(json.loads, out.splitlines())}
    agree = records["e4"]
    assert agree["reciprocal"] is True
    assert {agree["actor_country"], agree["recipient_country"]} == {"USA", "CHN"}
    assert records["e1"]["reciprocal"] is False


def test_out_dash_writes_no_file_named_dash(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run("export", "--db", str(db), "--format", "jsonl", "--out", "-")
    assert code == 0
    assert json.loads(out.splitlines()[0])["schema"] == "dyad.article/1"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(("events", "--type", "FOO"), "--type", id="type"),
        pytest.param(("events", "--actor", "XX"), "unknown country", id="actor"),
        pytest.param(
            ("export", "--format", "csv", "--out", "-", "--recipient", "Chnia"),
            "CHN (China)",
            id="export-recipient",
        ),
        pytest.param(("series", "XXX", "CHN"), "unknown country", id="series"),
    ],
)
def test_unknown_codes_are_usage_errors_with_suggestions(
    db: Path, args: tuple[str, ...], fragment: str
) -> None:
    code, out, err = _run(*args, "--db", str(db))
    assert code == 2
    assert fragment in err
    assert out == ""


def test_country_names_work_where_codes_do(db: Path) -> None:
    by_code = _run("events", "--db", str(db), "--actor", "USA", "--format", "json")
    by_name = _run(
        "events", "--db", str(db), "--actor", "united states", "--format", "json"
    )
    assert by_code == by_name
    assert json.loads(by_code[1])


@pytest.mark.parametrize("fmt", ["json", "csv", "nl"])
def test_series_takes_format_like_every_command(db: Path, fmt: str) -> None:
    code, out, _ = _run("series", "US", "CN", "--db", str(db), "--format", fmt)
    assert code == 0
    assert "2023-06" in out


@pytest.mark.model
def test_extract_gdelt_prints_the_export_tsv(tmp_path: Path) -> None:
    from dyad import exports

    text = "Chinese officials accused the United States of lying on Monday."
    result = CliRunner().invoke(
        cli, ["extract", "-", "--date", "2023-06-15", "--format", "gdelt"], input=text
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(exports.GDELT_COLUMNS)
    rows = _gdelt(result.stdout)
    assert rows
    assert all(len(line.split("\t")) == len(exports.GDELT_COLUMNS) for line in lines)
    assert {r["Modality"] for r in rows} <= {
        "asserted",
        "negated",
        "hypothetical",
        "future",
    }
