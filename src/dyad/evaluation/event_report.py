"""Scores and tables of our annotated event corpus, split by split, beside the baseline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dyad.evaluation.event_coding import baseline_coded, gold_coded, system_coded
from dyad.evaluation.event_corpus import AnnotatedDoc
from dyad.evaluation.event_scoring import EventScores, confusion_table, score
from dyad.records import ArticleResult


@dataclass
class SplitScores:
    """The system's and the baseline's scores on one split (and per corpus)."""

    docs: int = 0
    missing: int = 0  # documents that failed in the pipeline (they score nothing)
    system: EventScores = field(default_factory=EventScores)
    baseline: EventScores = field(default_factory=EventScores)
    by_corpus: dict[str, EventScores] = field(default_factory=dict)


def score_split(
    docs: Sequence[AnnotatedDoc],
    results: Mapping[str, ArticleResult],
    baseline_type: str,
    *,
    lower: bool = False,
) -> SplitScores:
    """Score every document of a split; a failed document counts its gold as missed."""
    out = SplitScores(docs=len(docs))
    for doc in docs:
        gold = gold_coded(doc)
        result = results.get(doc.doc_id)
        if result is None:
            out.missing += 1
            system, base = score(gold, []), score(gold, [])
        else:
            system = score(gold, system_coded(doc, result, lower=lower))
            base = score(gold, baseline_coded(doc, result, baseline_type, lower=lower))
        out.system.add(system)
        out.baseline.add(base)
        out.by_corpus.setdefault(doc.corpus or "?", EventScores()).add(system)
    return out


def _cells(s: EventScores) -> str:
    values = (*s.strict_prf, *s.type_prf)
    return f"{s.system:>5}" + "".join(f"{v:>7.3f}" for v in values)


def summary(rows: Sequence[tuple[str, SplitScores]], baseline_type: str) -> str:
    """Return the headline table: per split, system then baseline, strict and type-only."""
    head = (
        f"  {'split':<18}{'coder':<9}{'docs':>5}{'gold':>6}{'sys':>5}"
        f"{'P':>7}{'R':>7}{'F1':>7}{'type P':>7}{'type R':>7}{'typeF1':>7}"
        f"{'modal':>7}{'date':>7}"
    )
    lines = [
        "our corpus (eval/annotations/events-*.jsonl): strict = type + actor codes + "
        "recipient codes in the annotator's sentence; modality and date accuracy over "
        "type-matched events",
        f"  baseline: '{baseline_type}' (the train split's most frequent type) from the "
        "first to the second coded state of every sentence naming two",
        head,
    ]
    for name, s in rows:
        for coder, scores in (("system", s.system), ("baseline", s.baseline)):
            acc = f"{scores.modality_accuracy:>7.3f}{scores.date_accuracy:>7.3f}"
            lines.append(
                f"  {name:<18}{coder:<9}{s.docs:>5}{scores.gold:>6}{_cells(scores)}{acc}"
            )
        if s.missing:
            lines.append(f"  {name:<18}{s.missing} document(s) failed in the pipeline")
    return "\n".join(lines)


def by_corpus(rows: Sequence[tuple[str, SplitScores]]) -> str:
    """Return strict and type-only F1 of the system per source corpus of each split."""
    lines = ["our corpus by source (system): gold, strict F1, type-only F1"]
    for name, s in rows:
        cells = "   ".join(
            f"{corpus} {c.gold} {c.strict_prf[2]:.3f} {c.type_prf[2]:.3f}"
            for corpus, c in sorted(s.by_corpus.items())
        )
        lines.append(f"  {name:<18}{cells}")
    return "\n".join(lines)


def detail(name: str, s: SplitScores) -> str:
    """Return the per-type type-only P/R and the confusion matrix of one split."""
    lines = [f"our corpus, {name}: per type (system, type-only)"]
    lines.append(f"    {'type':<10}{'gold':>6}{'sys':>6}{'P':>7}{'R':>7}")
    for label, (p, r, gold, sys) in s.system.per_type().items():
        lines.append(f"    {label:<10}{gold:>6}{sys:>6}{p:>7.2f}{r:>7.2f}")
    lines.append(f"  confusion (system, {name}; NONE = no event in that sentence)")
    table = confusion_table(s.system.confusion)
    lines.extend("    " + row for row in table.splitlines())
    return "\n".join(lines)


def figures(name: str, s: SplitScores, *, lower: bool = False) -> dict[str, float]:
    """Return the headline figures of one split under ``corpus_<name>[_lower]_…`` keys.

    F1 rather than precision and recall, so that a floor does not stop a change that
    trades one for the other and gains; the lower-cased copy gives only its F1s.
    """
    tag = f"corpus_{name.replace('-', '_')}" + ("_lower" if lower else "")
    out = {
        f"{tag}_strict_f1": s.system.strict_prf[2],
        f"{tag}_type_f1": s.system.type_prf[2],
    }
    if lower:
        return out
    accuse = s.system.per_type().get("ACCUSE")
    out[f"{tag}_accuse_recall"] = accuse[1] if accuse else 0.0
    out[f"{tag}_modality_accuracy"] = s.system.modality_accuracy
    out[f"{tag}_date_accuracy"] = s.system.date_accuracy
    return out
