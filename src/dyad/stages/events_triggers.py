"""Triggers for the events stage: which tokens signal an event, by which rule.

Every token is looked up once, by lemma, in the lexicon's dictionaries: verbs, verbs
restricted to certain objects ("imposed sanctions"; the object is absorbed), phrasal
verbs ("called on"), obligations ("said X must …") and nouns, which are anchored to a
light verb governing them ("held talks") or stand alone ("Blinken's visit"). Nouns
that only frame another event ("at the summit") are skipped.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.knowledge.events import ANY_ACTOR, ANY_PERSON, EventLexicon, TriggerRule
from dyad.stages.events_allegations import allegations, claimed_acts
from dyad.stages.events_passives import relative_heads, shared_subjects
from dyad.stages.events_said import factual_warnings, said_charges
from dyad.stages.events_senses import (
    IGNORED_DEPS,
    has_complement,
    has_force,
    has_infinitive,
    has_subject,
    is_contest,
    is_product,
    label_target,
    misread_objects,
)
from dyad.stages.events_settings import is_setting, names_parties

SUBJECTS = frozenset({"nsubj", "csubj"})


PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


# words a phrasal verb's preposition may stand after the verb ("spoke by phone with");
# farther ones belong to the clause ("send a bill to Congress in ten days")
_PARTICLE_REACH = 2


_NOMINAL_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})


_MISREAD_DEPS = frozenset({"acl", "xcomp", "advcl"})


# clauses a verb governs: "said X must go", "called for X to go"
_CLAUSES = frozenset({"ccomp", "advcl"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger found in the text before roles are read."""

    trigger: Token
    rule: TriggerRule
    anchor: Token  # the clause verb whose subject is the actor (a light verb for nouns)
    kind: str  # verb | noun | light
    absorbed: int | None = None  # token index of an object the rule consumed
    consumed: tuple[int, ...] = ()  # further tokens that are no triggers of their own


def children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(
    token: Token, preps: frozenset[str], actor_tokens: Container[int] = ()
) -> list[Token]:
    """Return the objects of ``token``'s prepositions in ``preps``.

    In lower-case text the tagger may read "to ukraine" as an infinitive; an actor
    token under ``token`` with the auxiliary "to" then counts as the object of "to".
    """
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif (
            child.dep_ in _MISREAD_DEPS
            and child.i in actor_tokens
            and any(a.dep_ == "aux" and a.lower_ in preps for a in child.children)
        ):
            found.append(child)
    return found


