"""The public gold sets' own figures, kept with the definitions they always had.

- ``plover-gsr``: PLOVER type accuracy of the main event of each sentence (the system's
  most confident event), and actor and recipient country agreement (any shared code);
- ``petr2-gsr`` and ``petrarch2-unittest`` (real actors only): CAMEO triple (source
  country, target country, code) precision, recall and F1, on the full code and on its
  two-digit root (a reciprocal event gives triples both ways);
- ``conflibert-cameo``: quad-class accuracy (test file; class 0, statements and
  appeals, is predicted when no event is found or the code's root is 01/02).

Each set is split by ``event_gold.half_of`` into a dev and a held-out half. The baseline
looks up the first trigger word of the sentence without the parse and takes the first
two actors mentioned as actor and recipient.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.evaluation import event_gold
from dyad.evaluation.event_gold import HALVES, NONE, Item, half_of
from dyad.evaluation.event_scoring import confusion_table, prf
from dyad.records import ArticleResult, Event

if TYPE_CHECKING:
    from dyad.knowledge.events import EventLexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SUFFIXES = ("", "s", "es", "ed", "d", "ing", "ies")


@dataclass(frozen=True, slots=True)
class Guess:
    """What a coder said about one sentence."""

    label: str = NONE
    quad: int = 0
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    triples: tuple[tuple[str, str, str], ...] = ()


# ---- coding: the system and the baseline ---------------------------------------------


def _codes_of(ids: Iterable[str], codes: Mapping[str, str | None]) -> frozenset[str]:
    return frozenset(c for c in (codes.get(i) for i in ids) if c)


def event_triples(
    event: Event, codes: Mapping[str, str | None]
) -> list[tuple[str, str, str]]:
    """Return the (source, target, cameo) triples of an event, reciprocal both ways."""
    sources = sorted(_codes_of(event.actor_ids, codes))
    targets = sorted(_codes_of(event.recipient_ids, codes))
    cameo = event.cameo or ""
    if targets:
        return [(s, t, cameo) for s in sources for t in targets if s != t]
    if len(sources) > 1:
        return [(s, t, cameo) for s in sources for t in sources if s != t]
    return [(s, "", cameo) for s in sources]


def quad_label(cameo: str | None, quad: int) -> int:
    """Return the class (0 to 4) of the conflibert set: 0 for CAMEO 01/02 statements."""
    if cameo is None:
        return 0
    return 0 if cameo[:2] in ("01", "02") else quad


def guess_from_events(result: ArticleResult) -> Guess:
    """Return the system's guess: the most confident event; triples of all events."""
    codes = {a.actor_id: a.code for a in result.actors}
    if not result.events:
        return Guess()
    top = max(result.events, key=lambda e: (e.confidence, -e.trigger_start))
    triples = tuple(t for e in result.events for t in event_triples(e, codes))
    return Guess(
        label=top.type.value,
        quad=quad_label(top.cameo, top.quad),
        actors=_codes_of(top.actor_ids, codes),
        recipients=_codes_of(top.recipient_ids, codes),
        triples=triples,
    )


def _lemma_candidates(word: str) -> Iterable[str]:
    lower = word.lower()
    for suffix in _SUFFIXES:
        if suffix and lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            yield stem
            yield stem + "e"
            if suffix == "ies":
                yield stem + "y"
        elif not suffix:
            yield lower


def guess_baseline(result: ArticleResult, lexicon: EventLexicon) -> Guess:
    """Return the baseline guess: first trigger word, first two actors mentioned."""
    codes = {a.actor_id: a.code for a in result.actors}
    ordered = [
        codes.get(m.actor_id) for m in sorted(result.mentions, key=lambda m: m.start)
    ]
    mentioned = list(dict.fromkeys(c for c in ordered if c))
    for word in _WORD.findall(result.article.text):
        for lemma in _lemma_candidates(word):
            rules = lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
            if rules:
                rule = rules[0]
                source = mentioned[0] if mentioned else ""
                target = mentioned[1] if len(mentioned) > 1 else ""
                return Guess(
                    label=rule.type.value,
                    quad=quad_label(rule.cameo, rule.quad),
                    actors=frozenset(mentioned[:1]),
                    recipients=frozenset(mentioned[1:2]),
                    triples=((source, target, rule.cameo),) if source else (),
                )
    return Guess()


# ---- scores --------------------------------------------------------------------------


