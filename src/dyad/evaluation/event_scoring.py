"""Scoring coded events against gold events, sentence by sentence.

Both sides are first reduced to ``Coded`` events: a sentence key, a PLOVER type, the set
of actor codes and the set of recipient codes (uncoded parties dropped), a modality and
a date. A system event whose two sides are both uncoded is left out (the guidelines keep
an event only when one side is coded). Then, in each sentence:

- **co-actors merge**: events of the same type with the same non-empty recipient set
  become one event whose actors are the union ("Australia, Canada and the Netherlands
  provided support to X" is one gold record with three actors; a coder that writes one
  event per actor scores the same). Reciprocal events (no recipient, every party among
  the actors) are kept as they are, so a one-sided event coded as a reciprocal one among
  its co-actors does not match;
- **strict** pairs: same type, same actor code set, same recipient code set;
- **type-only** pairs: same type (strict pairs first, then the rest of that type, the
  pair sharing most codes first);
- the **confusion** counts every pair (gold type, system type) of the sentence: type
  pairs on the diagonal, then leftovers paired in text order, then ``NONE`` for what is
  left on either side;
- **modality** and **date** accuracy are over the type-only pairs (a date matches when
  the two ISO strings are equal, both ``None`` included).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

NONE = "NONE"


@dataclass(frozen=True, slots=True, kw_only=True)
class Coded:
    """One event as scoring sees it; ``position`` orders events inside a sentence."""

    sentence: Hashable
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    modality: str = "asserted"
    date: str | None = None
    position: int = 0

    @property
    def coded(self) -> bool:
        """Whether at least one side carries a code."""
        return bool(self.actors or self.recipients)

    @property
    def key(self) -> tuple[str, frozenset[str], frozenset[str]]:
        """What a strict match compares."""
        return self.type, self.actors, self.recipients


@dataclass
class EventScores:
    """Counts of one coder over a set of documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    typed: int = 0
    modality_hits: int = 0
    date_hits: int = 0
    gold_types: Counter[str] = field(default_factory=Counter)
    system_types: Counter[str] = field(default_factory=Counter)
    typed_types: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: EventScores) -> None:
        """Add ``other``'s counts to these."""
        for name in ("gold", "system", "strict", "typed", "modality_hits", "date_hits"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("gold_types", "system_types", "typed_types", "confusion"):
            getattr(self, name).update(getattr(other, name))

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        """Strict precision, recall and F1."""
        return prf(self.strict, self.system, self.gold)

    @property
    def type_prf(self) -> tuple[float, float, float]:
        """Type-only precision, recall and F1."""
        return prf(self.typed, self.system, self.gold)

    @property
    def modality_accuracy(self) -> float:
        """Share of type-matched pairs whose modality agrees."""
        return self.modality_hits / self.typed if self.typed else 0.0

    @property
    def date_accuracy(self) -> float:
        """Share of type-matched pairs whose date agrees."""
        return self.date_hits / self.typed if self.typed else 0.0

    def per_type(self) -> dict[str, tuple[float, float, int, int]]:
        """Return type → (type-only precision, recall, gold count, system count)."""
        types = sorted(set(self.gold_types) | set(self.system_types))
        out = {}
        for t in types:
            p, r, _ = prf(self.typed_types[t], self.system_types[t], self.gold_types[t])
            out[t] = (p, r, self.gold_types[t], self.system_types[t])
        return out


def prf(tp: int, predicted: int, expected: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 from counts (0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / expected if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def merge_co_actors(events: Iterable[Coded]) -> list[Coded]:
    """Merge one-sided events of a sentence that share type and recipients; drop repeats."""
    merged: dict[tuple[Hashable, ...], Coded] = {}
    for event in sorted(events, key=lambda e: e.position):
        if event.recipients:
            key: tuple[Hashable, ...] = (event.sentence, event.type, event.recipients)
        else:
            key = (event.sentence, *event.key)
        first = merged.get(key)
        if first is None:
            merged[key] = event
        else:
            merged[key] = replace(first, actors=first.actors | event.actors)
    return sorted(merged.values(), key=lambda e: e.position)


def score(gold: Iterable[Coded], system: Iterable[Coded]) -> EventScores:
    """Score ``system`` against ``gold`` (both of the same document or set)."""
    golds = merge_co_actors(g for g in gold if g.coded)
    systems = merge_co_actors(s for s in system if s.coded)
    by_sentence: dict[Hashable, tuple[list[Coded], list[Coded]]] = defaultdict(
        lambda: ([], [])
    )
    for g in golds:
        by_sentence[g.sentence][0].append(g)
    for s in systems:
        by_sentence[s.sentence][1].append(s)
    scores = EventScores()
    for gs, ss in by_sentence.values():
        scores.add(_score_sentence(gs, ss))
    return scores


def _score_sentence(gold: list[Coded], system: list[Coded]) -> EventScores:
    scores = EventScores(gold=len(gold), system=len(system))
    scores.gold_types.update(g.type for g in gold)
    scores.system_types.update(s.type for s in system)
    strict = _pair(gold, system, lambda g, s: g.key == s.key)
    scores.strict = len(strict)
    rest_g = [g for g in gold if all(g is not p[0] for p in strict)]
    rest_s = [s for s in system if all(s is not p[1] for p in strict)]
    typed = strict + _pair(rest_g, rest_s, lambda g, s: g.type == s.type, _shared)
    scores.typed = len(typed)
    scores.typed_types.update(g.type for g, _ in typed)
    scores.modality_hits = sum(g.modality == s.modality for g, s in typed)
    scores.date_hits = sum(g.date == s.date for g, s in typed)
    scores.confusion.update((g.type, s.type) for g, s in typed)
    left_g = [g for g in gold if all(g is not p[0] for p in typed)]
    left_s = [s for s in system if all(s is not p[1] for p in typed)]
    for g, s in zip(left_g, left_s, strict=False):
        scores.confusion[(g.type, s.type)] += 1
    for g in left_g[len(left_s) :]:
        scores.confusion[(g.type, NONE)] += 1
    for s in left_s[len(left_g) :]:
        scores.confusion[(NONE, s.type)] += 1
    return scores


def _shared(g: Coded, s: Coded) -> int:
    return len(g.actors & s.actors) + len(g.recipients & s.recipients)


def _no_preference(g: Coded, s: Coded) -> int:
    return 0


def _pair(
    gold: Sequence[Coded],
    system: Sequence[Coded],
    fits: Callable[[Coded, Coded], bool],
    near: Callable[[Coded, Coded], int] = _no_preference,
) -> list[tuple[Coded, Coded]]:
    """Pair fitting events one to one: closest first, then nearest in the text."""
    candidates = sorted(
        (-near(g, s), abs(g.position - s.position), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if fits(g, s)
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


def most_frequent_type(events: Iterable[Coded]) -> str:
    """Return the most frequent type (ties by name), or ACCUSE when there is none."""
    counts = Counter(e.type for e in events)
    if not counts:
        return "ACCUSE"
    return min(counts, key=lambda t: (-counts[t], t))


def confusion_table(confusion: Mapping[tuple[str, str], int]) -> str:
    """Render a gold by predicted table (rows gold, columns predicted, ``.`` for 0)."""
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion})
    lines = ["gold\\sys   " + " ".join(f"{label[:5]:>5}" for label in labels)]
    for gold in labels:
        cells = " ".join(f"{confusion.get((gold, p), 0) or '.':>5}" for p in labels)
        lines.append(f"{gold[:10]:<10} {cells}")
    return "\n".join(lines)
