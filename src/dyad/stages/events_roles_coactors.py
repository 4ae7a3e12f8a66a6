"""Co-actors of a verbal event: others who do the act beside its subject.

"Peru, along with Chile, condemned Bolivia" and "Peru together with Chile imposed
sanctions on Bolivia": a "with" phrase under a companion adverb (``companion_adverbs``
of ``data/grammar.yaml``), on the verb or on its subject. A co-actor joins the actor
side; a one-sided event then gives one event per actor to the same recipient (never a
dyad between the co-actors). A companion of a recipient's country is left out (no state
acts on itself). "Peru joined Chile in condemning Bolivia" is no such case: the news is
Peru's act, Chile's came before (our annotators code the joiner alone).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from dyad.stages.events_roles import Cast


def co_actors(anchor: Token, subject: Token | None, cast: Cast) -> tuple[str, ...]:
    """Return the actors that act with ``subject`` at the verb ``anchor``."""
    holders = [anchor] if subject is None else [anchor, subject]
    found = [a for h in holders for t in _companions(h, cast) for a in cast.of(t)]
    return tuple(dict.fromkeys(found))


def without_codes(
    companions: Sequence[str], recipients: Sequence[str], cast: Cast
) -> tuple[str, ...]:
    """Return the ``companions`` of no recipient's country: "the King visits Canada along
    with the Queen of Canada" is no visit by Canada to itself."""
    codes = {cast.actors[r].code for r in recipients if r in cast.actors} - {None}
    return tuple(
        a for a in companions if a not in cast.actors or cast.actors[a].code not in codes
    )


def _companions(holder: Token, cast: Cast) -> Iterator[Token]:
    """Yield the objects of "along with" / "together with" phrases on ``holder``."""
    adverbs = cast.grammar.companion_adverbs
    for child in holder.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in adverbs:  # "along" heading "with"
            withs = [w for w in child.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif child.lower_ == "with" and any(
            a.lower_ in adverbs for a in child.children if a.dep_ == "advmod"
        ):
            withs = [child]
        else:
            continue
        for prep in withs:
            yield from (o for o in prep.children if o.dep_ == "pobj")
