"""Modality for the events stage: did the text say the event happened?

An event is ``negated`` when its own clause is negated ("did not meet", "no talks") or a
governing verb says it did not happen ("failed to reach"); ``hypothetical`` when its
clause or a governing clause carries a modal, a condition or a possibility ("could
lead to", "if", "will withdraw if X disarms", "possible trips", "not likely"; "would
often raid" is a past habit, asserted); ``future`` when it is planned,
expected or in the future tense ("will visit", "plans to", "expect … will", "upcoming
talks"); else ``asserted``. Governing clauses are climbed up to the sentence root,
stopping at relative clauses (separate statements) and at verbs of saying, whose
subject becomes ``reported_by``; an adjunct clause ("…, rejecting the decision")
does not take the future of the clause it hangs on. A trigger of a type that embeds
("refused to allow talks") imposes its modality on the events under it. Cues live in
``data/events/modality.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from dyad.knowledge.events import ModalityCues
from dyad.records import Modality

_CLAUSE_STOPS = frozenset({"relcl"})
# what a trigger that embeds does not reach: the thing it acts on ("rejected an offer":
# the offer was made) and adverbial clauses ("denied it, threatening to sue")
_NOT_EMBEDDED = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "advcl"})
_PREDICATE_DEPS = frozenset({"acomp", "advmod", "attr", "oprd"})
_MAX_CLIMB = 12  # tokens climbed at most; parses of long sentences are shallow anyway


@dataclass(frozen=True, slots=True)
class Reading:
    """The modality of one event and, in a "said that" clause, who said it."""

    modality: Modality
    speech_subject: Token | None = None


def _negated_here(token: Token, cues: ModalityCues) -> bool:
    return (
        any(_is_negation(child, cues) for child in token.children)
        or (token.head.lower_ == "without" and token.dep_ == "pobj")
        or any(  # "no troops were injured", "no organization claimed"
            _is_negation(det, cues)
            for child in token.children
            if child.dep_ in ("nsubj", "nsubjpass")
            for det in child.children
        )
    )


def _is_negation(child: Token, cues: ModalityCues) -> bool:
    return (
        child.dep_ in ("neg", "det", "preconj") and child.lower_ in cues.negation_words
    )


def _own_cue(token: Token, cues: ModalityCues) -> Modality | None:
    """Return the modality marked on the trigger's own clause, if any."""
    found: Modality | None = None
    for child in token.children:
        lower, lemma = child.lower_, child.lemma_.lower()
        if child.dep_ in ("aux", "auxpass"):
            if lower in cues.hypothetical_auxiliaries and not _is_habitual(token, cues):
                return Modality.HYPOTHETICAL
            if lower in cues.future_auxiliaries or lemma in cues.future_auxiliaries:
                found = Modality.FUTURE
        elif child.dep_ == "mark" and lower in cues.hypothetical_markers:
            return Modality.HYPOTHETICAL
        elif child.dep_ == "advcl" and _is_condition(child, cues):
            return Modality.HYPOTHETICAL  # "will withdraw if the other side disarms"
        elif child.dep_ in ("amod", "advmod", "compound"):
            if lemma in cues.hypothetical_modifiers:
                return Modality.HYPOTHETICAL
            if lemma in cues.future_modifiers or lower in cues.future_modifiers:
                found = Modality.FUTURE
        elif child.dep_ in _PREDICATE_DEPS and lemma in cues.hypothetical_governors:
            return Modality.HYPOTHETICAL
        elif _is_future_time(child, cues):  # "meets Xi next week", "in coming months"
            found = Modality.FUTURE
    return found


def _is_habitual(token: Token, cues: ModalityCues) -> bool:
    """"would often raid": "would" as the past of a habit, with a frequency adverb."""
    return any(
        child.dep_ == "advmod" and child.lower_ in cues.habitual
        for child in token.children
    )


def _is_adjunct(clause: Token) -> bool:
    """Tell whether an adverbial clause is a participle or a finite adjunct ("…,
    rejecting the decision", "as a delegation visits"), not a purpose infinitive."""
    return clause.dep_ == "advcl" and not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children
    )


def _is_future_time(child: Token, cues: ModalityCues) -> bool:
    """Tell whether ``child`` is a time phrase pointing ahead ("next week")."""
    if child.dep_ == "prep" and child.lower_ in cues.future_prepositions:
        times = [g for g in child.children if g.dep_ == "pobj"]
    elif child.dep_ in ("npadvmod", "tmod"):
        times = [child]
    else:
        return False
    return any(g.lower_ in cues.future_modifiers for t in times for g in t.children)


