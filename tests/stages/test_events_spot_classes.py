"""Classes of language the blind spot check found coded as dyads they are not (#11).

Votes and elections, police or private trips, a trip named as the ground of a
criticism, a broker counted as a party to its deal, and background years or eras
dated on the publication day. Each test runs the whole pipeline on sentences written
for it, with a control that keeps the event the class must not lose.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import pipeline
from dyad.records import ArticleResult, EventType, RawDocument

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

PUBLISHED = dt.date(2024, 5, 15)
Found = tuple[EventType, tuple[str, ...], tuple[str, ...], str | None]


def _events(resources, text: str) -> list[Found]:  # type: ignore[no-untyped-def]
    """Return (type, actor codes, recipient codes, date) of each event of ``text``."""
    raw = RawDocument(text=text, published=PUBLISHED, doc_id="spot")
    result = pipeline.run_article(raw, resources)
    assert isinstance(result, ArticleResult)
    codes = {a.actor_id: a.code or a.name for a in result.actors}
    return [
        (
            e.type,
            tuple(sorted(codes[a] for a in e.actor_ids)),
            tuple(sorted(codes[a] for a in e.recipient_ids)),
            e.date.value if e.date else None,
        )
        for e in result.events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Portugal voted in a referendum to quit the African Union.",
        "In the plebiscite, Peru voted to leave the Andean Community.",
        "Voters in Chile elected a new president, and Peru voted to exit the pact.",
    ],
)
def test_a_vote_is_no_act_between_the_parties(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(resources, text) if e[1] and e[2]]


def test_a_legislature_acts_through_its_vote(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "The US Senate voted to impose sanctions on Venezuela.")
    assert any(e[0] is EventType.SANCTION and e[2] == ("VEN",) for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan detectives traveled to Peru and questioned the neighbours.",
        "The Kenyan foreign minister flew to Paris for medical treatment.",
        "Officers of the Spanish police flew to Morocco to arrest the suspect.",
    ],
)
def test_a_police_or_private_trip_is_no_visit(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(resources, text) if e[0] is EventType.CONSULT]


def test_an_official_trip_is_still_a_visit(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "The Kenyan foreign minister flew to Paris for talks.")
    assert any(e[0] is EventType.CONSULT and e[2] == ("FRA",) for e in found)


_CONTEXT = "Ghana and Togo signed a trade pact. Ghana said Togo would benefit. "


def test_a_trip_criticised_takes_no_guessed_host(resources) -> None:  # type: ignore[no-untyped-def]
    text = _CONTEXT + (
        "Ghana's president criticized the Nigerian leader for making the trip "
        "despite the warnings."
    )
    found = _events(resources, text)
    assert any(e[0] is EventType.ACCUSE for e in found)
    assert not [e for e in found if e[0] is EventType.CONSULT and "GHA" in e[2]]


@pytest.mark.parametrize(
    "text",
    [
        "Norway brokered a deal between Colombia and the FARC rebels.",
        "In 1978, President Jimmy Carter mediated a peace agreement between Egypt "
        "and Israel.",
    ],
)
def test_a_broker_is_no_party_to_the_deal(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, text)
    agreements = [e for e in found if e[0] is EventType.AGREE]
    assert agreements
    assert all(not e[2] and len(e[1]) == 2 for e in agreements)
    assert any(e[0] is EventType.CONSULT for e in found)  # the mediation itself


def test_an_announcer_is_no_party_to_the_deal(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "The White House announced a deal between Morocco and Israel.")
    assert (EventType.AGREE, ("ISR", "MAR"), (), "2024-05-15") in found


def test_a_ceasefire_brokered_is_not_the_brokers(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "The ceasefire was brokered by Qatar between Israel and Hamas.")
    assert not [e for e in found if e[0] is EventType.RETREAT and "QAT" in e[1]]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo fought a war in 1994. Nigeria then pledged support for Togo.",
        "Ghana and Togo fought a war in 1994. Many people fled the region. Nigeria "
        "pledged support for Togo.",
    ],
)
def test_an_event_after_a_background_year_is_undated(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e[3] for e in _events(resources, text) if e[0] is EventType.AGREE] == [None]


def test_an_event_set_in_a_past_era_is_undated(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "During World War II, Japan invaded Thailand.")
    assert [e[3] for e in found if e[0] is EventType.ASSAULT] == [None]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Ghana decided in 2015 to expel the ambassador of Togo.", "2015"),
        ("In 2016, Ghana tried to impose sanctions on Togo.", "2016"),
    ],
)
def test_a_year_of_the_governing_clause_dates_it(resources, text: str, year: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, text)
    assert [e[3] for e in found if e[0] is EventType.SANCTION] == [year]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana criticized Togo over the 2016 election.",
        "Ghana criticized Togo, which invaded it in 1994.",
        "Russia and China are in a new cold war, Ghana said as it criticized Togo.",
    ],
)
def test_a_year_or_era_elsewhere_does_not_undate_todays_news(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, text)
    assert [e[3] for e in found if e[0] is EventType.ACCUSE] == ["2024-05-15"]


def test_a_strike_vote_is_the_strikers_act(resources) -> None:  # type: ignore[no-untyped-def]
    found = _events(resources, "Workers at the port of Mombasa voted to go on strike over pay.")
    assert any(e[0] is EventType.PROTEST for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Students in Kenya organised a protest against the government.",
        "A protest organised by Kenyan students blocked the road to the ministry.",
    ],
)
def test_an_organiser_is_no_broker(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e[0] is EventType.PROTEST and e[1] for e in _events(resources, text))


def test_a_recent_day_still_carries_to_the_next_sentence(resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On December 30, 2023, Ghana and Togo signed a trade pact. "
        "Ghana expelled the ambassador of Benin over the issue."
    )
    found = _events(resources, text)
    assert [e[3] for e in found if e[0] is EventType.SANCTION] == ["2023-12-30"]
