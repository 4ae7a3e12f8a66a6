"""Past events take the time their paragraph or their story sets (#11)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.records import ArticleResult, EventType, RawDocument

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday
MONDAY = "2024-05-13"


def _dates(text: str, kind: EventType, resources) -> list[str | None]:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    result = run_article(RawDocument(text=text, published=PUBLISHED), resources)
    assert isinstance(result, ArticleResult)
    events = [e for e in result.events if e.type == kind]
    assert events, result.events
    return [e.date.value for e in events]


def test_a_review_of_last_month_dates_its_past_events_in_that_month(resources):  # type: ignore[no-untyped-def]
    text = (
        "This digest covers the diplomacy of the previous month.\n\n"
        "The talks went slowly at first.\n\n"
        "Later, Jordan expelled the Syrian ambassador."
    )
    assert _dates(text, EventType.SANCTION, resources) == ["2024-04"]


def test_a_day_set_earlier_in_the_paragraph_dates_later_past_events(resources):  # type: ignore[no-untyped-def]
    text = (
        "Trade between the two countries grew this year. Officials expect more growth."
        " Exports of grain rose.\n\n"
        "On Monday, the president of Egypt arrived in Amman. The visit was short."
        " Jordan then expelled the Syrian ambassador."
    )
    assert _dates(text, EventType.SANCTION, resources) == [MONDAY]


def test_a_new_paragraph_ends_the_carried_day(resources):  # type: ignore[no-untyped-def]
    text = (
        "Trade between the two countries grew this year. Officials expect more growth."
        " Exports of grain rose.\n\n"
        "On Monday, the president of Egypt arrived in Amman. The visit was short.\n\n"
        "Jordan expelled the Syrian ambassador."
    )
    assert _dates(text, EventType.SANCTION, resources) == [PUBLISHED.isoformat()]


def test_an_old_year_in_the_lead_is_background_not_the_story_time(resources):  # type: ignore[no-untyped-def]
    text = (
        "In 1994, the two countries signed a peace treaty. Relations are calm now.\n\n"
        "Jordan expelled the Syrian ambassador."
    )
    assert _dates(text, EventType.SANCTION, resources) == [PUBLISHED.isoformat()]


def test_present_tense_news_keeps_the_publication_date(resources):  # type: ignore[no-untyped-def]
    text = (
        "On Monday, the president of Egypt arrived in Amman.\n\n"
        "Jordan expels the Syrian ambassador."
    )
    assert _dates(text, EventType.SANCTION, resources) == [PUBLISHED.isoformat()]
