"""Group nouns by kind: NGOs, elders, armed groups, bodies named once, placed groups.

Sentences written for these tests; real parses with the pinned model.
"""

from __future__ import annotations

import pytest
from actors_harness import codings

from dyad.resources import Resources

pytestmark = [pytest.mark.model, pytest.mark.issue(10)]


@pytest.mark.parametrize(
    ("text", "words", "coding"),
    [
        (
            "A human rights group accused the Kenyan police of torture on Friday.",
            "rights group",
            ("NGO", None),
        ),
        ("Aid agencies in Chad warned of famine.", "aid agencies", ("NGO", None)),
        (
            "Kenyan charities asked the government for help.",
            "kenyan charities",
            ("NGO", None),
        ),
    ],
    ids=["singular-rights-group", "aid-agencies-in-a-state", "state-modified"],
)
def test_non_governmental_kinds_are_coded_ngo(
    resources: Resources, text: str, words: str, coding: tuple[str, None]
) -> None:
    found = codings(resources, text)
    assert found.get(words) == coding, found


def test_a_kind_used_as_a_compound_is_no_actor(resources: Resources) -> None:
    found = codings(resources, "The charity event raised money for the school.")
    assert "charity" not in found, found


@pytest.mark.parametrize(
    ("text", "words", "coding"),
    [
        (
            "A newspaper based in Beirut printed the letter on Sunday.",
            "newspaper",
            ("LBN", "MED"),
        ),
        (
            "A terror group based in Lyon threatened the mayor.",
            "terror group",
            ("FRA", "REB"),
        ),
        (
            "Troops stationed in Mali were sent home last week.",
            "troops",
            ("MLI", "MIL"),
        ),
    ],
    ids=["based-in-capital", "based-in-city", "stationed-in-state"],
)
def test_a_locative_participle_places_the_group(
    resources: Resources, text: str, words: str, coding: tuple[str, str]
) -> None:
    found = codings(resources, text)
    assert found.get(words) == coding, found


@pytest.mark.parametrize(
    ("text", "words", "coding"),
    [
        (
            "Islamic fundamentalists staged a hunger strike against the Algerian "
            "government.",
            "islamic fundamentalists",
            ("DZA", "OPP"),
        ),
        (
            "Shiite militias fired rockets at a base in Iraq.",
            "shiite militias",
            ("IRQ", "REB"),
        ),
    ],
    ids=["dominant-state", "sentence-place"],
)
def test_a_faith_modifier_takes_the_state_of_its_story(
    resources: Resources, text: str, words: str, coding: tuple[str, str]
) -> None:
    found = codings(resources, text)
    assert found.get(words) == coding, found


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Foreign journalists were expelled from Iran on Monday.", "journalists"),
        ("Western diplomats met Iranian officials in Tehran on Monday.", "diplomats"),
    ],
    ids=["foreign", "western"],
)
def test_a_group_from_elsewhere_does_not_take_the_article_state(
    resources: Resources, text: str, words: str
) -> None:
    found = codings(resources, text)
    assert found.get(words, ("?", None))[0] is None, found


def test_the_same_group_unmodified_takes_the_article_state(
    resources: Resources,
) -> None:
    found = codings(resources, "Journalists were expelled from Iran on Monday.")
    assert found.get("journalists") == ("IRN", "MED"), found


@pytest.mark.parametrize(
    ("text", "words", "coding"),
    [
        (
            "Tribal elders in Afghanistan asked for talks with the governor.",
            "tribal elders",
            ("AFG", "ELI"),
        ),
        (
            "Ibo elders demanded a bigger share of oil revenue.",
            "ibo elders",
            ("NGA", "ELI"),
        ),
        (
            "Iran held a funeral on Tuesday. Ten people died in the crush, "
            "according to state television.",
            "state television",
            ("IRN", "MED"),
        ),
        (
            "Catholic bishops in Poland criticised the new law.",
            "bishops",
            ("POL", "REL"),
        ),
        (
            "A trade union in France called a national strike.",
            "trade union",
            ("FRA", "LAB"),
        ),
        (
            "Bolivian miners blocked the roads on Monday.",
            "bolivian miners",
            ("BOL", "LAB"),
        ),
        (
            "Lebanese Christians marched to the square in Beirut.",
            "lebanese christians",
            ("LBN", "CVL"),
        ),
        (
            "Two ex-ministers were jailed in Peru on Monday.",
            "ex-ministers",
            ("PER", "ELI"),
        ),
    ],
    ids=[
        "elders-in-a-state",
        "elders-of-a-people",
        "state-tv",
        "bishops",
        "union",
        "miners",
        "faith-community",
        "ex-officials",
    ],
)
def test_group_kinds_have_their_plover_sector(
    resources: Resources, text: str, words: str, coding: tuple[str, str]
) -> None:
    found = codings(resources, text)
    assert found.get(words) == coding, found


def test_a_known_name_holding_a_group_word_stays_whole(resources: Resources) -> None:
    text = (
        "The president gave in to demands from the National Union for the Total "
        "Independence of Angola on Monday."
    )
    found = codings(resources, text)
    name = "national union for the total independence of angola"
    assert found.get(name, ("?", None))[0] == "AGO", found  # a party since 2002
