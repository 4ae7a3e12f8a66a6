"""Participants borrowed from what an event governs, for a side the parse leaves empty.

"Peru demanded that Chile withdraw": a demand's recipient is the subject of its
that-clause; "threatened to cut off electricity to X": the objects of an infinitive
complement; "refused to allow talks with X": the participants of an event coded in the
complement (``embedded_participants``). ``other_side`` keeps those that are not the
actor's own side.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyad.records import EventType
from dyad.stages.events_parties import Roles
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import Candidate, prep_objects

# types whose condition names their target ("threatened to quit if X deploys")
_CONDITIONAL = frozenset({EventType.THREATEN})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp"})


def other_side(
    participants: Sequence[str], roles: Roles, cast: Cast
) -> tuple[str, ...]:
    """Return the participants that are not on the actor side (by id or by country)."""
    codes = {cast.actors[a].code for a in roles.actors if a in cast.actors}
    codes.discard(None)
    return tuple(
        p
        for p in participants
        if p not in roles.actors
        and (p not in cast.actors or cast.actors[p].code not in codes)
    )


def complement_actors(
    anchor: Token, cast: Cast, event_type: EventType | None = None
) -> tuple[str, ...]:
    """Return who the complement of ``anchor`` is about, for its missing recipient.

    "demanded that Hamas renounce …" → Hamas; "threatened to cut off electricity to X"
    → X; "a request for help from Norway" → Norway: the subject of a that-clause, and
    the objects and prepositional objects of an infinitive complement or of the thing
    asked "for", at most two clauses down; failing those, for a threat, the subject of
    a condition on them ("threatened to quit if X goes ahead" → X; an offer's condition
    need not name its addressee: "offered to resign if the team lost").
    """
    found: list[str] = []
    complement = cast.grammar.complement_prepositions
    asked = prep_objects(anchor, frozenset({"for"}))
    for thing in asked:  # "a request for help from Norway"
        for pobj in prep_objects(thing, complement - {"for"}, cast.by_token):
            found.extend(cast.of(pobj))
    frontier = [anchor]
    visited = [anchor]
    for _ in range(2):
        clauses = [
            child
            for token in frontier
            for child in token.children
            if child.dep_ in ("xcomp", "ccomp")
        ]
        visited.extend(clauses)
        for clause in clauses:
            for child in clause.children:
                is_subject = child.dep_ in ("nsubj", "nsubjpass")
                if (is_subject and clause.dep_ == "ccomp") or child.dep_ in (
                    "dobj",
                    "dative",
                ):
                    found.extend(cast.of(child))
            for pobj in prep_objects(clause, complement, cast.by_token):
                found.extend(cast.of(pobj))
        frontier = clauses
    if not found and event_type in _CONDITIONAL:  # "threatened to quit if X …": X
        found = [a for clause in visited for a in _condition_subjects(clause, cast)]
    return tuple(dict.fromkeys(found))


def _condition_subjects(clause: Token, cast: Cast) -> list[str]:
    """Return the actors of the subjects of the conditions on ``clause`` ("if X
    deploys", "unless X withdraws"): whom a threat or a conditional offer is aimed at."""
    marks = cast.grammar.condition_marks
    return [
        a
        for condition in clause.children
        if condition.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in marks for m in condition.children)
        for subject in condition.children
        if subject.dep_ == "nsubj"
        for a in cast.of(subject)
    ]


def embedded_participants(c: Candidate, resolved: dict[int, Roles]) -> tuple[str, ...]:
    """Return participants of events in the complement of ``c`` (for its recipient)."""
    found: list[str] = []
    for token_i, roles in resolved.items():
        if _is_complement(c.trigger.doc[token_i], c.trigger):
            found.extend(roles.actors + roles.recipients)
    return tuple(found)


def _is_complement(token: Token, governor: Token) -> bool:
    """Tell whether ``token`` is in the complement of ``governor`` (not an adjunct)."""
    current = token
    for _ in range(8):
        if current.head.i == current.i or current.dep_ not in _COMPLEMENT_DEPS:
            return False
        current = current.head
        if current.i == governor.i:
            return True
    return False