@dataclass
class Scores:
    """Counts for one coder on one half of one set."""

    n: int = 0
    correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    actor_hits: int = 0
    actor_n: int = 0
    coded_hits: int = 0  # actor agreement where the guess names a coded actor at all
    coded_n: int = 0
    recipient_hits: int = 0
    recipient_n: int = 0
    tp: int = 0
    tp_root: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


def score_label(scores: Scores, gold: str, guessed: str) -> None:
    """Count one single-label decision (type or quad class)."""
    scores.n += 1
    scores.correct += gold == guessed
    scores.confusion[(gold, guessed)] += 1


def score_roles(scores: Scores, item: Item, guess: Guess) -> None:
    """Count actor and recipient country agreement (any shared code counts)."""
    if item.sources:
        scores.actor_n += 1
        scores.actor_hits += bool(item.sources & guess.actors)
        if guess.actors:
            scores.coded_n += 1
            scores.coded_hits += bool(item.sources & guess.actors)
    if item.targets:
        scores.recipient_n += 1
        scores.recipient_hits += bool(item.targets & guess.recipients)


def _matches(
    gold: Sequence[tuple[str, ...]], guessed: Sequence[tuple[str, ...]]
) -> int:
    left = Counter(gold)
    hits = 0
    for triple in guessed:
        if left[triple] > 0:
            left[triple] -= 1
            hits += 1
    return hits


def score_triples(scores: Scores, item: Item, guess: Guess) -> None:
    """Count triple matches, on the full CAMEO code and on its two-digit root."""
    guessed = list(dict.fromkeys(guess.triples))
    scores.n += 1
    scores.predicted += len(guessed)
    scores.expected += len(item.triples)
    scores.tp += _matches(item.triples, guessed)
    scores.tp_root += _matches(
        [(s, t, c[:2]) for s, t, c in item.triples],
        [(s, t, c[:2]) for s, t, c in guessed],
    )


def per_label(
    confusion: Mapping[tuple[str, str], int],
) -> dict[str, tuple[float, float, float, int]]:
    """Return label → (precision, recall, F1, support) from a confusion counter."""
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion})
    table = {}
    for label in labels:
        tp = confusion.get((label, label), 0)
        predicted = sum(v for (_, p), v in confusion.items() if p == label)
        support = sum(v for (g, _), v in confusion.items() if g == label)
        table[label] = (*prf(tp, predicted, support), support)
    return table


# ---- running -------------------------------------------------------------------------


def _both(
    items: Sequence[Item],
    results: Mapping[str, ArticleResult],
    lexicon: EventLexicon,
    score: str,
) -> dict[tuple[str, str], Scores]:
    table: dict[tuple[str, str], Scores] = {}
    for item in items:
        result = results.get(item.key)
        if result is None:
            continue
        for coder, guess in (
            ("system", guess_from_events(result)),
            ("baseline", guess_baseline(result, lexicon)),
        ):
            scores = table.setdefault((coder, half_of(item.key)), Scores())
            if score == "type":
                score_label(scores, item.label, guess.label)
                score_roles(scores, item, guess)
            elif score == "quad":
                score_label(scores, item.label, str(guess.quad))
            else:
                score_triples(scores, item, guess)
    return table


def _line(name: str, values: Sequence[float]) -> str:
    return f"  {name:<34}" + "".join(f"{v:>10.3f}" for v in values)


def _header() -> str:
    cols = ["sys dev", "sys held", "base dev", "base held"]  # HALVES per coder
    return "  " + " " * 34 + "".join(f"{c:>10}" for c in cols)


def _report_type(
    table: Mapping[tuple[str, str], Scores], figures: dict[str, float]
) -> str:
    keys = [(c, h) for c in ("system", "baseline") for h in HALVES]
    get = [table.get(k, Scores()) for k in keys]
    lines = [
        "plover-gsr (PLOVER type of the main event; actor/recipient countries)",
        _header(),
        _line("type accuracy", [s.accuracy for s in get]),
        _line(
            "actor country agreement",
            [s.actor_hits / s.actor_n if s.actor_n else 0 for s in get],
        ),
        _line(
            "  where an actor was coded",
            [s.coded_hits / s.coded_n if s.coded_n else 0 for s in get],
        ),
        _line(
            "recipient country agreement",
            [s.recipient_hits / s.recipient_n if s.recipient_n else 0 for s in get],
        ),
        f"  sentences: {get[0].n} dev, {get[1].n} held-out",
    ]
    for (coder, half), s in zip(keys, get, strict=True):
        if coder == "system":
            tag = half.replace("-", "")
            figures[f"plover_type_accuracy_{tag}"] = s.accuracy
            figures[f"plover_actor_agreement_{tag}"] = s.actor_hits / max(s.actor_n, 1)
            figures[f"plover_recipient_agreement_{tag}"] = s.recipient_hits / max(
                s.recipient_n, 1
            )
    for half in HALVES:
        merged = table.get(("system", half), Scores())
        lines.append(f"  per-type P/R/F1 (system, {half}):")
        for label, (p, r, f, n) in per_label(merged.confusion).items():
            lines.append(f"    {label:<10} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  n {n}")
        lines.append(f"  confusion (system, {half}):")
        lines.extend(
            "    " + row for row in confusion_table(merged.confusion).splitlines()
        )
    return "\n".join(lines)


