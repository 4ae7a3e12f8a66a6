"""The lake on an fsspec URL, and loading it, without the model (#14).

Inputs here give no article (bad lines, binary files), so no document reaches the
pipeline and the model is never loaded; what they exercise is the lake, its manifests,
DuckDB reading an object-store lake and the per-file replacement of read problems.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from dyad import corpus
from dyad.engines.copies import plan_copies
from dyad.engines.worker import code_partition
from dyad.lake import Lake
from dyad.partitions import plan_partitions
from dyad.readers import ReadOptions
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.store.db import Store
from dyad.store.loading import LakeLoader

pytestmark = pytest.mark.issue(14)

OPTIONS = ReadOptions(max_bytes=1_000_000)


def _memory_lake() -> Lake:
    return Lake(f"memory://dyad-test-{uuid.uuid4().hex}")


def _inputs(parent: Path) -> Path:
    folder = parent / "inputs"
    folder.mkdir()
    lines = ["{broken", '{"id": "x"}', "[1, 2]", "", "not json at all"]
    (folder / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def _read_problems(store: Store) -> list[tuple[object, ...]]:
    query = "SELECT origin, code, message, stage FROM problems ORDER BY ALL"
    return store.con.execute(query).fetchall()


def test_partition_counts_only_once_its_manifest_exists(tmp_path: Path) -> None:
    lake = _memory_lake()
    ((partition, copies),) = plan_copies(
        list(
            plan_partitions([_inputs(tmp_path) / "blob.txt"], size=10, identity=("t",))
        ),
        OPTIONS,
    )
    assert not lake.has(partition.partition_id)
    summary = code_partition(
        partition, copies=copies, resources=Resources(), read_options=OPTIONS, lake=lake
    )
    assert lake.complete_ids() == {partition.partition_id}
    assert lake.summary(partition.partition_id) == summary
    assert summary.file_problems == 1
    assert all(f.startswith("memory://") for f in lake.files("problems", ["p1"]))


def test_loading_an_object_store_lake_gives_the_local_problem_rows(
    tmp_path: Path,
) -> None:
    folder = _inputs(tmp_path)
    with Store(tmp_path / "local.duckdb") as store:
        corpus.ingest_paths([folder], store, Settings(), read_options=OPTIONS)
        expected = _read_problems(store)
    lake = _memory_lake()
    decided = plan_copies(
        list(plan_partitions([folder], size=2, identity=("t",))), OPTIONS
    )
    plan = [partition for partition, _ in decided]
    assert len(plan) == 4  # three ranges of bad.jsonl, then blob.txt
    for partition, copies in decided:
        code_partition(
            partition,
            copies=copies,
            resources=Resources(),
            read_options=OPTIONS,
            lake=lake,
        )
    with Store(tmp_path / "lake.duckdb") as store:
        for _ in range(2):  # loading again changes nothing
            loader = LakeLoader(store, lake, plan)
            loader.load(plan[:2])
            loader.load(plan[2:])
            loader.finish()
            assert _read_problems(store) == expected
    assert len(expected) == 5
