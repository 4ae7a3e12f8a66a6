"""#9: the migrations create exactly the columns the record dataclasses describe."""

from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from dyad.records import (
    Article,
    DateSource,
    Event,
    EventDate,
    EventType,
    Location,
    Modality,
    Precision,
    TimeExpr,
)
from dyad.store.migrations import apply_migrations
from dyad.store.schema import TABLES, record_from_row, row_of

pytestmark = pytest.mark.issue(9)

_DUCKDB = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.bool_(): "BOOLEAN",
    pa.list_(pa.string()): "VARCHAR[]",
}


@pytest.fixture(scope="module")
def migrated() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    apply_migrations(con)
    return con


def _described(
    con: duckdb.DuckDBPyConnection, table: str
) -> dict[str, tuple[str, bool]]:
    rows = con.execute(f"DESCRIBE {table}").fetchall()
    return {r[0]: (r[1], r[2] == "YES") for r in rows}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_migrations_create_the_columns_of_the_record(migrated, table):
    spec = TABLES[table]
    expected = {c.name: _DUCKDB[c.arrow] for c in spec.columns}
    actual = {name: kind for name, (kind, _) in _described(migrated, table).items()}
    assert actual == expected


@pytest.mark.parametrize("table", sorted(TABLES))
def test_not_null_columns_are_required_fields(migrated, table):
    nullable = {c.name: c.nullable for c in TABLES[table].columns}
    described = _described(migrated, table)
    required = [name for name, (_, allows_null) in described.items() if not allows_null]
    assert [name for name in required if nullable[name]] == []


def test_articles_table_holds_every_article_field(migrated):
    columns = set(_described(migrated, "articles"))
    assert {f.name for f in dataclasses.fields(Article)} <= columns


def _event(**changes: object) -> Event:
    event = Event(
        article_id="a1",
        event_id="e1",
        type=EventType.CONSULT,
        mode="visit",
        cameo="042",
        quad=1,
        intensity=1.0,
        actor_ids=("x1", "x2"),
        recipient_ids=(),
        trigger_text="visit",
        trigger_start=3,
        trigger_end=8,
        sentence_index=0,
        modality=Modality.FUTURE,
        rule="verb.visit",
        confidence=0.8,
        date=EventDate(
            value="2023-06",
            precision=Precision.MONTH,
            source=DateSource.TEXT,
            time_id="t1",
        ),
        location=Location(name="Bali", code="IDN", lat=-8.4, lon=115.2),
        reported_by="x3",
        coder="events.v1",
    )
    return dataclasses.replace(event, **changes)


@pytest.mark.parametrize(
    "event",
    [_event(), _event(date=None, location=None, mode=None, reported_by=None)],
    ids=["nested-fields", "no-nested-fields"],
)
def test_event_round_trips_through_a_flat_row(event):
    names = [c.name for c in TABLES["events"].record_columns]
    assert record_from_row(Event, dict(zip(names, row_of(event), strict=True))) == event


def test_null_column_takes_the_field_default():
    row = {
        "article_id": "a1",
        "time_id": "t1",
        "text": "June",
        "start": 0,
        "end": 4,
        "sentence_index": 0,
        "value": None,
        "precision": None,
        "anchor": dt.date(2023, 6, 15),
        "coder": None,
    }
    assert record_from_row(TimeExpr, row).coder == ""
