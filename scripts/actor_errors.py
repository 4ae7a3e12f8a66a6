"""Print the actors suite's errors on the DEV split, grouped by class.

Usage: .venv/bin/python scripts/actor_errors.py [--lower] [--shared DIR] [--class NAME]

Classes: ``false-positive`` (a coded system mention no gold mention overlaps),
``wrong-code`` (paired, codes differ), ``miss`` (a coded gold actor no system mention
pairs with), ``uncoded`` (paired, the system gave no code), ``wrong-sector`` (paired,
the gold has a sector, the system's differs). Each line shows the gold kind, the text
and both codes and sectors. The frozen test split is never read here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

from dyad.evaluation.actors import Doc, Item, _lowered, load_docs, system_items
from dyad.evaluation.annotated import match_spans
from dyad.resources import Resources


def classify(doc: Doc, system: list[Item]) -> dict[str, list[str]]:
    """Return the error lines of one document by class."""
    pairs = match_spans(
        doc.gold, system, lambda g: (g.start, g.end), lambda s: (s.start, s.end)
    )
    paired = {id(s) for _, s in pairs}
    out: dict[str, list[str]] = defaultdict(list)

    def span(item: Item) -> str:
        return doc.text[item.start : item.end].replace("\n", " ")

    def ctx(item: Item) -> str:
        left = doc.text[max(0, item.start - 40) : item.start].replace("\n", " ")
        right = doc.text[item.end : item.end + 30].replace("\n", " ")
        return f"…{left}[{span(item)}]{right}…"

    for g, s in pairs:
        if g.kind == "place":
            continue
        sys_s = f"sys {s.kind}/{s.code}/{s.sector} {span(s)!r}"
        gold_s = f"gold {g.kind}/{g.code}/{g.sector}"
        if g.code and s.code and g.code != s.code:
            out["wrong-code"].append(f"{gold_s} {sys_s} {ctx(g)}")
        elif g.code and not s.code:
            out["uncoded"].append(f"{gold_s} {sys_s} {ctx(g)}")
        if g.sector and g.sector != s.sector:
            out["wrong-sector"].append(f"{gold_s} {sys_s} {ctx(g)}")
    gold_paired = {id(g) for g, _ in pairs}
    for g in doc.gold:
        if g.kind != "place" and g.code and id(g) not in gold_paired:
            out["miss"].append(f"gold {g.kind}/{g.code}/{g.sector} {ctx(g)}")
    for s in system:
        if s.code and id(s) not in paired:
            out["false-positive"].append(f"sys {s.kind}/{s.code}/{s.sector} {ctx(s)}")
    for g, s in pairs:
        if g.kind == "place" and s.code:
            out["place-as-actor"].append(
                f"gold place/{g.code} sys {s.kind}/{s.code}/{s.sector} {ctx(g)}"
            )
    return out


def main() -> None:
    """Run the pipeline on the dev documents and print their errors by class."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lower", action="store_true", help="lower-cased copies")
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--class", dest="only", default=None)
    args = parser.parse_args()
    shared = args.shared or Path(os.environ.get("DYAD_SHARED", "../shared"))
    docs = [d for d in load_docs(shared) if d.split == "dev"]
    if args.lower:
        docs = [_lowered(d) for d in docs]
    ours = system_items(docs, Resources())
    grouped: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for name, lines in classify(doc, ours[doc.doc_id]).items():
            grouped[name].extend(f"{doc.doc_id[:18]} {line}" for line in lines)
    for name in sorted(grouped):
        if args.only and name != args.only:
            continue
        sys.stdout.write(f"== {name} ({len(grouped[name])})\n")
        for line in grouped[name]:
            sys.stdout.write(f"  {line}\n")


if __name__ == "__main__":
    main()
