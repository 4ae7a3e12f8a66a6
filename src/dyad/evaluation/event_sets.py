"""Public sets scored in the terms of our corpus (P/R/F1 beside the historical figures).

- ``plover-gsr``: each sentence's one gold record against all the system's events of
  the sentence, scored like the corpus (``event_scoring.score``: strict and type-only).
  Sentences often hold more events than the one record, so precision is a lower bound.
- ``case2021``: the snippet's ACLED type mapped to PLOVER (``data/eval/case2021-plover.yaml``;
  disasters expect no event, unmappable labels are left out) against the set of types the
  system finds in the snippet: type-set precision, recall, F1, and the accuracy of the
  main (most confident) event's type, ``NONE`` when there is none.
- ``ngec`` (with ``--full`` only; weak, synthetic): the type the story was generated for
  against the system's most frequent type, on the first ``NGEC_STORIES`` held-out stories.

Only the held-out halves feed the headline figures: the dev halves are training data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.evaluation import event_gold
from dyad.evaluation.event_gold import HALVES, NONE, Item, half_of
from dyad.evaluation.event_scoring import Coded, EventScores, prf, score
from dyad.records import ArticleResult

NGEC_STORIES = 300


@dataclass(frozen=True, slots=True)
class TypeSets:
    """Items of the sets scored here (``ngec`` empty unless asked for)."""

    plover: list[Item]
    case: list[Item]
    ngec: list[Item]

    def items(self) -> list[Item]:
        """Return every item not already among the historical sets (CASE and NGEC)."""
        return [*self.case, *self.ngec]


def read_sets(shared: Path, *, full: bool) -> TypeSets:
    """Read PLOVER GSR, CASE 2021 and (``full``) a held-out sample of NGEC."""
    path = event_gold.gold_path
    ngec: list[Item] = []
    if full:
        held = (i for i in event_gold.read_ngec(path(shared, "ngec")) if _held(i))
        ngec = [i for _, i in zip(range(NGEC_STORIES), held, strict=False)]
    return TypeSets(
        plover=event_gold.read_plover_gsr(path(shared, "plover-gsr")),
        case=event_gold.read_case2021(path(shared, "case2021")),
        ngec=ngec,
    )


def _held(item: Item) -> bool:
    return half_of(item.key) == "held-out"


def plover_scores(
    items: Sequence[Item], results: Mapping[str, ArticleResult]
) -> dict[str, EventScores]:
    """Return the corpus-style scores of PLOVER GSR by half."""
    out = {half: EventScores() for half in HALVES}
    for item in items:
        result = results.get(item.key)
        if result is None:
            continue
        gold = Coded(
            sentence=0, type=item.label, actors=item.sources, recipients=item.targets
        )
        out[half_of(item.key)].add(score([gold], _system(result)))
    return out


def _system(result: ArticleResult) -> list[Coded]:
    codes = {a.actor_id: a.code for a in result.actors}
    return [
        Coded(
            sentence=0,
            type=e.type.value,
            actors=frozenset(c for c in map(codes.get, e.actor_ids) if c),
            recipients=frozenset(c for c in map(codes.get, e.recipient_ids) if c),
            position=e.trigger_start,
        )
        for e in result.events
    ]


@dataclass
class TypeCounts:
    """Type-set counts and main-type accuracy over snippets or stories."""

    n: int = 0
    main_hits: int = 0
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, gold: str, found: Sequence[str], main: str) -> None:
        """Count one item: its gold type, the system's types, its main type."""
        types = set(found)
        self.n += 1
        self.main_hits += main == gold
        self.predicted += len(types)
        self.expected += gold != NONE
        self.tp += gold in types

    @property
    def accuracy(self) -> float:
        """Share of items whose main type is the gold type."""
        return self.main_hits / self.n if self.n else 0.0


def type_counts(
    items: Sequence[Item], results: Mapping[str, ArticleResult], *, main: str
) -> dict[str, TypeCounts]:
    """Count type sets by half; ``main`` is ``confident`` or ``frequent``."""
    out = {half: TypeCounts() for half in HALVES}
    for item in items:
        result = results.get(item.key)
        if result is None:
            continue
        types = [e.type.value for e in result.events]
        out[half_of(item.key)].add(item.label, types, _main(result, main))
    return out


def _main(result: ArticleResult, how: str) -> str:
    if not result.events:
        return NONE
    if how == "frequent":
        counts = Counter(e.type.value for e in result.events)
        return min(counts, key=lambda t: (-counts[t], t))
    top = max(result.events, key=lambda e: (e.confidence, -e.trigger_start))
    return top.type.value


def report(
    sets: TypeSets, results: Mapping[str, ArticleResult], figures: dict[str, float]
) -> list[str]:
    """Return the sections of the sets scored here; add held-out figures to ``figures``."""
    head = f"  {'half':<10}{'n':>6}{'P':>8}{'R':>8}{'F1':>8}"
    plover = plover_scores(sets.plover, results)
    lines = [
        "plover-gsr, scored like the corpus (one gold record per sentence)",
        head + f"{'type P':>8}{'type R':>8}{'type F1':>8}",
    ]
    for half, s in plover.items():
        cells = "".join(f"{v:>8.3f}" for v in (*s.strict_prf, *s.type_prf))
        lines.append(f"  {half:<10}{s.gold:>6}{cells}")
    held = plover["held-out"]
    figures["plover_strict_f1_heldout"] = held.strict_prf[2]
    figures["plover_type_f1_heldout"] = held.type_prf[2]
    sections = ["\n".join(lines)]
    for name, items, main in (
        ("case2021", sets.case, "confident"),
        ("ngec", sets.ngec, "frequent"),
    ):
        if items:
            sections.append(
                _type_section(name, type_counts(items, results, main=main), figures)
            )
    return sections


def _type_section(
    name: str, counts: Mapping[str, TypeCounts], figures: dict[str, float]
) -> str:
    title = {
        "case2021": "case2021 (snippet type mapped to PLOVER; type sets; main event)",
        "ngec": "ngec (synthetic stories, weak labels; most frequent type)",
    }[name]
    lines = [title, f"  {'half':<10}{'n':>6}{'P':>8}{'R':>8}{'F1':>8}{'main acc':>10}"]
    for half, c in counts.items():
        if not c.n:
            continue  # NGEC is only sampled from its held-out half
        p, r, f = prf(c.tp, c.predicted, c.expected)
        lines.append(
            f"  {half:<10}{c.n:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}{c.accuracy:>10.3f}"
        )
    held = counts["held-out"]
    figures[f"{name}_type_f1_heldout"] = prf(held.tp, held.predicted, held.expected)[2]
    figures[f"{name}_main_accuracy_heldout"] = held.accuracy
    return "\n".join(lines)
