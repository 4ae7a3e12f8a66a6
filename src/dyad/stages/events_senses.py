"""Senses decided by the arguments: which clauses a trigger rule may fire in.

A rule may require its clause's subject to be of a kind ("protesters stormed" is a
riot), a label given to someone ("called X a terrorist", "said X was behind it"), or no
force in the clause ("attacked Biden" is criticism; "attacked him with a knife" is not);
it may exclude objects ("released an album"). Sentences with a score or a sports noun
report contests, whose verbs ("beat", "defeat") are no events.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Span, Token

from dyad.knowledge.events import EventLexicon
from dyad.records import Actor, ActorKind

SUBJECTS = frozenset({"nsubj", "csubj"})


# dependents that may hold the object or complement a verb is ignored for ("seized the
# opportunity", "declined to comment", "pleaded not guilty")
IGNORED_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "xcomp", "acomp"})


# a sports score ("2-1", also with an en dash) followed by punctuation, a preposition or
# a result word; "10-15 people" is no score
_SCORE = re.compile(
    r"\b\d{1,2} ?[-\u2013] ?\d{1,2}(?=\s*(?:[,.;)]|$|(?:on|in|at|to|against|over|"
    r"after|before|and|with|win|victory|defeat|loss|draw|aggregate|home|away)\b))"
)


_LABEL_DEPS = frozenset({"oprd", "attr", "acomp", "xcomp"})


# what a label preposition takes: a noun ("as a threat") or an adjective ("as baseless")
_LABEL_OBJECTS = frozenset({"pobj", "amod", "acomp"})


# verbs of a complement clause that may carry the charge: its own, coordinated ones
# ("lied and cheated") and infinitives ("tried to rig the vote")
_CHARGE_DEPS = frozenset({"conj", "xcomp"})


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def is_product(token: Token) -> bool:
    """Tell whether a name carries a version number ("RHEL 9", "Windows 11")."""
    return token.pos_ in ("PROPN", "NOUN") and any(
        c.like_num and c.i > token.i for c in token.children
    )


def has_complement(token: Token, lemmas: frozenset[str]) -> bool:
    """Tell whether an object or complement of ``token`` has one of ``lemmas``."""
    pool = _children(token, IGNORED_DEPS)
    pool += [p for c in _children(token, frozenset({"prep"})) for p in c.children]
    return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in pool)


def misread_objects(token: Token) -> list[Token]:
    """Return objects the small parser misreads in headlines: an apposition to a verb
    tagged as a noun ("Peru's ministry summons the envoy of Chile") and the subject of
    a clause read after the verb ("Peru summons Chile's envoy over remarks")."""
    found = _children(token, frozenset({"appos"}))
    for clause in _children(token, frozenset({"ccomp"})):
        found.extend(
            s for s in _children(clause, frozenset({"nsubj"})) if s.i > token.i
        )
    return found


def has_subject(token: Token, lemmas: frozenset[str]) -> bool:
    """Tell whether the subject (or passive agent) of ``token``'s clause has ``lemmas``.

    "protesters stormed", "thousands of people gathered", "a missile hit",
    "was hit by a drone".
    """
    current = token
    for _ in range(3):
        agents = [
            pobj
            for agent in _children(current, frozenset({"agent"}))
            for pobj in _children(agent, frozenset({"pobj"}))
        ]
        for child in _children(current, SUBJECTS) + agents:
            heads = [child, *_children(child, frozenset({"conj"}))]
            return any(h.lemma_.lower() in lemmas for h in heads)
        if (
            current.dep_ not in ("conj", "xcomp", "advcl")
            or current.head.i == current.i
        ):
            return False
        current = current.head
    return False


def has_infinitive(verb: Token) -> bool:
    """Tell whether ``verb`` has a "to" complement ("warned Americans to leave")."""
    return any(
        c.dep_ == "xcomp"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def has_force(verb: Token) -> bool:
    """Tell whether a clause speaks of weapons or wounds ("attacked him with a knife")."""
    return any(
        t.dep_ == "pobj" and t.head.lower_ == "with" and t.pos_ == "NOUN"
        for t in verb.subtree
    )


def label_target(
    verb: Token, labels: frozenset[str], preps: frozenset[str] = frozenset({"as"})
) -> tuple[Token, Token] | None:
    """Return who ``verb`` gives one of ``labels`` to, and the label token.

    "called Netanyahu a terrorist", "described the report as a smear" (the object and
    its predicate), "found X in breach of" (a label in an "in" phrase), "said Russia
    was responsible for the attack", "said Iran was behind it" (the subject of a
    copular complement and its predicate), "said Iran had sabotaged the talks" (the
    subject of a complement whose verb is a label), "X was branded a threat" (a
    passive subject). ``preps`` introduce a label ("as", "in").
    """
    holders = [verb, *_children(verb, frozenset({"ccomp"})), *_statement_clauses(verb)]
    for holder in holders:
        targets = _children(holder, frozenset({"dobj", "nsubj", "nsubjpass"}))
        if holder.i == verb.i:
            targets = [t for t in targets if t.dep_ != "nsubj"]
            targets += prep_targets(verb)  # "referred to X as an aggressor"
        else:
            # the complement's own verb is the charge: "said Iran had undermined it",
            # "said Iran lied and cheated"
            # (not a pronoun: "Canada said it had violated the treaty" is no charge)
            doers = [t for t in targets if t.dep_ == "nsubj" and t.pos_ != "PRON"]
            charges = _charges(holder, labels)
            if doers and charges:
                return doers[0], charges[0]
        predicates = _children(holder, _LABEL_DEPS) + [
            a  # a quoted label after the object: called X's move "a violation"
            for t in targets
            if holder.i == verb.i
            for a in _children(t, frozenset({"appos"}))
        ] + [
            p
            for prep in holder.children
            if prep.dep_ == "prep"
            for p in (
                [prep]
                if prep.lower_ in labels
                else _children(prep, _LABEL_OBJECTS)  # "as a threat", "as baseless"
            )
            if prep.lower_ in preps or prep.lower_ in labels
        ]
        for predicate in predicates:
            if targets and _label_words(predicate) & labels:
                return _doer_of(targets[0], predicate), predicate
    return None


def _charges(holder: Token, labels: frozenset[str]) -> list[Token]:
    """Return the verbs of a complement that carry a charge: a verb of wrongdoing, its
    own or an infinitive's ("tried to rig it"), or one done so ("acted recklessly")."""
    verbs = [holder, *_children(holder, _CHARGE_DEPS)]
    return [
        v
        for v in verbs
        if (v.lemma_.lower() in labels or _done_so(v, labels))
        and (v.pos_ == "VERB" or (v.i == holder.i and v.pos_ == "ADJ"))
    ]  # "holds Iran responsible" parses as a clause "Iran responsible"


