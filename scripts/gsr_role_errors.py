"""Print DEV-half PLOVER GSR sentences whose main event has the right type but the wrong
recipient (or actor) country.

Usage: .venv/bin/python scripts/gsr_role_errors.py [--role recipient|actor] [--any-type]
       [--all] [--shared DIR]

A sentence is listed when the gold gives codes for the role, the system's main event
(most confident) has the gold type (``--any-type``: any type) and shares no code with the
gold on that role; ``--all`` lists the agreeing sentences too, marked OK (``--role actor
--any-type --all`` shows every sentence's actor). Each listing gives the gold codes and
markup, the main and other system events with their parties, and the mentions. The
held-out half is never printed.
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
    out(f"{sorted(item.targets)} {item.label}")
    out(f"\n   {item.text}\n   gold: {item.spans}\n")
    events = sorted(result.events, key=lambda e: (-e.confidence, e.trigger_start))
    out("   NO EVENT\n" if not events else f"   top: {_sides(events[0], result)}\n")
    for event in events[1:]:
        out(f"   other: {_sides(event, result)}\n")
    actors = {a.actor_id: a for a in result.actors}
    for m in result.mentions:
        a = actors[m.actor_id]
        out(f"   m: {m.text!r} {a.kind.value}/{a.code}/{a.sector}\n")


def main() -> None:
    """Run the pipeline on the dev half and print its role disagreements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--role", choices=("recipient", "actor"), default="recipient")
    parser.add_argument("--any-type", action="store_true", help="wrong types too")
    parser.add_argument("--all", action="store_true", help="agreeing sentences too")
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args()
    shared = args.shared or Path(os.environ.get("DYAD_SHARED", "../shared"))
    path = event_gold.gold_path(shared, "plover-gsr")
    items = [i for i in event_gold.read_plover_gsr(path) if i.sources or i.targets]
    items = [i for i in items if event_gold.half_of(i.key) == "dev"]
    raws = (RawDocument(text=i.text, doc_id=i.key, published=i.date) for i in items)
    results = run_raw(raws, Resources())
    counts = {"typed": 0, "agree": 0, "empty": 0, "listed": 0}
    for item in items:
        gold = item.targets if args.role == "recipient" else item.sources
        if not gold:
            continue
        result = results[item.key]
        guess = guess_from_events(result)
        if not args.any_type and guess.label != item.label:
            continue
        counts["typed"] += 1
        ours = guess.recipients if args.role == "recipient" else guess.actors
        if gold & ours:
            counts["agree"] += 1
            if args.all:
                _show(item, result, True)
            continue
        counts["empty"] += not ours
        counts["listed"] += 1
        _show(item, result, False)
    sys.stdout.write(f"dev {args.role}: {counts}\n")


if __name__ == "__main__":
    main()
