"""The columns the store derives from records: event codes, event day, dyad pairs.

Column lists and Arrow types come from the records themselves (``store/schema.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.records import (
    Actor,
    ArticleFailure,
    ArticleResult,
    Event,
    Precision,
    RawDocument,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingArticle:
    """A raw document with the id and content hash it will be stored under."""

    article_id: str
    content_hash: str
    raw: RawDocument


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredState:
    """What the store knows of an article before processing it again."""

    content_hash: str
    status: str
    pipeline_version: str | None


def day_of(value: str | None, precision: str | None) -> dt.date | None:
    """Return the first day of a time ``value`` precise to a day, week or month."""
    if not value or precision not in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        return None
    try:
        if precision == Precision.DAY:
            return dt.date.fromisoformat(value[:10])
        if precision == Precision.WEEK:
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    except ValueError:
        return None


def event_day(event: Event, published: dt.date | None) -> dt.date | None:
    """Return the day an event counts on: its own date, else the publication date."""
    date = event.date
    found = day_of(date.value, date.precision) if date else None
    return found or published


def dyad_pairs(
    actor_codes: Sequence[str], recipient_codes: Sequence[str]
) -> list[tuple[str, str, bool]]:
    """Return the directed code pairs of an event; reciprocal pairs once, sorted."""
    if recipient_codes:
        return sorted(
            {(a, r, False) for a in actor_codes for r in recipient_codes if a != r}
        )
    unique = sorted(set(actor_codes))
    return [(a, b, True) for i, a in enumerate(unique) for b in unique[i + 1 :]]


def actor_codes_of(ids: Sequence[str], codes: dict[str, str | None]) -> list[str]:
    """Return the codes of actor ``ids`` in order, each once, skipping uncoded actors."""
    seen: list[str] = []
    for actor in ids:
        code = codes.get(actor)
        if code and code not in seen:
            seen.append(code)
    return seen


def outcome_id(outcome: ArticleResult | ArticleFailure) -> str:
    """Return the article id of a result or a failure."""
    if isinstance(outcome, ArticleFailure):
        return outcome.article_id
    return outcome.article.article_id


def codes_by_actor(actors: Sequence[Actor]) -> dict[str, str | None]:
    """Return each actor's code by actor id."""
    return {a.actor_id: a.code for a in actors}
