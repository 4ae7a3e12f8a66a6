"""Charges carried by a said-clause: "Pakistan said Afghan nationals carried out the
bombing", "Trump said Bolton broke the law".

EVENT-GUIDELINES §2 codes a speech act "through 'said' when the clause says it": a verb
of saying (one of the ``say-blame`` rule's verbs) whose complement tells of a hostile
act by a named party is ACCUSE by the speaker against that party. The act is one of the
candidates already found, of a type of ``said_charges.yaml`` (an attack, an arrest, a
threat), or a verb and object of its ``charge_objects`` ("broke the law"). The doer must
be the complement's active subject and name an actor; a pronoun or a thing a pronoun
owns ("it", "its troops") is the speaker's side and is never accused. An attribution
after the report ("X shelled Y, officials said") only sources the news: no charge. The
act inside stays as found (its modality is read elsewhere).

A threat verb whose only complement is a that-clause of present or past fact ("UNICEF
warned that thousands are displaced") warns of a danger and threatens no one: it is no
candidate. A clause of what will or may be done ("warned that it would close the
border", "… that Britain will face consequences") stays a threat.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon, TriggerRule
from dyad.knowledge.files import data_path, fail, read_yaml
from dyad.records import EventType

if TYPE_CHECKING:  # events_roles imports the trigger finder, which imports this
    from dyad.stages.events_roles import Cast

_RULE = "say-blame"
_CLAUSES = frozenset({"ccomp"})
_MORE_VERBS = frozenset({"conj", "xcomp"})  # "said X attacked and seized", "tried to"


class _Found(Protocol):
    """A candidate found before (``events_triggers.Candidate``)."""

    @property
    def anchor(self) -> Token: ...

    @property
    def rule(self) -> TriggerRule: ...


class _Candidate(_Found, Protocol):
    @property
    def trigger(self) -> Token: ...


@dataclass(frozen=True, slots=True)
class ChargeCues:
    """What makes a said-clause a charge (``said_charges.yaml``)."""

    types: frozenset[EventType]
    objects: Mapping[str, frozenset[str]]  # verb lemma -> object lemmas
    verbs: frozenset[str] = frozenset()  # verbs of reporting beyond say-blame's


@lru_cache(maxsize=1)
def charge_cues() -> ChargeCues:
    """Read the packaged ``events/said_charges.yaml``.

    Raises:
        ResourceError: the file is missing or malformed.
    """
    path = data_path("events", "said_charges.yaml")
    data = read_yaml(path)
    try:
        types = frozenset(EventType(str(t)) for t in data["charge_types"])
        objects = {
            str(verb).lower(): frozenset(str(o).lower() for o in words)
            for verb, words in data["charge_objects"].items()
            if verb != "__line__"
        }
        verbs = frozenset(str(v).lower() for v in data.get("report_verbs") or ())
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise fail(path, None, f"bad said-clause charges: {e!r}") from e
    return ChargeCues(types, objects, verbs)


def _say_rule(
    verb: Token, lexicon: EventLexicon, cues: ChargeCues
) -> TriggerRule | None:
    """Return the ``say-blame`` rule of ``verb``, or of "say" for a verb of reporting."""
    lemma = verb.lemma_.lower()
    rules = lexicon.verbs.get("say" if lemma in cues.verbs else lemma) or ()
    return next((r for r in rules if r.rule == _RULE), None)


def _own_side(subject: Token) -> bool:
    """Tell whether a subject is the speaker's side: a pronoun or what one owns."""
    if subject.pos_ in ("PRON", "DET"):
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _names_actor(token: Token, actor_tokens: Container[int]) -> bool:
    """Tell whether ``token`` or a modifier of it is an actor ("Chinese ships")."""
    return token.i in actor_tokens or any(
        c.i in actor_tokens
        for c in token.children
        if c.dep_ in ("amod", "compound", "poss", "nmod")
    )


def _charged(clause: Token, hostile: set[int], cues: ChargeCues) -> bool:
    """Tell whether the complement ``clause`` (or a verb joined to it) is a hostile act
    found before or a charge of ``cues.objects``."""
    for verb in (clause, *(c for c in clause.children if c.dep_ in _MORE_VERBS)):
        if verb.i in hostile:
            return True
        wanted = cues.objects.get(verb.lemma_.lower())
        if wanted and any(
            c.dep_ == "dobj" and c.lemma_.lower() in wanted for c in verb.children
        ):
            return True
    return False


def _actor_token(
    doer: Token, triggers: Container[int], actor_tokens: Container[int]
) -> Token:
    """Return the token naming who is accused: ``doer``, or when it is an event noun
    found as a trigger of its own ("Kenyan attacks … had killed ten") its actor
    modifier, so that the noun keeps its own event."""
    if doer.i not in triggers:
        return doer
    return next(
        (
            c
            for c in doer.children
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in actor_tokens
        ),
        doer,
    )


