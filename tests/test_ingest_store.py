"""Ingest through the real pipeline into a real store: idempotent, crash-safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dyad import corpus
from dyad.knowledge.files import data_path
from dyad.settings import Settings
from dyad.store.db import Store

ALL_SAMPLES = data_path("samples", "samples.jsonl")
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three of the bundled sample articles (a handful keeps the tests quick)."""
    path = tmp_path_factory.mktemp("samples") / "three.jsonl"
    lines = ALL_SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[-3:]), encoding="utf-8")
    return path


def _ingest(paths: list[Path], db: Path, **options: object) -> dict[str, int]:
    with Store(db) as store:
        corpus.ingest_paths(
            paths, store, Settings(), options=corpus.IngestOptions(**options)
        )  # type: ignore[arg-type]
        return store.counts()


@pytest.fixture(scope="module")
def reference(
    tmp_path_factory: pytest.TempPathFactory, resources: object, samples: Path
) -> dict[str, int]:
    """Counts of one uninterrupted ingest of the sample articles."""
    db = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    return _ingest([samples], db)


def test_samples_give_events_and_quotes(reference: dict[str, int]) -> None:
    assert reference["articles"] == 3
    assert reference["events"] > 0
    assert reference["quotes"] > 0
    assert reference["failures"] == 0


def test_second_ingest_changes_nothing(
    tmp_path: Path, reference: dict[str, int], samples: Path
) -> None:
    db = tmp_path / "twice.duckdb"
    assert _ingest([samples], db) == reference
    with Store(db) as store:
        stats = corpus.ingest_paths([samples], store, Settings())
        assert (stats.processed, stats.skipped) == (0, 3)
        assert store.counts() == reference


def test_forced_reprocessing_gives_the_same_counts(
    tmp_path: Path, reference: dict[str, int], samples: Path
) -> None:
    db = tmp_path / "force.duckdb"
    _ingest([samples], db)
    assert _ingest([samples], db, force=True, chunk_size=3) == reference


def test_bad_files_beside_good_ones(
    tmp_path: Path, resources: object, samples: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_bytes(
        samples.read_bytes().splitlines(True)[0] + b"{oops\n"
    )
    (folder / "empty.txt").write_text("")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 10)
    counts = _ingest([folder], tmp_path / "bad.duckdb")
    assert counts["articles"] == 1
    with Store(tmp_path / "bad.duckdb", read_only=True) as store:
        rows = store.con.execute(
            "SELECT code FROM problems WHERE article_id IS NULL ORDER BY code"
        ).fetchall()
    assert [r[0] for r in rows] == ["input.binary", "input.empty", "input.malformed"]


@pytest.mark.slow
def test_killed_run_resumes_to_the_same_counts(
    tmp_path: Path, reference: dict[str, int], samples: Path
) -> None:
    db = tmp_path / "killed.duckdb"
    command = [
        sys.executable,
        "-m",
        "dyad",
        "-v",
        "ingest",
        str(samples),
        "--db",
        str(db),
        "--chunk-size",
        "1",
    ]
    with subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        assert process.stderr is not None
        for line in process.stderr:  # kill as soon as one article is written
            if "stored 1 articles" in line:
                break
        process.send_signal(signal.SIGKILL)
        process.wait()
    with Store(db, read_only=True) as store:  # consistent: opens, and done means rows
        states = dict(
            store.con.execute(
                "SELECT status, count(*) FROM articles GROUP BY status"
            ).fetchall()
        )
        done_without_text = store.con.execute(
            "SELECT count(*) FROM articles WHERE status = 'done' AND text IS NULL"
        ).fetchall()[0][0]
    assert set(states) <= {"pending", "done"}
    assert 0 < states.get("done", 0) < 3
    assert done_without_text == 0
    assert _ingest([samples], db) == reference


def test_rerun_failed_retries_from_stored_raw_input(
    tmp_path: Path, resources: object, monkeypatch: pytest.MonkeyPatch, samples: Path
) -> None:
    from dyad.stages import quotes

    real = quotes.extract_quotes

    def explode(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Kishida" in parsed.article.text:
            raise ValueError("boom")
        return real(parsed, *args, **kwargs)

    db = tmp_path / "rerun.duckdb"
    monkeypatch.setattr(quotes, "extract_quotes", explode)
    counts = _ingest([samples], db)
    assert (counts["articles"], counts["failures"]) == (3, 1)
    monkeypatch.setattr(quotes, "extract_quotes", real)
    with Store(db) as store:
        stats = corpus.rerun_failed(store, Settings())
        assert (stats.processed, stats.failed) == (1, 0)
        assert store.counts()["failures"] == 0
