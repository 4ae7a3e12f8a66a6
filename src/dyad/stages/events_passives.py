"""Coordinated verbs for the events stage: shared subjects, agents and objects (#11).

In "a man was shot and killed by police" or "were arrested and charged by police" two
past participles joined by a conjunction share one passive auxiliary: both take its
subject as the recipient and both take the "by" agent, which the parser hangs on one
of them only ("by" under "killed", not "shot"). A participle with a subject or an
auxiliary of its own ("was arrested and has confessed") is not part of the passive.
Likewise in the active "police shot and killed three men" the object after the second
verb is also the object of the first. A bare participle under a passive verb of
reporting ("soldiers were reported killed by rebels") is passive too.
"""

from __future__ import annotations

from spacy.tokens import Token

# Dependents that give a conjoined participle a clause of its own.
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "aux", "auxpass"})
_AGENT_DEPS = frozenset({"agent", "prep"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset(
    {"dobj", "dative", "attr", "oprd", "prep", "prt", "ccomp", "xcomp"}
)


def shares_passive(verb: Token) -> bool:
    """Return True for a bare participle conjoined to a passive verb ("killed" in "was
    shot and killed"), which is passive through the other verb's auxiliary."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.i == verb.i:
        return False
    if any(c.dep_ in _OWN_CLAUSE for c in verb.children):
        return False
    return is_passive(head)


def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` has a passive auxiliary or shares one."""
    return any(c.dep_ == "auxpass" for c in verb.children) or shares_passive(verb)


def raised_passive(verb: Token) -> bool:
    """Tell whether ``verb`` is a bare participle under a passive verb of reporting
    ("soldiers were reported killed by X"): the subject is what it was done to."""
    head = verb.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("xcomp", "oprd")
        and head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and is_passive(head)
    )


def passive_group(verb: Token) -> list[Token]:
    """Return the participles of the coordinated passive ``verb`` belongs to, ``verb``
    first and the others in text order."""
    top = verb
    while shares_passive(top):
        top = top.head
    group, stack = [top], [top]
    while stack:
        for child in stack.pop().children:
            if shares_passive(child):
                group.append(child)
                stack.append(child)
    return [verb, *sorted((t for t in group if t.i != verb.i), key=lambda t: t.i)]


def by_agents(verb: Token) -> list[Token]:
    """Return the "by" agents of the passive ``verb``: its own, else those of the
    first participle it is coordinated with that has one."""
    for member in passive_group(verb):
        found = [
            obj
            for child in member.children
            if child.dep_ in _AGENT_DEPS and child.lower_ == "by"
            for obj in child.children
            if obj.dep_ in ("pobj", "pcomp")
        ]
        if found:
            return found
    return []


def shared_subjects(verb: Token) -> list[Token]:
    """Return the passive subjects ``verb`` shares with the participle it is conjoined
    to ("killed" in "a man was shot and killed": "man"), or nothing."""
    if not shares_passive(verb):
        return []
    top = verb
    while shares_passive(top):
        top = top.head
    return [c for c in top.children if c.dep_ in _PASSIVE_SUBJECTS]


def shared_objects(verb: Token) -> list[Token]:
    """Return the direct objects of the verb right after ``verb`` in "V and V X"
    ("shot and killed three men") when ``verb`` has no object or subject of its own
    there and the second verb has no subject of its own; or, set off by commas after
    each verb, those of a later verb with a subject of its own ("X condemned, and Y
    welcomed, the decision": a right-node-raised object)."""
    if any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return []
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.pos_ != "VERB":
            continue
        own = any(c.dep_ in _OWN_CLAUSE for c in conj.children)
        if conj.i == verb.i + 2:
            return [] if own else [c for c in conj.children if c.dep_ == "dobj"]
        if own and _comma_after(verb) and _comma_after(conj):
            return [c for c in conj.children if c.dep_ == "dobj" and c.i > conj.i]
    return []


def _comma_after(verb: Token) -> bool:
    """Tell whether a comma follows ``verb`` at once (a verb whose object comes later)."""
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return following is not None and following.text == ","


_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_RELATIVE_ROLES = frozenset({"nsubjpass", "dobj"})


def relative_heads(verb: Token) -> list[Token]:
    """Return the noun a relative clause's ``verb`` acts on through its relative
    pronoun: "relations" in "relations, which were severed by X" (the pronoun is the
    passive subject) or "sanctions" in "the sanctions that X imposed" (the object)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in verb.children:
        if child.dep_ in _RELATIVE_ROLES and child.tag_ in _RELATIVE_TAGS:
            return [verb.head]
    return []
