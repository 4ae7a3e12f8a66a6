"""Syntax helpers of the quotes stage: subjects of speech verbs, names and phrases."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyad.knowledge.grammar import Grammar
from dyad.knowledge.quotes import QuoteCues
from dyad.records import (
    Actor,
    ActorKind,
    Mention,
)
from dyad.stages.quote_marks import CLOSING, EITHER

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OWNER_DEPS = {"acl", "prep", "pobj", "poss", "compound", "agent"}


def best_mention(
    mentions: Sequence[Mention], head: Token, actors: dict[str, Actor]
) -> Mention:
    def rank(m: Mention) -> tuple[bool, bool, int]:
        actor = actors.get(m.actor_id)
        covers_head = m.start <= head.idx < m.end
        is_person = actor is not None and actor.kind is ActorKind.PERSON
        return covers_head, is_person, m.end - m.start

    return max(mentions, key=rank)


def cue_subject(cue: Token, cues: QuoteCues) -> Token | None:
    """Return the head word of who spoke, for a speech verb or "according to"."""
    phrase = cues.attribution_at(cue)
    if phrase is not None:
        return _object_of(phrase[-1], "pobj")
    quoted = _quoted_as(cue, cues)
    if quoted is not None:
        return quoted
    verb: Token | None = cue
    for _ in range(3):
        if verb is None:
            break
        agent = _object_of(verb, "agent")
        if agent is not None and _object_of(agent, "pobj") is not None:
            return _object_of(agent, "pobj")
        subjects = _subjects_of(verb)
        if subjects:
            subject = _main_subject(subjects)
            if subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                return verb.head
            return _author(subject, cues)
        if verb.dep_ == "relcl" or _describes(verb, cues):
            return verb.head
        inverted = _object_of(verb, "dobj")
        if verb.i == cue.i and _is_inverted(cue, inverted):
            return _author(inverted, cues)  # type: ignore[arg-type]  # checked
        verb = _clause_above(verb, cues)
    return _name_before(cue)


def _subjects_of(verb: Token) -> list[Token]:
    """Return a verb's subjects, also those the parser hung on its auxiliary."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects
    return [
        c
        for aux in verb.children
        if aux.dep_ in {"aux", "auxpass"}
        for c in aux.children
        if c.dep_ in SUBJECT_DEPS
    ]


