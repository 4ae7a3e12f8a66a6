"""The time a narrative sets for the past events told after it (#11).

A report need not repeat its time in every sentence: "On Tuesday the minister met his
Greek counterpart. … He also signed a letter of intent." Two carriers are tried, in
this order, for a past-tense event whose own clause gives no time:

- the paragraph: the nearest earlier sentence of the same paragraph that holds a time
  gives it, when that time dates the sentence's past main clause;
- the story: the first time of the article's lead ("throughout the previous month",
  "On Friday") that lies wholly before the publication date, and not long before it,
  dates the whole story.

Only when neither speaks does the publication date date the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from dyad.dates import VAGUE_VALUES, value_range
from dyad.records import Event, TimeExpr
from dyad.stages.nlp import Parsed

LEAD_SENTENCES = 3
"""How many sentences open an article: a dateline, a headline-like lead, its sequel."""
STORY_WINDOW = dt.timedelta(days=62)
"""How long before publication a story's time may end: older times are background."""


def narrative_time(
    parsed: Parsed,
    event: Event,
    head: Token,
    times: Sequence[TimeExpr],
    story: TimeExpr | None,
    main_clause_time: Callable[[TimeExpr], bool],
) -> TimeExpr | None:
    """Return the time the paragraph or the story gives a past event, else None.

    ``head`` is the event's clause head; only a simple past ("met", "signed") is
    carried. ``story`` is the article's ``story_time``. ``main_clause_time(time)``
    tells whether a time dates its sentence's past main clause (situate's own test).
    """
    if head.tag_ != "VBD":
        return None
    carried = _paragraph_time(parsed, event.sentence_index, times, main_clause_time)
    if carried is not None:
        return carried
    if story is not None and story.sentence_index < event.sentence_index:
        return story
    return None


def _paragraph_time(
    parsed: Parsed,
    index: int,
    times: Sequence[TimeExpr],
    main_clause_time: Callable[[TimeExpr], bool],
) -> TimeExpr | None:
    text = parsed.article.text
    for earlier in range(index - 1, -1, -1):
        between = text[parsed.sentences[earlier].end : parsed.sentences[earlier + 1].start]
        if "\n" in between:
            return None
        held = [t for t in times if t.sentence_index == earlier]
        if held:
            dating = [t for t in held if main_clause_time(t)]
            return dating[-1] if dating else None
    return None


def story_time(parsed: Parsed, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """Return the first time of the lead that ends before publication and near it."""
    published = parsed.article.published
    if published is None:
        return None
    for time in sorted(times, key=lambda t: t.start):
        if time.sentence_index >= LEAD_SENTENCES:
            return None
        value = time.value
        span = value_range(value) if value and value not in VAGUE_VALUES else None
        if span is not None and published - STORY_WINDOW <= span[1] < published:
            return time
    return None
