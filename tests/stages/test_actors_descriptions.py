"""Descriptions of people that name no state: the state they take from their text.

Sentences written for these tests; real parses with the pinned model.
"""

from __future__ import annotations

import pytest
from actors_harness import codings

from dyad.resources import Resources


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "name", "coding"),
    [
        (
            "Lt. Gen. Marco Telles stepped down on Friday so that Peru's first free "
            "vote could go ahead. Chile sent observers.",
            "marco telles",
            ("PER", "MIL"),
        ),
        (
            "Judge Anna Varga opened an inquiry into 12 Hungarian officials on "
            "Thursday. Austria said it would help.",
            "anna varga",
            ("HUN", "JUD"),
        ),
        (
            "Former prime minister Pavel Dorin asked for early elections after a "
            "court in Bratislava cleared him. Poland welcomed the ruling.",
            "pavel dorin",
            ("SVK", "ELI"),
        ),
    ],
)
def test_titled_person_takes_the_one_state_of_the_sentence(  # article: two states
    resources: Resources, text: str, name: str, coding: tuple[str, str]
) -> None:
    found = codings(resources, text)
    assert found.get(name) == coding, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_titled_person_stays_uncoded_when_the_sentence_names_two_states(
    resources: Resources,
) -> None:
    text = "Prime Minister Lena Orsk met the Chilean ambassador and a Peruvian envoy."
    found = codings(resources, text)
    assert found.get("lena orsk", ("?", None))[0] is None, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_untitled_private_person_does_not_take_the_sentence_state(
    resources: Resources,
) -> None:
    text = (
        "Tomas Eriksen, 41, left Chile on Friday. Reports from Peru said he had "
        "been seen at a port."
    )
    found = codings(resources, text)
    assert found.get("tomas eriksen", ("?", None))[0] is None, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_the_only_state_named_once_codes_bare_descriptions(
    resources: Resources,
) -> None:
    text = (
        "Rescuers worked through the night after the flood, the disaster agency of "
        "Peru said. Firefighters and officers joined them by morning."
    )
    found = codings(resources, text)
    assert found.get("rescuers") == ("PER", "GOV"), found
    assert found.get("firefighters") == ("PER", "GOV"), found
    assert found.get("officers") == ("PER", "COP"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_bare_descriptions_stay_uncoded_between_two_states(
    resources: Resources,
) -> None:
    text = (
        "Officers from Chile and Peru met at the border. Officers said the talks "
        "went well, and rescuers stood by."
    )
    found = codings(resources, text)
    assert found.get("rescuers", ("?", None))[0] is None, found


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("About 200 ethnic Albanians marched in Serbia on Tuesday.", "albanians", "SRB"),
        ("Ethnic Hungarians in Slovakia asked the government for schools.",
         "hungarians", "SVK"),
        ("About 500 ethnic Albanians marched on Sunday.", "albanians", None),
        ("Thousands of Albanians marched in Tirana on Sunday.", "albanians", "ALB"),
    ],
)
def test_an_ethnic_minority_is_coded_as_the_state_it_lives_in(
    resources: Resources, text: str, mention: str, code: str | None
) -> None:
    found = codings(resources, text)
    assert found.get(mention, ("?", None)) == (code, "CVL"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_police_rank_is_the_police_s_and_an_army_rank_the_army_s(
    resources: Resources,
) -> None:
    text = (
        "Denver police sergeant Maria Dunn was hurt on Friday. Colonel Sam Pett "
        "said the army would help, officials in Colorado said."
    )
    found = codings(resources, text)
    assert found.get("maria dunn") == ("USA", "COP"), found
    assert found.get("sam pett") == ("USA", "MIL"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_title_said_of_someone_is_no_mention_of_its_own(
    resources: Resources,
) -> None:
    text = (
        "Officials in Peru said on Monday that he was a rebel. The party wants to "
        "make her the next president. Known as a reformer, she met a soldier."
    )
    found = codings(resources, text)
    assert "rebel" not in found, found
    assert "president" not in found, found
    assert "reformer" not in found, found
    assert found.get("soldier") == ("PER", "MIL"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_demonym_naming_a_language_is_no_state(resources: Resources) -> None:
    text = (
        "She told a guard in French and English that she was hurt. The French "
        "government said on Monday it would help."
    )
    found = codings(resources, text)
    assert "french" not in found, found
    assert "english" not in found, found
    assert found.get("french government") == ("FRA", "GOV"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_state_word_before_a_described_name_belongs_to_it(
    resources: Resources,
) -> None:
    text = (
        "Kenyan singer Joseph Mwita died in Chile on Monday. He wrote songs "
        "for US folk band the Silver Pines."
    )
    found = codings(resources, text)
    assert found.get("joseph mwita", ("?", None))[0] == "KEN", found
    assert found.get("silver pines", ("?", None))[0] == "USA", found
    assert "kenyan" not in found, found
    assert "us" not in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_known_person_of_another_state_keeps_the_only_state_from_dominating(
    resources: Resources,
) -> None:
    found = codings(resources, "Obama faces pressure from Congress to help Iran.")
    assert found.get("congress", ("?", None))[0] != "IRN", found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_group_that_there_is_is_a_mention(resources: Resources) -> None:
    found = codings(resources, "There were 10 Russian soldiers killed in Ukraine.")
    assert found.get("russian soldiers") == ("RUS", "MIL"), found