def of_objects(noun: Token) -> list[Token]:
    """Return the objects of "of" after ``noun`` ("a suspension of air links")."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _object_of(
    token: Token,
    rule: TriggerRule,
    actor_tokens: Container[int],
    people: Container[int] = (),
) -> Token | None:
    """Return the object satisfying ``rule.objects`` (direct, passive or particle).

    The word ``@actor`` in ``rule.objects`` accepts any object that names an actor
    ("released six Americans"), ``@person`` one that names a person ("attacked Biden").
    """
    pool = children(token, OBJECTS | PASSIVE_SUBJECTS | {"acomp"})
    pool.extend(shared_subjects(token))  # "was detained and later released"
    pool.extend(relative_heads(token))  # "relations, which were severed by X"
    if not children(token, frozenset({"dobj"})):
        pool.extend(misread_objects(token))
    for child in token.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in rule.extra:
            pool.extend(children(child, frozenset({"pobj"})))
    for candidate in pool:
        measured = of_objects(candidate)  # "700 kg of medicine", "a shipment of arms"
        for head in (
            candidate,
            *children(
                candidate, frozenset({"conj", "compound"})
            ),  # "mediation efforts"
            *measured,
        ):
            if (
                head.lemma_.lower() in rule.objects
                or (
                    ANY_ACTOR in rule.objects
                    and head.i in actor_tokens
                    and not is_product(head)
                )
                or (ANY_PERSON in rule.objects and head.i in people)
            ):
                return head
    return None


def _has_extra(token: Token, extra: tuple[str, ...], pos: str) -> bool:
    if not extra:
        return True
    if pos == "noun":
        before = token.doc[max(token.i - len(extra), 0) : token.i]
        return [t.lemma_.lower() for t in before] == list(extra)
    # a particle, or a preposition or object right after the verb ("called on",
    # "open fire"), not any preposition of the clause ("send a bill … in ten days")
    reach = len(extra) + _PARTICLE_REACH
    near = [c for c in token.children if c.dep_ == "prt" or 0 < c.i - token.i <= reach]
    near += [  # the mark of a clause: "called for Chile to withdraw"
        m
        for c in children(token, _CLAUSES)
        for m in children(c, frozenset({"mark"}))
        if 0 < m.i - token.i <= reach
    ]
    words = {c.lower_ for c in near} | {c.lemma_.lower() for c in near}
    return all(word in words for word in extra)


def _match(
    token: Token,
    rules: Sequence[TriggerRule],
    actor_tokens: Container[int],
    people: Container[int] = (),
    label_preps: frozenset[str] = frozenset({"as"}),
) -> tuple[TriggerRule, int | None, tuple[int, ...]] | None:
    """Pick the most specific rule for ``token``: objects, then extras, then plain.

    Returns the rule, the token it absorbs (an object, or the person labelled) and
    further tokens that are no triggers of their own (the label: "a threat").
    """
    best: tuple[int, TriggerRule, int | None, tuple[int, ...]] | None = None
    for rule in rules:
        if not _has_extra(token, rule.extra, rule.pos):
            continue
        if rule.subjects and not has_subject(token, rule.subjects):
            continue
        if rule.unless and has_complement(token, rule.unless):
            continue
        if rule.infinitive and not has_infinitive(token):
            continue
        absorbed: int | None = None
        consumed: tuple[int, ...] = ()
        if rule.complement_aux:
            clause = _obligation(token, rule.complement_aux)
            if clause is None:
                continue
            absorbed = clause.i
        elif rule.labels:
            labelled = label_target(token, rule.labels, label_preps)
            if labelled is None:
                continue
            absorbed, consumed = labelled[0].i, (labelled[1].i,)
        elif rule.intransitive and children(token, OBJECTS):
            continue
        elif rule.objects:
            obj = _object_of(token, rule, actor_tokens, people)
            if obj is None or (ANY_PERSON in rule.objects and has_force(token)):
                continue
            if rule.negated_object is not None and rule.negated_object != any(
                c.dep_ == "neg" for c in obj.children
            ):
                continue
            absorbed = obj.i
        # a label is the most telling ("called X a terrorist" is no phone call)
        score = 2 * bool(rule.objects or rule.subjects or rule.complement_aux)
        score += 3 * bool(rule.labels)
        score += len(rule.extra)
        if best is None or score > best[0]:
            best = (score, rule, absorbed, consumed)
    return None if best is None else best[1:]


def _obligation(verb: Token, auxiliaries: frozenset[str]) -> Token | None:
    """Return the complement clause of ``verb`` that says someone must do something."""
    for clause in children(verb, _CLAUSES):
        has_subject = any(
            c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in clause.children
        )
        if has_subject and any(
            c.dep_ == "aux" and c.lower_ in auxiliaries for c in clause.children
        ):
            return clause
    return None


def _governing_light_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    """Return the light verb of "held talks", "launched days of war games"."""
    if noun.dep_ == "compound":  # "undertook a mediation mission"
        noun = noun.head
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ == "NOUN"
    ):
        noun = noun.head.head  # "launched ten days of war games"
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in lexicon.claim_nouns
        and head.head.dep_ == "dobj"
    ):
        return head.head.head  # "claimed responsibility for the attack": the claimer
    if (
        noun.dep_ in ("dobj", "nsubjpass", "attr")
        and head.lemma_.lower() in lexicon.light_verbs
    ):
        return head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in lexicon.light_verb_prepositions  # "engaged in talks"
        and head.head.lemma_.lower() in lexicon.light_verbs
    ):
        return head.head
    return None


def _rules_for(token: Token, lexicon: EventLexicon) -> tuple[TriggerRule, ...] | None:
    pos, lemma = token.pos_, token.lemma_.lower()
    if token.lower_ in lexicon.allegation_words and token.dep_ in ("amod", "advmod"):
        return None  # read with the act it marks (events_allegations)
    if (
        token.tag_ in ("VBN", "JJ")
        and token.dep_ in _NOMINAL_ROLES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    ):
        return None  # a participle used as a noun names people: "the accused"
    if pos == "ADJ" and token.dep_ in _NOMINAL_ROLES:  # "wants a bilateral with"
        return lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
    if pos in ("VERB", "ADJ"):
        return lexicon.verbs.get(lemma)
    if pos != "NOUN":
        return None
    if any(c.dep_ == "dobj" for c in token.children) or (
        token.dep_ == "ROOT" and children(token, frozenset({"appos"}))
    ):
        # a noun with a direct object, or a root noun with an apposition, is a
        # mis-tagged verb: "Peru's foreign ministry summons (the) envoy of Chile"
        return lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
    previous = token.doc[token.i - 1] if token.i else None
    if previous is not None and previous.lower_ == "to" and token.dep_ == "compound":
        # the small model tags some infinitives as nouns ("a push to court others")
        return lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
    return lexicon.nouns.get(lemma)


def find_candidates(
    sent: Span,
    lexicon: EventLexicon,
    actor_tokens: Container[int],
    people: Container[int] = (),
) -> list[Candidate]:
    """Return the trigger candidates of ``sent`` in token order.

    ``actor_tokens`` holds the indices of tokens covered by an actor mention and
    ``people`` those of person mentions (for objects like ``@person``).
    """
    found: list[Candidate] = []
    contest = is_contest(sent, lexicon)
    for token in sent:
        rules = _rules_for(token, lexicon)
        if not rules or (contest and token.lemma_.lower() in lexicon.contest_verbs):
            continue
        matched = _match(token, rules, actor_tokens, people, lexicon.label_prepositions)
        if matched is None:
            continue
        rule, absorbed, consumed = matched
        if any(
            o.lemma_.lower() in lexicon.ignore_objects
            for o in children(token, IGNORED_DEPS)
        ):
            continue  # "seized the opportunity", "withdrew her name"
        if rule.pos == "noun":
            light = _governing_light_verb(token, lexicon)
            if (
                light is None
                and is_setting(token, lexicon)
                and not names_parties(token, lexicon, actor_tokens)
            ):
                continue
            found.append(
                Candidate(token, rule, light or token, "light" if light else "noun")
            )
        else:
            found.append(Candidate(token, rule, token, "verb", absorbed, consumed))
    alleged, used = allegations(sent, lexicon, actor_tokens, found)
    speech = {c.trigger.i for c in found}  # "claimed that X was behind it": say-blame
    alleged += [a for a in claimed_acts(sent, lexicon, actor_tokens) if a[0].i not in speech]
    alleged += [  # "said X carried out the bombing"
        a
        for a in said_charges(sent, lexicon, actor_tokens, found)
        if a[0].i not in speech and all(a[0].i != b[0].i for b in alleged)
    ]
    found.extend(Candidate(m, r, a, "verb", d.i) for m, r, a, d in alleged)
    found.sort(key=lambda c: c.trigger.i)
    used.update(c.absorbed for c in found if c.absorbed is not None)
    used.update(i for c in found for i in c.consumed)
    used.update(factual_warnings(found, lexicon))  # "warned that X is displaced"
    return [c for c in found if c.trigger.i not in used]


def candidate_for(
    token: Token, lexicon: EventLexicon, rule: TriggerRule | None = None
) -> Candidate | None:
    """Return the candidate ``token`` would be, for a coder that picks its own triggers.

    ``rule`` defaults to the lexicon's most specific rule for the token (None when the
    lexicon has none and no rule is given). A noun under a light verb is anchored to
    that verb ("held talks"), as in ``find_candidates``. Any token of a parsed doc may
    be passed; no filter (contests, ignored objects, settings) is applied.
    """
    absorbed: int | None = None
    consumed: tuple[int, ...] = ()
    if rule is None:
        rules = _rules_for(token, lexicon)
        matched = (
            _match(token, rules, (), (), lexicon.label_prepositions) if rules else None
        )
        if matched is None:
            return None
        rule, absorbed, consumed = matched
    if rule.pos == "noun":
        light = _governing_light_verb(token, lexicon)
        return Candidate(token, rule, light or token, "light" if light else "noun")
    return Candidate(token, rule, token, "verb", absorbed, consumed)
