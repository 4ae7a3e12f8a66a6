"""Refusals stated as negated intentions: "Iran will not agree to the deal".

A negated future of an agreement, a meeting or support ("will not agree", "would not
meet", "won't recognise") is no negated event but a refusal that was stated: PLOVER's
REJECT, asserted (EVENT-GUIDELINES §2: refusals are REJECT). A plain negated past
("did not meet") stays a negated event of its own type.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon
from dyad.records import Event, EventType, Modality

# the types whose negated intention is a refusal, and the REJECT mode each takes
_REFUSED: dict[EventType, str | None] = {
    EventType.AGREE: None,
    EventType.SUPPORT: None,
    EventType.CONSULT: "meet",
}


def _is_negated_intention(anchor: Token, lexicon: EventLexicon) -> bool:
    cues = lexicon.modality
    future = cues.future_auxiliaries | cues.reported_future
    auxiliaries = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in anchor.children)
    return negated and bool(auxiliaries & future)


def _negation_is_the_refusal(event: Event, anchor: Token, lexicon: EventLexicon) -> bool:
    """A REJECT at a word that is no refusal ("is not seeking talks", coded so by the
    learned coder): its negation makes the refusal, which was stated."""
    if event.type != EventType.REJECT or event.modality != Modality.NEGATED:
        return False
    rules = lexicon.verbs.get(anchor.lemma_.lower(), ()) + lexicon.nouns.get(
        anchor.lemma_.lower(), ()
    )
    return not any(r.type == EventType.REJECT for r in rules)


def as_refusal(event: Event, anchor: Token, lexicon: EventLexicon) -> Event:
    """Return ``event`` recoded as a REJECT when it is a negated intention."""
    if _negation_is_the_refusal(event, anchor, lexicon):
        return replace(event, modality=Modality.ASSERTED)
    if event.type not in _REFUSED or event.modality != Modality.NEGATED:
        return event
    if not _is_negated_intention(anchor, lexicon):
        return event
    info = lexicon.types[EventType.REJECT]
    mode = _REFUSED[event.type]
    cameo = info.modes.get(mode, info.cameo) if mode else info.cameo
    # a meeting lists both sides as actors, the subject first: the refuser is it
    split = 1 if event.type == EventType.CONSULT else len(event.actor_ids)
    actors, others = event.actor_ids[:split], event.actor_ids[split:]
    return replace(
        event,
        actor_ids=actors,
        recipient_ids=tuple(dict.fromkeys(others + event.recipient_ids)),
        type=EventType.REJECT,
        mode=mode,
        cameo=cameo,
        quad=lexicon.quad_of(cameo),
        intensity=info.intensity,
        modality=Modality.ASSERTED,
        rule=event.rule + ".refusal",
    )
