"""Joint and undergone sides for the events stage: who does it together, who suffers it.

- **Mutual acts of coordinated subjects.** "A and B accused each other", "A and B both
  accuse the other" and "A and B swapped prisoners" (a verb of exchange) are one event
  of both parties, not one by each: every party is an actor and there is no recipient.
- **Foreign recipients first.** A recipient of an actor's own country beside a foreign
  one is a place or a side phrase ("bans Taiwanese from Somalia"), not a party.
- **Lists before "them".** A group pronoun object stands for the closest list of actors
  before it in its sentence ("sanctions on X, his wife and his son, accusing them").
- **Members of a group.** A relative clause on a group noun names the member the copula
  is about ("X is one of the states that condemned Y").
- **Harm through an event noun.** In "Ghanaian airstrikes killed ten Togolese soldiers"
  or "ten soldiers were wounded by Ghanaian shelling" the event noun acts through a
  verb of harm; that verb's object (or passive subject) is the noun's recipient too.

The words (verbs of exchange, "other", verbs of harm) are in ``data/grammar.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dyad.knowledge.grammar import Grammar
from dyad.stages.events_passives import is_passive
from dyad.stages.events_triggers import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    children,
    prep_objects,
)

if TYPE_CHECKING:  # the cast resolves pronouns with ``listed_before``
    from dyad.stages.events_roles import Cast

# "each other", "one another": the event is mutual
_MUTUAL = {"other": "each", "another": "one"}


def is_mutual(token: Token) -> bool:
    """Tell whether ``token`` is "each other" or "one another"."""
    det = _MUTUAL.get(token.lower_)
    return det is not None and any(c.lower_ == det for c in token.children)


def _the_other(token: Token, grammar: Grammar) -> bool:
    """Tell whether ``token`` is "the other" (a mutual object after a joint subject)."""
    return token.lower_ in grammar.mutual_others and any(
        c.dep_ == "det" and c.lower_ in grammar.definite_determiners
        for c in token.children
    )


def joint_subject(
    anchor: Token, actors: Sequence[str], recipients: Sequence[str], cast: Cast
) -> bool:
    """Tell whether several ``actors`` do the act at ``anchor`` to each other.

    "A and B both accuse the other" (the object "the other"), "A and B swapped
    prisoners" (a verb of exchange with no recipient and no partner named: not
    "swapped prisoners with C").
    """
    grammar = cast.grammar
    if len(actors) < 2:
        return False
    if any(_the_other(o, grammar) for o in children(anchor, OBJECTS)):
        return True
    partners = prep_objects(anchor, grammar.partner_prepositions, cast.by_token)
    return (
        not recipients
        and not any(cast.of(p) for p in partners)
        and anchor.lemma_.lower() in grammar.mutual_verbs
    )


def harmed(noun: Token, cast: Cast) -> tuple[str, ...]:
    """Return whom the event ``noun`` harms through the verb it is the agent of.

    "Ghanaian airstrikes killed ten Togolese soldiers" → the soldiers; "ten soldiers
    were wounded by Ghanaian shelling" → the soldiers; nothing for other verbs
    ("strikes prompted Togo to respond").
    """
    grammar = cast.grammar
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "agent":  # "were killed by airstrikes"
        verb = verb.head
        if verb.lemma_.lower() not in grammar.harm_verbs or not is_passive(verb):
            return ()
        undergoers = children(verb, PASSIVE_SUBJECTS)
    elif noun.dep_ == "nsubj" and verb.pos_ == "VERB":  # "airstrikes killed ten"
        if verb.lemma_.lower() not in grammar.harm_verbs:
            return ()
        undergoers = children(verb, frozenset({"dobj"}))
    else:
        return ()
    return tuple(a for t in undergoers for a in cast.of(t))


def foreign_first(
    actors: Sequence[str], recipients: Sequence[str], cast: Cast
) -> tuple[str, ...]:
    """Return ``recipients`` without those of an actor's country when another one is
    foreign: "Somalia bans Taiwanese passport holders from Somalia" → Taiwan. A lone
    recipient of the actor's country stays ("Kenya arrested Kenyan activists")."""
    own = {cast.actors[a].code for a in actors if a in cast.actors} - {None}

    def code(r: str) -> str | None:
        return cast.actors[r].code if r in cast.actors else None

    foreign = [r for r in recipients if code(r) is not None and code(r) not in own]
    if not foreign:
        return tuple(recipients)
    return tuple(r for r in recipients if code(r) not in own)


def listed_before(cast: Cast, pronoun: Token) -> tuple[str, ...]:
    """Return the actors of the closest list (coordinated nouns) before the group
    ``pronoun``, an object, in its sentence: "sanctions on Petro, his wife and his
    son, accusing them" → all of them. Subjects and possessors ("they said", "their
    positions") are left to the other antecedents."""
    doc = pronoun.doc
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):  # "accusing them", not "their"
        return ()
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        head = doc[i]
        if head.dep_ == "conj" or not any(c.dep_ == "conj" for c in head.children):
            continue
        if head.right_edge.i >= pronoun.i:  # a list holding the pronoun is no antecedent
            continue
        found = tuple(a for a in cast.of(head, 1) if a not in cast.avoid)
        if found:
            return found
    return ()


def member_of(cast: Cast, noun: Token) -> tuple[str, ...]:
    """Return the subject of "X is one of the states that …" or "X was among the
    countries that …" for the group noun ``noun``: the member the clause is about."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in cast.grammar.partitive_prepositions:
        return ()
    copula = prep.head.head if prep.head.dep_ == "attr" else prep.head
    if copula.pos_ != "AUX":
        return ()
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    return cast.of(subjects[0], 1) if subjects else ()