def _governor_cue(token: Token, cues: ModalityCues) -> Modality | None:
    lemma = token.lemma_.lower()
    if lemma in cues.negation_governors:
        return Modality.NEGATED
    if lemma in cues.hypothetical_governors:
        return Modality.HYPOTHETICAL
    if lemma in cues.future_governors and token.pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
        return Modality.FUTURE
    return None


def _infinitive_cue(clause: Token, head: Token, cues: ModalityCues) -> Modality | None:
    """Read an infinitive under a copula or a pending verb: "is to meet" (future),
    "has yet to concede", "is yet to respond" (negated: not happened)."""
    if clause.dep_ != "xcomp" or not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children
    ):
        return None
    if any(
        c.dep_ == "advmod" and c.lower_ in cues.negation_pending for c in head.children
    ):
        return Modality.NEGATED
    if head.lemma_.lower() in cues.future_copulas:
        return Modality.FUTURE
    return None


_RANK = {
    Modality.ASSERTED: 0,
    Modality.FUTURE: 1,
    Modality.HYPOTHETICAL: 2,
    Modality.NEGATED: 3,
}


def _stronger(a: Modality, b: Modality | None) -> Modality:
    return a if b is None or _RANK[a] >= _RANK[b] else b


def read_modality(
    trigger: Token,
    anchor: Token,
    cues: ModalityCues,
    embedding: Mapping[int, Modality],
) -> Reading:
    """Return the modality of the event at ``trigger`` whose clause verb is ``anchor``.

    ``embedding`` maps token indices of other triggers to the modality they impose on
    events under them (from the type table's ``embeds``).
    """
    if _negated_here(trigger, cues) or _negated_here(anchor, cues):
        return Reading(Modality.NEGATED, _speaker(anchor, cues))
    modality = _stronger(Modality.ASSERTED, _own_cue(trigger, cues))
    if anchor.i != trigger.i:
        modality = _stronger(modality, _own_cue(anchor, cues))
    current = anchor
    path = [trigger, anchor]
    for _ in range(_MAX_CLIMB):
        if current.dep_ in _CLAUSE_STOPS or current.head.i == current.i:
            break
        head = current.head
        if head.lemma_.lower() in cues.speech_verbs and current.dep_ in (
            "ccomp",
            "parataxis",
        ):
            if modality == Modality.HYPOTHETICAL and _is_backshifted(path, cues):
                modality = Modality.FUTURE  # "Iraq said it would allow …"
            return Reading(modality, _subject(head))
        path.append(head)
        if current.dep_ != "conj":  # a coordinated clause is a sibling, not embedded
            if current.dep_ not in _NOT_EMBEDDED:
                modality = _stronger(modality, embedding.get(head.i))
            if current.dep_ != "advcl":  # "accuses X, while Y accuses Z": no claim
                modality = _stronger(modality, _governor_cue(head, cues))
            modality = _stronger(modality, _infinitive_cue(current, head, cues))
        above = _own_cue(head, cues) if head.pos_ != "NOUN" else None
        if above == Modality.FUTURE and _is_adjunct(current):
            above = None  # "will keep it open, rejecting the decision": said now
        modality = _stronger(modality, above)
        current = head
    return Reading(modality)


def _is_backshifted(path: list[Token], cues: ModalityCues) -> bool:
    """Tell whether reported speech uses "would" only as the past of "will".

    True when the one hypothetical cue on the clauses of ``path`` is an auxiliary of
    ``cues.reported_future`` and no condition ("if", "unless") is attached.
    """
    backshift = False
    for token in path:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in cues.reported_future:
                backshift = True
            elif _is_condition(child, cues):
                return False
    return backshift


def _is_condition(child: Token, cues: ModalityCues) -> bool:
    """Tell whether ``child`` is another modal or an "if" clause on its head."""
    if child.dep_ == "aux":
        return child.lower_ in cues.hypothetical_auxiliaries
    if child.dep_ in ("mark", "advcl"):
        words = {child.lower_} | {m.lower_ for m in child.children}
        return bool(words & cues.hypothetical_markers)
    return False


def _speaker(anchor: Token, cues: ModalityCues) -> Token | None:
    current = anchor
    for _ in range(_MAX_CLIMB):
        if current.dep_ in _CLAUSE_STOPS or current.head.i == current.i:
            return None
        if current.head.lemma_.lower() in cues.speech_verbs and current.dep_ in (
            "ccomp",
            "parataxis",
        ):
            return _subject(current.head)
        current = current.head
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None
