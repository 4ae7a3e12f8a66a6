"""Live use: the dashboard and read commands answer while an ingest writes (#12)."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.exceptions import StarletteDeprecationWarning

from dyad.cli import cli
from dyad.knowledge.files import data_path
from dyad.settings import Settings
from dyad.store.db import Store
from dyad.web.app import create_app

with warnings.catch_warnings():
    # as in tests/web/conftest.py: only the import of the TestClient warns
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.issue(12), pytest.mark.model, pytest.mark.slow]

SAMPLES = data_path("samples", "samples.jsonl")


def test_dashboard_and_stats_answer_during_an_ingest(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    Store(db).close()
    command = [sys.executable, "-m", "dyad", "ingest", str(SAMPLES), "--db", str(db)]
    statuses: list[int] = []
    stats_codes: list[int] = []
    app = create_app(Settings(db=db))
    with (
        subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as ingest,
        TestClient(app, base_url="http://localhost") as client,
    ):
        while ingest.poll() is None:
            for path in ("/api/health", "/api/events", "/", "/api/overview"):
                statuses.append(client.get(path).status_code)
            result = CliRunner().invoke(cli, ["stats", "--db", str(db)])
            stats_codes.append(result.exit_code)
        assert ingest.stderr is not None
        assert ingest.wait() == 0, ingest.stderr.read()
    assert len(statuses) >= 4
    assert set(statuses) == {200}
    assert set(stats_codes) == {0}
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == len(SAMPLES.read_text().splitlines())
