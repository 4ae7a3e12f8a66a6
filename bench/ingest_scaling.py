"""Ingest scaling benchmark: throughput by --workers, and peak memory by corpus size.

Builds JSONL corpora by repeating the Wikinews articles under new ids (``…#r<k>``),
then runs the real ``dyad ingest`` command in subprocesses on fresh stores:

1. throughput: ``--throughput-articles`` with ``--workers 1`` and ``--workers 2``;
2. memory: ``--small`` versus ``--large`` articles with ``--workers 1``, reporting the
   peak resident memory of the ingest process (flat memory means the two are close).

Example:
    python bench/ingest_scaling.py --shared ../shared --small 300 --large 3000
    python bench/ingest_scaling.py --max-chars 1200   # shorter texts, quicker run
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(code, peak)\n"
)


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def build_corpus(source: Path, out: Path, count: int, max_chars: int | None) -> Path:
    """Write ``count`` articles to ``out``, repeating ``source`` under new ids."""
    records = [
        json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()
    ]
    with out.open("w", encoding="utf-8") as stream:
        for n, record in zip(range(count), itertools.cycle(records), strict=False):
            copy = dict(record)
            copy["id"] = f"{record['id']}#r{n // len(records)}"
            copy["url"] = None
            if max_chars:
                copy["text"] = record["text"][:max_chars]
            stream.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return out


def run_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, int]:
    """Run ``dyad ingest``; return wall seconds and peak RSS (KiB) of the command."""
    command = [
        sys.executable,
        "-c",
        _MEASURE,
        sys.executable,
        "-m",
        "dyad",
        "-q",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        str(workers),
    ]
    start = time.monotonic()
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    seconds = time.monotonic() - start
    code, peak = done.stdout.split()[-2:]
    if code != "0":
        sys.stderr.write(done.stderr)
        raise SystemExit(f"dyad ingest failed with exit code {code}")
    return seconds, int(peak)


def steady_rate(
    corpus: Path, db: Path, workers: int
) -> tuple[float, float, dict[str, int]]:
    """Ingest in-process; return steady and overall articles/s, and row counts.

    The steady rate leaves out model loading (in the workers, or here) so that the
    worker comparison measures parsing, not start-up.
    """
    from dyad import corpus as loading
    from dyad.settings import Settings
    from dyad.store.db import Store

    marks: list[tuple[float, int]] = []
    start = time.monotonic()
    with Store(db) as store:
        loading.ingest_paths(
            [corpus],
            store,
            Settings(),
            options=loading.IngestOptions(workers=workers),
            progress=lambda stats: marks.append((time.monotonic(), stats.processed)),
        )
        counts = store.counts()
    writes = marks[:-1]  # the last call follows clustering, not a write
    (t0, n0), (t1, n1) = writes[0], writes[-1]
    steady = (n1 - n0) / (t1 - t0) if t1 > t0 else float("nan")
    return steady, n1 / (t1 - start), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("DYAD_SHARED", "../shared"))
    )
    parser.add_argument("--throughput-articles", type=int, default=160)
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--large", type=int, default=3000)
    parser.add_argument(
        "--max-chars",
        type=int,
        default=None,
        help="Cut each text to this many characters (quicker runs).",
    )
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    source = args.shared / "corpus" / "wikinews" / "wikinews.jsonl"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if not args.skip_throughput:
            _throughput(source, work, args)
        if not args.skip_memory:
            _memory(source, work, args)


def _throughput(source: Path, work: Path, args: argparse.Namespace) -> None:
    corpus = build_corpus(
        source, work / "t.jsonl", args.throughput_articles, args.max_chars
    )
    rates, counts = {}, {}
    for workers in (1, 2):
        steady, overall, counts[workers] = steady_rate(
            corpus, work / f"t{workers}.duckdb", workers
        )
        rates[workers] = steady
        _say(
            f"throughput --workers {workers}: {args.throughput_articles} articles, "
            f"steady {steady:.2f} articles/s (with start-up {overall:.2f})"
        )
    same = "the same" if counts[1] == counts[2] else "DIFFERENT"
    _say(f"stores written with 1 and 2 workers hold {same} row counts")
    _say(
        f"speed-up workers 2 / 1 (steady): {rates[2] / rates[1]:.2f}x on "
        f"{os.cpu_count()} CPUs"
    )


def _memory(source: Path, work: Path, args: argparse.Namespace) -> None:
    peaks = {}
    for count in (args.small, args.large):
        corpus = build_corpus(source, work / f"m{count}.jsonl", count, args.max_chars)
        seconds, peaks[count] = run_ingest(corpus, work / f"m{count}.duckdb", 1)
        _say(
            f"memory: {count} articles, peak RSS {peaks[count] / 1024:.0f} MiB "
            f"({seconds:.0f} s)"
        )
    ratio = peaks[args.large] / peaks[args.small]
    _say(f"peak memory {args.large} / {args.small} articles: {ratio:.2f}x")


if __name__ == "__main__":
    main()
