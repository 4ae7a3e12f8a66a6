"""Where a group or an unnamed office holder is: the state of the place named after it.

Private helper of the actors stage (``actor_groups``, ``actor_offices``,
``actor_people``). "police in Lagos" -> NGA, "a newspaper based in Beirut" -> LBN,
"protesters in a suburb of Nairobi" -> KEN; with no such place, the article's dominant
state or the one state of the sentence's "in" places.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dyad.records import ActorKind
from dyad.stages.actor_context import Context


def located_in(ctx: Context, noun: Token) -> str | None:
    """The state of a state, capital or city named by "in" after a group noun that no
    modifier codes: the group is that place's own ("security forces in Guinea")."""
    for prep in _place_preps(ctx, noun):
        found = _in_place(ctx, prep, compounds=False)
        if found is not None:
            return found
    return None


def place_after(ctx: Context, noun: Token) -> str | None:
    """The state of a place named by "in" after ``noun`` ("police in Lagos",
    "prosecutors in Marseille", "a group based in Lyon"), else None."""
    for prep in _place_preps(ctx, noun):
        code = _in_place(ctx, prep)
        if code is not None:
            return code
    return None


def sentence_place(ctx: Context, token: Token) -> str | None:
    """The one state that the "in" places of ``token``'s sentence belong to ("a man
    was shot by police in Houston": USA), when the article has no dominant state."""
    if ctx.dominant is not None:
        return ctx.dominant
    codes = {_in_place(ctx, t) for t in token.sent if t.dep_ == "prep"} - {None}
    return codes.pop() if len(codes) == 1 else None


def _place_preps(ctx: Context, noun: Token) -> Iterator[Token]:
    """The prepositions that may place ``noun``: its own, and those of a locative
    participle after it ("based in", "stationed in")."""
    for child in noun.rights:
        yield child
        if child.dep_ == "acl" and child.lower_ in ctx.kb.locative_participles:
            yield from child.rights


def _in_place(ctx: Context, prep: Token, *, compounds: bool = True) -> str | None:
    """The state of the object of ``prep`` when it is "in" and names a state or a
    city or region of one (``compounds``: the place's name takes the compound words
    before it, "new york")."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        place = _place_of_part(pobj)
        span = ctx.span_at.get(place.i)
        if span is not None and span.hits[0].form != "person":
            entry = ctx.kb.entry(span.hits[0].kb_id)
            if entry.kind is ActorKind.STATE and entry.code:
                return entry.code
        start = min(
            (t.i for t in place.lefts if compounds and t.dep_ == "compound"),
            default=place.i,
        )
        code = ctx.kb.place_state(ctx.doc[start : place.i + 1].text)
        if code is not None:
            return code
    return None


def _place_of_part(noun: Token) -> Token:
    """The place a common noun names part of ("in a neighbourhood of Aleppo", "in
    the north of Syria"), else ``noun`` itself."""
    if noun.pos_ != "NOUN":
        return noun
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for place in prep.children:
                if place.dep_ == "pobj" and place.pos_ == "PROPN":
                    return place
    return noun
