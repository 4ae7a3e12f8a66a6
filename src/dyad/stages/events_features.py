"""Candidates and features for the learned event coder (``events_model``).

The rules' candidates (lexicon hits) are too narrow for the model to raise recall, so
this module adds every other verb and noun of a sentence that has a participant: an
actor as its subject, object or prepositional object, or, for a noun, as its possessor,
modifier or ``by``/``of``/``against``/``on`` phrase ("US sanctions on Iran",
"criticism of Beijing"). Each candidate is described by a list of strings read off
the parse and the coded actors around it: its lemma and part of speech, the rule that
fired on it (if any, with its type), its head and governing clause, who its subject and
object are (an actor? of which kind and sector?), its prepositions and their objects,
negation and auxiliaries, and the words beside it. The same code builds the features
at training and at run time, so both see the same parse and the same actors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.knowledge.events import EventLexicon
from dyad.stages.events_parties import subject_token
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import OBJECTS, PASSIVE_SUBJECTS, Candidate

_VERB_ARGS = OBJECTS | PASSIVE_SUBJECTS | {"nsubj", "agent", "prep", "dative"}
_NOUN_MODS = frozenset({"poss", "compound", "amod", "nmod"})
_LIGHT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})


@dataclass(frozen=True, slots=True)
class Site:
    """A token the model judges: its rule candidate (if any) and how it is anchored."""

    trigger: Token
    anchor: Token  # the clause verb whose subject is the actor
    kind: str  # verb | noun | light
    candidate: Candidate | None  # the rules' candidate on this token, if one fired


def _actor_in(token: Token, cast: Cast) -> bool:
    """Tell whether ``token``'s phrase names an actor, or is a pronoun for one."""
    if token.pos_ == "PRON":
        return bool(cast.of(token))
    return any(t.i in cast.by_token for t in token.subtree)


def _light_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    head = noun.head
    if noun.dep_ in _LIGHT_DEPS and head.lemma_.lower() in lexicon.light_verbs:
        return head
    return None


def _verb_has_party(verb: Token, cast: Cast) -> bool:
    for child in verb.children:
        if child.dep_ not in _VERB_ARGS:
            continue
        if (
            child.dep_ in ("prep", "agent")
            and child.lower_ not in cast.grammar.party_verb_prepositions
        ):
            continue
        if _actor_in(child, cast):
            return True
    return False


def _noun_has_party(noun: Token, cast: Cast) -> bool:
    for child in noun.children:
        if child.dep_ in _NOUN_MODS and _actor_in(child, cast):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in cast.grammar.party_noun_prepositions
            and _actor_in(child, cast)
        ):
            return True
    return False


def find_sites(
    sent: Span,
    candidates: list[Candidate],
    cast: Cast,
    lexicon: EventLexicon,
) -> list[Site]:
    """Return the rules' candidates plus every verb or noun with a participant.

    A token covered by an actor mention ("officials" in "US officials") is no site.
    """
    by_token = {c.trigger.i: c for c in candidates}
    sites: list[Site] = []
    for token in sent:
        rule_candidate = by_token.get(token.i)
        if rule_candidate is not None:
            sites.append(
                Site(token, rule_candidate.anchor, rule_candidate.kind, rule_candidate)
            )
            continue
        if token.i in cast.by_token:
            continue
        if token.pos_ == "VERB":
            if _verb_has_party(token, cast) or subject_is_actor(token, cast, lexicon):
                sites.append(Site(token, token, "verb", None))
        elif token.pos_ == "NOUN":
            light = _light_verb(token, lexicon)
            if light is not None and subject_is_actor(light, cast, lexicon):
                sites.append(Site(token, light, "light", None))
            elif _noun_has_party(token, cast):
                sites.append(Site(token, token, "noun", None))
    return sites


def subject_is_actor(verb: Token, cast: Cast, lexicon: EventLexicon) -> bool:
    """Tell whether the (climbed) subject of ``verb`` names an actor."""
    subject, _ = subject_token(verb, lexicon)
    return subject is not None and bool(cast.of(subject))


def _who(token: Token | None, cast: Cast) -> str:
    """Describe a role head: ``none``, ``word``, or the kind of the actor it names."""
    if token is None:
        return "none"
    ids = cast.of(token)
    if not ids:
        return "pron" if token.pos_ == "PRON" else "word"
    actor = cast.actors.get(ids[0])
    return actor.kind.value if actor is not None else "word"


def _sector(token: Token | None, cast: Cast) -> str:
    if token is None:
        return "-"
    ids = cast.of(token)
    actor = cast.actors.get(ids[0]) if ids else None
    return (actor.sector or "-") if actor is not None else "-"


def features(site: Site, cast: Cast, lexicon: EventLexicon) -> list[str]:
    """Return the feature strings of one site (sorted, without duplicates)."""
    return sorted(set(_features(site, cast, lexicon)))


