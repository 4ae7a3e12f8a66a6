"""Training of the argument model (``stages/events_args``) from our train splits.

The events stage runs over every parsed training document with the event model just
trained and a ``Recorder`` in the argument model's place: for each event it keeps, the
recorder notes every candidate participant (``events_args_features``) and its features,
and leaves the rules' sides unchanged. An event whose trigger (or light verb) overlaps
a gold trigger labels its candidates from the gold spans: ``actor`` when the mention
overlaps a gold actor span, ``recipient`` a gold recipient span, else ``none``; a gold
party whose span no mention overlaps labels the mentions of its code instead (the
annotator marked another mention of the same actor). Events on no gold trigger teach
``none`` for every candidate, at weight ``args.other_weight``. Then one softmax layer is
fitted (``softmax.fit``) and the probability threshold is chosen on the dev split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from dyad.evaluation.event_data import TrainingEvent, TrainingParty
from dyad.knowledge.events import EventLexicon
from dyad.stages.events import code_events
from dyad.stages.events_args import FORMAT, LABELS, ArgModel, sentence_units
from dyad.stages.events_args_features import Unit, unit_features
from dyad.stages.events_model import EventModel, Head
from dyad.stages.events_parties import Roles
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import Candidate
from dyad.training.devscore import score_walked
from dyad.training.softmax import Example, Fitted, fit
from dyad.training.walk import Walked, gold_at


@dataclass
class Recorder:
    """Stands in for the argument model: records candidates, keeps the rules' sides."""

    seen: list[tuple[Candidate, list[tuple[Unit, list[str]]]]] = field(
        default_factory=list
    )
    codes: dict[str, str | None] = field(default_factory=dict)

    def assign(
        self,
        c: Candidate,
        roles: Roles,
        sent: Span,
        cast: Cast,
        lexicon: EventLexicon,
    ) -> Roles:
        """Record the candidates of the event at ``c``; return ``roles`` unchanged."""
        units = sentence_units(c, sent, cast)
        self.seen.append(
            (
                c,
                [
                    (u, unit_features(c, roles, u, len(units), cast, lexicon))
                    for u in units
                ],
            )
        )
        self.codes.update({a: cast.actors[a].code for a in cast.actors})
        return roles


def _covers(unit: Unit, party: TrainingParty) -> bool:
    doc = unit.head.doc
    start, end = doc[unit.start].idx, doc[unit.end - 1].idx + len(doc[unit.end - 1])
    return start < party.span.end and party.span.start < end


def label_units(
    gold: TrainingEvent,
    units: Sequence[Unit],
    codes: dict[str, str | None],
) -> list[str]:
    """Return the gold side of each unit of an event matched to ``gold``."""
    labels = ["none"] * len(units)
    sides = (("actor", gold.actors), ("recipient", gold.recipients))
    for side, parties in sides:
        for party in parties:
            hits = [n for n, u in enumerate(units) if _covers(u, party)]
            if not hits and party.code:
                hits = [
                    n for n, u in enumerate(units) if codes.get(u.actor) == party.code
                ]
            for n in hits:
                if labels[n] == "none":
                    labels[n] = side
    return labels


def collect(
    docs: Sequence[Walked],
    lexicon: EventLexicon,
    model: EventModel | None,
    other_weight: float,
) -> list[Example]:
    """Return the labelled candidates of every kept event of ``docs``."""
    examples: list[Example] = []
    for walked in docs:
        recorder = Recorder()
        code_events(
            walked.parsed,
            walked.actors,
            walked.mentions,
            lexicon=lexicon,
            model=model,
            args=recorder,
        )
        for c, rows in recorder.seen:
            spans = [
                (t.idx, t.idx + len(t)) for t in dict.fromkeys((c.trigger, c.anchor))
            ]
            gold = next(
                (g for s, e in spans if (g := gold_at(walked.doc.events, s, e))), None
            )
            units = [u for u, _ in rows]
            if gold is None:
                labels, weight = ["none"] * len(units), other_weight
            else:
                labels, weight = label_units(gold, units, recorder.codes), 1.0
            examples.extend(
                Example(tuple(feats), label, weight, "ours")
                for (_, feats), label in zip(rows, labels, strict=True)
            )
    return examples


def _head(fitted: Fitted) -> Head:
    from pathlib import Path

    from dyad.stages.events_model import read_head

    return read_head(fitted.as_json(), Path("<training>"), "sides")


def choose_threshold(
    fitted: Fitted,
    dev: Sequence[Walked],
    lexicon: EventLexicon,
    model: EventModel | None,
    grid: Sequence[float],
) -> tuple[float, list[tuple[float, float]]]:
    """Return the grid threshold with the best strict F1 on ``dev`` (ties: the higher)."""
    head = _head(fitted)
    tried = []
    for threshold in grid:
        scores = score_walked(dev, lexicon, model, ArgModel(head, float(threshold)))
        tried.append((float(threshold), scores.strict_prf[2]))
    best = max(tried, key=lambda t: (round(t[1], 6), t[0]))
    return best[0], tried


def train_args(
    train: Sequence[Walked],
    dev: Sequence[Walked],
    lexicon: EventLexicon,
    model: EventModel | None,
    config: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fit the argument model; return its JSON document and a summary.

    Every weight of ``args.other_weights`` is fitted and every threshold of
    ``args.thresholds`` tried on ``dev``; the best strict F1 wins (ties: the first
    weight, the higher threshold).
    """
    settings = config["args"]
    fit_args = {k: v for k, v in config["fit"].items() if k != "__line__"}
    grid = [float(t) for t in settings["thresholds"]]
    best: tuple[float, float, float, Fitted, int] | None = None
    tried: list[tuple[float, float, float]] = []
    for weight in settings["other_weights"]:
        examples = collect(train, lexicon, model, float(weight))
        fitted = fit(examples, **fit_args, labels=LABELS)
        threshold, scores = choose_threshold(fitted, dev, lexicon, model, grid)
        f1 = max(f for _, f in scores)
        tried.extend((float(weight), t, round(f, 3)) for t, f in scores)
        if best is None or round(f1, 6) > round(best[0], 6):
            best = (f1, float(weight), threshold, fitted, len(examples))
    assert best is not None, "training.yaml gives no args.other_weights"
    _, weight, threshold, fitted, count = best
    rules = score_walked(dev, lexicon, model, None).strict_prf[2]
    document = {
        "format": FORMAT,
        "threshold": threshold,
        "other_weight": weight,
        "examples": count,
        "sides": fitted.as_json(),
    }
    summary = {
        "argument examples": count,
        "dev strict F1, rules' sides": round(rules, 3),
        "dev strict F1 by (other weight, threshold)": tried,
        "argument model (dev)": {"other_weight": weight, "threshold": threshold},
    }
    return document, summary
