"""Speech acts the clause structure makes: conditional threats.

"Iran said that if Israel attacked, it would strike back" states a threat: the speaker
says what it will do should the other side act. The retaliation itself is conditional
(``hypothetical``), but the statement was made: when the type has a threat intent
(ASSAULT, SANCTION, COERCE …; ``types.yaml``) and the actor says so itself (the speaker
or one of its code: "Iran's minister said … Tehran would"), it is a THREATEN, asserted. The
party threatened is the event's recipient or else the subject of the condition ("if
Israel attacked": Israel). A condition on the speaker's own act ("if we are attacked")
or on a third party named nowhere keeps the event one-sided.

A threat verb with a condition of its own ("threatened sanctions if Russia does not
agree", "warned of a response if Israel strikes") is likewise asserted: the condition
bears on the act threatened, not on the threat, which was made.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon
from dyad.records import Event, EventType, Modality
from dyad.stages.events_roles import Cast

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _condition(verb: Token, lexicon: EventLexicon) -> Token | None:
    """Return the "if"/"unless" clause on ``verb`` when ``verb`` is in the future or
    its reported past ("will strike", "would retaliate")."""
    cues = lexicon.modality
    tense = cues.future_auxiliaries | cues.reported_future
    if not any(c.dep_ == "aux" and c.lower_ in tense for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in cues.hypothetical_markers
            for m in clause.children
        ):
            return clause
    return None


def _says_itself(event: Event, cast: Cast) -> bool:
    """Tell whether the speaker is the actor, or of the actor's code ("the Iranian
    foreign minister said … Tehran would retaliate")."""
    speaker = event.reported_by
    if speaker is None:
        return False
    if speaker in event.actor_ids:
        return True
    known = cast.actors.get(speaker)
    code = known.code if known is not None else None
    return code is not None and any(
        a in cast.actors and cast.actors[a].code == code for a in event.actor_ids
    )


def _own_condition(verb: Token, lexicon: EventLexicon) -> bool:
    """Tell whether ``verb`` has an "if"/"unless" clause and no modal of its own
    ("threatened sanctions if …", not "could threaten … if …")."""
    cues = lexicon.modality
    if any(
        c.dep_ == "aux" and c.lower_ in cues.hypothetical_auxiliaries
        for c in verb.children
    ):
        return False
    return any(
        clause.dep_ == "advcl"
        and any(
            m.dep_ == "mark" and m.lower_ in cues.hypothetical_markers
            for m in clause.children
        )
        for clause in verb.children
    )


def conditional_threat(
    event: Event, anchor: Token, cast: Cast, lexicon: EventLexicon
) -> Event:
    """Return ``event`` recoded as THREATEN when it is a conditional its actor states
    ("said that if X attacked, it would retaliate"), a threat with a condition of its
    own made asserted; else ``event`` unchanged.

    The threat is asserted (the statement was made); its recipient, if the event had
    none, is the actor the condition names.
    """
    if event.modality != Modality.HYPOTHETICAL:
        return event
    if event.type == EventType.THREATEN and _own_condition(anchor, lexicon):
        return replace(event, modality=Modality.ASSERTED)
    info = lexicon.types[event.type]
    if (
        event.modality != Modality.HYPOTHETICAL
        or info.intent is None
        or info.intent_type != EventType.THREATEN
        or not _says_itself(event, cast)
    ):
        return event
    clause = _condition(anchor, lexicon)
    if clause is None:
        return event
    recipients = event.recipient_ids or tuple(
        dict.fromkeys(
            a
            for s in clause.children
            if s.dep_ in _SUBJECTS
            for a in cast.of(s)
            if a not in event.actor_ids
        )
    )
    return replace(
        event,
        type=EventType.THREATEN,
        mode=None,
        modality=Modality.ASSERTED,
        cameo=info.intent,
        quad=lexicon.quad_of(info.intent),
        intensity=lexicon.types[EventType.THREATEN].intensity,
        recipient_ids=recipients,
        rule=event.rule + ".condition",
    )
