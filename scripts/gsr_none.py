"""Why DEV-half PLOVER GSR sentences with a gold event get no system event at all.

Usage: .venv/bin/python scripts/gsr_none.py [--shared DIR] [--all-words]

For each dev-half sentence whose gold label is an event but whose system output has
none, it prints the gold label and markup, the mentions (kind/code/sector), and for the
gold event words (``EVT`` markup) one class:

- ``no-site/unknown``: no rule candidate, no model site, lemma not in the lexicon;
- ``no-site/known``: no candidate or site although the lemma is in the lexicon;
- ``site-not-event``: a model site (no rule) the model judged NONE;
- ``model-dropped``: a rule candidate the model rejected;
- ``kept-no-roles``: a candidate kept, but no event came out (roles empty or filtered).

A table of classes by gold label ends the listing. The held-out half is never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Span, Token

from dyad.evaluation import event_gold
from dyad.pipeline import STAGES
from dyad.records import RawDocument
from dyad.resources import Resources
from dyad.runner import ArticleState, result_of, run_batch
from dyad.stages.events_features import find_sites
from dyad.stages.events_parties import build_cast
from dyad.stages.events_triggers import find_candidates


def _states(raws: list[RawDocument], res: Resources) -> list[ArticleState]:
    outcomes: list[object] = [ArticleState(raw=r) for r in raws]
    for stage in STAGES:
        outcomes = run_batch(stage, outcomes, res, False)  # type: ignore[arg-type]
    return [o for o in outcomes if isinstance(o, ArticleState)]


def _event_words(sent: Span, spans: tuple[tuple[str, str], ...]) -> list[Token]:
    words = {w.lower() for role, text in spans if role == "EVT" for w in text.split()}
    return [t for t in sent if t.lower_ in words]


def _word_class(token: Token, state: ArticleState, res: Resources) -> str:
    parsed = state.parsed
    assert parsed is not None
    lexicon = res.event_lexicon
    cast = build_cast(parsed.doc, state.actors, state.mentions, lexicon)
    sent = token.sent
    rules = find_candidates(sent, lexicon, cast.by_token, cast.people)
    hit = any(c.trigger.i == token.i for c in rules)
    site = any(s.trigger.i == token.i for s in find_sites(sent, rules, cast, lexicon))
    if res.event_model is not None and (hit or site):
        kept = res.event_model.revise(sent, rules, cast, lexicon)
        if not any(c.trigger.i == token.i for c in kept):
            return "model-dropped" if hit else "site-not-event"
        return "kept-no-roles"
    if hit:
        return "kept-no-roles"
    lemma = token.lemma_.lower()
    known = lemma in lexicon.verbs or lemma in lexicon.nouns
    return "no-site/known" if known else "no-site/unknown"


def _describe(token: Token) -> str:
    kids = ",".join(f"{c.dep_}:{c.lower_}" for c in token.children)
    head = token.head.lemma_
    return f"{token.text}/{token.lemma_}/{token.pos_}/{token.dep_}<-{head} [{kids}]"


def main() -> None:
    """List the dev-half GSR sentences with a gold event and no system event."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args()
    shared = args.shared or Path(os.environ.get("DYAD_SHARED", "../shared"))
    path = event_gold.gold_path(shared, "plover-gsr")
    items = [i for i in event_gold.read_plover_gsr(path) if i.label != event_gold.NONE]
    items = [i for i in items if event_gold.half_of(i.key) == "dev"]
    raws = [RawDocument(text=i.text, doc_id=i.key, published=i.date) for i in items]
    res = Resources()
    table: Counter[tuple[str, str]] = Counter()
    out = sys.stdout.write
    for item, state in zip(items, _states(raws, res), strict=True):
        result = result_of(state)
        if result.events or state.parsed is None:
            continue
        sides = f"{sorted(item.sources)} -> {sorted(item.targets)}"
        out(f"\n{item.key} gold {item.label} {sides}\n")
        out(f"   {item.text}\n   markup: {item.spans}\n")
        actors = {a.actor_id: a for a in result.actors}
        for m in result.mentions:
            a = actors[m.actor_id]
            out(f"   m: {m.text!r} {a.kind.value}/{a.code}/{a.sector}\n")
        classes = []
        for sent in state.parsed.doc.sents:
            for token in _event_words(sent, item.spans):
                klass = _word_class(token, state, res)
                classes.append(klass)
                out(f"   EVT {klass}: {_describe(token)}\n")
        table[(classes[0] if classes else "no-evt-word", item.label)] += 1
    out("\nclass / gold label / count\n")
    for (klass, label), n in table.most_common():
        out(f"  {klass:18} {label:10} {n}\n")


if __name__ == "__main__":
    main()
