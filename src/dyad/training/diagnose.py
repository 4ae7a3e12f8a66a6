"""Where gold events are lost, on our dev and train splits only (never the test split).

``python -m dyad.training.diagnose [--split dev] [--split train-a …]`` runs the events
stage over the aligned documents (``event_data``) and sorts every scored gold event
(one with a coded side, co-actors merged as ``event_scoring`` merges them) into one
class, checked in this order:

- ``strict``: a system event of the sentence has the same type and code sets;
- ``roles:actors`` / ``roles:recipients`` / ``roles:both`` / ``roles:swapped``: one of
  the same type is there but a code set differs; ``+absent`` when some gold code is
  not among the actors the actors stage coded in the sentence (an actor-coding miss,
  not a role miss);
- ``type:at-trigger``: a system event on the trigger has another type;
  ``type:elsewhere``: no event on the trigger, one of another type in the sentence;
- ``lost:uncoded``: an event on the trigger whose sides carry no code;
- ``lost:no-actor``: a candidate the model kept (or the rules', without a model)
  dropped by the stage (no actor, too few participants);
- ``lost:model-no:rule`` / ``lost:model-no:site``: the model rejected the rules'
  candidate on the trigger, or (no rule fired there) the site it judged;
- ``lost:no-candidate``: no site and no rule candidate on the trigger.

System events that pair with no gold event are counted too (``spurious``: in a sentence
with no gold event; ``unmatched``: beside gold events).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.errors import DyadError
from dyad.evaluation.event_data import our_documents
from dyad.evaluation.event_scoring import Coded, EventScores, merge_co_actors, score
from dyad.stages.events import code_events
from dyad.stages.events_features import find_sites
from dyad.stages.events_parties import build_cast
from dyad.stages.events_triggers import find_candidates
from dyad.training.devscore import gold_coded, system_coded
from dyad.training.walk import Walked, walk

if TYPE_CHECKING:
    from dyad.resources import Resources

Spans = list[tuple[int, int]]


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


class _Doc:
    """What the stage did with one document: sites, kept candidates, events."""

    def __init__(self, walked: Walked, resources: Resources) -> None:
        lexicon, model = resources.event_lexicon, resources.event_model
        parsed = walked.parsed
        cast = build_cast(parsed.doc, walked.actors, walked.mentions, lexicon)
        self.sites: Spans = []
        self.rules: Spans = []
        self.kept: Spans = []
        self.codes_in: dict[int, set[str]] = {}
        codes = {a.actor_id: a.code for a in walked.actors}
        for _, sent in walked.sentences():
            rules = find_candidates(sent, lexicon, cast.by_token, cast.people)
            sites = [s.trigger for s in find_sites(sent, rules, cast, lexicon)]
            self.sites += [(t.idx, t.idx + len(t)) for t in sites]
            self.rules += [(c.trigger.idx, c.trigger.idx + len(c.trigger)) for c in rules]
            kept = model.revise(sent, rules, cast, lexicon) if model else rules
            for c in kept:
                for t in {c.trigger, c.anchor}:
                    self.kept.append((t.idx, t.idx + len(t)))
            found = {
                codes.get(cast.by_token[t.i]) for t in sent if t.i in cast.by_token
            }
            self.codes_in[sent.start_char] = {c for c in found if c}
        stage = code_events(
            parsed,
            walked.actors,
            walked.mentions,
            lexicon=lexicon,
            model=model,
            args=resources.arg_model,
        )
        self.events = stage.records
        self.codes = codes
        self.starts = sorted(self.codes_in)

    def available(self, start: int, end: int) -> set[str]:
        """Codes the actors stage found in the pipeline sentences over ``[start, end)``."""
        found: set[str] = set()
        for s in self.starts:
            if start <= s < end or (s <= start and not found):
                found |= self.codes_in[s]
        return found


def _system(walked: Walked, done: _Doc) -> tuple[list[Coded], list[Coded]]:
    """Return the system's coded events (co-actors merged), and its uncoded ones."""
    found = system_coded(walked, done.events)
    return merge_co_actors(s for s in found if s.coded), [
        s for s in found if not s.coded
    ]