def _speaking_clause(verb: Token) -> Token:
    """Return the verb whose subject speaks: ``verb``, or for a participle the parser
    hung on a noun ("closed its airspace to flights, saying …": on "flights") the
    verb of that noun's clause."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return verb
    for above in verb.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return above
    return verb


def said_charges(
    tokens: Iterable[Token],
    lexicon: EventLexicon,
    actor_tokens: Container[int],
    found: Iterable[_Candidate],
) -> list[tuple[Token, TriggerRule, Token, Token]]:
    """Return the charges made by verbs of saying among ``tokens``: the verb, its
    ``say-blame`` rule, the verb whose subject accuses (the verb itself, or the clause
    of a misplaced participle: ``_speaking_clause``) and the complement's
    subject (who is accused). ``found`` holds the candidates found so far; a verb of
    saying that is one of them is left to its own rule."""
    cues = charge_cues()
    listed = list(found)
    spoken = {c.anchor.i for c in listed if c.rule.type == EventType.ACCUSE}
    hostile = {c.anchor.i for c in listed if c.rule.type in cues.types}
    triggers = {c.trigger.i for c in listed}
    out: list[tuple[Token, TriggerRule, Token, Token]] = []
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.i in spoken:
            continue
        rule = _say_rule(verb, lexicon, cues)
        if rule is None:
            continue
        for clause in verb.children:
            if clause.dep_ not in _CLAUSES or clause.i < verb.i:
                continue  # "X struck Y, officials said" attributes a report
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
            if (
                doers
                and not _own_side(doers[0])
                and _names_actor(doers[0], actor_tokens)
                and _charged(clause, hostile, cues)
            ):
                doer = _actor_token(doers[0], triggers, actor_tokens)
                out.append((verb, rule, _speaking_clause(verb), doer))
                break
    return out


def _open(clause: Token, lexicon: EventLexicon) -> bool:
    """Tell whether a clause (or a verb joined to it) tells what will or may be."""
    cues = lexicon.modality
    ahead = cues.hypothetical_auxiliaries | cues.future_auxiliaries
    return any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in ahead
        for v in (clause, *(c for c in clause.children if c.dep_ in _MORE_VERBS))
        for a in v.children
    )


def factual_warnings(found: Iterable[_Candidate], lexicon: EventLexicon) -> set[int]:
    """Return the trigger indices of verbal THREATEN candidates among ``found`` that
    only state a fact: a that-clause with no future or modal auxiliary, and no object,
    preposition or infinitive of the verb's own ("warned Peru", "warned of reprisals",
    "warned X to leave" stay)."""
    out: set[int] = set()
    for c in found:
        verb = c.trigger
        if c.rule.type != EventType.THREATEN or verb.pos_ != "VERB":
            continue
        deps = {child.dep_ for child in verb.children}
        clauses = [child for child in verb.children if child.dep_ == "ccomp"]
        if not clauses or deps & {"dobj", "prep", "xcomp", "dative", "advcl"}:
            continue
        if not any(_open(clause, lexicon) for clause in clauses):
            out.add(verb.i)
    return out


class _Made(Protocol):
    """A candidate about to become events (``events_triggers.Candidate``)."""

    @property
    def trigger(self) -> Token: ...

    @property
    def rule(self) -> TriggerRule: ...

    @property
    def absorbed(self) -> int | None: ...

    @property
    def consumed(self) -> tuple[int, ...]: ...


def not_a_charge(candidate: _Made, actors: Iterable[str], cast: Cast) -> bool:
    """Tell whether a charge of ``said_charges`` (a ``say-blame`` candidate with no
    label word) is none after all: its doer is of the speaker's own country (every
    actor of the doer has a speaker's code, ``actors`` being ids of ``cast``: "the army
    said Israel had struck X", "Afghan officials say Taliban fighters attacked a
    checkpoint" sources the news of a conflict at home), no speaker is coded
    ("activists said"), or the news media report it ("Reuters reported that …")."""
    c = candidate
    if c.rule.rule != _RULE or c.consumed or c.absorbed is None:
        return False  # a label ("said X was behind it") accuses whoever it names
    known = cast.actors
    speakers = [known[a] for a in actors if a in known]
    if c.trigger.lemma_.lower() in charge_cues().verbs and any(
        a.sector == "MED" for a in speakers
    ):
        return True
    speaking = {a.code for a in speakers} - {None}
    if not speaking:
        return True  # "activists said", "sources said": a source, no coded accuser
    doers = [known[a] for a in cast.of(c.trigger.doc[c.absorbed]) if a in known]
    return bool(doers) and all(a.code in speaking for a in doers)
