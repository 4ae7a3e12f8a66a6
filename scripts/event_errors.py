"""Why gold events are missed, by class of language, on the DEV or a TRAIN split.

Usage: .venv/bin/python scripts/event_errors.py SPLIT [SPLIT ...] [--shared DIR]
       [--show CLASS] [--rules-only] [--false-positives]

SPLIT is ``dev`` or a train split (``train-a`` …); the frozen test split is refused.
Every gold event that no system event matches strictly (type + actor codes +
recipient codes in the annotator's sentence) gets one class:

- ``no-candidate/known`` | ``no-candidate/unknown``: no rule candidate and no site of
  the learned coder at the trigger; the trigger's lemma is (not) in the lexicon;
- ``model-dropped``: a rule candidate the learned coder rejected;
- ``said-clause``: the trigger is a verb of saying ("said X was responsible");
- ``wrong-type``: an event at the trigger, of another type;
- ``no-actor/<kind>`` | ``actor-code/<kind>`` | ``recipient/<kind>``: the trigger is an
  event or candidate of the right type, but a coded gold party is missing from the
  system's sides; ``<kind>`` is the gold party's words: ``pronoun``, ``description``
  (a common-noun head: "Iranian officials"), ``name``; ``no-actor`` when the system
  side had no coded actor at all, ``actor-code`` when it had another;
- ``other``: anything else (a recipient where none is annotated, …).

Prints a table of classes by count, and with ``--show`` the sentences of one class.

With ``--false-positives`` it also tallies the scored system events (coded, co-actors
merged as scoring merges them) that no gold event matches strictly, by system type and
reason:

- ``no-gold``: the annotator's sentence has no gold event at all;
- ``gold-uncoded``: the sentence's gold events all lack a coded side;
- ``wrong-type``: a coded gold event sits at the same trigger with another type;
- ``sides``: a coded gold event of the same type is in the sentence, codes differ
  (the same event is a miss too);
- ``elsewhere``: the sentence has coded gold events, none of this type or trigger.

``--show fp:REASON`` prints the sentences of one reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dyad.evaluation.event_coding import gold_coded, system_coded
from dyad.evaluation.event_corpus import (
    TEST_SPLITS,
    AnnotatedDoc,
    GoldEvent,
    load_split,
)
from dyad.evaluation.event_data import RawToClean
from dyad.evaluation.event_scoring import Coded, merge_co_actors
from dyad.pipeline import STAGES
from dyad.resources import Resources
from dyad.runner import ArticleState, result_of, run_batch
from dyad.settings import load_settings
from dyad.stages.events_features import find_sites
from dyad.stages.events_nominal import nominal_roles
from dyad.stages.events_parties import build_cast, verbal_roles
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import find_candidates


@dataclass(frozen=True)
class Miss:
    """One missed gold event and the class it falls in."""

    klass: str
    doc_id: str
    sentence: str
    event: GoldEvent
    detail: str


def _party_kind(tokens: Sequence[Token]) -> str:
    if not tokens:
        return "unaligned"
    heads = [t for t in tokens if t.head.i == t.i or t.head not in tokens]
    head = heads[0] if heads else tokens[-1]
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WDT"):
        return "pronoun"
    if head.pos_ == "PROPN":
        return "name"
    return "description"


def _tokens(doc: SpacySpan | object, mapper: RawToClean, start: int, end: int) -> list[Token]:
    span = mapper.span(start, end)
    if span is None:
        return []
    char = doc.char_span(span.start, span.end, alignment_mode="expand")  # type: ignore[attr-defined]
    return list(char) if char is not None else []


def _states(docs: Sequence[AnnotatedDoc], res: Resources) -> list[ArticleState]:
    outcomes: list[object] = [ArticleState(raw=d.raw_document()) for d in docs]
    for stage in STAGES:
        outcomes = run_batch(stage, outcomes, res, False)  # type: ignore[arg-type]
    return [o for o in outcomes if isinstance(o, ArticleState)]


def _strict_left(gold: list[Coded], system: list[Coded]) -> list[int]:
    """Return the indices of gold events no system event matches strictly."""
    pool = Counter((s.sentence, s.key) for s in system)
    left = []
    for i, g in enumerate(gold):
        k = (g.sentence, g.key)
        if pool[k] > 0:
            pool[k] -= 1
        else:
            left.append(i)
    return left


def classify_doc(doc: AnnotatedDoc, state: ArticleState, res: Resources) -> list[Miss]:
    """Return the missed gold events of one document with their classes."""
    result = result_of(state)
    parsed = state.parsed
    assert parsed is not None
    lexicon = res.event_lexicon
    model = res.event_model
    mapper = RawToClean(doc.text, result.article.text)
    cast = build_cast(parsed.doc, state.actors, state.mentions, lexicon)
    codes = {a.actor_id: a.code for a in state.actors}
    system = system_coded(doc, result)
    gold = gold_coded(doc)
    misses = _modality_misses(doc, gold, system)
    for i in _strict_left(gold, system):
        event = doc.events[i]
        klass, detail = _classify(event, gold[i], system, parsed.doc, mapper, cast, codes)
        if klass == "candidate":
            klass, detail = _candidate_class(event, parsed.doc, mapper, cast, lexicon, model)
        misses.append(Miss(klass, doc.doc_id, event.sentence.text, event, detail))
    return misses


def _modality_misses(doc: AnnotatedDoc, gold: list[Coded], system: list[Coded]) -> list[Miss]:
    """Return ``modality/<gold>-><system>`` and ``date`` entries for events found at
    their trigger with the right type but another modality or date."""
    out = []
    for event, g in zip(doc.events, gold, strict=True):
        t = event.trigger
        same = [
            s
            for s in system
            if s.sentence == g.sentence and s.type == g.type
            and t.start - 2 <= s.position < t.end + 2
        ]
        if same and same[0].modality != g.modality:
            klass = f"modality/{g.modality}->{same[0].modality}"
            out.append(Miss(klass, doc.doc_id, event.sentence.text, event, t.text))
        if same and same[0].date != g.date:
            detail = f"gold {g.date} sys {same[0].date} (published {doc.published})"
            out.append(Miss("date", doc.doc_id, event.sentence.text, event, detail))
    return out


def _classify(
    event: GoldEvent,
    gold: Coded,
    system: list[Coded],
    doc: object,
    mapper: RawToClean,
    cast: Cast,
    codes: dict[str, str | None],
) -> tuple[str, str]:
    trigger = event.trigger
    near = [
        s
        for s in system
        if s.sentence == gold.sentence and trigger.start - 2 <= s.position < trigger.end + 2
    ]
    same = [s for s in near if s.type == gold.type]
    if not near:
        return "candidate", ""
    if not same:
        return "wrong-type", f"sys {near[0].type}"
    best = same[0]
    for side, parties, found in (
        ("actor", event.actors, best.actors),
        ("recipient", event.recipients, best.recipients),
    ):
        for party in parties:
            if party.code and party.code not in found:
                tokens = _tokens(doc, mapper, party.span.start, party.span.end)
                kind = _party_kind(tokens) + _mentioned(tokens, party.code, cast)
                if side == "actor":
                    klass = "no-actor" if not found else "actor-code"
                else:
                    klass = "recipient"
                said = f"{party.span.text!r}={party.code} sys={sorted(found)}"
                return f"{klass}/{kind}", said
    return "other", f"sys a={sorted(best.actors)} r={sorted(best.recipients)}"


def _candidate_class(
    event: GoldEvent,
    doc: object,
    mapper: RawToClean,
    cast: Cast,
    lexicon: object,
    model: object,
) -> tuple[str, str]:
    tokens = _tokens(doc, mapper, event.trigger.start, event.trigger.end)
    if not tokens:
        return "unaligned", ""
    sent = tokens[0].sent
    inside = {t.i for t in tokens}
    rules = find_candidates(sent, lexicon, cast.by_token, cast.people)  # type: ignore[arg-type]
    hits = [c for c in rules if c.trigger.i in inside]
    sites = [s for s in find_sites(sent, rules, cast, lexicon) if s.trigger.i in inside]  # type: ignore[arg-type]
    lemmas = {t.lemma_.lower() for t in tokens}
    said = lemmas & set(lexicon.modality.speech_verbs)  # type: ignore[attr-defined]
    if said and not hits:
        return "said-clause", f"{sorted(said)}"
    if hits and model is not None:
        revised = model.revise(sent, rules, cast, lexicon)  # type: ignore[attr-defined]
        kept = [c for c in revised if c.trigger.i in inside]
        if not kept:
            return "model-dropped", hits[0].rule.type.value
        hits = kept
    if hits or sites:
        kind = _sides_kind(event, doc, mapper, cast)
        if not hits:
            return f"site-not-event/{kind}", "site"
        c = hits[0]
        roles = (nominal_roles if c.kind != "verb" else verbal_roles)(c, cast, lexicon)  # type: ignore[arg-type]
        coded = [cast.actors[a].code for a in roles.actors + roles.recipients]
        why = "roles-empty" if not coded else "roles-found"
        return f"dropped-{why}/{kind}", f"{c.rule.type.value} {c.kind} {coded}"
    known = lemmas & (set(lexicon.verbs) | set(lexicon.nouns))  # type: ignore[attr-defined]
    return ("no-candidate/known" if known else "no-candidate/unknown"), "/".join(
        sorted(lemmas)
    )


@dataclass(frozen=True)
class FalsePositive:
    """One scored system event that matches no gold event strictly."""

    reason: str
    type: str
    sentence: str
    detail: str


def false_positives(doc: AnnotatedDoc, state: ArticleState) -> list[FalsePositive]:
    """Return the scored system events of one document that no gold event matches."""
    result = result_of(state)
    every_gold = gold_coded(doc)
    gold = merge_co_actors(g for g in every_gold if g.coded)
    system = merge_co_actors(s for s in system_coded(doc, result) if s.coded)
    pool = Counter((g.sentence, g.key) for g in gold)
    out = []
    for s in system:
        k = (s.sentence, s.key)
        if pool[k] > 0:
            pool[k] -= 1
            continue
        here = [g for g in gold if g.sentence == s.sentence]
        near = [g for g in here if abs(g.position - s.position) <= 2]
        if not any(g.sentence == s.sentence for g in every_gold):
            reason = "no-gold"
        elif not here:
            reason = "gold-uncoded"
        elif near and all(g.type != s.type for g in near):
            reason = "wrong-type"
        elif any(g.type == s.type for g in here):
            reason = "sides"
        else:
            reason = "elsewhere"
        detail = f"a={sorted(s.actors)} r={sorted(s.recipients)} gold=" + ",".join(
            f"{g.type}{sorted(g.actors)}{sorted(g.recipients)}" for g in here
        )
        around = doc.text[max(0, s.position - 120) : s.position + 180]
        out.append(FalsePositive(reason, s.type, around.replace("\n", " "), detail))
    return out


def _write_false_positives(found: Sequence[FalsePositive], show: Sequence[str]) -> None:
    by_reason: dict[str, Counter[str]] = defaultdict(Counter)
    for fp in found:
        by_reason[fp.reason][fp.type] += 1
    types = Counter(fp.type for fp in found)
    sys.stdout.write(f"\nfalse positives {len(found)} (scored, no strict match)\n")
    for reason, counter in sorted(by_reason.items(), key=lambda kv: -sum(kv[1].values())):
        top = ", ".join(f"{t} {k}" for t, k in counter.most_common(5))
        sys.stdout.write(f"  fp:{reason:29} {sum(counter.values()):4}   {top}\n")
    listed = ", ".join(f"{t} {k}" for t, k in types.most_common())
    sys.stdout.write(f"  by type: {listed}\n")
    for fp in found:
        if any(("fp:" + fp.reason).startswith(s) for s in show):
            sys.stdout.write(f"\n[fp:{fp.reason}] {fp.type} {fp.detail}\n")
            sys.stdout.write(f"   …{fp.sentence}…\n")


def _mentioned(tokens: Sequence[Token], code: str, cast: Cast) -> str:
    """Say how the actors stage saw a gold party: coded right, otherwise, or not."""
    found = {cast.actors[cast.by_token[t.i]].code for t in tokens if t.i in cast.by_token}
    if not found:
        return "-unmentioned"
    if code in found:
        return "-attach"
    return "-uncoded" if found == {None} else "-othercode"


def _sides_kind(event: GoldEvent, doc: object, mapper: RawToClean, cast: Cast) -> str:
    for party in event.actors or event.recipients:
        if party.code:
            tokens = _tokens(doc, mapper, party.span.start, party.span.end)
            return _party_kind(tokens) + _mentioned(tokens, party.code, cast)
    return "uncoded"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--show", action="append", default=[])
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--false-positives", action="store_true")
    args = parser.parse_args(argv)
    if any(s in TEST_SPLITS for s in args.splits):
        sys.stderr.write("event_errors: the frozen test split is never listed\n")
        return 2
    settings = load_settings(None)
    if args.rules_only:
        settings = replace(settings, event_model=False)
    res = Resources(settings)
    misses: list[Miss] = []
    found: list[FalsePositive] = []
    total = 0
    for split in args.splits:
        docs = [d for d in load_split(args.shared, split) if not d.skip]
        total += sum(len(d.events) for d in docs)
        for doc, state in zip(docs, _states(docs, res), strict=True):
            misses.extend(classify_doc(doc, state, res))
            found.extend(false_positives(doc, state))
    counts = Counter(m.klass for m in misses)
    strict_misses = sum(
        1 for m in misses if not m.klass.startswith(("modality/", "date"))
    )
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for m in misses:
        by_type[m.klass][m.event.type.value] += 1
    sys.stdout.write(f"gold {total}, missed strictly {strict_misses}\n")
    for klass, n in counts.most_common():
        top = ", ".join(f"{t} {k}" for t, k in by_type[klass].most_common(4))
        sys.stdout.write(f"  {klass:32} {n:4}  {n / total:.3f}   {top}\n")
    for m in misses:
        if any(m.klass.startswith(s) for s in args.show):
            trigger = m.event.trigger.text
            sys.stdout.write(f"\n[{m.klass}] {m.event.type.value} {trigger!r} {m.detail}\n")
            sys.stdout.write(f"   {m.sentence[:300]}\n")
    if args.false_positives:
        _write_false_positives(found, args.show)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
