"""Event clusters: a function of the stored events, whatever the ingest order (#9)."""

from __future__ import annotations

import datetime as dt

import pytest
from store.builders import make_event, make_result, put

from dyad.records import EventType, Location
from dyad.store import clusters
from dyad.store.db import Store


def _figures(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT type, actor_codes, recipient_codes, n_articles, n_sources, n_mentions, "
        "first_day, last_day FROM event_clusters ORDER BY cluster_id"
    ).fetchall()


def test_reports_of_one_event_join_one_cluster(store: Store) -> None:
    put(
        store,
        make_result("a1", (make_event("a1", "e1", day="2023-06-14"),)),
        make_result("a2", (make_event("a2", "e1", day="2023-06-15"),), source="Other"),
    )
    assert clusters.update_clusters(store) == 2
    assert _figures(store) == [
        (
            "CONSULT",
            ["USA"],
            ["CHN"],
            2,
            2,
            2,
            dt.date(2023, 6, 14),
            dt.date(2023, 6, 15),
        )
    ]


def test_distant_dates_types_and_places_make_separate_clusters(store: Store) -> None:
    paris = Location(name="Paris", code="FRA")
    bali = Location(name="Bali", code="IDN")
    put(
        store,
        make_result(
            "a1",
            (
                make_event("a1", "e1", day="2023-06-14", location=paris),
                make_event("a1", "e2", day="2023-07-30"),
                make_event("a1", "e3", EventType.ACCUSE, day="2023-06-14"),
            ),
        ),
        make_result("a2", (make_event("a2", "e1", day="2023-06-14", location=bali),)),
    )
    clusters.update_clusters(store)
    assert len(_figures(store)) == 4


def test_non_asserted_events_are_not_clustered(store: Store) -> None:
    from dyad.records import Modality

    put(store, make_result("a1", (make_event("a1", "e1", modality=Modality.FUTURE),)))
    assert clusters.update_clusters(store) == 0


def test_new_batch_joins_existing_cluster(store: Store) -> None:
    put(store, make_result("a1", (make_event("a1", "e1", day="2023-06-14"),)))
    clusters.update_clusters(store)
    before = store.con.execute("SELECT cluster_id FROM event_clusters").fetchall()
    put(store, make_result("a2", (make_event("a2", "e9", day="2023-06-16"),)))
    assert clusters.update_clusters(store) == 2  # the key's events, old and new
    after = store.con.execute("SELECT cluster_id, n_articles FROM event_clusters")
    assert after.fetchall() == [(before[0][0], 2)]


def test_clustering_is_deterministic_whatever_the_insert_order(
    store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    results = [
        make_result(f"a{i}", (make_event(f"a{i}", "e1", day=f"2023-06-{10 + i}"),))
        for i in range(6)
    ]
    put(store, *results)
    clusters.update_clusters(store)
    with Store(tmp_path / "other.duckdb") as other:
        put(other, *reversed(results))
        clusters.update_clusters(other)
        assert _figures(other) == _figures(store)


def test_reprocessed_article_leaves_its_cluster(store: Store) -> None:
    put(
        store,
        make_result("a1", (make_event("a1", "e1"),)),
        make_result("a2", (make_event("a2", "e1"),)),
    )
    clusters.update_clusters(store)
    put(store, make_result("a2"))  # now without events
    clusters.update_clusters(store)
    assert [f[3] for f in _figures(store)] == [1]
    put(store, make_result("a1"))
    clusters.update_clusters(store)
    assert _figures(store) == []
    assert clusters.update_clusters(store) == 0


def _clusters(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT c.*, list(m.article_id ORDER BY m.article_id) FROM event_clusters c "
        "JOIN event_cluster_members m USING (cluster_id) GROUP BY ALL ORDER BY ALL"
    ).fetchall()


_DAYS = {"A": "2023-06-01", "B": "2023-06-04", "C": "2023-06-05", "D": "2023-06-08"}


def _result(name: str):  # type: ignore[no-untyped-def]
    return make_result(name, (make_event(name, "e1", day=_DAYS[name]),), source=name)


# Each partition is a sequence of ingest runs; clusters are updated after each run.
PARTITIONS = {
    "together": ["ABCD"],
    "latest-first": ["C", "ABD"],
    "one-by-one-reversed": ["D", "C", "B", "A"],
    "middle-out": ["B", "C", "A", "D"],
    "pairs": ["CA", "DB"],
}


@pytest.mark.issue(9)
@pytest.mark.parametrize("runs", list(PARTITIONS.values()), ids=list(PARTITIONS))
def test_clusters_do_not_depend_on_ingest_order_or_partition(store, tmp_path, runs):
    # #9: A (1 June), B (4 June), C (5 June) gave {A,B},{C} together but {A},{B,C}
    # when C came first.
    put(store, *(_result(n) for n in "ABCD"))
    clusters.update_clusters(store)
    with Store(tmp_path / "partitioned.duckdb") as other:
        for run in runs:
            put(other, *(_result(n) for n in run))
            clusters.update_clusters(other)
        assert _clusters(other) == _clusters(store)


@pytest.mark.issue(9)
def test_reprocessing_an_anchor_article_reclusters_the_rest(store, tmp_path):
    put(store, *(_result(n) for n in "ABC"))
    clusters.update_clusters(store)
    put(store, make_result("A"))  # A re-processed, now without events
    clusters.update_clusters(store)
    with Store(tmp_path / "fresh.duckdb") as fresh:
        put(fresh, make_result("A"), _result("B"), _result("C"))
        clusters.update_clusters(fresh)
        assert _clusters(store) == _clusters(fresh)
