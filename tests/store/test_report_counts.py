"""Dyad counts take a report carried by several outlets once (#12), on a real DuckDB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store.builders import make_event, make_result, put

from dyad import duplicates
from dyad.records import ArticleResult, EventType
from dyad.store import dashboard as board
from dyad.store import dyads
from dyad.store.copies import report_ids
from dyad.store.db import Store

pytestmark = pytest.mark.issue(12)


def _attack(article: str, event: str, sentence: int) -> Any:
    # two attacks on one day in one article are two events: other sentences
    return make_event(
        article,
        event,
        EventType.ASSAULT,
        actors=("ru",),
        recipients=("us",),
        day="2023-06-14",
        sentence=sentence,
    )


def _meeting(article: str, event: str) -> Any:
    return make_event(article, event, day="2023-06-15")


def _report(article: str, attacks: int, site: str) -> ArticleResult:
    events = [_attack(article, f"e{i}", i) for i in range(attacks)]
    return make_result(
        article,
        (*events, _meeting(article, "m1")),
        url=f"https://{site}/story",
    )


def _stored(folder: Path, *results: ArticleResult, linked: bool = True) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder / "s.duckdb")
    put(store, *results)
    if linked:  # the copies' texts are the same: one report
        duplicates.store_copy_keys(
            store, [(r.article.article_id, r.article.text) for r in results]
        )
        duplicates.link_reports(store, [r.article.article_id for r in results])
    return store


def _counts(store: Store) -> dict[str, Any]:
    """Every dyad count and list, as plain values."""
    f = board.ViewFilter()
    return {
        "top": [(d.a, d.b, d.events, d.intensity) for d in dyads.top_dyads(store)],
        "series": [
            (p.label, p.events)
            for p in dyads.dyad_series(store, "RUS", "USA", by="day")
        ],
        "list": [
            (e.article_id, e.event_id)
            for e in dyads.list_dyad_events(store, "USA", "RUS")
        ],
        "board": [(d.a, d.b, d.events) for d in board.list_dyads(store, f)],
        "months": [
            (m.a, m.b, m.conflict)
            for m in board.dyad_months(store, f, [("RUS", "USA")])
        ],
        "periods": [
            r[:6] for r in board.period_counts(store, "RUS", "USA", f, by="day")
        ],
        "between": [
            (e.article_id, e.event_id)
            for e in board.list_between(store, "RUS", "USA", f)
        ],
    }


def test_two_copies_of_a_report_count_as_one(tmp_path: Path) -> None:
    with _stored(tmp_path / "one", _report("a1", 2, "wire.example")) as one:
        alone = _counts(one)
    with _stored(
        tmp_path / "two",
        _report("a1", 2, "wire.example"),
        _report("a2", 2, "paper.example"),
    ) as two:
        assert report_ids(two, ["a1", "a2"]) == {"a1": "a1", "a2": "a1"}
        assert _counts(two) == alone


def test_two_events_of_one_day_in_one_article_count_two(tmp_path: Path) -> None:
    with _stored(tmp_path / "s", _report("a1", 2, "wire.example")) as store:
        counts = _counts(store)
    assert ("RUS", "USA", 2) in [top[:3] for top in counts["top"]]
    assert counts["series"] == [("2023-06-14", 2)]
    assert counts["list"] == [("a1", "e0"), ("a1", "e1")]
    assert counts["board"] == [("RUS", "USA", 2), ("CHN", "USA", 1)]


def test_the_copy_with_more_events_counts_and_is_listed(tmp_path: Path) -> None:
    with _stored(
        tmp_path / "s",
        _report("a1", 1, "wire.example"),  # the report's first article found one
        _report("a2", 2, "paper.example"),
    ) as store:
        counts = _counts(store)
    assert counts["series"] == [("2023-06-14", 2)]
    assert counts["list"] == counts["between"] == [("a2", "e0"), ("a2", "e1")]
    assert counts["periods"][0][1:] == (0, 0, 0, 2, 2)  # one bar, of the list's two
    assert ("CHN", "USA", 1) in counts["board"]  # the meeting: each copy had one


def test_articles_not_linked_count_apart(tmp_path: Path) -> None:
    with _stored(
        tmp_path / "s",
        _report("a1", 2, "wire.example"),
        _report("a2", 2, "paper.example"),
        linked=False,
    ) as store:
        counts = _counts(store)
    assert counts["series"] == [("2023-06-14", 4)]
    assert len(counts["list"]) == 4