def _report_quad(
    table: Mapping[tuple[str, str], Scores], figures: dict[str, float]
) -> str:
    get = [table.get((c, h), Scores()) for c in ("system", "baseline") for h in HALVES]
    for half, s in zip(HALVES, get[:2], strict=True):
        figures[f"conflibert_quad_accuracy_{half.replace('-', '')}"] = s.accuracy
    lines = [
        "conflibert-cameo (quad class 0-4 of the main event)",
        _header(),
        _line("quad accuracy", [s.accuracy for s in get]),
    ]
    lines.append("  confusion (system, dev+held-out):")
    merged = get[0].confusion + get[1].confusion
    lines.extend("    " + row for row in confusion_table(merged).splitlines())
    return "\n".join(lines)


def _report_triples(
    name: str, table: Mapping[tuple[str, str], Scores], figures: dict[str, float]
) -> str:
    get = [table.get((c, h), Scores()) for c in ("system", "baseline") for h in HALVES]
    full = [prf(s.tp, s.predicted, s.expected) for s in get]
    root = [prf(s.tp_root, s.predicted, s.expected) for s in get]
    for half, values in zip(HALVES, root[:2], strict=True):
        figures[f"{name.split('-')[0]}_triple_f1_root_{half.replace('-', '')}"] = (
            values[2]
        )
    return "\n".join(
        [
            f"{name} (source, target, CAMEO triples)",
            _header(),
            _line("precision (full code)", [v[0] for v in full]),
            _line("recall (full code)", [v[1] for v in full]),
            _line("F1 (full code)", [v[2] for v in full]),
            _line("precision (code root)", [v[0] for v in root]),
            _line("recall (code root)", [v[1] for v in root]),
            _line("F1 (code root)", [v[2] for v in root]),
            f"  sentences: {get[0].n} dev, {get[1].n} held-out",
        ]
    )


@dataclass(frozen=True, slots=True)
class PublicSets:
    """The items of the four public sets scored with their historical definitions."""

    plover: list[Item]
    petr2: list[Item]
    quads: list[Item]
    unit: list[Item]

    def items(self) -> list[Item]:
        """Return every item, in set order (the pipeline input)."""
        return [*self.plover, *self.petr2, *self.quads, *self.unit]


def read_sets(shared: Path) -> PublicSets:
    """Read the four sets from ``shared/eval/gold``."""
    names = event_gold.country_names()
    unit = event_gold.read_triples(event_gold.gold_path(shared, "petrarch2-unittest"))
    return PublicSets(
        plover=event_gold.read_plover_gsr(event_gold.gold_path(shared, "plover-gsr")),
        petr2=event_gold.read_triples(event_gold.gold_path(shared, "petr2-gsr")),
        quads=event_gold.read_conflibert(
            event_gold.gold_path(shared, "conflibert-test")
        ),
        unit=[i for i in unit if event_gold.has_real_actors(i, names)],
    )


def report(
    sets: PublicSets,
    results: Mapping[str, ArticleResult],
    lexicon: EventLexicon,
    figures: dict[str, float],
) -> list[str]:
    """Return the four sets' sections, adding their headline figures to ``figures``."""
    return [
        _report_type(_both(sets.plover, results, lexicon, "type"), figures),
        _report_triples(
            "petr2-gsr", _both(sets.petr2, results, lexicon, "triples"), figures
        ),
        _report_quad(_both(sets.quads, results, lexicon, "quad"), figures),
        _report_triples(
            "petrarch2-unittest (real actors)",
            _both(sets.unit, results, lexicon, "triples"),
            figures,
        ),
    ]
