"""Allegations marked by a word: "barred X for allegedly aiding Y", "citing Y's alleged
interference".

EVENT-GUIDELINES §2: the allegation is an ACCUSE, the act it alleges is not asserted.
Who alleges is the subject of the clause that reports the act (the verb above it: "Peru
barred X for allegedly …", "Peru cut ties, citing alleged interference"); who is
accused is the doer of the act (its subject, or the object of "for"/"of" before a
gerund) or the owner of the alleged thing ("Mexico's alleged role"). A marker with no
clause above its act ("X allegedly took bribes") names no accuser and is no event; a
clause above that accuses, condemns or denies already codes the speech act
(``events_triggers`` drops the allegation then).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Protocol

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon, TriggerRule
from dyad.records import EventType

# types whose verb already is the speech act about an allegation under it
_SPEECH_ACTS = frozenset({EventType.ACCUSE, EventType.REJECT})


class _Found(Protocol):
    """A candidate found before the allegations (``events_triggers.Candidate``)."""

    @property
    def trigger(self) -> Token: ...

    @property
    def rule(self) -> TriggerRule: ...


# how a marker attaches: to the thing ("alleged interference") or to the act
_MARKING = frozenset({"amod", "advmod"})


def _governor(token: Token) -> Token | None:
    """Return the nearest verb above ``token`` (not ``token`` itself)."""
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _doer(act: Token, lexicon: EventLexicon) -> Token | None:
    """Return the active subject of ``act``, through coordination and "for"/"of" before
    a gerund ("barred X for allegedly aiding": X)."""
    current = act
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubjpass":
                return None  # "was allegedly beaten": the doer is not named here
            if child.dep_ == "nsubj":
                relative = child.tag_ in ("WP", "WDT") and current.dep_ == "relcl"
                return current.head if relative else child  # "diplomats who spied"
        head = current.head
        if current.dep_ == "pcomp" and head.lower_ in lexicon.gerund_prepositions:
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            return objects[0] if objects else None
        if current.dep_ not in ("conj", "xcomp") or head.i == current.i:
            return None
        current = head
    return None


def _act_and_accused(marker: Token, lexicon: EventLexicon) -> tuple[Token, Token] | None:
    """Return the alleged act and the token naming who is accused of it."""
    if marker.dep_ == "amod":  # "Mexico's alleged interference": the thing itself
        return marker.head, marker.head
    act = marker.head
    if act.pos_ not in ("VERB", "AUX"):
        return None
    doer = _doer(act, lexicon)
    return None if doer is None else (act, doer)


def _names_actor(token: Token, actor_tokens: Container[int]) -> bool:
    if token.pos_ in ("NOUN", "PROPN", "PRON") and token.i in actor_tokens:
        return True
    return any(
        t.i in actor_tokens
        for child in token.children
        if child.dep_ in ("poss", "compound", "prep", "amod", "nmod")
        for t in child.subtree
    )


def allegations(
    tokens: Iterable[Token],
    lexicon: EventLexicon,
    actor_tokens: Container[int],
    found: Iterable[_Found],
) -> tuple[list[tuple[Token, TriggerRule, Token, Token]], set[int]]:
    """Return the allegations among ``tokens`` (the marker, its ACCUSE rule, the verb
    whose subject alleges and the token naming who is accused) and the tokens they
    absorb. ``found`` holds the candidates found so far: an allegation under one that
    accuses, condemns or denies is that verb's act; either way the act alleged is not
    asserted."""
    spoken = {c.trigger.i for c in found if c.rule.type in _SPEECH_ACTS}
    kept: list[tuple[Token, TriggerRule, Token, Token]] = []
    absorbed: set[int] = set()
    for marker in tokens:
        word = marker.lower_
        if word not in lexicon.allegation_words or marker.dep_ not in _MARKING:
            continue
        rules = lexicon.verbs.get(word) or lexicon.verbs.get(marker.lemma_.lower())
        rule = next((r for r in rules or () if r.type == EventType.ACCUSE), None)
        pair = _act_and_accused(marker, lexicon)
        if rule is None or pair is None:
            continue
        act, accused = pair
        anchor = _governor(act)
        if anchor is None or not _names_actor(accused, actor_tokens):
            continue
        absorbed.add(accused.i)
        if anchor.i not in spoken:
            kept.append((marker, rule, anchor, accused))
    return kept, absorbed


def _own_side(subject: Token) -> bool:
    """Tell whether a clause's subject is the speaker's side: a pronoun ("it", "they")
    or a thing a pronoun owns ("its forces")."""
    if subject.pos_ == "PRON":
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def claimed_acts(
    tokens: Iterable[Token], lexicon: EventLexicon, actor_tokens: Container[int]
) -> list[tuple[Token, TriggerRule, Token, Token]]:
    """Return the allegations made by a verb of ``lexicon.allegation_verbs`` ("Peru
    claimed that Chile had armed the rebels"): the verb, the ``alleged`` rule, the verb
    again (its subject alleges) and the subject of the clause (who is accused).

    The clause needs an active subject naming an actor that is not the speaker's own
    side ("claimed it did not know", "claimed its troops took the town" are none)."""
    rules = lexicon.verbs.get("alleged") or ()
    rule = next((r for r in rules if r.type == EventType.ACCUSE), None)
    if rule is None:
        return []
    found: list[tuple[Token, TriggerRule, Token, Token]] = []
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.allegation_verbs:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
            if doers and not _own_side(doers[0]) and _names_actor(doers[0], actor_tokens):
                found.append((verb, rule, verb, doers[0]))
                break
    return found
