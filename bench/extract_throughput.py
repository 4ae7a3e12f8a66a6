"""Benchmark: the `dyad extract` pipeline versus the bare spaCy parse, one process.

Both sides work on the same articles of the Wikinews corpus: the bare side parses the
*cleaned* texts with ``nlp.pipe`` (the floor: nothing we add makes parsing faster), the
pipeline side runs ``run_many`` on the raw documents (clean, parse, actors, times,
places, events, quotes). The two alternate for ``--repeat`` rounds so that machine noise
hits both alike; the script prints each round, the medians and the ratio
``pipeline throughput / bare parse throughput`` (target: at least 0.75).

Usage:
    .venv/bin/python bench/extract_throughput.py [--n 200] [--repeat 3] [--shared PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

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


def time_bare(res: Resources, texts: list[str]) -> tuple[float, int]:
    """Seconds to parse ``texts`` with the bare pipeline, and the token count."""
    start = time.perf_counter()
    tokens = sum(
        len(doc) for doc in res.nlp.pipe(texts, batch_size=res.settings.batch_size)
    )
    return time.perf_counter() - start, tokens


def time_pipeline(res: Resources, raws: list[RawDocument]) -> tuple[float, int]:
    """Seconds to run the whole pipeline over ``raws``, and the number of failures."""
    start = time.perf_counter()
    failures = sum(isinstance(r, ArticleFailure) for r in run_many(raws, res))
    return time.perf_counter() - start, failures


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--shared", help="shared data folder ($DYAD_SHARED)")
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
        bare, tokens = time_bare(res, texts)
        pipe, failures = time_pipeline(res, raws)
        bare_times.append(bare)
        pipe_times.append(pipe)
        _say(
            f"round {round_}: bare parse {bare:7.2f} s   pipeline {pipe:7.2f} s   "
            f"ratio {bare / pipe:.3f}   failures {failures}"
        )
    bare_med, pipe_med = statistics.median(bare_times), statistics.median(pipe_times)
    _say(f"articles {len(raws)}, tokens {tokens:,}, rounds {args.repeat}")
    _say(
        f"bare parse: median {bare_med:.2f} s = {len(raws) / bare_med:.1f} "
        f"articles/s ({tokens / bare_med:,.0f} tokens/s)"
    )
    _say(f"pipeline:   median {pipe_med:.2f} s = {len(raws) / pipe_med:.1f} articles/s")
    _say(
        f"ratio (pipeline throughput / bare parse throughput): "
        f"{bare_med / pipe_med:.3f}   (target >= 0.75)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
