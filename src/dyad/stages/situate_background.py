"""Background told in a news report: events a past year or a named era dates (#11).

"Portugal voted in 2019 to leave …", "In 2018 Hungary licensed the design and then
agreed with Airbus …": an event whose own clause gives no time, under a clause dated to
a year before the publication year, takes that year. An event beside a clause so dated
("Stone, who was convicted in 2019, had met …": neither above nor below it), set in a
named era ("During World War II, Japan invaded …") or told after a sentence dated to a
past year ("They fought a war in 1994. Turkey vowed support …") is background the text
does not date precisely: it stays undated, never taking the paragraph's or the
publication's date (EVENT-GUIDELINES 5). A past year below the event ("criticized
Togo, which invaded it in 1994") or on another noun ("over the 2016 election") says
nothing of its time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.knowledge.grammar import Grammar
from dyad.records import Event, Modality, Precision, TimeExpr

_YEAR = re.compile(r"(\d{4})")
_UNDATED_MODALITIES = (Modality.FUTURE, Modality.HYPOTHETICAL)
_PREMODIFIERS = frozenset({"compound", "amod", "nummod", "nmod"})


@dataclass(frozen=True, slots=True)
class Background:
    """What the sentence says of an event's time: a past year dating it (``time``) or
    background without a precise time (``undated``)."""

    time: TimeExpr | None = None
    undated: bool = False


def background(
    doc: Doc,
    event: Event,
    trigger: Token,
    times: Sequence[TimeExpr],
    published: dt.date | None,
    grammar: Grammar,
) -> Background:
    """Return the background time of an event whose own clause gives none.

    ``times`` are the article's time expressions; a year counts as past when it is
    before the year of ``published`` (without a publication date, any year does).
    """
    past = [
        (t, root)
        for t in times
        if t.sentence_index == event.sentence_index and is_past_year(t, published)
        for root in [_root(doc, t)]
        if root is not None and not dates_other_noun(doc, t, trigger)
    ]
    own = _clause_of(trigger)
    if past and event.modality not in _UNDATED_MODALITIES:
        above = {a.i for a in trigger.ancestors}
        for time, root in past:
            if _clause_of(root).i in above:
                return Background(time=time)
    aside = [r for _, r in past if not _within(_clause_of(r), own)]
    if aside or _in_era(trigger.sent, grammar):
        return Background(undated=True)
    return Background()


def _within(token: Token, head: Token) -> bool:
    return token.i == head.i or any(a.i == head.i for a in token.ancestors)


def dates_other_noun(doc: Doc, time: TimeExpr, trigger: Token) -> bool:
    """Tell whether ``time`` premodifies a noun other than the trigger ("criticized X
    over the 2016 election"): it dates that thing, not the event ("the March 3
    attack", "the November APEC summit" date the event they name)."""
    root = _root(doc, time)
    if (
        root is None
        or root.dep_ not in _PREMODIFIERS
        or root.head.pos_ not in ("NOUN", "PROPN")
        or root.head.i < root.i
    ):
        return False
    current = root
    while current.dep_ in _PREMODIFIERS and current.head.i != current.i:
        current = current.head  # up the noun phrase: "November … APEC summit"
        if current.i == trigger.i:
            return False
    return True


def is_background_year(time: TimeExpr | None, published: dt.date | None) -> bool:
    """Tell whether ``time``, carried from another sentence, is a bare year before the
    publication year ("They fought a war in 1994."): it sets background, and dates no
    event told after it ("On December 30 they met" still carries)."""
    return (
        time is not None
        and time.precision == Precision.YEAR
        and published is not None
        and is_past_year(time, published)
    )


def is_past_year(time: TimeExpr, published: dt.date | None) -> bool:
    """Tell whether ``time`` lies in a year before the publication year (any year, when
    the article has no publication date)."""
    match = _YEAR.match(time.value or "")
    if match is None:
        return False
    return published is None or int(match.group(1)) < published.year


def _root(doc: Doc, time: TimeExpr) -> Token | None:
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_of(token: Token) -> Token:
    """Return the verb the time expression ``token`` hangs on ("in 2018" → the verb
    of its preposition), else the token itself."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _in_era(sent: Span, grammar: Grammar) -> bool:
    """Tell whether ``sent`` sets its events in a named past era ("during World War
    II", "in the Cold War"): the era after an era preposition, capitalised."""
    text = sent.text
    lowered = text.lower()
    for era in grammar.past_eras:
        for found in re.finditer(rf"\b{re.escape(era)}\b", lowered):
            if not text[found.start()].isupper():
                continue
            before = lowered[: found.start()].split()
            words = [w for w in before[-2:] if w not in grammar.articles]
            if words and words[-1] in grammar.era_prepositions:
                return True
    return False
