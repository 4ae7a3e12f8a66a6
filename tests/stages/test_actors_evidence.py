"""A person's state needs evidence: a given name that is also a country's name
("Jordan", "Chad") says nothing about the person or the article.

Sentences written for these tests (not taken from any corpus); real parses with the
pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest
from actors_harness import codings

from dyad.resources import Resources


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_given_name_that_is_a_country_does_not_code_the_person(
    resources: Resources,
) -> None:
    found = codings(
        resources,
        "Students protested against a lecture by Jordan Peterson at the campus. "
        "The organisers said the talk would go ahead.",
    )
    assert found["jordan peterson"][0] is None
    assert found["students"][0] is None


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_demonym_still_codes_a_person_whose_given_name_is_a_country(
    resources: Resources,
) -> None:
    found = codings(
        resources,
        "The Canadian psychologist Jordan Peterson criticised the bill on Tuesday.",
    )
    assert found["jordan peterson"][0] == "CAN"


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_serving_leader_named_alone_before_a_noun_is_that_leader(
    resources: Resources,
) -> None:
    found = codings(
        resources,
        "Mexico announced measures in response to Trump's tariffs on steel.",
        dt.date(2025, 3, 1),
    )
    assert found["trump"] == ("USA", "GOV")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_company_named_like_a_family_stays_a_company(resources: Resources) -> None:
    found = codings(resources, "Ford's new truck sold well.", dt.date(2025, 3, 1))
    assert found["ford"] == ("USA", "BUS")


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "In Canada, British Columbia Premier Dana Roe announced a ban on imports.",
            "dana roe",
        ),
        ("Ontario Premier Ann Marsh suspended the planned surcharges.", "ann marsh"),
    ],
)
def test_a_province_in_front_of_a_title_gives_its_state(
    resources: Resources, text: str, name: str
) -> None:
    assert codings(resources, text)[name] == ("CAN", "GOV")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_demonym_inside_a_place_name_of_another_state_is_no_state(
    resources: Resources,
) -> None:
    found = codings(
        resources, "Officials in British Columbia closed the border crossing."
    )
    assert ("GBR", None) not in found.values()


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_known_party_name_ending_a_longer_party_name_is_not_that_party(
    resources: Resources,
) -> None:
    found = codings(
        resources,
        "The coalition of the Austrian People's Party, the Social Democratic Party "
        "and NEOS collapsed. The Chinese Communist Party praised the plan.",
    )
    assert found["social democratic party"][0] != "USA"
    assert found["chinese communist party"] == ("CHN", "PTY")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_surname_two_presidents_share_is_the_one_in_office(
    resources: Resources,
) -> None:
    text = "Bush said on Tuesday that the talks would continue."
    assert codings(resources, text, dt.date(1992, 5, 1))["bush"] == ("USA", "GOV")
    assert codings(resources, text, dt.date(2005, 5, 1))["bush"] == ("USA", "GOV")
    assert codings(resources, text, dt.date(2024, 5, 1))["bush"] == ("USA", "ELI")
