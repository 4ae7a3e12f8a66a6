"""The events suite: how well the event coder does, on our corpus and the public sets.

``dyad eval --suite events`` runs the whole pipeline (through the runner) over:

1. our annotated corpus (``event_corpus``): the frozen ``test`` split, cased and
   lower-cased, and ``dev`` (and, with ``--full``, the train splits, which a learned
   coder has seen): strict and type-only P/R/F1, modality and date accuracy, per-type
   P/R and the confusion matrix, beside a plain baseline (``event_coding``), scored as
   ``event_scoring`` describes;
2. the public sets with their historical figures (``event_public``): PLOVER GSR type
   accuracy and actor/recipient agreement, PETR-2 and PETRARCH-2 triple F1, ConfliBERT
   quad accuracy, each on a dev and a held-out half;
3. the public sets in the corpus's terms (``event_sets``): PLOVER GSR strict and
   type-only P/R/F1, CASE 2021 type P/R/F1, and with ``--full`` the synthetic NGEC stories.

The headline figures (``figures``) are the test split's and the public sets'; they are
what ``eval/baseline.json`` pins. Dev and train figures are printed, not pinned (their
annotations still grow).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dyad.evaluation import (
    SuiteReport,
    event_corpus,
    event_public,
    event_report,
    event_sets,
)
from dyad.evaluation.event_coding import gold_coded, run_documents, run_raw
from dyad.evaluation.event_corpus import AnnotatedDoc
from dyad.evaluation.event_scoring import most_frequent_type
from dyad.records import RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources


def corpus_groups(
    shared: Path, *, full: bool, folder: Path = event_corpus.ANNOTATIONS
) -> tuple[dict[str, list[AnnotatedDoc]], str]:
    """Return the scored groups of our corpus and the baseline's type.

    Groups: ``test``, ``dev`` and (``full``) ``train`` (all train splits together); the
    baseline's type is the most frequent type of the train splits (loaded either way).
    """
    loaded = event_corpus.load_splits(shared, None, folder)
    train = [d for s in event_corpus.train_splits(folder) for d in loaded[s]]
    groups = {s: loaded[s] for s in event_corpus.EVAL_SPLITS if s in loaded}
    if full and train:
        groups["train"] = train
    source = train or [d for docs in groups.values() for d in docs]
    return groups, most_frequent_type(e for d in source for e in gold_coded(d))


def corpus_sections(
    shared: Path, resources: Resources, figures: dict[str, float], *, full: bool
) -> list[str]:
    """Return the sections about our corpus; add the test split's figures."""
    groups, base_type = corpus_groups(shared, full=full)
    if not groups:
        return ["our corpus: no eval/annotations/events-*.jsonl file yet"]
    rows: list[tuple[str, event_report.SplitScores]] = []
    for name, docs in groups.items():
        results = run_documents(docs, resources)
        rows.append((name, event_report.score_split(docs, results, base_type)))
        if name in event_corpus.TEST_SPLITS:
            lowered = run_documents(docs, resources, lower=True)
            scores = event_report.score_split(docs, lowered, base_type, lower=True)
            rows.append((f"{name} lower-cased", scores))
    for name, scores in rows:
        split, *suffix = name.split()
        if split in event_corpus.TEST_SPLITS:
            figures.update(event_report.figures(split, scores, lower=bool(suffix)))
    sections = [event_report.summary(rows, base_type), event_report.by_corpus(rows)]
    sections.extend(event_report.detail(name, s) for name, s in rows)
    return sections


def public_sections(
    shared: Path, resources: Resources, figures: dict[str, float], *, full: bool
) -> list[str]:
    """Return the public sets' sections (historical, then corpus-style)."""
    historical = event_public.read_sets(shared)
    typed = event_sets.read_sets(shared, full=full)
    items = [*historical.items(), *typed.items()]
    raws = (RawDocument(text=i.text, doc_id=i.key, published=i.date) for i in items)
    results = run_raw(raws, resources)
    sections = event_public.report(
        historical, results, resources.event_lexicon, figures
    )
    sections.extend(event_sets.report(typed, results, figures))
    return sections


def evaluate(shared: Path, resources: Resources, *, full: bool = False) -> SuiteReport:
    """Score the event coder on our corpus and the public gold sets under ``shared``."""
    figures: dict[str, float] = {}
    sections = corpus_sections(shared, resources, figures, full=full)
    sections += public_sections(shared, resources, figures, full=full)
    text = "\n\n".join(["== events ==", *sections])
    return SuiteReport(suite="events", text=text, figures=figures)
