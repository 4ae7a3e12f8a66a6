"""The learned argument model: who is the actor and who the recipient of an event.

For every event the stage keeps (a rule candidate or one the event model chose), each
actor mention of the sentence is a candidate participant (``events_args_features``). A
softmax layer (weights in ``dyad/data/models/args.json``, trained by ``dyad train
events`` from the actor and recipient spans of our train splits) gives each one the
probability of being an ``actor``, a ``recipient`` or ``none``. ``ArgModel.assign``
rebuilds the event's sides from those verdicts:

- an actor takes the side of its most probable mention when that probability reaches
  ``threshold``; otherwise it is no participant;
- an actor the rules placed that names no mention of the sentence (participants carried
  from earlier text, a host country) keeps its rule side;
- carried, hosted and third-party meetings and mutual events ("accused each other")
  keep the rules' sides, which encode more than one sentence can show.

An event whose rules found no actor can thus gain one (and be kept), and one whose
rules chose the wrong side is corrected. Switched off with ``arg_model = false``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span

from dyad.errors import ResourceError
from dyad.knowledge.events import EventLexicon
from dyad.stages.events_args_features import Unit, find_units, unit_features
from dyad.stages.events_model import Head, read_head, read_model_file
from dyad.stages.events_parties import Roles, finish
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import Candidate

FORMAT = "dyad.arg-model/1"
ACTOR = "actor"
NONE = "none"
RECIPIENT = "recipient"
LABELS = tuple(sorted([ACTOR, NONE, RECIPIENT]))


class Arguer(Protocol):
    """Decides the sides of a kept event (the model, or a recorder at training); not
    asked for carried, hosted, third-party or mutual events, whose sides are the rules'."""

    def assign(
        self,
        c: Candidate,
        roles: Roles,
        sent: Span,
        cast: Cast,
        lexicon: EventLexicon,
    ) -> Roles:
        """Return the sides of the event at ``c``, given the rules' ``roles``."""
        ...


def sentence_units(c: Candidate, sent: Span, cast: Cast) -> list[Unit]:
    """Return the candidate participants of the event at ``c`` (not its trigger)."""
    return [u for u in find_units(sent, cast) if not u.start <= c.trigger.i < u.end]


@dataclass(frozen=True, slots=True)
class ArgModel:
    """The participant layer and the probability a side needs."""

    sides: Head
    threshold: float

    def assign(
        self,
        c: Candidate,
        roles: Roles,
        sent: Span,
        cast: Cast,
        lexicon: EventLexicon,
    ) -> Roles:
        """Return the sides of the event at ``c`` as the model decides (module doc)."""
        units = sentence_units(c, sent, cast)
        if not units:
            return roles
        actor, recipient = (
            self.sides.labels.index("actor"),
            self.sides.labels.index("recipient"),
        )
        best: dict[str, tuple[float, str]] = {}
        for unit in units:
            feats = unit_features(c, roles, unit, len(units), cast, lexicon)
            p = self.sides.probabilities(feats)
            for side, column in (("actor", actor), ("recipient", recipient)):
                score = float(p[column])
                if score > best.get(unit.actor, (0.0, ""))[0]:
                    best[unit.actor] = (score, side)
        named = {u.actor for u in units}
        actors = [a for a in roles.actors if a not in named]
        recipients = [a for a in roles.recipients if a not in named]
        for unit_actor, (score, side) in best.items():
            if score >= self.threshold:
                (actors if side == "actor" else recipients).append(unit_actor)
        return replace(finish(tuple(actors), tuple(recipients)), mode=roles.mode)


def load_arg_model(path: Path) -> ArgModel:
    """Read a model file written by ``dyad train events``.

    Raises:
        ResourceError: the file is missing, not JSON, or not of this format.
    """
    data = read_model_file(path, FORMAT, "argument model")
    sides = read_head(data.get("sides"), path, "sides")
    if tuple(sorted(sides.labels)) != LABELS:
        raise ResourceError(f"{path}: the side layer must have labels {LABELS}")
    return ArgModel(sides=sides, threshold=float(data.get("threshold", 0.5)))
