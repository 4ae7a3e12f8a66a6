"""Candidates and features for the learned argument model (``events_args``).

For an event the stage keeps, every actor mention of its sentence is a candidate
participant (a ``Unit``): a run of tokens the actors stage gave one actor id, or a
pronoun ``Cast`` resolves to an actor ("he", "its"). Each unit is described, relative
to the event's trigger and its anchor (the clause verb), by strings read off the parse:
the dependency path from the unit's head up to the lowest common ancestor and down to
the trigger (prepositions named: ``pobj>prep:on>dobj^``), the governing preposition,
the voice of the anchor, the word order and distance, the kind and sector of the
actor, whether the unit is a pronoun, the event's type and kind, and the side the rules
chose for this actor. The same code builds them at training and at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.knowledge.events import EventLexicon
from dyad.stages.events_parties import Roles, subject_token
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import Candidate

_PATH_STEPS = 4  # dependency steps kept on the unit's side of a path
_DOWN_STEPS = 2  # … and on the trigger's side


@dataclass(frozen=True, slots=True)
class Unit:
    """One candidate participant: an actor id and the tokens that name it here."""

    actor: str
    start: int  # first token index
    end: int  # one past the last token index
    head: Token
    pronoun: bool


def find_units(sent: Span, cast: Cast) -> list[Unit]:
    """Return the actor mentions of ``sent`` (and pronouns for actors), in text order."""
    units: list[Unit] = []
    i = sent.start
    while i < sent.end:
        actor = cast.by_token.get(i)
        if actor is None:
            token = sent.doc[i]
            resolved = cast.of(token) if token.pos_ == "PRON" else ()
            if resolved:
                units.append(Unit(resolved[0], i, i + 1, token, True))
            i += 1
            continue
        end = i + 1
        while end < sent.end and cast.by_token.get(end) == actor:
            end += 1
        units.append(Unit(actor, i, end, _span_head(sent.doc[i:end]), False))
        i = end
    return units


def _span_head(tokens: Span) -> Token:
    for token in tokens:
        if not tokens.start <= token.head.i < tokens.end or token.head.i == token.i:
            return token
    return tokens[0]


def _step(token: Token) -> str:
    if token.dep_ in ("prep", "agent"):
        return f"{token.dep_}:{token.lower_}"
    return token.dep_


def dependency_path(unit: Token, target: Token) -> str:
    """Return the path from ``unit`` up to the common ancestor and down to ``target``.

    ``>`` joins the unit's steps (its own dependency first), ``^`` ends them, then the
    target's steps up to the same ancestor (``nsubj^`` is the subject of the target;
    ``pobj>prep:on^dobj`` the object of "on" under the target's head).
    """
    ups = [unit, *unit.ancestors]
    position = {t.i: n for n, t in enumerate(ups)}
    down: list[Token] = []
    current = target
    while current.i not in position:
        down.append(current)
        if current.head.i == current.i:
            return "far"
        current = current.head
    up = ups[: position[current.i]]
    if len(up) > _PATH_STEPS or len(down) > _DOWN_STEPS:
        return "far"
    return ">".join(_step(t) for t in up) + "^" + ">".join(t.dep_ for t in down)


def _prep(unit: Token) -> str:
    if unit.dep_ == "pobj" and unit.head.dep_ in ("prep", "agent"):
        return unit.head.lower_
    return "-"


def unit_features(
    c: Candidate,
    roles: Roles,
    unit: Unit,
    units: int,
    cast: Cast,
    lexicon: EventLexicon,
) -> list[str]:
    """Return the feature strings of one unit for one event (sorted, unique)."""
    return sorted(set(_features(c, roles, unit, units, cast, lexicon)))


def _side(roles: Roles, actor: str) -> str:
    if actor in roles.actors:
        return "actor"
    return "recipient" if actor in roles.recipients else "none"


def _features(
    c: Candidate,
    roles: Roles,
    unit: Unit,
    units: int,
    cast: Cast,
    lexicon: EventLexicon,
) -> Iterator[str]:
    kind = c.rule.type.value
    actor = cast.actors.get(unit.actor)
    who = actor.kind.value if actor is not None else "?"
    sector = (actor.sector or "-") if actor is not None else "-"
    rule = _side(roles, unit.actor)
    path = dependency_path(unit.head, c.trigger)
    _, passive = subject_token(c.anchor, lexicon)
    voice = "pass" if passive and c.kind != "noun" else "act"
    order = "before" if unit.head.i < c.trigger.i else "after"
    prep = _prep(unit.head)
    yield "bias"
    yield "rule=" + rule
    yield f"rule+type={rule}|{kind}"
    yield f"rule+kind={rule}|{c.kind}"
    yield "path=" + path
    yield f"path+type={path}|{kind}"
    yield f"path+voice={path}|{voice}"
    yield f"path+rule={path}|{rule}"
    yield f"path+kind={path}|{c.kind}"
    if c.anchor.i != c.trigger.i:
        anchor_path = dependency_path(unit.head, c.anchor)
        yield "apath=" + anchor_path
        yield f"apath+type={anchor_path}|{kind}"
    yield f"prep={prep}"
    yield f"prep+type={prep}|{kind}"
    yield f"prep+order={prep}|{order}|{voice}"
    yield f"order={order}|{voice}|{c.kind}"
    yield f"order+type={order}|{kind}"
    yield f"who={who}"
    yield f"who+type={who}|{kind}"
    yield f"sector={sector}"
    yield f"lemma+rule={c.trigger.lemma_.lower()}|{rule}"
    yield f"lemma+order={c.trigger.lemma_.lower()}|{order}"
    yield f"units={min(units, 5)}"
    yield f"distance={min(abs(unit.head.i - c.trigger.i) // 3, 5)}"
    if unit.pronoun:
        yield "pronoun"
    if c.trigger.i in [t.i for t in unit.head.ancestors]:
        yield "under-trigger"
    if c.rule.reciprocal:
        yield "reciprocal=" + rule
