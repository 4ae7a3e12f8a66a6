"""Event words that report no act between the parties: votes and private trips.

Votes and elections are no events (EVENT-GUIDELINES 2): "voters elected Boric" and
"Portugal voted to leave the union" say how a ballot went, not that one party acted on
another. The act a vote decides is dropped when the vote is the electorate's: in a
referendum, or cast by voters or by a country as such. A body acts through its votes
("the Senate voted to impose sanctions", "dockers voted to strike"), so its vote keeps
the act it decides. A trip made for a private purpose ("flew to Paris for medical
treatment", "went to Spain on holiday") is no visit to the state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon
from dyad.records import Actor, ActorKind
from dyad.stages.events_roles import Cast
from dyad.stages.events_senses import is_private_trip

# dependencies through which a vote word governs the act it decides: "voted to leave"
# (xcomp), "voted in favour of leaving" (prep, pobj, pcomp), "a referendum on leaving"
_DECIDED = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "advcl"})
_REACH = 5  # heads walked up from the event word to its vote word
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def reports_no_act(
    trigger: Token,
    mode: str | None,
    actor_ids: Sequence[str],
    cast: Cast,
    lexicon: EventLexicon,
) -> bool:
    """Tell whether an event word with ``mode`` and actors ``actor_ids`` reports no act:
    a private traveller's trip ("the band toured Japan"), a trip for a private or police
    purpose, a vote or an act the electorate's vote decides."""
    return (
        is_private_trip(mode, actor_ids, cast.actors, lexicon)
        or is_private_purpose(trigger, mode, lexicon)
        or is_vote(trigger, cast.by_token, cast.actors, lexicon)
    )


def is_vote(
    trigger: Token,
    by_token: Mapping[int, str],
    actors: Mapping[str, Actor],
    lexicon: EventLexicon,
) -> bool:
    """Tell whether ``trigger`` is a vote or an act a vote decides, and so no event.

    ``by_token`` and ``actors`` give the voter's actor: a country as such votes as an
    electorate, a body ("the Senate") acts through its vote.
    """
    if _lemma(trigger) in lexicon.vote_words:
        return True
    vote = _governing_vote(trigger, lexicon)
    if vote is None:
        return False
    if any(_lemma(t) in lexicon.referendum_words for t in trigger.sent):
        return True
    return any(_is_electorate(v, by_token, actors, lexicon) for v in _voters(vote))


def is_private_purpose(trigger: Token, mode: str | None, lexicon: EventLexicon) -> bool:
    """Tell whether a visit word states a purpose that makes it no visit: a private one
    ("travelled to Paris for treatment", "a trip to Spain on holiday") or a police one
    ("flew to Lima to arrest the suspect")."""
    if mode != "visit":
        return False
    if any(
        clause.dep_ in ("advcl", "xcomp")
        and _lemma(clause) in lexicon.private_purposes
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        for clause in trigger.children
    ):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in lexicon.purpose_prepositions
        and any(
            obj.dep_ == "pobj" and _lemma(obj) in lexicon.private_purposes
            for obj in prep.children
        )
        for prep in trigger.children
    )


def _governing_vote(trigger: Token, lexicon: EventLexicon) -> Token | None:
    """Return the vote word above ``trigger`` through the clause that it decides."""
    current = trigger
    for _ in range(_REACH):
        if current.dep_ not in _DECIDED or current.head.i == current.i:
            return None
        current = current.head
        if _lemma(current) in lexicon.vote_words:
            return current
    return None


def _voters(vote: Token) -> list[Token]:
    """Return the subjects of a vote verb, or the possessor of a vote noun."""
    deps = _SUBJECTS if vote.pos_ in ("VERB", "AUX") else frozenset({"poss"})
    found = [c for c in vote.children if c.dep_ in deps]
    return [*found, *(t for f in found for t in f.children if t.dep_ == "conj")]


def _is_electorate(
    voter: Token,
    by_token: Mapping[int, str],
    actors: Mapping[str, Actor],
    lexicon: EventLexicon,
) -> bool:
    """Tell whether ``voter`` is an electorate: voters ("voters", "the electorate") or
    a country as such ("Britain voted to leave"), not one of its bodies."""
    if _lemma(voter) in lexicon.referendum_words:
        return True
    actor = actors.get(by_token.get(voter.i, ""))
    return actor is not None and actor.kind == ActorKind.STATE and not actor.sector


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
