"""The situate stage on a hand-built parse with hand-built times, places and events."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from dyad.records import (
    Article,
    DateSource,
    Event,
    EventType,
    Location,
    Modality,
    Place,
    Precision,
    TimeExpr,
)
from dyad.stages.nlp import Parsed, build_sentences
from dyad.stages.situate import situate_events

VOCAB = spacy.blank("en").vocab
JUNE_15 = dt.date(2023, 6, 15)
# "A meeting last November in Bali eased fears, but talks were rare since February.
#  Officials met again."
TOKENS = [
    ("A", 1, "det", "DET"),
    ("meeting", 5, "nsubj", "NOUN"),
    ("last", 1, "amod", "ADJ"),
    ("November", -2, "npadvmod", "PROPN"),
    ("in", -3, "prep", "ADP"),
    ("Bali", -1, "pobj", "PROPN"),
    ("eased", 0, "ROOT", "VERB"),
    ("fears", -1, "dobj", "NOUN"),
    (",", -2, "punct", "PUNCT"),
    ("but", -3, "cc", "CCONJ"),
    ("talks", 1, "nsubj", "NOUN"),
    ("were", -5, "conj", "AUX"),
    ("rare", -1, "acomp", "ADJ"),
    ("since", -2, "prep", "ADP"),
    ("February", -1, "pobj", "PROPN"),
    (".", -9, "punct", "PUNCT"),
    ("Officials", 1, "nsubj", "NOUN"),
    ("met", 0, "ROOT", "VERB"),
    ("again", -1, "advmod", "ADV"),
    (".", -2, "punct", "PUNCT"),
]


def parsed(published: dt.date | None = JUNE_15) -> Parsed:
    words = [t[0] for t in TOKENS]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))
    ]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[i + t[1] for i, t in enumerate(TOKENS)],
        deps=[t[2] for t in TOKENS],
        pos=[t[3] for t in TOKENS],
    )
    article = Article(article_id="h1", text=doc.text, published=published)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def span(p: Parsed, text: str) -> tuple[int, int]:
    start = p.article.text.index(text)
    return start, start + len(text)


def time(p: Parsed, text: str, value: str, precision: Precision) -> TimeExpr:
    start, end = span(p, text)
    return TimeExpr(
        article_id="h1",
        time_id=f"t-{text}",
        text=text,
        start=start,
        end=end,
        sentence_index=p.sentence_of(start),
        value=value,
        precision=precision,
        anchor=p.article.published,
    )


def event(p: Parsed, trigger: str) -> Event:
    start, end = span(p, trigger)
    return Event(
        article_id="h1",
        event_id=f"e-{trigger}",
        type=EventType.CONSULT,
        mode=None,
        cameo="040",
        quad=1,
        intensity=1.0,
        actor_ids=(),
        recipient_ids=(),
        trigger_text=trigger,
        trigger_start=start,
        trigger_end=end,
        sentence_index=p.sentence_of(start),
        modality=Modality.ASSERTED,
        rule="test",
        confidence=1.0,
    )


def run(p: Parsed) -> dict[str, Event]:
    start, end = span(p, "Bali")
    bali = Place(
        article_id="h1",
        text="Bali",
        start=start,
        end=end,
        sentence_index=0,
        name="Bali",
        code="IDN",
        lat=-8.4,
        lon=115.2,
        feature="admin1",
    )
    times = [
        time(p, "last November", "2022-11", Precision.MONTH),
        time(p, "February", "2023-02", Precision.MONTH),
    ]
    events = [event(p, t) for t in ("meeting", "talks", "met")]
    result = situate_events(p, events, times, [bali])
    return {e.trigger_text: e for e in result.records}


def test_event_takes_the_time_of_its_own_phrase_and_its_place() -> None:
    meeting = run(parsed())["meeting"]
    assert meeting.date is not None
    assert (meeting.date.value, meeting.date.source, meeting.date.time_id) == (
        "2022-11",
        DateSource.TEXT,
        "t-last November",
    )
    assert meeting.location == Location(name="Bali", code="IDN", lat=-8.4, lon=115.2)


def test_event_in_another_clause_takes_that_clause_time_and_no_place() -> None:
    talks = run(parsed())["talks"]
    assert talks.date is not None
    assert (talks.date.value, talks.date.precision) == ("2023-02", Precision.MONTH)
    assert talks.location is None


def test_event_without_a_time_falls_back_to_the_publication_date() -> None:
    met = run(parsed())["met"]
    assert met.date is not None
    assert (met.date.value, met.date.source, met.date.time_id) == (
        "2023-06-15",
        DateSource.PUBLISHED,
        None,
    )


def test_no_time_and_no_publication_date_leaves_the_date_unknown() -> None:
    met = run(parsed(published=None))["met"]
    assert met.date is not None
    assert (met.date.value, met.date.source) == (None, None)
