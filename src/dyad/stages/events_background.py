"""Background and unasserted text for the events stage: triggers that are no new event.

A trigger word does not always report an act that the sentence asserts. Four classes of
language are dropped here, after the sentence's roles are read (so that the speech act
around them still takes its participants from them):

- the **content** of a request or a threat: "called for the minister's resignation"
  codes the REQUEST, not a RETREAT; "threatened to strike the port" the THREATEN only;
- the act inside an **allegation**: "accused the army of shelling the town", "suspected
  of smuggling arms", "allegedly provided the weapons" (the allegation is the ACCUSE);
- an act in an indirect **question** ("declined to confirm whether its jets struck");
- an event noun naming the **kind** of an accord or talks ("a cooperation pact");
- a newsroom's request for **information** ("asked the ministry for comment") and a
  question "about" something; a photo **caption** ("Pictured: …", "X (left) with Y");
- a newsroom's **projection** of a vote: "the agency called the race for the senator";
- a **state**: an agreement or truce named as standing ("the approved accord", "the
  ongoing ceasefire"): the sentence is about something else;
- a claim to **territory**: "Taiwan, which China claims as its own", "claims sovereignty
  over the islands" (no allegation; "claimed that X did Y" is one).

The words live in ``data/events/background.yaml`` (``lexicon.background``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from dyad.knowledge.event_background import BackgroundCues
from dyad.stages.events_triggers import Candidate

_MAX_CLIMB = 12  # heads climbed at most from a trigger
_CLAUSE_STOPS = frozenset({"relcl"})  # a relative clause is a statement of its own


def background_triggers(candidates: Sequence[Candidate], cues: BackgroundCues) -> set[int]:
    """Return the trigger indices of the candidates that assert no new event."""
    speech_acts = {
        c.trigger.i
        for c in candidates
        if c.rule.type in cues.content_types
        and c.rule.rule.lower() not in cues.content_except_rules
    }
    if candidates and is_caption(candidates[0].trigger.sent, cues):
        return {c.trigger.i for c in candidates}
    return {
        c.trigger.i
        for c in candidates
        if _is_state(c, cues)
        or _is_information_request(c, cues)
        or _is_kind(c, cues)
        or _is_question(c, cues)
        or _is_projection(c, cues)
        or _is_marked_alleged(c, cues)
        or (c.rule.type in cues.territory_types and is_territorial_claim(c.trigger, cues))
        or _is_embedded(c, speech_acts - {c.trigger.i}, cues)
    }


def _is_embedded(c: Candidate, speech_acts: set[int], cues: BackgroundCues) -> bool:
    """Tell whether the candidate is the content of a request, a threat or an
    allegation above it ("called for X's resignation", "accused X of shelling")."""
    for start in {c.trigger.i: c.trigger, c.anchor.i: c.anchor}.values():
        current = start
        for _ in range(_MAX_CLIMB):
            if current.dep_ in _CLAUSE_STOPS or current.head.i == current.i:
                break
            head = current.head
            if _hangs_as_content(current, cues) and (
                head.i in speech_acts
                or head.lemma_.lower() in cues.allegation_governors
            ):
                return True
            current = head
    return False


def _hangs_as_content(child: Token, cues: BackgroundCues) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in cues.content_preps
    if child.dep_ == "advcl":  # "calling for the government to act"
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
    return child.dep_ in cues.content_deps


def is_caption(sent: Span, cues: BackgroundCues) -> bool:
    """Tell whether a sentence is a photo caption: "Pictured: …", "X (left) and Y"."""
    words = [t.lower_ for t in sent]
    if len(words) > 1 and words[0] in cues.caption_openers and words[1] == ":":
        return True
    return any(
        words[i - 1] == "(" and words[i] in cues.caption_positions and words[i + 1] == ")"
        for i in range(1, len(words) - 1)
    )


def _is_information_request(c: Candidate, cues: BackgroundCues) -> bool:
    """"asked the ministry for comment", "declined a request for an interview",
    "asked the envoy about the talks": a newsroom's or a question, no request."""
    if c.rule.type not in cues.information_types:
        return False
    wanted = [  # the object and its phrase, two levels down ("a request for comment")
        g
        for token in (c.trigger, c.anchor)
        for child in token.children
        if child.dep_ in ("prep", "dobj")
        for kid in (child, *child.children)
        for g in (kid, *kid.children)
    ]
    if any(g.lemma_.lower() in cues.information_objects for g in wanted):
        return True
    if c.trigger.lemma_.lower() not in cues.question_verbs:
        return False
    kids = list(c.trigger.children)
    asks_to = any(k.dep_ in ("xcomp", "ccomp") for k in kids)
    about = any(k.dep_ == "prep" and k.lower_ in cues.question_preps for k in kids)
    return about and not asks_to


def _is_question(c: Candidate, cues: BackgroundCues) -> bool:
    """"declined to confirm whether its jets struck the convoy"."""
    return any(
        child.dep_ == "mark" and child.lower_ in cues.question_markers
        for child in c.anchor.children
    )


def _is_kind(c: Candidate, cues: BackgroundCues) -> bool:
    """"a cooperation pact", "the ceasefire deal": the noun names the accord's kind."""
    trigger = c.trigger
    return (
        trigger.dep_ == "compound"
        and trigger.pos_ == "NOUN"
        and trigger.head.lemma_.lower() in cues.kind_heads
    )


def _is_marked_alleged(c: Candidate, cues: BackgroundCues) -> bool:
    """"allegedly provided the weapons", "the alleged plot"."""
    return any(
        child.dep_ in ("advmod", "amod") and child.lower_ in cues.allegation_markers
        for token in (c.trigger, c.anchor)
        for child in token.children
    )


def _is_projection(c: Candidate, cues: BackgroundCues) -> bool:
    """"called the race for the senator": a projected winner, no request."""
    verb = c.trigger
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.projection_verbs:
        return False
    children = list(verb.children)
    if not any(child.dep_ == "dobj" for child in children):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == cues.projection_prep
        and any(_is_winner(g, cues) for g in child.children if g.dep_ == "pobj")
        for child in children
    )


def _is_winner(token: Token, cues: BackgroundCues) -> bool:
    return token.ent_type_ in cues.projection_winners


def _is_state(c: Candidate, cues: BackgroundCues) -> bool:
    """"the approved accord", "the ongoing truce": a nominal trigger named as standing."""
    trigger = c.trigger
    if c.rule.type not in cues.settled_types or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    return _any_settled(trigger.children, cues)


def _any_settled(children: Iterable[Token], cues: BackgroundCues) -> bool:
    return any(
        child.dep_ in ("amod", "compound") and child.lower_ in cues.settled
        for child in children
    )


def is_territorial_claim(verb: Token, cues: BackgroundCues) -> bool:
    """"which China claims as its own", "claim sovereignty over the islands", "claims
    the Spratlys": a verb of claiming whose object is a place or land."""
    if verb.lemma_.lower() not in cues.territory_verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and _is_land(
            verb.head if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else child,
            cues,
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "as"  # "as its own"
            and any(g.lower_ in cues.territory_objects for g in child.children)
        ):
            return True
    return False


def _is_land(token: Token, cues: BackgroundCues) -> bool:
    return (
        token.ent_type_ in cues.territory_places
        or token.lemma_.lower() in cues.territory_objects
        or token.lower_ in cues.territory_objects
    )
