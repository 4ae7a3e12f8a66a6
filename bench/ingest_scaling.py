"""Ingest scaling benchmark, local and Dask engines: throughput by workers, peak memory.

Builds JSONL corpora by resampling the texts of ``../shared/corpus`` (Wikinews,
Wikipedia current events, Global Voices; documents reserved for blind evaluation are
left out) with a seeded random draw, each copy under a new id (``bench-<n>``) and
without its URL, so every copy is a new article to the store. Then, on fresh stores:

1. throughput: ``--throughput-articles`` with 1 and 2 workers, for each engine, in this
   process; the steady rate leaves out start-up (model loading, the cluster) so that
   the worker comparison measures coding;
2. memory: ``--small`` and ``--large`` articles with 2 workers, for each engine, as a
   ``dyad ingest`` subprocess; the peak resident memory of the driver (the ``dyad``
   process) and of the largest worker are sampled every 0.2 s. Flat memory means the
   two corpus sizes give close peaks.

Example:
    python bench/ingest_scaling.py --shared ../shared --small 300 --large 3000
    python bench/ingest_scaling.py --engines dask --skip-memory
    python bench/ingest_scaling.py --max-chars 1200   # shorter texts, quicker run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

_SOURCES = ("wikinews", "wikipedia-current-events", "globalvoices")
_SEED = 14


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _pool(shared: Path) -> list[dict[str, object]]:
    """Return the shared corpus records, without the reserved ones, in file order."""
    reserved_file = shared / "eval" / "reserved-ids.txt"
    reserved = {
        line.strip()
        for line in reserved_file.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    records = []
    for name in _SOURCES:
        path = shared / "corpus" / name / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("id") not in reserved and record.get("text"):
                records.append(record)
    return records


def build_corpus(
    pool: list[dict[str, object]], out: Path, count: int, max_chars: int | None
) -> Path:
    """Write ``count`` articles drawn from ``pool`` (seeded) under new ids to ``out``."""
    draw = random.Random(_SEED)
    with out.open("w", encoding="utf-8") as stream:
        for n in range(count):
            copy = dict(draw.choice(pool))
            copy["id"] = f"bench-{n}"
            copy["url"] = None
            if max_chars:
                copy["text"] = str(copy["text"])[:max_chars]
            stream.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return out


def steady_rate(
    engine: str, corpus: Path, work: Path, workers: int, partition_size: int
) -> tuple[float, float, dict[str, int]]:
    """Ingest in this process; return steady and overall articles/s, and row counts."""
    from dyad import corpus as loading
    from dyad.engines.dask import DaskOptions, ingest_on_dask
    from dyad.settings import Settings
    from dyad.store.db import Store

    marks: list[tuple[float, int]] = []

    def progress(stats: loading.IngestStats) -> None:
        if not marks or stats.processed > marks[-1][1]:
            marks.append((time.monotonic(), stats.processed))

    work.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    with Store(work / f"{engine}{workers}.duckdb") as store:
        if engine == "local":
            options = loading.IngestOptions(workers=workers)
            loading.ingest_paths(
                [corpus], store, Settings(), options=options, progress=progress
            )
        else:
            dask = DaskOptions(
                lake=str(work / f"lake{workers}"),
                workers=workers,
                partition_size=partition_size,
            )
            ingest_on_dask([corpus], store, Settings(), options=dask, progress=progress)
        counts = store.counts()
    (t0, n0), (t1, n1) = marks[0], marks[-1]
    steady = (n1 - n0) / (t1 - t0) if t1 > t0 else float("nan")
    return steady, n1 / (t1 - start), counts


class _Sampler:
    """Samples the resident memory of a process and of each of its descendants."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.driver = 0
        self.workers: dict[int, int] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self.done.wait(0.2):
            try:
                self.driver = max(self.driver, self.root.memory_info().rss)
                for child in self.root.children(recursive=True):
                    rss = child.memory_info().rss
                    self.workers[child.pid] = max(self.workers.get(child.pid, 0), rss)
            except psutil.Error:  # a process ended between listing and reading it
                continue

    def stop(self) -> tuple[int, int]:
        self.done.set()
        self.thread.join()
        return self.driver, max(self.workers.values(), default=0)


def run_ingest(
    engine: str, corpus: Path, work: Path, name: str, partition_size: int
) -> tuple[float, int, int]:
    """Run ``dyad ingest`` with 2 workers; return seconds and driver/worker peaks."""
    command = [sys.executable, "-m", "dyad", "-q", "ingest", str(corpus)]
    command += ["--db", str(work / f"{name}.duckdb"), "--workers", "2"]
    if engine == "dask":
        command += ["--engine", "dask", "--lake", str(work / f"{name}.lake")]
        command += ["--partition-size", str(partition_size)]
    start = time.monotonic()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as proc:
        sampler = _Sampler(proc.pid)
        _, errors = proc.communicate()
    driver, worker = sampler.stop()
    if proc.returncode != 0:
        sys.stderr.write(errors)
        raise SystemExit(f"dyad ingest failed with exit code {proc.returncode}")
    return time.monotonic() - start, driver, worker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("DYAD_SHARED", "../shared"))
    )
    parser.add_argument("--engines", default="local,dask")
    parser.add_argument("--throughput-articles", type=int, default=240)
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--large", type=int, default=3000)
    parser.add_argument("--partition-size", type=int, default=20)
    parser.add_argument(
        "--max-chars",
        type=int,
        default=None,
        help="Cut each text to this many characters (quicker runs).",
    )
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    pool = _pool(args.shared)
    _say(f"corpus: resampled from {len(pool)} shared texts (reserved ids left out)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for engine in args.engines.split(","):
            if not args.skip_throughput:
                _throughput(engine, pool, work, args)
            if not args.skip_memory:
                _memory(engine, pool, work, args)


def _throughput(
    engine: str, pool: list[dict[str, object]], work: Path, args: argparse.Namespace
) -> None:
    corpus = build_corpus(
        pool, work / "t.jsonl", args.throughput_articles, args.max_chars
    )
    rates, counts = {}, {}
    for workers in (1, 2):
        steady, overall, counts[workers] = steady_rate(
            engine, corpus, work / engine, workers, args.partition_size
        )
        rates[workers] = steady
        _say(
            f"{engine} throughput --workers {workers}: {args.throughput_articles} "
            f"articles, steady {steady:.2f} articles/s (with start-up {overall:.2f})"
        )
    same = "the same" if counts[1] == counts[2] else "DIFFERENT"
    _say(f"{engine}: stores written with 1 and 2 workers hold {same} row counts")
    _say(
        f"{engine} speed-up workers 2 / 1 (steady): {rates[2] / rates[1]:.2f}x on "
        f"{os.cpu_count()} CPUs"
    )


def _memory(
    engine: str, pool: list[dict[str, object]], work: Path, args: argparse.Namespace
) -> None:
    peaks = {}
    for count in (args.small, args.large):
        corpus = build_corpus(pool, work / f"m{count}.jsonl", count, args.max_chars)
        seconds, driver, worker = run_ingest(
            engine, corpus, work, f"{engine}-m{count}", args.partition_size
        )
        peaks[count] = driver
        _say(
            f"{engine} memory: {count} articles, 2 workers: peak RSS driver "
            f"{driver / 2**20:.0f} MiB, largest worker {worker / 2**20:.0f} MiB "
            f"({seconds:.0f} s, {count / seconds:.2f} articles/s)"
        )
    ratio = peaks[args.large] / peaks[args.small]
    _say(
        f"{engine} driver peak memory {args.large} / {args.small} articles: {ratio:.2f}x"
    )


if __name__ == "__main__":
    main()
