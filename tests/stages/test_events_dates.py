"""Background and biography take the time their clause gives, or none (#11)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.records import ArticleResult, DateSource, EventType, RawDocument

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

PUBLISHED = dt.date(2024, 5, 15)


def _dates(text: str, kind: EventType, resources) -> list[tuple[str | None, object]]:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    result = run_article(RawDocument(text=text, published=PUBLISHED), resources)
    assert isinstance(result, ArticleResult)
    events = [e for e in result.events if e.type == kind]
    assert events, result.events
    return [(e.date.value, e.date.source) for e in events]


def test_past_perfect_background_is_not_dated_on_publication(resources):  # type: ignore[no-untyped-def]
    dates = _dates("Egypt had expelled the Soviet advisers.", EventType.SANCTION,
                   resources)
    assert dates == [(None, None)]


def test_background_takes_the_year_its_clause_gives(resources):  # type: ignore[no-untyped-def]
    dates = _dates("In 1972, Egypt expelled the Soviet advisers.", EventType.SANCTION,
                   resources)
    assert dates == [("1972", DateSource.TEXT)]


def test_a_year_in_a_relative_clause_does_not_date_the_main_event(resources):  # type: ignore[no-untyped-def]
    text = "Mubarak, who had ruled Egypt since 1981, met the French president."
    dates = _dates(text, EventType.CONSULT, resources)
    assert all(value != "1981" for value, _ in dates)


def test_news_without_a_time_takes_the_publication_date(resources):  # type: ignore[no-untyped-def]
    dates = _dates("Egypt expelled the Soviet advisers.", EventType.SANCTION, resources)
    assert dates == [(PUBLISHED.isoformat(), DateSource.PUBLISHED)]
