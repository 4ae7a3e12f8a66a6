"""Exports: files DuckDB can read back, GDELT columns, PLOVER records, Goldstein."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from store.builders import make_event, make_result, put

from dyad import exports
from dyad.analytics import EventFilter
from dyad.records import EventType, Location
from dyad.store import clusters
from dyad.store.db import Store

BALI = Location(name="Bali", code="IDN", lat=-8.4, lon=115.2)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("exports") / "e.duckdb"
    with Store(path) as writer:
        put(
            writer,
            make_result(
                "a1",
                (
                    make_event("a1", "e1", location=BALI),
                    make_event("a1", "e2", EventType.ACCUSE, sentence=1),
                ),
                url="https://example.org/one",
            ),
            make_result("a2", (make_event("a2", "e1", location=BALI),), source="Other"),
        )
        clusters.update_clusters(writer)
    with Store(path, read_only=True) as reader:
        yield reader


def test_parquet_reads_back_in_duckdb(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert exports.export_store(store, "parquet", out) == 3
    rows = duckdb.sql(f"SELECT type, actor_codes FROM '{out}' ORDER BY type").fetchall()
    assert rows == [("ACCUSE", ["USA"]), ("CONSULT", ["USA"]), ("CONSULT", ["USA"])]


def test_csv_with_filter(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert exports.export_store(store, "csv", out, EventFilter(type="ACCUSE")) == 1
    with out.open(encoding="utf-8") as stream:
        (row,) = list(csv.DictReader(stream))
    assert (row["type"], row["actor_codes"], row["url"]) == (
        "ACCUSE",
        "USA",
        "https://example.org/one",
    )


def test_gdelt_rows_have_the_61_columns_and_cluster_counts(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events.gdelt.tsv"
    exports.export_store(store, "gdelt", out, EventFilter(type="CONSULT"))
    with out.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert len(exports.GDELT_COLUMNS) == 62  # GDELT's 61, then dyad's Modality
    assert exports.GDELT_COLUMNS[-2:] == ("SOURCEURL", "Modality")
    assert list(rows[0]) == list(exports.GDELT_COLUMNS)
    row = rows[0]
    assert (row["Actor1Code"], row["Actor2Code"], row["Actor1CountryCode"]) == (
        "USAGOV",
        "CHNGOV",
        "USA",
    )
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == (
        "042",
        "04",
        "1",
    )
    assert row["GoldsteinScale"] == "1.9"
    assert (row["SQLDATE"], row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == (
        "20230614",
        "4",
        "IDN",
    )
    assert (row["NumArticles"], row["NumSources"]) == ("2", "2")


def test_jsonl_is_one_contract_document_per_article(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "articles.jsonl"
    assert exports.export_store(store, "jsonl", out) == 2
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["schema"] == "dyad.article/1"
    assert len(first["events"]) == 2


def test_plover_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    exports.export_store(store, "plover", out, EventFilter(article_id="a1"))
    records = [
        json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert [r["event_type"] for r in records] == ["CONSULT", "ACCUSE"]
    assert records[0]["actor_country"] == "USA"
    assert records[0]["event_text"] == "Blinken met Xi in Beijing."


def test_result_rows_views_of_one_article() -> None:
    result = make_result("a9", (make_event("a9", "e1"),))
    (gdelt,) = exports.result_rows(result, "gdelt")
    (plover,) = exports.result_rows(result, "plover")
    assert gdelt["NumArticles"] == 1
    assert plover["recipient_country"] == "CHN"
    with pytest.raises(ValueError, match="unknown format"):
        list(exports.result_rows(result, "xml"))


@pytest.mark.parametrize(
    ("code", "score"),
    [("042", 1.9), ("0421", 1.9), ("19", -10.0), ("", None), ("99", None)],
    ids=["base", "four-digit", "root", "empty", "unknown"],
)
def test_goldstein_falls_back_to_base_then_root(code: str, score: float | None) -> None:
    assert exports.goldstein(code) == score


def test_unknown_format_is_an_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(exports.ExportError, match="unknown export format"):
        exports.export_store(store, "xml", tmp_path / "x")
