"""Print the DEV-half PLOVER GSR sentences whose main event names no gold actor country.

Usage: .venv/bin/python scripts/gsr_actor_errors.py [--all] [--shared DIR]

For each sentence: the gold actor and recipient codes, the text, the gold markup, the
system's main event (most confident) and its other events with their actors' names and
codes, and every mention with its kind, code and sector. ``--all`` shows the agreeing
sentences too. The held-out half is never printed (it is only scored).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dyad.evaluation import event_gold
from dyad.evaluation.event_coding import run_raw
from dyad.evaluation.event_public import guess_from_events
from dyad.records import ArticleResult, Event, RawDocument
from dyad.resources import Resources


def _sides(event: Event, result: ArticleResult) -> str:
    actors = {a.actor_id: a for a in result.actors}

    def names(ids: tuple[str, ...]) -> list[str]:
        return [f"{actors[i].name}/{actors[i].code}" for i in ids]

    return (
        f"{event.type.value} {event.trigger_text!r} actor={names(event.actor_ids)} "
        f"recipient={names(event.recipient_ids)} conf={event.confidence:.2f}"
    )


def _show(item: event_gold.Item, result: ArticleResult, ok: bool) -> None:
    out = sys.stdout.write
    out(f"{item.key} {'OK' if ok else 'MISS'} gold {sorted(item.sources)} -> ")
    out(f"{sorted(item.targets)} {item.label}\n   {item.text}\n   gold: {item.spans}\n")
    events = sorted(result.events, key=lambda e: (-e.confidence, e.trigger_start))
    out("   NO EVENT\n" if not events else f"   top: {_sides(events[0], result)}\n")
    for event in events[1:]:
        out(f"   other: {_sides(event, result)}\n")
    actors = {a.actor_id: a for a in result.actors}
    for m in result.mentions:
        a = actors[m.actor_id]
        out(f"   m: {m.text!r} {a.kind.value}/{a.code}/{a.sector}\n")


def main() -> None:
    """Run the pipeline on the dev half and print its sentences that miss the actor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="agreeing sentences too")
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args()
    shared = args.shared or Path(os.environ.get("DYAD_SHARED", "../shared"))
    path = event_gold.gold_path(shared, "plover-gsr")
    items = [i for i in event_gold.read_plover_gsr(path) if i.sources]
    items = [i for i in items if event_gold.half_of(i.key) == "dev"]
    raws = (RawDocument(text=i.text, doc_id=i.key, published=i.date) for i in items)
    results = run_raw(raws, Resources())
    hits = 0
    for item in items:
        result = results[item.key]
        ok = bool(item.sources & guess_from_events(result).actors)
        hits += ok
        if args.all or not ok:
            _show(item, result, ok)
    sys.stdout.write(f"dev actor agreement {hits}/{len(items)}\n")


if __name__ == "__main__":
    main()
