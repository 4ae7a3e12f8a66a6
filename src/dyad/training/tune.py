"""The event model's two thresholds, chosen on our dev split.

Every pair of the grids in ``training.yaml`` (``thresholds.rule``: the probability of an
event a rule candidate needs to stay; ``thresholds.new``: the one a new site needs) is
tried on the parsed dev documents with the rules' sides. Pairs within
``thresholds.tolerance`` of the best strict F1 are ties (a dev split of under 200 events
cannot tell them apart); among them the lowest rule threshold wins, then the lowest
new-site one: the rules were written from the guidelines, so the model drops a rule's
event only where dev shows it helps. No public set's held-out half takes part.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyad.knowledge.events import EventLexicon
from dyad.stages.events_model import EventModel, read_head
from dyad.training.devscore import score_walked
from dyad.training.softmax import Fitted
from dyad.training.walk import Walked


def choose_thresholds(
    types: Fitted,
    modes: Fitted,
    dev: Sequence[Walked],
    lexicon: EventLexicon,
    config: dict[str, Any],
) -> tuple[float, float, list[tuple[float, float, float]]]:
    """Return the best (rule, new) thresholds on ``dev`` and every pair's strict F1."""
    where = Path("<training>")
    type_head = read_head(types.as_json(), where, "types")
    mode_head = read_head(modes.as_json(), where, "modes")
    grids = config["thresholds"]
    tried: list[tuple[float, float, float]] = []
    for rule in grids["rule"]:
        for new in grids["new"]:
            model = EventModel(type_head, mode_head, float(rule), float(new))
            f1 = score_walked(dev, lexicon, model, None).strict_prf[2]
            tried.append((float(rule), float(new), round(f1, 4)))
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