def _describes(verb: Token, cues: QuoteCues) -> bool:
    """Return True for a participle on the speaker ("Members … protested by …")."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.head.lemma_.lower() not in cues.document_nouns
        and verb.lemma_.lower() not in cues.naming_verbs
    )


def _clause_above(verb: Token, cues: QuoteCues) -> Token | None:
    """Return the verb whose subject a subjectless speech verb shares, if any.

    Coordinated and adverbial verbs share it ("…and added"), as do verbs under a
    preposition ("protested by shouting") and participles on a document noun ("the
    Ministry has, in a statement, called on drivers to …").
    """
    if verb.dep_ in {"conj", "xcomp", "advcl"}:
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return verb.head.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in cues.document_nouns:
        for above in verb.head.ancestors:
            if above.pos_ in {"VERB", "AUX"}:
                return above
    return None


def person_phrase(token: Token, cues: QuoteCues, grammar: Grammar) -> Span | None:
    """Return "a resident" or "One of the victims" when ``token`` heads one."""
    if token.lemma_.lower() in cues.person_nouns:
        return phrase(token)
    if token.lower_ in grammar.quantifiers or token.pos_ == "NUM":
        of = next((c for c in token.children if c.lower_ == "of"), None)
        whole = _object_of(of, "pobj") if of is not None else None
        if whole is not None and whole.lemma_.lower() in cues.person_nouns:
            return token.doc[token.i : whole.i + 1]
    return None


def _main_subject(subjects: Sequence[Token]) -> Token:
    """Return the subject that names the speaker when the parse gives several.

    "Early opponent MP Tanya Davies said": a PERSON entity first, else the proper noun
    nearest the verb, else the first subject.
    """
    named = [t for t in subjects if t.ent_type_ == "PERSON"]
    if named:
        return named[0]
    proper = [t for t in subjects if t.pos_ == "PROPN"]
    if proper and len(subjects) > 1:
        return proper[-1]
    return subjects[0]


# How many tokens before a speech verb with no parsed subject we look for a name.
NAME_WINDOW = 6


def _name_before(cue: Token) -> Token | None:
    """Return the last token of a person's name just before ``cue`` in its sentence."""
    start = max(cue.sent.start, cue.i - NAME_WINDOW)
    for token in reversed(cue.doc[start : cue.i]):
        if token.ent_type_ == "PERSON":
            return token
    return None


def _is_inverted(cue: Token, obj: Token | None) -> bool:
    """Return True for "…", reads a press release: the object right after the verb."""
    if obj is None or obj.left_edge.i != cue.i + 1:
        return False
    before = cue.doc[max(0, cue.i - 2) : cue.i]
    return any(t.text in CLOSING | EITHER for t in before)


def _object_of(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _quoted_as(cue: Token, cues: QuoteCues) -> Token | None:
    """Return X in "quoted X as saying", where the speech verb hangs under "as"."""
    head = cue.head
    if cue.dep_ == "pcomp" and head.lower_ == "as":
        verb = head.head
        if verb.lemma_.lower() in cues.quoting_verbs:
            return _object_of(verb, "dobj")
    return None


def _author(subject: Token, cues: QuoteCues) -> Token:
    """Return the possessor of a document subject ("the judge's statement reads")."""
    if subject.lemma_.lower() not in cues.document_nouns:
        return subject
    if subject.lemma_.lower() in cues.partitive_nouns:
        of = next((c for c in subject.children if c.lower_ == "of"), None)
        whole = _object_of(of, "pobj") if of is not None else None
        if whole is not None:
            return _author(whole, cues)
    before = subject.doc[subject.left_edge.i : subject.i]
    for token in before:
        if token.dep_ == "poss":
            return token
    names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return names[-1]
    return _owner_below(subject) or subject


def _owner_below(subject: Token) -> Token | None:
    """Return a named owner below a document ("a tweet sent from Biden's account")."""
    stack = [c for c in subject.rights if c.dep_ in {"acl", "prep"}]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "poss" and token.pos_ == "PROPN":
            return token
        stack.extend(c for c in token.children if c.dep_ in _OWNER_DEPS)
    return None


_NAME_DEPS = {"appos", "conj", "compound", "prep", "pobj", "nmod", "npadvmod"}


def name_region(head: Token, cues: QuoteCues) -> list[Token]:
    """Return the tokens hanging off ``head`` by name-like relations, nearest first.

    Apposition, compounds and prepositions count, and "named"/"called" participles ("a
    student named Wong").
    """
    region: list[Token] = []
    stack = [c for c in head.children if _is_name_link(c, cues)]
    while stack:
        token = stack.pop(0)
        region.append(token)
        stack.extend(c for c in token.children if _is_name_link(c, cues))
    return region


def _is_name_link(token: Token, cues: QuoteCues) -> bool:
    if token.dep_ in _NAME_DEPS:
        return True
    if token.dep_ == "acl":
        return token.lemma_.lower() in cues.name_giving_verbs
    return (
        token.dep_ in {"oprd", "attr"}
        and token.head.lemma_.lower() in cues.name_giving_verbs
    )


def person_near(head: Token, cues: QuoteCues) -> Span | None:
    """Return the PERSON entity naming the subject: its own, or one in apposition."""
    for token in [head, *name_region(head, cues)]:
        if token.ent_type_ == "PERSON":
            return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return None


def phrase(head: Token) -> Span:
    """Return the name part of a subject: its left modifiers and itself, no "the"."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in {"det", "punct", "cc", "predet"}:
        start += 1
    if any(t.tag_ in {"``", "''"} for t in doc[start : head.i]):
        start = head.i
    return doc[start : head.i + 1]
