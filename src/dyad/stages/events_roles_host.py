"""The host of a visit the sentence names no host for: the article's most mentioned state.

"Blinken arrived for a two-day visit" in an article about China is a visit to China: the
state most mentioned in the article, other than the visitors' own, is the guessed host.
A visit whose place the sentence names ("travelled to South Dakota", "arrived in
Pierre") has no guessed host: the place lies in some state, not necessarily the
article's most mentioned one. Nor has a visit that is the ground of a charge or of
praise ("criticised Biden for making the trip", "praised X for visiting"): the trip is
named to say what the speaker holds against its maker, not where it went.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyad.knowledge.grammar import Grammar
from dyad.records import ActorKind
from dyad.stages.events_roles import Cast

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NO_HOST_CODES = frozenset({"IGO", "NGO", "MNC"})


def host_for(
    cast: Cast,
    visitors: Sequence[str],
    trigger: Token | None = None,
    grounds: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Return the state most mentioned in the article, other than the visitors'.

    Empty when ``trigger`` names the place of the visit (a state actor named there was
    already taken as the recipient), when it lies in a gerund of one of ``grounds``
    ("for", "of": "criticised X for making the trip") or when no other coded state is
    mentioned.
    """
    if trigger is not None and (
        _names_a_place(trigger, cast.grammar) or _is_ground(trigger, grounds)
    ):
        return ()
    own = {cast.actors[a].code for a in visitors if a in cast.actors}
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for actor_id in cast.by_token.values():
        actor = cast.actors.get(actor_id)
        code = actor.code if actor else None
        if actor is None or code is None or len(code) != 3 or code in own:
            continue
        if code in _NO_HOST_CODES:
            continue
        counts[code] = counts.get(code, 0) + 1
        if code not in first or actor.kind == ActorKind.STATE:
            first.setdefault(code, actor_id)
    if not counts:
        return ()
    best = max(sorted(counts), key=lambda c: counts[c])
    return (first[best],)


def _names_a_place(trigger: Token, grammar: Grammar) -> bool:
    """Tell whether a locative preposition of ``trigger`` governs a name ("to Ohio",
    "in Pierre"): a place of the parser's entities or a proper noun."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in grammar.locative_prepositions
        and any(
            obj.dep_ == "pobj"
            and (obj.ent_type_ in _PLACE_LABELS or obj.pos_ == "PROPN")
            for obj in child.children
        )
        for child in trigger.children
    )


def _is_ground(trigger: Token, grounds: frozenset[str]) -> bool:
    """Tell whether ``trigger`` lies in a gerund introduced by one of ``grounds``
    ("criticised X for making the trip", "accused X of visiting")."""
    current = trigger
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.dep_ == "pcomp" and current.head.lower_ in grounds:
            return True
        current = current.head
    return False
