"""Definite descriptions that stand for a state named before: "the country", "those
countries".

"Israeli attacks on the country" after "the Lebanese government reports": Lebanon;
"accuses Kuwait and the UAE … and launches attacks against those countries": both. A
bare head noun of ``anaphor_nouns`` with a determiner of ``anaphor_determiners`` (and no
other dependent: "the country's army" is a modifier, "the country of origin" a phrase)
takes, when singular, the closest earlier state (this or the two sentences before) that
is not on the other side of the event (``Cast.avoiding``), and when plural the closest
list of actors before it in its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dyad.records import ActorKind
from dyad.stages.events_joint import listed_before

if TYPE_CHECKING:
    from dyad.stages.events_roles import Cast

_STATES = frozenset({ActorKind.STATE})


def is_anaphor(head: Token, cast: Cast) -> bool:
    """Tell whether ``head`` is a bare definite description of a state."""
    grammar = cast.grammar
    if head.pos_ != "NOUN" or head.lemma_.lower() not in grammar.anaphor_nouns:
        return False
    dets = [c for c in head.children if c.dep_ == "det"]
    others = [c for c in head.children if c.dep_ not in ("det", "punct", "cc", "conj")]
    return (
        len(dets) == 1
        and dets[0].lower_ in grammar.anaphor_determiners
        and not others
    )


def anaphor_actors(head: Token, cast: Cast) -> tuple[str, ...]:
    """Return the actors the description ``head`` stands for (see the module doc)."""
    if head.tag_ in ("NNS", "NNPS"):  # "those countries"
        return listed_before(cast, head)
    return tuple(cast.nearest(head, _STATES))
