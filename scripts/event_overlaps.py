"""How often one act gets two event records, on the DEV or a TRAIN split.

Usage: .venv/bin/python scripts/event_overlaps.py SPLIT [SPLIT ...] [--shared DIR] [--show]

Runs the pipeline, then applies ``events_overlap.one_record_per_act`` again to each
sentence's events (a no-op when the stage already applies it, so run it on a tree
without the hook to see what the pass changes). For every pair the pass resolves it
prints the kept and dropped types and what the gold of that sentence holds: the kept
record only, the dropped one only, both, or neither (strict keys: type + codes).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dyad.evaluation.event_coding import gold_coded, system_coded
from dyad.evaluation.event_corpus import TEST_SPLITS, load_split
from dyad.pipeline import STAGES
from dyad.resources import Resources
from dyad.runner import ArticleState, result_of, run_batch
from dyad.stages.events_overlap import one_record_per_act


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    if any(s in TEST_SPLITS for s in args.splits):
        sys.stderr.write("event_overlaps: the frozen test split is never listed\n")
        return 2
    res = Resources()
    tally: Counter[tuple[str, str, str]] = Counter()
    sentences = 0
    for split in args.splits:
        docs = [d for d in load_split(args.shared, split) if not d.skip]
        states: list[object] = [ArticleState(raw=d.raw_document()) for d in docs]
        for stage in STAGES:
            states = run_batch(stage, states, res, False)  # type: ignore[arg-type]
        for doc, state in zip(docs, states, strict=True):
            if not isinstance(state, ArticleState) or state.parsed is None:
                continue
            result = result_of(state)
            coded = dict(zip(result.events, system_coded(doc, result), strict=True))
            gold = gold_coded(doc)
            parsed = state.parsed
            for s in parsed.sentences:
                events = [e for e in result.events if e.sentence_index == s.index]
                span = parsed.doc.char_span(s.start, s.end, alignment_mode="expand")
                if len(events) < 2 or span is None:
                    continue
                kept = one_record_per_act(events, span, res.event_lexicon)
                lost = [e for e in events if e not in kept]
                sentences += bool(lost)
                for e in lost:
                    c = coded[e]
                    keys = {g.key for g in gold if g.sentence == c.sentence}
                    winner = next(k for k in kept if k.trigger_start != e.trigger_start
                                  or k.type != e.type) if kept else None
                    wkey = coded[winner].key if winner else None
                    verdict = ("both" if c.key in keys and wkey in keys else
                               "dropped" if c.key in keys else
                               "kept" if wkey in keys else "neither")
                    pair = f"{winner.type.value if winner else '-'}>{e.type.value}"
                    tally[(pair, verdict, "")] += 1
                    if args.show:
                        sys.stdout.write(
                            f"[{verdict}] keep {winner.type.value if winner else '-'} "
                            f"{winner.trigger_text if winner else ''!r} drop "
                            f"{e.type.value} {e.trigger_text!r} ({e.rule}) gold="
                            f"{sorted((k[0], tuple(k[1]), tuple(k[2])) for k in keys)}\n"
                            f"   {parsed.article.text[s.start:s.end][:240]}\n"
                        )
    sys.stdout.write(f"sentences with a resolved overlap: {sentences}\n")
    for (pair, verdict, _), n in sorted(tally.items()):
        sys.stdout.write(f"  {pair:22} gold {verdict:8} {n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
