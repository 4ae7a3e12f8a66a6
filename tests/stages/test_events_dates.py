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


def test_a_time_in_a_clause_below_does_not_date_the_main_event(resources):  # type: ignore[no-untyped-def]
    text = "Jordan expelled the Syrian ambassador after Syria attacked the border in 2021."
    assert _dates(text, EventType.SANCTION, resources) == [
        (PUBLISHED.isoformat(), DateSource.PUBLISHED)
    ]
    assert _dates(text, EventType.ASSAULT, resources) == [("2021", DateSource.TEXT)]


def test_coordinated_verbs_share_the_time_of_the_first(resources):  # type: ignore[no-untyped-def]
    text = ("On Monday the ministers of Egypt and Jordan met in Cairo and agreed to reopen"
            " the border.")
    monday = (PUBLISHED - dt.timedelta(days=2)).isoformat()
    assert _dates(text, EventType.CONSULT, resources) == [(monday, DateSource.TEXT)]
    assert _dates(text, EventType.AGREE, resources) == [(monday, DateSource.TEXT)]


def test_a_future_event_without_a_time_is_not_dated(resources):  # type: ignore[no-untyped-def]
    dates = _dates("The prime minister of France will visit China.", EventType.CONSULT,
                   resources)
    assert dates == [(None, None)]


def test_present_perfect_news_without_a_time_is_not_dated(resources):  # type: ignore[no-untyped-def]
    dates = _dates("Japan has expelled the Russian ambassador.", EventType.SANCTION,
                   resources)
    assert dates == [(None, None)]


def test_a_past_event_reported_in_the_present_is_not_dated(resources):  # type: ignore[no-untyped-def]
    text = "The government of Chile announces that it expelled the Peruvian ambassador."
    assert _dates(text, EventType.SANCTION, resources) == [(None, None)]


def test_a_while_clause_is_not_under_its_main_verb_s_modality(resources):  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article
    from dyad.records import Modality

    text = "Iran accuses Israel of espionage, while Israel accuses Iran of terrorism."
    result = run_article(RawDocument(text=text, published=PUBLISHED), resources)
    assert isinstance(result, ArticleResult)
    accusations = [e.modality for e in result.events if e.type == EventType.ACCUSE]
    assert accusations == [Modality.ASSERTED, Modality.ASSERTED]


def test_a_past_main_clause_takes_the_day_of_the_sentence_before(resources):  # type: ignore[no-untyped-def]
    text = ("On Monday the foreign ministers of Egypt and Jordan met in Cairo. Egypt then"
            " signed a trade agreement with Jordan.")
    monday = (PUBLISHED - dt.timedelta(days=2)).isoformat()
    assert _dates(text, EventType.SUPPORT, resources) == [(monday, DateSource.TEXT)]


def test_a_date_that_begins_a_name_dates_no_event(resources):  # type: ignore[no-untyped-def]
    text = "The government of Congo and the March 23 Movement sign a peace agreement."
    assert _dates(text, EventType.SUPPORT, resources) == [
        (PUBLISHED.isoformat(), DateSource.PUBLISHED)
    ]
