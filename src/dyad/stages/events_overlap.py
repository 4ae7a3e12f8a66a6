"""One record per act: events of one sentence that code the same act twice.

Two events overlap when they have the same sides and one trigger is the other's, or
sits inside the other's phrase: at most a few steps below it through its objects,
complements and prepositions ("would not offer more *aid*", "vowed *support* for",
"refused to *meet*"), not through a conjunct, an adverbial clause or a setting ("during
a phone *call*"). One record is kept, by the coding guidelines (EVENT-GUIDELINES §2):

- a statement whose type frames what it governs (``embeds`` in ``types.yaml``: a
  refusal, a promise or offer, a request, a threat) is the act; what it governs is its
  content, not a second event ("would not offer more aid" is a REJECT, not a negated
  AID; "vowed support for X" an AGREE, not a SUPPORT). An intent recoded from a planned
  act ("will resume negotiations") and an order to one's own forces ("ordered its army
  to attack") frame nothing: the act keeps its record;
- a light verb read as an event by the learned coder, with no trigger rule of its own,
  gives way to its noun ("grants an exemption": the exemption);
- two of one type are one event: the more confident stays.

Other overlaps keep both records ("rejected Egypt's demand": the demand has other
sides; "condemned the attack": the condemnation frames nothing; "signed an agreement":
signing is a SUPPORT of its own).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span, Token

from dyad.knowledge.events import EventLexicon
from dyad.records import Event

_REACH = 3  # head steps from an inner trigger up to the trigger whose phrase holds it


# the steps that stay inside a phrase: objects, complements, prepositions, modifiers
_PHRASE_DEPS = frozenset({
    "dobj", "dative", "attr", "oprd", "xcomp", "ccomp", "pcomp", "prep", "pobj",
    "compound", "amod", "nmod", "acl", "agent",
})


def one_record_per_act(
    events: Sequence[Event],
    sent: Span,
    lexicon: EventLexicon,
    superseded: Collection[int] = (),
) -> list[Event]:
    """Return ``events`` of ``sent`` with one record per act, in their order.

    ``superseded`` are token indices of triggers whose events already gave way (an
    AGREE above a threat it states: "vowed to retaliate" is one THREATEN).
    """
    doc = sent.doc
    dropped = {doc[i].idx for i in superseded}
    kept = [e for e in events if e.trigger_start not in dropped]
    if len(kept) < 2:
        return kept
    tokens = {t.idx: t for t in sent}
    losers: set[int] = set()
    for i, first in enumerate(kept):
        for j in range(i + 1, len(kept)):
            if i in losers or j in losers:
                continue
            loser = _loser(first, kept[j], tokens, lexicon)
            if loser is not None:
                losers.add(i if loser is first else j)
    return [e for n, e in enumerate(kept) if n not in losers]


def _loser(
    a: Event, b: Event, tokens: dict[int, Token], lexicon: EventLexicon
) -> Event | None:
    """Return the one of two events that gives way, or None when both stay."""
    ta, tb = tokens.get(a.trigger_start), tokens.get(b.trigger_start)
    if ta is None or tb is None or not same_sides(a, b):
        return None
    if ta.i == tb.i or _governs(ta, tb, lexicon.setting_preps):
        outer, inner = a, b
    elif _governs(tb, ta, lexicon.setting_preps):
        outer, inner, ta, tb = b, a, tb, ta
    else:
        return None
    if outer.type == inner.type:
        return inner if outer.confidence >= inner.confidence else outer
    framing_outer = lexicon.types[outer.type].embeds is not None
    framing_inner = lexicon.types[inner.type].embeds is not None
    if ta.i == tb.i:  # one word, two readings: the framing one, else the surer one
        if framing_outer != framing_inner:
            return inner if framing_outer else outer
        return inner if outer.confidence >= inner.confidence else outer
    if framing_outer and _frames(outer, lexicon):
        return inner
    if _light_reading(ta, lexicon) and tb.pos_ in {"NOUN", "PROPN"}:
        return outer
    return None


def _frames(event: Event, lexicon: EventLexicon) -> bool:
    """Tell whether a framing type's event frames what it governs: not an intent
    recoded from a planned act, nor an order to one's own forces ("ordered its army
    to attack": rules in ``background.yaml``'s ``except_rules`` keep the ordered act)."""
    rule = event.rule.split(".")[1] if "." in event.rule else event.rule
    excepted = rule.lower() in lexicon.background.content_except_rules
    return not excepted and not event.rule.endswith(".intent")


def _light_reading(verb: Token, lexicon: EventLexicon) -> bool:
    """Tell whether ``verb`` is a light verb with no trigger rule of its own."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon.light_verbs and lemma not in lexicon.verbs


def _governs(head: Token, token: Token, setting: frozenset[str]) -> bool:
    """Tell whether ``token`` sits in ``head``'s phrase, at most ``_REACH`` steps down."""
    for _ in range(_REACH):
        if token.head.i == token.i or token.dep_ not in _PHRASE_DEPS:
            return False
        if token.dep_ == "prep" and token.lower_ in setting:
            return False
        token = token.head
        if token.i == head.i:
            return True
    return False


def same_sides(a: Event, b: Event) -> bool:
    """Tell whether two events join the same parties the same way.

    A reciprocal event (several actors, no recipient) matches a one-sided one between
    the same parties ("refused to meet Japan": REJECT China → Japan, CONSULT China and
    Japan); reversed sides do not match ("rejected Egypt's demand").
    """
    if set(a.actor_ids) == set(b.actor_ids) and set(a.recipient_ids) == set(
        b.recipient_ids
    ):
        return bool(a.actor_ids or a.recipient_ids)
    parties_a = set(a.actor_ids) | set(a.recipient_ids)
    parties_b = set(b.actor_ids) | set(b.recipient_ids)
    reciprocal = any(not e.recipient_ids and len(e.actor_ids) > 1 for e in (a, b))
    return reciprocal and parties_a == parties_b
