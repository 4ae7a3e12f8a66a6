"""The Dask engine on a real 2-process LocalCluster gives the local engine's rows (#14)."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from distributed import Client, LocalCluster

from dyad import corpus, ids
from dyad.engines.dask import LOAD_BATCH, DaskOptions, ingest_on_dask
from dyad.settings import Settings
from dyad.store.db import COUNTED_TABLES, Store

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.issue(14)]

_TIMESTAMPS = {"ingested_at", "processed_at", "failed_at", "loaded_at"}
_TABLES = (*COUNTED_TABLES, "event_dyads", "article_fingerprints")
_MEETING = (
    "The President of France, Emmanuel Macron, met German Chancellor Olaf Scholz in "
    "Berlin on Monday. Macron said the two countries would sign a defence agreement."
)
_SANCTIONS = (
    "The European Union imposed new sanctions on Russia on Tuesday, the foreign policy "
    "chief said. Russia condemned the sanctions and threatened to retaliate."
)
_TALKS = (
    "Japan and South Korea agreed on Friday to resume talks on trade, the two "
    "foreign ministers said in Tokyo."
)


_PORT = (
    "Workers at the port of Rotterdam went on strike on Wednesday over pay, the union "
    "said, and ships waited outside the harbour."
)
_PORT_FULL = _PORT + (
    " The port authority said talks with the union would resume on Thursday, and the "
    "Dutch government urged both sides to reach an agreement soon."
)
_SHORTER = _PORT_FULL.replace(" soon.", ".")


def _record(n: int, text: str, day: str) -> str:
    return json.dumps({"id": f"test-{n}", "text": text, "date": day, "source": f"s{n}"})


def _page(url: str, text: str, day: str) -> str:
    return json.dumps({"url": url, "text": text, "date": day, "source": "harbour"})


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """JSONL files and text files, two records a partition: clusters, a bad line, a
    blank, repeats of one article (#12) within and across partitions."""
    folder = tmp_path_factory.mktemp("inputs")
    lines = [
        _record(1, _MEETING, "2024-03-04"),
        # a second test-1 in the same partition: the first one wins, with a problem
        _record(1, _SANCTIONS, "2024-03-09"),
        _record(2, _MEETING.replace("Monday", "Tuesday"), "2024-03-05"),
        "{not json",
        "",
        _record(3, _SANCTIONS, "2024-03-05"),
    ]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    repeats = [
        _record(4, _SANCTIONS, "2024-03-06"),
        _record(2, _MEETING.replace("Monday", "Tuesday"), "2024-03-05"),  # quietly
        _record(3, _TALKS, "2024-03-05"),  # the id of another partition, other text
    ]
    (folder / "b.jsonl").write_text("\n".join(repeats) + "\n", encoding="utf-8")
    pages = [
        _page("https://www.harbour.example/strike", _PORT, "2024-03-06"),
        _page("https://harbour.example/other", _TALKS, "2024-03-06"),
        # the same page under a tracking link, with more text: it takes the place of
        # the first copy, under the first copy's id
        _page(
            "http://harbour.example/strike/?utm_source=feed", _PORT_FULL, "2024-03-06"
        ),
        # a near-identical, shorter text from the same site: a repeat of the fuller copy
        _page("https://harbour.example/print/77", _SHORTER, "2024-03-06"),
        # the same text on another site: a syndicated copy, kept and linked
        _page("https://wire.example/strike", _PORT_FULL, "2024-03-06"),
    ]
    (folder / "d.jsonl").write_text("\n".join(pages) + "\n", encoding="utf-8")
    (folder / "c.txt").write_text(_TALKS, encoding="utf-8")
    # a text-identified copy of an article of another partition
    (folder / "e.txt").write_text(_SANCTIONS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_db(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(path) as store:
        corpus.ingest_paths([inputs], store, Settings())
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: 8787 may be taken
        silence_logs=logging.ERROR,
    ) as running:
        yield running


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without the clock columns, sorted."""
    found = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for table in _TABLES:
            columns = [
                f'"{r[0]}"'
                for r in con.execute(f"DESCRIBE {table}").fetchall()
                if r[0] not in _TIMESTAMPS
            ]
            query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL"
            found[table] = con.execute(query).fetchall()
    return found


def _ingest(
    inputs: Path, folder: Path, cluster: LocalCluster, *, hold_lock: bool = True
) -> corpus.IngestStats:
    options = DaskOptions(
        lake=str(folder / "lake"),
        scheduler=cluster.scheduler_address,
        partition_size=2,
    )
    with Store(folder / "dask.duckdb", hold_lock=hold_lock) as store:
        return ingest_on_dask([inputs], store, Settings(), options=options)


def _lake_files(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns
        for p in (folder / "lake").rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def dask_run(
    inputs: Path, cluster: LocalCluster, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("dask")
    _ingest(inputs, folder, cluster)
    return folder


def test_dask_engine_stores_the_rows_of_the_local_engine(
    dask_run: Path, local_db: Path
) -> None:
    local = _rows(local_db)
    assert local["event_clusters"], "the inputs should make at least one cluster"
    assert local["failures"] == []
    assert len(local["articles"]) == 8
    assert _rows(dask_run / "dask.duckdb") == local


def test_a_store_that_lets_readers_in_between_gets_the_same_rows(
    inputs: Path, cluster: LocalCluster, local_db: Path, tmp_path: Path
) -> None:
    # as ``dyad ingest`` opens it: the file is closed after each batch it loads, and
    # the inputs are more partitions than one batch
    _ingest(inputs, tmp_path, cluster, hold_lock=False)
    with duckdb.connect(str(tmp_path / "dask.duckdb"), read_only=True) as con:
        loaded = con.execute("SELECT count(*) FROM lake_partitions").fetchone()
    assert loaded is not None
    assert loaded[0] > LOAD_BATCH
    assert _rows(tmp_path / "dask.duckdb") == _rows(local_db)


def test_repeats_across_partitions_are_stored_once(dask_run: Path) -> None:
    with duckdb.connect(str(dask_run / "dask.duckdb"), read_only=True) as con:
        repeats = con.execute(
            "SELECT count(*) FROM problems WHERE code = 'ingest.duplicate'"
        ).fetchone()
        conflicts = con.execute(
            "SELECT count(*) FROM problems WHERE code = 'input.duplicate_id'"
        ).fetchone()
        strike = con.execute(
            "SELECT article_id, raw_url FROM articles WHERE raw_text LIKE '%Rotterdam%'"
            " ORDER BY ALL"
        ).fetchall()
        reports = con.execute(
            "SELECT count(DISTINCT report_id) FROM article_fingerprints f JOIN articles"
            " a USING (article_id) WHERE a.raw_text LIKE '%Rotterdam%'"
        ).fetchone()
    assert repeats == (3,)  # the tracking link, the print page, the text file
    assert conflicts == (2,)  # test-1 within a partition, test-3 across
    first = ids.article_id(url="https://www.harbour.example/strike", text="")
    assert len(strike) == 2  # the harbour's page (its fuller copy) and the wire's
    assert (first, "http://harbour.example/strike/?utm_source=feed") in strike
    assert reports == (1,)


def test_second_run_writes_nothing(
    dask_run: Path, inputs: Path, cluster: LocalCluster
) -> None:
    before = (_lake_files(dask_run), _rows(dask_run / "dask.duckdb"))
    with duckdb.connect(str(dask_run / "dask.duckdb"), read_only=True) as con:
        loaded = con.execute("SELECT * FROM lake_partitions ORDER BY ALL").fetchall()
    stats = _ingest(inputs, dask_run, cluster)
    assert (stats.processed, stats.skipped) == (0, stats.read)
    assert (_lake_files(dask_run), _rows(dask_run / "dask.duckdb")) == before
    with duckdb.connect(str(dask_run / "dask.duckdb"), read_only=True) as con:
        assert (
            con.execute("SELECT * FROM lake_partitions ORDER BY ALL").fetchall()
            == loaded
        )


def _kill_a_busy_worker(client: Client, deadline: float) -> str:
    """SIGKILL the process of a worker while it codes a partition; return the task key."""
    while time.monotonic() < deadline:
        for address, keys in client.processing().items():
            ours = [k for k in keys if str(k).startswith("dyad-")]
            if ours:
                pid = client.run(os.getpid, workers=[address])[address]
                os.kill(pid, signal.SIGKILL)
                return str(ours[0])
        time.sleep(0.02)
    raise AssertionError("no partition was seen running")


def test_partition_of_a_killed_worker_is_retried(
    inputs: Path,
    cluster: LocalCluster,
    local_db: Path,
    tmp_path: Path,
) -> None:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["stats"] = _ingest(inputs, tmp_path, cluster)
        except BaseException as e:  # handed to the test thread below
            outcome["error"] = e

    thread = threading.Thread(target=run)
    with Client(cluster.scheduler_address) as client:
        thread.start()
        killed = _kill_a_busy_worker(client, time.monotonic() + 120)
        thread.join(timeout=300)
    assert "error" not in outcome, outcome.get("error")
    partition = killed.removeprefix("dyad-")
    assert (tmp_path / "lake" / "partitions" / f"{partition}.json").exists()
    assert _rows(tmp_path / "dask.duckdb") == _rows(local_db)


def test_killed_driver_resumes_to_the_same_rows(
    inputs: Path, cluster: LocalCluster, local_db: Path, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "dyad", "-q", "ingest", str(inputs)]
    command += ["--engine", "dask", "--scheduler", cluster.scheduler_address]
    command += ["--partition-size", "2", "--lake", str(tmp_path / "lake")]
    command += ["--db", str(tmp_path / "dask.duckdb")]
    manifests = tmp_path / "lake" / "partitions"
    with subprocess.Popen(command, stderr=subprocess.DEVNULL) as driver:
        deadline = time.monotonic() + 120
        while not list(manifests.glob("*.json")) and time.monotonic() < deadline:
            time.sleep(0.02)
        driver.send_signal(signal.SIGKILL)
    assert driver.returncode == -signal.SIGKILL, "the driver finished before the kill"
    _ingest(inputs, tmp_path, cluster)
    assert _rows(tmp_path / "dask.duckdb") == _rows(local_db)
