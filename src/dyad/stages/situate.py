"""The situate stage: give each event its date and its place.

An event takes the time expression of its own clause or of a clause it is coordinated
with ("On Monday they met and agreed …"), never one of a clause below it ("after the
strike in 2021") or elsewhere in the sentence; within the clause, expressions inside
the trigger's own phrase come first ("a meeting … last November"), then the one nearest
the trigger. A past main clause with no time in its sentence takes the time of the
previous sentence's past main clause; a past event with no time of its own then takes
the time its paragraph or the article's lead sets (``situate_story``: "On Tuesday the
minister met …", "a review of the previous month"). Else the publication date, unless
the event is not today's news: future or hypothetical, past or present perfect, a past
clause under a present-tense report ("announces that it signed"); those stay undated (#11).
``date.source`` says which: ``text``, ``published`` or ``None``. Its ``location``
is a resolved place attached by a locative preposition ("in", "at", …) inside the
trigger's phrase or its clause ("a meeting … in Bali" → Bali, IDN); places that are only
participants ("talks with China") are not locations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyad.dates import VAGUE_VALUES
from dyad.knowledge.grammar import Grammar, load_grammar
from dyad.records import (
    DateSource,
    Event,
    EventDate,
    Location,
    Modality,
    Place,
    Precision,
    StageResult,
    TimeExpr,
)
from dyad.stages.nlp import Parsed
from dyad.stages.situate_background import (
    background,
    dates_other_noun,
    is_background_year,
)
from dyad.stages.situate_story import narrative_time, story_time

VERSION = "situate.clause.v2"
_MODIFIER_DEPS = {"nmod", "compound", "amod"}
_EMBEDDED_DEPS = {"ccomp", "advcl", "xcomp", "relcl", "acl", "pcomp", "conj"}
_CLAUSE_DEPS = {
    "ROOT",
    "ccomp",
    "advcl",
    "xcomp",
    "relcl",
    "parataxis",
    "csubj",
    "conj",
    "acl",
    "pcomp",
}


def situate_events(
    parsed: Parsed,
    events: Sequence[Event],
    times: Sequence[TimeExpr],
    places: Sequence[Place],
    *,
    grammar: Grammar | None = None,
) -> StageResult[Event]:
    """Return ``events`` with their date and location filled in.

    ``grammar`` defaults to the packaged one; the runner passes ``Resources.grammar``.
    """
    words = grammar or load_grammar()
    doc = parsed.doc
    story = story_time(parsed, times)
    situated = []
    for event in events:
        trigger = _token_at(doc, event.trigger_start, event.trigger_end)
        date = _date(parsed, event, trigger, times, story, words)
        location = _location(doc, event, trigger, places, words)
        situated.append(
            dataclasses.replace(event, date=date, location=location or event.location)
        )
    return StageResult(records=tuple(situated))


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def clause_head(token: Token) -> Token:
    """Return the verb heading the clause ``token`` belongs to (else the root)."""
    current = token
    for _ in range(len(token.doc)):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ in _CLAUSE_DEPS:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _in_subtree(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i and any(
        a.i == root.i for a in [token, *token.ancestors]
    )


def _date(
    parsed: Parsed,
    event: Event,
    trigger: Token | None,
    times: Sequence[TimeExpr],
    story: TimeExpr | None,
    grammar: Grammar,
) -> EventDate:
    doc, published = parsed.doc, parsed.article.published
    undated = _is_undated(event, trigger)
    chosen = _choose_time(doc, event, trigger, times)
    if chosen is None and trigger is not None:
        chosen = _carried_time(doc, event, trigger, times)
        if is_background_year(chosen, published):
            chosen, undated = None, True  # after "They fought a war in 1994.": background
    if chosen is None and trigger is not None:  # "voted in 2016 to leave", "in WWII"
        told = background(doc, event, trigger, times, published, grammar)
        chosen, undated = told.time, undated or told.undated
    if chosen is None and trigger is not None and not undated:
        chosen = narrative_time(
            parsed,
            event,
            clause_head(trigger),
            times,
            story,
            lambda t: _dates_main(doc, t),
        )
        if is_background_year(chosen, published):
            chosen, undated = None, True
    if chosen is not None:
        return EventDate(
            value=chosen.value,
            precision=chosen.precision,
            source=DateSource.TEXT,
            time_id=chosen.time_id,
        )
    if published is not None and not undated:
        return EventDate(
            value=published.isoformat(),
            precision=Precision.DAY,
            source=DateSource.PUBLISHED,
        )
    return EventDate(value=None, precision=None, source=None)


def _is_undated(event: Event, trigger: Token | None) -> bool:
    """Tell whether an event without a time of its own stays undated (#11).

    The publication date dates the news itself, not what lies before or after it: a
    future or hypothetical event ("will visit", "would close"), background in the past
    perfect ("had expelled") or present perfect ("has joined"), and a past event told
    under a present-tense report ("announces that it signed a deal").
    """
    if event.modality in (Modality.FUTURE, Modality.HYPOTHETICAL):
        return True
    if trigger is None:
        return False
    head = clause_head(trigger)
    if _perfect(head, "VBD"):
        return True
    if _perfect(head, "VBZ", "VBP") and head.dep_ != "ccomp":
        return True
    return _past_under_present(head)


def _perfect(head: Token, *aux_tags: str) -> bool:
    """Tell whether ``head`` is a participle with an auxiliary 'have' of ``aux_tags``."""
    return head.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in aux_tags
        for c in head.children
    )


def _past_under_present(head: Token) -> bool:
    """Tell whether a past-tense clause hangs under a present-tense one.

    "Peru announces that it severed relations": the announcement is today's news, the
    severing happened at some time before it the text does not give.
    """
    if head.tag_ != "VBD" or head.dep_ not in _EMBEDDED_DEPS:
        return False
    above = clause_head(head.head)
    return above.i != head.i and above.tag_ in ("VBZ", "VBP")


def _choose_time(
    doc: Doc, event: Event, trigger: Token | None, times: Sequence[TimeExpr]
) -> TimeExpr | None:
    same_sentence = [t for t in times if t.sentence_index == event.sentence_index]
    if not same_sentence:
        return None
    near = sorted(same_sentence, key=lambda t: _distance(t.start, t.end, event))
    if trigger is None:
        precise = [t for t in near if t.value not in VAGUE_VALUES]
        return precise[0] if precise else None
    near = [
        t
        for t in near
        if not _is_aside(doc, t, trigger)
        and not _names(doc, t)
        and not dates_other_noun(doc, t, trigger)  # "criticized X over the 2016 vote"
    ]
    rooted = [(t, _token_at(doc, t.start, t.end)) for t in near]
    heads = [(t, clause_head(r), r) for t, r in rooted if r is not None]
    for head in _governing_heads(clause_head(trigger)):
        own = [(t, r) for t, h, r in heads if h.i == head.i]
        if own:
            inside = [t for t, r in own if _in_subtree(r, trigger)]
            return (inside or [t for t, _ in own])[0]
    return None


def _carried_time(
    doc: Doc, event: Event, trigger: Token, times: Sequence[TimeExpr]
) -> TimeExpr | None:
    """Return the time the previous sentence's main clause gives, when it carries.

    "On Wednesday the ministers met in Cairo. They agreed …": a main clause in the past
    tense with no time in its sentence takes the day of the main clause just before.
    """
    head = clause_head(trigger)
    if head.dep_ != "ROOT" or head.tag_ != "VBD" or event.sentence_index == 0:
        return None
    if any(t.sentence_index == event.sentence_index for t in times):
        return None
    for time in times:
        if time.sentence_index == event.sentence_index - 1 and _dates_main(doc, time):
            return time
    return None


def _dates_main(doc: Doc, time: TimeExpr) -> bool:
    """Tell whether ``time`` is precise and dates its sentence's past main clause."""
    root = _token_at(doc, time.start, time.end)
    return (
        root is not None
        and time.value not in VAGUE_VALUES
        and clause_head(root).dep_ == "ROOT"
        and clause_head(root).tag_ == "VBD"
    )


def _governing_heads(head: Token) -> list[Token]:
    """Return the trigger's clause and the clauses it is coordinated with, leftward.

    "On Monday the ministers met and agreed …": the second verb shares the first one's
    time; a clause below another ("said that …", "after …") does not take its time.
    """
    chain = [head]
    current = head
    while current.dep_ == "conj" and current.head.i != current.i:
        current = clause_head(current.head)
        if any(c.i == current.i for c in chain):
            break
        chain.append(current)
    return chain


def _names(doc: Doc, time: TimeExpr) -> bool:
    """Tell whether ``time`` begins a name and dates no event ("the March 23 Movement").

    The expression modifies a proper name (not "on March 23", not "the November APEC
    summit") and a capitalised name word follows it directly.
    """
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    after, phrase = doc[span.end], span.root
    while phrase.dep_ in _MODIFIER_DEPS and phrase.head.i != phrase.i:
        phrase = phrase.head
    return (
        span.root.dep_ in _MODIFIER_DEPS
        and phrase.tag_ == "NNP"
        and after.tag_ == "NNP"
        and after.is_title
        and after.ent_type_ not in ("DATE", "TIME")
    )


def _is_aside(doc: Doc, time: TimeExpr, trigger: Token) -> bool:
    """Tell whether ``time`` sits in a relative clause or apposition without the trigger.

    "Mubarak, who had ruled since 1981, met Obama": 1981 dates the ruling, not the
    meeting (#11).
    """
    root = _token_at(doc, time.start, time.end)
    if root is None:
        return False
    for token in [root, *root.ancestors]:
        if token.dep_ in ("relcl", "appos") and not _in_subtree(trigger, token):
            return True
    return False


def _distance(start: int, end: int, event: Event) -> int:
    if end <= event.trigger_start:
        return event.trigger_start - end
    return max(0, start - event.trigger_end)


def _location(
    doc: Doc,
    event: Event,
    trigger: Token | None,
    places: Sequence[Place],
    grammar: Grammar,
) -> Location | None:
    if trigger is None:
        return None
    candidates = [p for p in places if p.sentence_index == event.sentence_index]
    head = clause_head(trigger)
    ranked: list[tuple[int, int, Place]] = []
    for place in candidates:
        root = _token_at(doc, place.start, place.end)
        if root is None or not _is_locative(root, grammar):
            continue
        if _in_subtree(root, trigger):
            rank = 0
        elif clause_head(root).i == head.i:
            rank = 1
        else:
            continue
        ranked.append((rank, _distance(place.start, place.end, event), place))
    if not ranked:
        return None
    place = min(ranked, key=lambda r: (r[0], r[1]))[2]
    return Location(name=place.text, code=place.code, lat=place.lat, lon=place.lon)


def _is_locative(token: Token, grammar: Grammar) -> bool:
    """Return True when ``token`` is the object of a locative preposition."""
    current = token
    while current.dep_ in {"compound", "conj", "appos"} and current.head.i != current.i:
        current = current.head
    return (
        current.dep_ == "pobj" and current.head.lower_ in grammar.locative_prepositions
    )
