"""``dyad eval --suite events --sample``: random stored events, on a real DuckDB store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from store.builders import make_event, make_result, put

from dyad.cli import cli
from dyad.evaluation.event_sample import sample_events
from dyad.records import EventType
from dyad.store.db import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    results = []
    for n in range(6):
        article = f"a{n}"
        events = (
            make_event(article, "e1", EventType.ACCUSE),  # USA -> CHN: a dyad
            make_event(article, "e2", EventType.SANCTION, recipients=()),  # no dyad
        )
        results.append(make_result(article, events))
    with Store(path) as store:
        put(store, *results)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["eval", "--suite", "events", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_same_seed_draws_the_same_events(db: Path) -> None:
    with Store(db, read_only=True) as store:
        first = sample_events(store, 4, seed=7)
        again = sample_events(store, 4, seed=7)
        other = sample_events(store, 4, seed=8)
    assert [(e.article_id, e.event_id) for e in first] == [
        (e.article_id, e.event_id) for e in again
    ]
    assert len(first) == 4
    assert [(e.article_id, e.event_id) for e in first] != [
        (e.article_id, e.event_id) for e in other
    ]


def test_dyads_only_keeps_dyad_forming_events(db: Path) -> None:
    with Store(db, read_only=True) as store:
        drawn = sample_events(store, 50, seed=1, dyads_only=True)
    assert len(drawn) == 6  # fewer in the store than asked for
    assert {e.type for e in drawn} == {"ACCUSE"}
    assert all(e.recipients for e in drawn)


def test_the_command_prints_sentence_names_and_codes(db: Path) -> None:
    code, out, _ = _run("--sample", "2", "--seed", "3", "--db", str(db), "--dyads-only")
    assert code == 0
    assert out.startswith(f"2 events drawn from {db} with seed 3; the store holds ")
    assert "12 events, 6 of them dyad-forming (50 %)" in out.splitlines()[0]
    assert "sentence:  Blinken met Xi in Beijing." in out
    assert "actor:     Antony Blinken [USA GOV]" in out
    assert "recipient: Xi Jinping [CHN GOV]" in out
    assert (
        out == _run("--sample", "2", "--seed", "3", "--db", str(db), "--dyads-only")[1]
    )


def test_sample_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("--sample", "2")
    assert code == 2
    assert "--sample needs --db STORE" in err
    other = CliRunner().invoke(cli, ["eval", "--suite", "times", "--sample", "2"])
    assert other.exit_code == 2
    code, _, err = _run("--sample", "2", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert "no such store" in err
