"""The event model's two thresholds, chosen on held-out parts of our own annotations.

Every pair of the grids in ``training.yaml`` (``thresholds.rule``: the probability of an
event a rule candidate needs to stay; ``thresholds.new``: the one a new site needs) is
scored by strict F1 over the pooled counts of several *validation parts*: the dev split
coded by the full model, and (``thresholds.folds`` K > 0) each of K folds of the train
splits coded by a model fitted without that fold (out-of-fold predictions). The dev
split alone (under 200 events) let the chosen pair swing with a few events; the pooled
parts hold ten times as many. Pairs within ``thresholds.tolerance`` of the best pooled F1
are ties; among them the lowest rule threshold wins, then the lowest new-site one: the
rules were written from the guidelines, so the model drops a rule's event only where the
held-out parts show it helps. No public set's held-out half and no test document takes
part.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.evaluation.event_scoring import EventScores
from dyad.knowledge.events import EventLexicon
from dyad.stages.events_model import EventModel, read_head
from dyad.training.devscore import score_walked
from dyad.training.softmax import Fitted
from dyad.training.walk import Walked


@dataclass(frozen=True)
class Part:
    """Documents none of whose events the two fitted layers were trained on."""

    types: Fitted
    modes: Fitted
    docs: Sequence[Walked]


def fold_of(doc_id: str, folds: int) -> int:
    """Return the fold (0 … ``folds`` - 1) of a document: a stable hash of its id."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


def choose_thresholds(
    parts: Sequence[Part], lexicon: EventLexicon, config: dict[str, Any]
) -> tuple[float, float, list[tuple[float, float, float]]]:
    """Return the best (rule, new) thresholds over ``parts`` and every pair's pooled
    strict F1."""
    where = Path("<training>")
    heads = [
        (
            read_head(p.types.as_json(), where, "types"),
            read_head(p.modes.as_json(), where, "modes"),
            p.docs,
        )
        for p in parts
    ]
    grids = config["thresholds"]
    tried: list[tuple[float, float, float]] = []
    for rule in grids["rule"]:
        for new in grids["new"]:
            pooled = EventScores()
            for type_head, mode_head, docs in heads:
                model = EventModel(type_head, mode_head, float(rule), float(new))
                pooled.add(score_walked(docs, lexicon, model, None))
            tried.append((float(rule), float(new), round(pooled.strict_prf[2], 4)))
    rule, new = pick_pair(tried, float(grids.get("tolerance", 0.0)))
    return rule, new, tried


def pick_pair(
    tried: Sequence[tuple[float, float, float]], tolerance: float
) -> tuple[float, float]:
    """Return the (rule, new) pair of ``tried`` (rule, new, F1) that wins: among those
    within ``tolerance`` of the best F1, the lowest rule threshold, then the lowest new."""
    top = max(f1 for _, _, f1 in tried)
    ties = [t for t in tried if t[2] >= top - tolerance - 1e-9]
    rule, new, _ = min(ties, key=lambda t: (t[0], t[1]))
    return rule, new
