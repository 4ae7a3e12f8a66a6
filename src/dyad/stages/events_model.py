"""The learned event coder: decides which sites are events and of which PLOVER type.

The rules find candidates (lexicon hits) and roles; ``events_features`` widens the
candidates to every verb and noun with a participant and describes each by features
of the parse and the coded actors. A multinomial logistic regression (weights in
``dyad/data/models/events.json``, trained by ``dyad train events``) gives for every
site the probability of "no event" and of each PLOVER type; a second one the mode
within the type. ``revise`` turns the verdicts back into the rules' candidates, so the
events stage reads roles and modality for them as for any lexicon hit:

- a rule candidate the model confirms keeps its rule and mode, with the model's
  probability as confidence; one it retypes gets rule ``model.v1`` and the model's
  mode; one it rejects (probability of an event below ``rule_threshold``) is dropped;
- a new site becomes a candidate with rule ``model.v1`` when the probability of an
  event reaches ``new_threshold``;
- a rule candidate whose word the model never saw in training (a user's own lexicon
  entry, a rare trigger) keeps the rules' decision.

Scoring is a sum of weight rows per site, done with numpy; nothing is downloaded and
the file is plain JSON (weights as integers, in units of 1/``scale``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span

from dyad.errors import ResourceError
from dyad.knowledge.events import EventLexicon, TriggerRule
from dyad.records import EventType
from dyad.stages.events_features import Site, features, find_sites
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import Candidate

FORMAT = "dyad.event-model/1"
RULE = "model.v1"
NONE = "NONE"

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Head:
    """One softmax layer: labels, and a weight row per known feature."""

    labels: tuple[str, ...]
    index: Mapping[str, int]
    weights: Matrix  # features x labels
    bias: Matrix  # labels

    def probabilities(self, feats: Sequence[str]) -> Matrix:
        rows = [self.index[f] for f in feats if f in self.index]
        scores = self.bias + self.weights[rows].sum(axis=0) if rows else self.bias
        scores = scores - scores.max()
        exp = np.exp(scores)
        result: Matrix = exp / exp.sum()
        return result


@dataclass(frozen=True, slots=True)
class EventModel:
    """The type and mode layers plus the thresholds chosen at training time."""

    types: Head
    modes: Head
    rule_threshold: float
    new_threshold: float

    def knows(self, lemma: str, pos: str) -> bool:
        """Tell whether training saw ``lemma`` as a site with this part of speech.

        A homograph seen only in its other part of speech ("court" the noun, hundreds of
        times not an event, against the verb "to court" a state) tells nothing about
        this one: its rule candidate stands as the rules found it."""
        return f"lp={lemma}|{pos}" in self.types.index

    def revise(
        self, sent: Span, candidates: list[Candidate], cast: Cast, lexicon: EventLexicon
    ) -> list[Candidate]:
        """Return the candidates of ``sent`` as the model decides them (see module doc)."""
        revised: list[Candidate] = []
        for site in find_sites(sent, candidates, cast, lexicon):
            decided = self._decide(site, cast, lexicon)
            if decided is not None:
                revised.append(decided)
        return revised

    def _decide(
        self, site: Site, cast: Cast, lexicon: EventLexicon
    ) -> Candidate | None:
        rule_candidate = site.candidate
        lemma = site.trigger.lemma_.lower()
        if rule_candidate is not None and not self.knows(lemma, _reading(site)):
            return rule_candidate
        feats = features(site, cast, lexicon)
        p = self.types.probabilities(feats)
        labels = self.types.labels
        none = labels.index(NONE)
        event = 1.0 - float(p[none])
        best = max((i for i in range(len(labels)) if i != none), key=lambda i: p[i])
        confidence = round(float(p[best]), 3)
        chosen = EventType(labels[best])
        if rule_candidate is not None:
            if event < self.rule_threshold:
                return None
            if chosen == rule_candidate.rule.type:
                rule = replace(rule_candidate.rule, confidence=confidence)
                return replace(rule_candidate, rule=rule)
        elif event < self.new_threshold:
            return None
        rule = self._rule(site, chosen, feats, confidence, lexicon)
        return Candidate(site.trigger, rule, site.anchor, site.kind)

    def _rule(
        self,
        site: Site,
        chosen: EventType,
        feats: Sequence[str],
        confidence: float,
        lexicon: EventLexicon,
    ) -> TriggerRule:
        info = lexicon.types[chosen]
        p = self.modes.probabilities(feats)
        prefix = chosen.value + ":"
        options = [
            (float(p[i]), label[len(prefix) :])
            for i, label in enumerate(self.modes.labels)
            if label.startswith(prefix)
            and (label[len(prefix) :] in info.modes or label == prefix)
        ]
        mode = max(options)[1] if options else ""
        cameo = info.modes.get(mode, info.cameo) if mode else info.cameo
        return TriggerRule(
            rule=RULE,
            pos="noun" if site.kind != "verb" else "verb",
            lemma=site.trigger.lemma_.lower(),
            extra=(),
            type=chosen,
            mode=mode or None,
            cameo=cameo,
            quad=lexicon.quad_of(cameo),
            intensity=info.intensity,
            objects=frozenset(),
            # the "of" phrase of a nominalisation is its object ("criticism of Beijing")
            preps=info.recipient_preps | ({"of"} if site.kind != "verb" else set()),
            complement_aux=frozenset(),
            intransitive=False,
            min_participants=1,
            reciprocal=info.reciprocal,
            swap=False,
            confidence=confidence,
        )


def _reading(site: Site) -> str:
    """The part of speech the rules read the trigger in: a verb site the tagger called a
    noun ("a push to court others") is a verb to the rules, and the model's view of the
    noun must not overrule them."""
    return "VERB" if site.kind == "verb" else site.trigger.pos_


def read_head(data: object, path: Path, name: str) -> Head:
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: `{name}` must be a mapping")
    try:
        labels = tuple(str(label) for label in data["labels"])
        scale = float(data["scale"])
        rows = data["weights"]
        names = sorted(rows)
        weights = np.array([rows[n] for n in names], dtype=np.float64) / scale
        bias = np.array(data["bias"], dtype=np.float64) / scale
    except (KeyError, TypeError, ValueError) as e:
        raise ResourceError(f"{path}: bad `{name}` layer: {e}") from e
    if weights.size == 0:
        weights = np.zeros((0, len(labels)))
    if weights.shape[1:] != (len(labels),) or bias.shape != (len(labels),):
        raise ResourceError(f"{path}: `{name}` weights do not match its labels")
    return Head(labels, {n: i for i, n in enumerate(names)}, weights, bias)


def read_model_file(path: Path, fmt: str, what: str) -> dict[str, Any]:
    """Return the JSON object of a model file whose ``format`` is ``fmt``.

    Raises:
        ResourceError: the file is missing, not JSON, or of another format.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ResourceError(f"{path}: cannot read the {what}: {e}") from e
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise ResourceError(f"{path}: not a {fmt} file")
    return data


def load_event_model(path: Path) -> EventModel:
    """Read a model file written by ``dyad train events``.

    Raises:
        ResourceError: the file is missing, not JSON, or not of this format.
    """
    data = read_model_file(path, FORMAT, "event model")
    types = read_head(data.get("types"), path, "types")
    if NONE not in types.labels:
        raise ResourceError(f"{path}: the type layer has no {NONE} label")
    unknown = [t for t in types.labels if t != NONE and t not in EventType.__members__]
    if unknown:
        raise ResourceError(f"{path}: unknown PLOVER type(s): {', '.join(unknown)}")
    return EventModel(
        types=types,
        modes=read_head(data.get("modes"), path, "modes"),
        rule_threshold=float(data.get("rule_threshold", 0.5)),
        new_threshold=float(data.get("new_threshold", 0.5)),
    )