def _done_so(verb: Token, labels: frozenset[str]) -> bool:
    return any(
        c.dep_ == "advmod" and c.lower_ in labels for c in verb.children
    )


def _statement_clauses(verb: Token) -> list[Token]:
    """Return the that-clauses the parser hangs on the noun of "said in a statement
    that …"."""
    return [
        clause
        for prep in _children(verb, frozenset({"prep"}))
        for noun in _children(prep, frozenset({"pobj"}))
        for clause in _children(noun, frozenset({"acl", "ccomp"}))
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def prep_targets(verb: Token) -> list[Token]:
    """Return the object of "to" when the verb also has a label preposition "as":
    "referred to X as an aggressor"."""
    preps = _children(verb, frozenset({"prep"}))
    if not any(p.lower_ == "as" for p in preps):
        return []
    return [o for p in preps if p.lower_ == "to" for o in _children(p, frozenset({"pobj"}))]


def _label_words(predicate: Token) -> set[str]:
    """Return the words of a label: its own, its adjectives ("a terrorist group") and
    what it is "of" ("full of lies", "an act of aggression")."""
    words = {predicate.lemma_.lower(), predicate.lower_}
    words.update(c.lemma_.lower() for c in _children(predicate, frozenset({"amod"})))
    words.update(
        p.lemma_.lower()
        for prep in _children(predicate, frozenset({"prep"}))
        if prep.lower_ == "of"
        for p in _children(prep, frozenset({"pobj"}))
    )
    return words


def _doer_of(target: Token, predicate: Token) -> Token:
    """Return who did the thing labelled: the "by" agent of a noun without a possessor
    ("the filling of the dam by X was a violation") or of the label of a pronoun ("this
    is a provocation by X"), else the target itself."""
    holder = predicate if target.pos_ in ("PRON", "DET") else target
    if holder.pos_ != "NOUN" or _children(holder, frozenset({"poss"})):
        return target
    agents = [
        p
        for prep in _children(holder, frozenset({"prep"}))
        if prep.lower_ == "by"
        for p in _children(prep, frozenset({"pobj"}))
    ]
    return agents[0] if agents else target


def is_private_trip(
    mode: str | None,
    actor_ids: Sequence[str],
    actors: Mapping[str, Actor],
    lexicon: EventLexicon,
) -> bool:
    """Tell whether a visit is made by private travellers only ("the band toured
    Japan", "a businessman arrived in Lima"): every actor is a person, organisation or
    group of a private sector. A state, an IGO or an official makes a visit."""
    if mode != "visit" or not actor_ids or not lexicon.private_sectors:
        return False
    return all(
        a in actors
        and actors[a].kind not in (ActorKind.STATE, ActorKind.IGO)
        and (actors[a].sector or "").lower() in lexicon.private_sectors
        for a in actor_ids
    )


def is_contest(sent: Span, lexicon: EventLexicon) -> bool:
    """Tell whether ``sent`` reports a sports contest ("beat Liverpool 2-1")."""
    text = sent.text
    if _SCORE.search(text):
        return True
    return any(
        t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lexicon.contest_cues
        for t in sent
    )
