"""State words that belong to another mention, and role nouns of courts and crime.

Sentences written for these tests; real parses with the pinned model.
"""

from __future__ import annotations

import pytest
from actors_harness import codings, resolve

from dyad.resources import Resources


@pytest.mark.model
@pytest.mark.issue(10)
def test_possessive_state_is_part_of_the_organisation(resources: Resources) -> None:
    text = "Officials from Kenya's Safaricom met the press in Nairobi on Tuesday."
    found = codings(resources, text)
    assert found.get("kenya's safaricom", ("?", None))[0] == "KEN", found
    assert "kenya" not in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_of_state_after_a_group_is_one_mention(resources: Resources) -> None:
    found = codings(
        resources, "The government of Guam asked for help after the storm on Monday."
    )
    assert found.get("government of guam") == ("GUM", "GOV"), found
    assert "guam" not in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_plural_demonym_is_a_civilian_group_and_singular_the_state(
    resources: Resources,
) -> None:
    found = codings(
        resources,
        "Thousands of Peruvians voted on Sunday. The Peruvian government thanked them.",
    )
    assert found.get("peruvians") == ("PER", "CVL"), found
    assert found.get("peruvian government") == ("PER", "GOV"), found


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("mention", "coding"),
    [
        ("state media", ("VEN", "MED")),
        ("court", ("VEN", "JUD")),
        ("suspects", ("VEN", "CRM")),
    ],
)
def test_bare_roles_of_press_courts_and_crime(
    resources: Resources, mention: str, coding: tuple[str, str]
) -> None:
    text = (
        "Venezuela's opposition marched in Caracas, state media said. The court "
        "later jailed two suspects, and Venezuela said more arrests would follow."
    )
    assert codings(resources, text).get(mention) == coding


@pytest.mark.model
@pytest.mark.issue(10)
def test_nationality_in_apposition_gives_the_person_its_state(
    resources: Resources,
) -> None:
    text = (
        "Police in Oslo said on Friday that a Canadian, Mark Dellow, had been held. "
        "Norway's prosecutors said Mark Dellow would appear in Oslo on Monday."
    )
    found = codings(resources, text)
    assert found.get("mark dellow", ("?", None))[0] == "CAN", found


@pytest.mark.model
@pytest.mark.issue(10)
def test_lower_cased_company_name_after_a_is_an_ordinary_word(
    resources: Resources,
) -> None:
    text = (
        "a total of 40 people were hurt in paris on sunday, french officials said. "
        "later a total of 12 were sent home, and french officials thanked the police."
    )
    result = resolve(resources, text)
    words = [m.text.lower() for m in result.mentions]
    assert "total" not in words, words
    assert "french officials" in words, words


@pytest.mark.model
@pytest.mark.issue(10)
def test_person_whose_surname_is_a_media_name_stays_a_person(
    resources: Resources,
) -> None:
    text = (
        "Daniel Forbes, a farmer from Iowa, said on Monday that the storm had ruined "
        "his crops. Forbes said he would ask the state for help."
    )
    result = resolve(resources, text)
    kinds = {
        m.text: a.kind.value
        for m in result.mentions
        for a in result.actors
        if a.actor_id == m.actor_id
    }
    assert kinds.get("Daniel Forbes") == "person", kinds
    assert kinds.get("Forbes") == "person", kinds


@pytest.mark.model
@pytest.mark.issue(10)
def test_formerly_in_an_apposition_makes_an_elite(resources: Resources) -> None:
    text = (
        "Rosa Quintero, formerly the mayor of Madrid, said on Monday that Spain "
        "needed new leaders."
    )
    assert codings(resources, text).get("rosa quintero") == ("ESP", "ELI")


@pytest.mark.model
@pytest.mark.issue(10)
def test_state_word_that_only_places_a_thing_is_no_mention(
    resources: Resources,
) -> None:
    text = (
        "Voters in three Brazilian states went to the polls before the Brazilian "
        "presidential election. Brazil said the vote was calm, and Brazilian officials "
        "praised the turnout."
    )
    found = codings(resources, text)
    assert "brazilian" not in found, found
    assert found.get("brazil") == ("BRA", None), found
    assert found.get("brazilian officials") == ("BRA", "GOV"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_tourist_is_a_civilian_of_its_state(resources: Resources) -> None:
    text = "A Danish tourist was robbed in Lisbon on Friday, Portuguese police said."
    found = codings(resources, text)
    assert found.get("danish tourist") == ("DNK", "CVL"), found