def classify(
    walked: Walked, resources: Resources, scores: EventScores | None = None
) -> Counter[str]:
    """Return the class counts of one document's gold and system events.

    ``scores`` (when given) gets the document's strict and type-only counts added.
    """
    done = _Doc(walked, resources)
    if scores is not None:
        found = system_coded(walked, done.events)
        scores.add(score(gold_coded(walked.doc.events), found))
    events = walked.doc.events
    sentences = sorted({(e.sentence.start, e.sentence.end) for e in events})
    ends = dict(sentences)
    triggers = {e.trigger.start: e.trigger.end for e in events}
    golds = merge_co_actors(g for g in gold_coded(events) if g.coded)
    system, uncoded = _system(walked, done)
    out: Counter[str] = Counter()
    used: set[int] = set()
    for g in golds:
        mine = [s for s in system if s.sentence == g.sentence and id(s) not in used]
        end, sentence = triggers[g.position], int(str(g.sentence))
        hit = next((s for s in mine if s.key == g.key), None)
        same = [s for s in mine if s.type == g.type]
        if hit is not None:
            used.add(id(hit))
            out["strict"] += 1
        elif same:
            best = max(
                same,
                key=lambda s: (
                    len(s.actors & g.actors) + len(s.recipients & g.recipients)
                ),
            )
            used.add(id(best))
            cls = _roles(g, best)
            missing = (g.actors | g.recipients) - done.available(
                sentence, ends[sentence]
            )
            out[cls + ("+absent" if missing else "")] += 1
        else:
            cls = _lost(g, end, mine, uncoded, done)
            if cls == "lost:no-actor":
                missing = (g.actors | g.recipients) - done.available(
                    sentence, ends[sentence]
                )
                cls += "+absent" if missing else ""
            out[cls] += 1
    for s in system:
        if id(s) not in used:
            out["sys:spurious" if s.sentence not in ends else "sys:unmatched"] += 1
    return out


def _roles(g: Coded, s: Coded) -> str:
    if g.actors == s.recipients and g.recipients == s.actors:
        return "roles:swapped"
    if g.recipients == s.recipients:
        return "roles:actors"
    if g.actors == s.actors:
        return "roles:recipients"
    return "roles:both"


def _lost(
    g: Coded, end: int, mine: list[Coded], uncoded: list[Coded], done: _Doc
) -> str:
    at = [s for s in mine if g.position <= s.position < end]
    if at:
        return "type:at-trigger"
    if mine:
        return "type:elsewhere"
    if any(g.position <= s.position < end for s in uncoded):
        return "lost:uncoded"
    if _overlaps(done.kept, g.position, end):
        return "lost:no-actor"
    if _overlaps(done.rules, g.position, end):
        return "lost:model-no:rule"
    if _overlaps(done.sites, g.position, end):
        return "lost:model-no:site"
    return "lost:no-candidate"


def diagnose(
    shared: Path, resources: Resources, splits: Sequence[str]
) -> dict[str, Counter[str]]:
    """Return class counts by corpus (``wikinews``, ``wcep`` …) and ``all``.

    Raises:
        DyadError: the test split is asked for.
    """
    if "test" in splits:
        raise DyadError("the test split is frozen: diagnose dev and train splits only")
    docs = our_documents(shared, resources, splits)
    totals: dict[str, Counter[str]] = {"all": Counter()}
    scores = EventScores()
    for walked in walk(docs, resources):
        counts = classify(walked, resources, scores)
        corpus = walked.doc.doc_id.split("-")[0]
        totals["all"].update(counts)
        totals.setdefault(corpus, Counter()).update(counts)
    strict, typed = scores.strict_prf, scores.type_prf
    sys.stderr.write(
        f"gold {scores.gold} system {scores.system}  strict P/R/F1 "
        f"{strict[0]:.3f} {strict[1]:.3f} {strict[2]:.3f}  type-only "
        f"{typed[0]:.3f} {typed[1]:.3f} {typed[2]:.3f}\n"
    )
    return totals


def render(totals: dict[str, Counter[str]]) -> str:
    """Return the table: one row per class, one column per corpus."""
    columns = sorted(totals, key=lambda c: (c != "all", c))
    classes = sorted({k for c in totals.values() for k in c})
    gold = {
        c: sum(n for k, n in totals[c].items() if not k.startswith("sys:"))
        for c in columns
    }
    lines = [f"{'class':<26}" + "".join(f"{c:>16}" for c in columns)]
    for k in classes:
        cells = []
        for c in columns:
            n = totals[c][k]
            share = "" if k.startswith("sys:") else f" {n / max(gold[c], 1):4.0%}"
            cells.append(f"{n:>10}{share:>6}" if share else f"{n:>16}")
        lines.append(f"{k:<26}" + "".join(cells))
    lines.append(f"{'gold (scored)':<26}" + "".join(f"{gold[c]:>16}" for c in columns))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print where gold events are lost on dev/train splits (see the module doc)."""
    from dyad.resources import Resources
    from dyad.settings import Settings

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--split", action="append", help="dev or train-*; repeatable")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rules-only", action="store_true", help="no learned part")
    parser.add_argument("--rule-sides", action="store_true", help="no argument model")
    args = parser.parse_args(argv)
    from dataclasses import replace

    settings = replace(
        Settings(),
        event_model=not args.rules_only,
        arg_model=not (args.rules_only or args.rule_sides),
    )
    resources = Resources(settings)
    try:
        totals = diagnose(args.shared, resources, args.split or ["dev"])
    except DyadError as e:
        sys.stderr.write(f"error: {e}\n")
        return 2
    sys.stdout.write(render(totals) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
