"""Analytics over a real store built from hand-made records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from store.builders import make_event, make_result, put

from dyad import analytics
from dyad.analytics import EventFilter
from dyad.records import EventType, Modality
from dyad.store import clusters
from dyad.store.db import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("analytics") / "a.duckdb"
    with Store(path) as writer:
        put(
            writer,
            make_result(
                "a1",
                (
                    make_event("a1", "e1", day="2023-06-14"),
                    make_event(
                        "a1",
                        "e2",
                        EventType.ACCUSE,
                        actors=("cn",),
                        recipients=("us",),
                        day="2023-06-20",
                    ),
                    make_event("a1", "e3", day="2023-08-02", modality=Modality.FUTURE),
                ),
                url="https://example.org/one",
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
                        day="2023-04-01",
                    ),
                    make_event(
                        "a2", "e2", actors=("us", "cn"), recipients=(), day="2023-06-15"
                    ),
                ),
            ),
        )
        clusters.update_clusters(writer)
    with analytics.open_store(path) as reader:
        yield reader


def test_series_counts_both_directions_and_reciprocal_by_month(store: Store) -> None:
    points = analytics.dyad_series(store, "usa", "CHN")
    assert [
        (p.label, p.verbal_cooperation, p.verbal_conflict, p.net_cooperation)
        for p in points
    ] == [("2023-06", 2, 1, 1)]


def test_series_fills_empty_periods_and_counts_future_when_asked(store: Store) -> None:
    points = analytics.dyad_series(store, "USA", "CHN", all_modalities=True)
    assert [p.label for p in points] == ["2023-06", "2023-07", "2023-08"]
    assert [p.events for p in points] == [3, 0, 1]


def test_series_by_week_and_date_range(store: Store) -> None:
    points = analytics.dyad_series(
        store, "USA", "CHN", by="week", since=dt.date(2023, 6, 16)
    )
    assert [(p.label, p.events) for p in points] == [("2023-W25", 1)]


def test_series_rejects_unknown_period(store: Store) -> None:
    with pytest.raises(ValueError, match="by must be"):
        analytics.dyad_series(store, "USA", "CHN", by="year")


def test_top_dyads_orders_by_events(store: Store) -> None:
    top = analytics.top_dyads(store)
    assert [(d.a, d.b, d.events, d.cooperation, d.conflict) for d in top] == [
        ("CHN", "USA", 3, 2, 1),
        ("RUS", "USA", 1, 0, 1),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), 5),
        (EventFilter(actor="USA"), 3),
        (EventFilter(recipient="USA"), 2),
        (EventFilter(type="accuse"), 1),
        (EventFilter(modality="future"), 1),
        (EventFilter(since=dt.date(2023, 6, 15), until=dt.date(2023, 6, 30)), 2),
        (EventFilter(text="Beijing"), 5),
        (EventFilter(text="no such words"), 0),
        (EventFilter(article_id="a2"), 2),
    ],
    ids=[
        "all",
        "actor",
        "recipient",
        "type",
        "modality",
        "range",
        "text",
        "no-text",
        "article",
    ],
)
def test_event_filters(store: Store, filters: EventFilter, expected: int) -> None:
    assert analytics.count_events(store, filters) == expected
    assert len(analytics.list_events(store, filters, limit=100)) == expected


def test_event_rows_carry_names_and_evidence(store: Store) -> None:
    (row,) = analytics.list_events(store, EventFilter(type="ACCUSE"))
    assert row.actor_names == ("Xi Jinping",)
    assert row.recipient_names == ("Antony Blinken",)
    assert row.evidence == "Blinken met Xi in Beijing."


def test_articles_list_search_and_get(store: Store) -> None:
    assert [a.article_id for a in analytics.list_articles(store)] == ["a1", "a2"]
    assert analytics.count_articles(store, q="Title a2") == 1
    result = analytics.get_article(store, "a1")
    assert result is not None
    assert len(result.events) == 3
    assert analytics.get_article(store, "nope") is None


def test_actors_clusters_types_and_quotes(store: Store) -> None:
    names = [(a.name, a.articles) for a in analytics.list_actors(store, code="usa")]
    assert names == [("Antony Blinken", 2)]
    assert sum(c.mentions for c in analytics.list_clusters(store)) == 4
    assert analytics.counts_by_type(store)[0].type == "CONSULT"
    quotes = analytics.list_quotes_between(store, "USA", "CHN")
    assert [(q.article_id, q.speaker_code) for q in quotes] == [
        ("a1", "USA"),
        ("a2", "USA"),
    ]
    assert analytics.store_counts(store)["articles_done"] == 2


def test_failures_are_listed_with_their_reason(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from dyad.records import ArticleFailure

    path = tmp_path_factory.mktemp("failures") / "f.duckdb"
    with Store(path) as writer:
        put(writer, make_result("a1"))
        writer.put_outcomes(
            [
                ArticleFailure(
                    article_id="a1",
                    stage="events",
                    error_type="ValueError",
                    message="boom",
                )
            ],
            pipeline_version="test",
        )
        (row,) = analytics.list_failures(writer)
    assert (row.article_id, row.stage, row.message, row.origin) == (
        "a1",
        "events",
        "boom",
        "test",
    )
