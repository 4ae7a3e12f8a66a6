"""Framing nouns for the trigger finder: a nominal trigger that only sets the scene of
another event ("at the summit", "during talks") is no event of its own, unless it names
its own parties ("after talks with Iran", "following clashes between the army and
rebels", "after Biden's visit", "after talks involving Iran", "a protest organized by
the union").
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon


def is_setting(noun: Token, lexicon: EventLexicon) -> bool:
    """Tell whether a nominal trigger only frames another event ("at the summit")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if head.lower_ == "of":
        return head.head.lemma_.lower() in lexicon.setting_nouns
    return head.lower_ in lexicon.setting_preps


def names_parties(
    noun: Token, lexicon: EventLexicon, actor_tokens: Container[int]
) -> bool:
    """Tell whether a framing noun names its own parties, so is an event of its own:
    "after Biden's visit", "following clashes between the army and rebels"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.i in actor_tokens:
            return True
        if child.dep_ == "acl" and _participle_names_party(child, lexicon, actor_tokens):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in lexicon.party_preps
            and any(t.i in actor_tokens for t in child.subtree)
        ):
            return True
    return False


def _participle_names_party(
    participle: Token, lexicon: EventLexicon, actor_tokens: Container[int]
) -> bool:
    """Tell whether a participle after a noun names its party: "talks involving Iran",
    "a protest organized by the union" (a "by" agent of a bare past participle)."""
    if participle.lemma_.lower() in lexicon.party_participles:
        return any(t.i in actor_tokens for t in participle.subtree)
    if participle.tag_ != "VBN":
        return False
    return any(
        t.i in actor_tokens
        for prep in participle.children
        if prep.dep_ in ("agent", "prep") and prep.lower_ == "by"
        for t in prep.subtree
    )
