"""The events stage's cost relative to the bare parse (a benchmark run by hand).

python -m dyad.evaluation.event_cost ../shared --limit 200
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.records import RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources


def measure_cost(
    raws: Sequence[RawDocument], resources: Resources
) -> tuple[float, float, int]:
    """Time the bare parse of ``raws`` and ``code_events`` over the parsed docs.

    Both are measured in this process on the same cleaned texts; the actors stage runs
    between them untimed (it provides the events stage's input). Returns the parse
    seconds, the events seconds and the number of tokens.
    """
    import time

    from dyad.pipeline import clean_raw
    from dyad.stages import actors, nlp
    from dyad.stages.events import code_events

    items = [clean_raw(raw, resources) for raw in raws]
    nlp.add_paragraph_breaker(resources.nlp)
    start = time.perf_counter()
    parsing = nlp.parse_articles(resources.nlp, items, settings=resources.settings)
    parsed = [p for p, _ in parsing]
    parse_seconds = time.perf_counter() - start
    inputs = [(p, actors.resolve_actors(p, kb=resources.actor_kb)) for p in parsed]
    lexicon = resources.event_lexicon
    start = time.perf_counter()
    for p, found in inputs:
        code_events(p, found.actors, found.mentions, lexicon=lexicon)
    events_seconds = time.perf_counter() - start
    return parse_seconds, events_seconds, sum(len(p.doc) for p in parsed)


def main() -> None:  # pragma: no cover - a benchmark run by hand
    """Print the events stage's cost relative to the parse on the Wikinews corpus."""
    import argparse
    import sys

    from dyad.resources import Resources

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("shared", type=Path, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    corpus = args.shared / "corpus" / "wikinews" / "wikinews.jsonl"
    raws = []
    for line in corpus.read_text(encoding="utf-8").splitlines()[: args.limit]:
        record = json.loads(line)
        published = (
            dt.date.fromisoformat(record["date"]) if record.get("date") else None
        )
        raws.append(
            RawDocument(text=record["text"], doc_id=record["id"], published=published)
        )
    parse_s, events_s, tokens = measure_cost(raws, Resources())
    sys.stdout.write(
        f"{len(raws)} articles, {tokens} tokens: parse {parse_s:.2f} s, "
        f"events {events_s:.2f} s, events/parse = {events_s / parse_s:.3f}\n"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
