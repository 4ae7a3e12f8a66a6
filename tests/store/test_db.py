"""The store: migrations, raw input first, idempotent replacement, failures, reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store.builders import make_event, make_result, put

from dyad.errors import StoreError
from dyad.records import ArticleFailure, ArticleResult, EventType, RawDocument
from dyad.store.db import PendingArticle, Store
from dyad.store.migrations import MIGRATIONS
from dyad.store.queries import load_result
from dyad.store.rows import day_of, dyad_pairs


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    Store(path).close()
    Store(path).close()
    con = duckdb.connect(str(path))
    rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(i, name) for i, (name, _) in enumerate(MIGRATIONS, start=1)]


def test_read_only_open_of_missing_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_open_of_foreign_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a dyad store"):
        Store(path, read_only=True)


def test_raw_input_is_stored_pending_before_processing(store: Store) -> None:
    raw = RawDocument(
        text="Some text.", title="T", published=dt.date(2023, 1, 2), origin="in.txt"
    )
    store.put_pending([PendingArticle(article_id="h1", content_hash="c", raw=raw)])
    state = store.stored_state("h1")
    assert state is not None
    assert (state.status, state.content_hash) == ("pending", "c")
    assert [d.text for d in store.raw_documents(status="pending")] == ["Some text."]


def test_result_round_trips_through_the_store(store: Store) -> None:
    result = make_result("a1", (make_event("a1", "e1"),))
    put(store, result)
    assert load_result(store.con, "a1") == result


def test_reprocessing_replaces_rows_instead_of_adding(store: Store) -> None:
    put(store, make_result("a1", (make_event("a1", "e1"), make_event("a1", "e2"))))
    first = store.counts()
    put(store, make_result("a1", (make_event("a1", "e1"), make_event("a1", "e2"))))
    assert store.counts() == first
    put(store, make_result("a1", (make_event("a1", "e1"),)))
    assert store.counts()["events"] == 1


def test_failure_is_a_row_with_reason_and_success_clears_it(store: Store) -> None:
    put(store, make_result("a1"))
    store.put_outcomes(
        [
            ArticleFailure(
                article_id="a1", stage="events", error_type="ValueError", message="boom"
            )
        ],
        pipeline_version="test",
    )
    assert store.counts()["failures"] == 1
    state = store.stored_state("a1")
    assert state is not None
    assert state.status == "failed"
    assert store.counts()["events"] == 0
    put(store, make_result("a1"))
    assert store.counts()["failures"] == 0


def test_read_problems_of_a_file_are_replaced_not_added(store: Store) -> None:
    from dyad.records import Problem

    bad = Problem(code="input.empty", message="empty", stage="ingest")
    store.put_read_problems("dir/empty.txt", [bad])
    store.put_read_problems("dir/empty.txt", [bad])
    assert store.counts()["problems"] == 1
    store.put_read_problems("dir/empty.txt", [])
    assert store.counts()["problems"] == 0


def test_events_get_codes_day_and_dyads(store: Store) -> None:
    put(store, make_result("a1", (make_event("a1", "e1", day=None),)))
    rows = store.con.execute(
        "SELECT actor_codes, recipient_codes, event_day FROM events"
    ).fetchall()
    assert rows == [(["USA"], ["CHN"], dt.date(2023, 6, 15))]  # publication date
    pairs = store.con.execute("SELECT actor_code, recipient_code FROM event_dyads")
    assert pairs.fetchall() == [("USA", "CHN")]


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2023-06-14", "day", dt.date(2023, 6, 14)),
        ("2023-W24", "week", dt.date(2023, 6, 12)),
        ("2023-06", "month", dt.date(2023, 6, 1)),
        ("2023-Q2", "quarter", None),
        ("PAST_REF", "vague", None),
        ("2023-13", "month", None),
    ],
    ids=["day", "week", "month", "quarter", "vague", "bad-month"],
)
def test_day_of_time_values(
    value: str, precision: str, expected: dt.date | None
) -> None:
    assert day_of(value, precision) == expected


@given(st.text(max_size=12), st.sampled_from(["day", "week", "month", None]))
@settings(max_examples=200, deadline=None)
def test_day_of_never_raises(value: str, precision: str | None) -> None:
    day_of(value, precision)


def test_reciprocal_pairs_are_listed_once_sorted() -> None:
    assert dyad_pairs(["USA", "CHN"], []) == [("CHN", "USA", True)]
    assert dyad_pairs(["USA"], ["CHN", "USA"]) == [("USA", "CHN", False)]


def test_events_without_codes_have_no_dyads(store: Store) -> None:
    event = make_event("a1", "e1", EventType.AID, actors=("nobody",), recipients=())
    put(store, make_result("a1", (event,)))
    assert store.counts()["events"] == 1
    assert store.con.execute("SELECT count(*) FROM event_dyads").fetchall() == [(0,)]


_TEXT = st.text(max_size=30)
_MAYBE = st.none() | _TEXT


@st.composite
def _results(draw: st.DrawFn) -> ArticleResult:
    article_id = draw(st.text(min_size=1, max_size=12))
    base = make_result(article_id)
    event = make_event(
        article_id,
        draw(st.text(min_size=1, max_size=8)),
        draw(
            st.sampled_from(list(EventType)).filter(
                lambda t: t in (EventType.CONSULT, EventType.ASSAULT)
            )
        ),
        day=draw(st.none() | st.just("2024-02-29")),
    )
    event = replace(
        event,
        trigger_text=draw(_TEXT),
        reported_by=draw(_MAYBE),
        mode=draw(_MAYBE),
        confidence=draw(st.floats(0, 1)),
    )
    article = replace(
        base.article,
        text=draw(_TEXT),
        title=draw(_MAYBE),
        url=draw(_MAYBE),
        credits=tuple(draw(st.lists(_TEXT, max_size=3))),
    )
    return replace(base, article=article, events=(event,))


@pytest.mark.slow
@given(_results())
@settings(max_examples=15, deadline=None)
def test_records_round_trip_through_the_store(
    tmp_path_factory: pytest.TempPathFactory, result: ArticleResult
) -> None:
    path = tmp_path_factory.getbasetemp() / "round-trip.duckdb"
    with Store(path) as store:
        put(store, result)
        assert load_result(store.con, result.article.article_id) == result
