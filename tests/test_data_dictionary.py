"""Every exported column is documented in docs/data-dictionary.md (#13)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.builders import make_event, make_result, put

from dyad import analytics, exports
from dyad.cli import cli
from dyad.records import EventType
from dyad.store.dashboard import MapPoint
from dyad.store.db import Store
from dyad.web.explore import DyadTrendRow

pytestmark = pytest.mark.issue(13)
DICTIONARY = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"
_ROW = re.compile(r"^\| `([A-Za-z0-9_]+)` \|", re.MULTILINE)


def _documented(section: str) -> set[str]:
    text = DICTIONARY.read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return set(_ROW.findall(body))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dictionary") / "d.duckdb"
    with Store(path) as store:
        put(store, make_result("a1", (make_event("a1", "e1", EventType.ACCUSE),)))
    return path


def _export(db: Path, fmt: str) -> str:
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", fmt, "--out", "-"]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_event_export_columns_are_documented(db: Path) -> None:
    header = next(csv.reader(io.StringIO(_export(db, "csv"))))
    assert set(header) <= _documented("Events")


def test_event_list_columns_are_documented() -> None:
    fields = {f.name for f in dataclasses.fields(analytics.EventRow)}
    assert fields <= _documented("Events")


def test_plover_fields_are_documented(db: Path) -> None:
    record = json.loads(_export(db, "plover").splitlines()[0])
    assert set(record) <= _documented("PLOVER records")


def test_gdelt_addition_is_documented() -> None:
    assert set(exports.GDELT_COLUMNS[61:]) <= _documented("GDELT rows")


@pytest.mark.parametrize(
    "record",
    [
        analytics.SeriesPoint,
        analytics.TypeCount,
        analytics.ArticleSummary,
        analytics.ActorSummary,
        analytics.ClusterRow,
        analytics.DyadSummary,
        MapPoint,
        DyadTrendRow,
    ],
    ids=lambda r: r.__name__,
)
def test_api_list_columns_are_documented(record: type) -> None:
    fields = {f.name for f in dataclasses.fields(record)} - {"series"}
    assert fields <= _documented("Dashboard and API lists") | _documented("Events")
