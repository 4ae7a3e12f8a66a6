"""Benchmark: the `dyad extract` pipeline versus the bare spaCy parse, one process.

Both sides work on the same articles of the Wikinews corpus: the bare side parses the
*cleaned* texts with ``nlp.pipe`` (the floor: nothing we add makes parsing faster), the
pipeline side runs ``run_many`` on the raw documents (clean, parse, actors, times,
places, events, quotes). The two alternate for ``--repeat`` rounds so that machine noise
hits both alike; the script prints each round, the medians and the ratio
``pipeline throughput / bare parse throughput`` (target: at least 0.75).

Usage:
    .venv/bin/python bench/extract_throughput.py [--n 200] [--repeat 3] [--stages]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dyad import pipeline
from dyad.pipeline import clean_raw, run_many
from dyad.records import ArticleFailure, RawDocument
from dyad.resources import Resources
from dyad.stages.nlp import add_paragraph_breaker


def _shared(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    here = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("DYAD_SHARED", here.parent / "shared"))


def load_raws(path: Path, n: int) -> list[RawDocument]:
    """Return the first ``n`` Wikinews articles of ``path`` as raw documents."""
    raws = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            raws.append(
                RawDocument(
                    text=item["text"],
                    title=item.get("title"),
                    published=dt.date.fromisoformat(item["date"][:10]),
                    url=item.get("url"),
                    doc_id=item.get("id"),
                )
            )
            if len(raws) == n:
                break
    return raws


@dataclass(frozen=True)
class Timing:
    """Wall-clock and process CPU seconds of one measured run."""

    wall: float
    cpu: float


def _measure(run: Callable[[], int]) -> tuple[Timing, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = run()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu), value


def time_bare(res: Resources, texts: list[str]) -> tuple[Timing, int]:
    """Time parsing ``texts`` with the bare spaCy pipeline; also return the tokens."""
    return _measure(
        lambda: sum(
            len(doc) for doc in res.nlp.pipe(texts, batch_size=res.settings.batch_size)
        )
    )


def time_pipeline(res: Resources, raws: list[RawDocument]) -> tuple[Timing, int]:
    """Time the whole pipeline over ``raws``; also return the number of failures."""
    return _measure(
        lambda: sum(isinstance(r, ArticleFailure) for r in run_many(raws, res))
    )


def time_stages(res: Resources, raws: list[RawDocument]) -> dict[str, float]:
    """CPU seconds spent in each stage (clean and nlp included) over ``raws``."""
    spent: dict[str, float] = {}

    def timed(name: str, run: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(run)  # the runner reads the stage's signature through this
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            begin = time.process_time()
            try:
                return run(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - begin

        return wrapper

    original = pipeline.STAGES
    pipeline.STAGES = tuple(
        replace(s, function=timed(s.name, s.function)) for s in original
    )
    try:
        for _ in run_many(raws, res):
            pass
    finally:
        pipeline.STAGES = original
    return spent


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _report(label: str, bare: list[Timing], pipe: list[Timing], n: int) -> None:
    b = statistics.median(getattr(t, label) for t in bare)
    p = statistics.median(getattr(t, label) for t in pipe)
    _say(
        f"{label:>4}: bare parse median {b:7.2f} s ({n / b:5.2f} articles/s)   "
        f"pipeline median {p:7.2f} s ({n / p:5.2f} articles/s)   ratio {b / p:.3f}"
    )
    # load from other processes only ever adds time: the fastest rounds are the least
    # disturbed estimate of each side
    b_best = min(getattr(t, label) for t in bare)
    p_best = min(getattr(t, label) for t in pipe)
    _say(
        f"{label:>4}: best rounds: bare {b_best:7.2f} s   pipeline {p_best:7.2f} s   "
        f"ratio {b_best / p_best:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--shared", help="shared data folder ($DYAD_SHARED)")
    parser.add_argument(
        "--stages", action="store_true", help="also print CPU time per stage"
    )
    args = parser.parse_args(argv)
    raws = load_raws(
        _shared(args.shared) / "corpus" / "wikinews" / "wikinews.jsonl", args.n
    )
    res = Resources()
    add_paragraph_breaker(res.nlp)  # the same pipeline object on both sides
    texts = [clean_raw(raw, res)[0].text for raw in raws]
    _ = res.actor_kb, res.clean_rules, res.event_lexicon, res.gazetteer  # load now
    list(run_many(raws[:5], res))  # warm up both code paths
    bare_times, pipe_times = [], []
    tokens = 0
    for round_ in range(1, args.repeat + 1):
        if round_ % 2:  # alternate which side goes first, so order effects cancel
            bare, tokens = time_bare(res, texts)
            pipe, failures = time_pipeline(res, raws)
        else:
            pipe, failures = time_pipeline(res, raws)
            bare, tokens = time_bare(res, texts)
        bare_times.append(bare)
        pipe_times.append(pipe)
        _say(
            f"round {round_}: bare parse {bare.wall:6.2f} s wall {bare.cpu:6.2f} s cpu"
            f"   pipeline {pipe.wall:6.2f} s wall {pipe.cpu:6.2f} s cpu"
            f"   failures {failures}"
        )
    _say(f"articles {len(raws)}, tokens {tokens:,}, rounds {args.repeat}")
    _report("wall", bare_times, pipe_times, len(raws))
    _report("cpu", bare_times, pipe_times, len(raws))
    _say(
        "ratio = pipeline throughput / bare parse throughput (target >= 0.75); "
        "cpu is this process's CPU time, steadier than wall time on a shared machine"
    )
    if args.stages:
        spent = time_stages(res, raws)
        total = sum(spent.values())
        for name, seconds in spent.items():
            _say(f"  {name:<12} {seconds:7.2f} s cpu  {100 * seconds / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