def _features(site: Site, cast: Cast, lexicon: EventLexicon) -> Iterator[str]:
    t, anchor = site.trigger, site.anchor
    lemma = t.lemma_.lower()
    yield "bias.kind=" + site.kind
    yield "l=" + lemma
    yield f"lp={lemma}|{t.pos_}"
    yield "tag=" + t.tag_
    yield f"dep={t.dep_}"
    yield f"l+dep={lemma}|{t.dep_}"
    if site.candidate is not None:
        rule = site.candidate.rule
        yield "rule.type=" + rule.type.value
        yield "rule.name=" + rule.rule
        yield f"rule.kind={site.candidate.kind}|{rule.type.value}"
        if rule.mode:
            yield f"rule.mode={rule.type.value}|{rule.mode}"
    else:
        yield "rule.none"
    head = t.head
    yield f"head={head.lemma_.lower()}|{t.dep_}"
    if anchor.i != t.i:
        yield "light=" + anchor.lemma_.lower()
        yield f"light+l={anchor.lemma_.lower()}|{lemma}"
    subject, passive = subject_token(anchor, lexicon)
    who = _who(subject, cast)
    yield f"subj={who}|{'pass' if passive else 'act'}"
    yield f"l+subj={lemma}|{who}"
    yield f"subj.sector={_sector(subject, cast)}"
    yield from _object_features(t, anchor, lemma, cast)
    yield from _child_features(t, anchor, lemma, cast)
    yield from _context_features(t, lemma, lexicon)
    yield from _sense_features(site, lemma, subject, cast, lexicon)


def _sense_features(
    site: Site, lemma: str, subject: Token | None, cast: Cast, lexicon: EventLexicon
) -> Iterator[str]:
    """The lexicon's types for the lemma, and how many sides name an actor.

    A lemma the lexicon lists for a type is evidence for that type even where no rule
    fired (its object or preposition did not fit), and it carries over to lemmas seen
    rarely in training; the count of coded sides tells a dyadic event from a bare verb.
    """
    entries = lexicon.verbs if site.kind == "verb" else lexicon.nouns
    senses = sorted({rule.type.value for rule in entries.get(lemma, ())})
    for sense in senses:
        yield "lex=" + sense
    if not senses:
        yield "lex=none"
    sides = int(bool(cast.of(subject))) + int(_other_side(site, cast))
    yield f"sides={sides}"
    yield f"sides+kind={sides}|{site.kind}"
    for sense in senses:
        yield f"lex+sides={sense}|{sides}"
    if _in_quote(site.trigger):
        yield "quoted"


def _other_side(site: Site, cast: Cast) -> bool:
    """Tell whether an object, party preposition or noun modifier names an actor."""
    t, anchor = site.trigger, site.anchor
    if any(c.dep_ in OBJECTS and c.i != t.i and cast.of(c) for c in anchor.children):
        return True
    if t.pos_ == "NOUN" and _noun_has_party(t, cast):
        return True
    return any(
        c.dep_ in ("prep", "agent")
        and c.lower_ in cast.grammar.party_verb_prepositions
        and _actor_in(c, cast)
        for c in anchor.children
    )


def _in_quote(t: Token) -> bool:
    """Tell whether ``t`` stands inside quotation marks of its sentence."""
    marks = sum(1 for w in t.sent if w.i < t.i and w.is_quote and w.text != "'")
    return marks % 2 == 1


def _object_features(t: Token, anchor: Token, lemma: str, cast: Cast) -> Iterator[str]:
    objects = [c for c in anchor.children if c.dep_ in OBJECTS and c.i != t.i]
    if not objects:
        yield "obj=none"
        yield f"l+obj={lemma}|none"
    for obj in objects[:2]:
        who = _who(obj, cast)
        yield f"obj={who}"
        yield f"obj.l={obj.lemma_.lower()}"
        yield f"l+obj={lemma}|{who}"
        yield f"l+obj.l={lemma}|{obj.lemma_.lower()}"
        yield f"obj.sector={_sector(obj, cast)}"


def _child_features(t: Token, anchor: Token, lemma: str, cast: Cast) -> Iterator[str]:
    holders = (t,) if anchor.i == t.i else (t, anchor)
    for holder in holders:
        for child in holder.children:
            dep = child.dep_
            if dep in ("prep", "agent"):
                pobjs = [p for p in child.children if p.dep_ == "pobj"]
                who = _who(pobjs[0], cast) if pobjs else "none"
                yield f"prep={child.lower_}|{who}"
                yield f"l+prep={lemma}|{child.lower_}"
                if pobjs:
                    yield f"prep.l={child.lower_}|{pobjs[0].lemma_.lower()}"
            elif dep in ("neg", "aux", "auxpass", "prt", "mark", "advmod"):
                yield f"{dep}={child.lower_}"
            elif dep in ("xcomp", "ccomp"):
                yield f"{dep}={child.lemma_.lower()}"
                yield f"l+{dep}={lemma}|{child.pos_}"
            elif dep in _NOUN_MODS and t.pos_ == "NOUN" and holder.i == t.i:
                yield f"mod={dep}|{_who(child, cast)}"


def _context_features(t: Token, lemma: str, lexicon: EventLexicon) -> Iterator[str]:
    doc = t.doc
    before = doc[t.i - 1].lower_ if t.i > t.sent.start else "<s>"
    after = doc[t.i + 1].lower_ if t.i + 1 < t.sent.end else "</s>"
    yield "prev=" + before
    yield "next=" + after
    yield f"l+next={lemma}|{after}"
    governor = t.head
    hops = 0
    while governor.i != governor.head.i and hops < 3 and governor.pos_ != "VERB":
        governor, hops = governor.head, hops + 1
    if governor.i != t.i:
        lower = governor.lemma_.lower()
        yield "gov=" + lower
        # an event inside an accusation or a report ("accused X of killing") is its
        # content, and the annotators code only the governing one
        for rule in lexicon.verbs.get(lower, ())[:1]:
            yield "gov.lex=" + rule.type.value
        if lower in lexicon.modality.speech_verbs:
            yield "gov.speech"
    if t.i == t.sent.root.i:
        yield "root"
    if t.lower_ != t.text and t.text.isupper():
        yield "upper"
