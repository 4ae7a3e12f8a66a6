"""Names that are not participants: the parties of a case title, hashtags, a state's
name inside another place's name, and an acronym whose entry needs context words.

Sentences written for these tests; real parses with the pinned model.
"""

from __future__ import annotations

import pytest
from actors_harness import codings

from dyad.resources import Resources


@pytest.mark.model
@pytest.mark.issue(10)
def test_the_parties_of_a_case_title_are_not_mentions(resources: Resources) -> None:
    text = (
        'The judges in Vienna heard the case "Maria Koller vs. Google Ireland Limited" '
        "on Monday."
    )
    found = codings(resources, text)
    assert "maria koller" not in found, found
    assert "google ireland limited" not in found, found
    assert "google" not in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_hashtag_is_not_a_mention(resources: Resources) -> None:
    text = 'Fans in Ohio wrote "farewell #Kessler" after the singer Tom Kessler died.'
    found = codings(resources, text)
    assert "kessler" not in found, found
    assert "tom kessler" in found, found


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The storm turned toward the South China Sea after it hit Vietnam.", "china"),
        ("She moved to New Mexico and later to Ghana.", "mexico"),
        ("Drilling in the Gulf of Mexico resumed, Mexican officials said.", "mexico"),
    ],
)
def test_a_state_inside_another_place_name_is_not_that_state(
    resources: Resources, text: str, state: str
) -> None:
    found = codings(resources, text)
    assert state not in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_state_beside_a_place_name_still_counts(resources: Resources) -> None:
    found = codings(resources, "Mexico sent troops to the border on Friday.")
    assert found.get("mexico") == ("MEX", None), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_an_acronym_needs_its_context_words(resources: Resources) -> None:
    footage = codings(resources, "CCTV showed two men entering the bank in Lyon.")
    assert footage.get("cctv", (None, None))[0] is None, footage
    broadcaster = codings(
        resources, "Chinese state broadcaster CCTV said the talks in Beijing went well."
    )
    assert broadcaster.get("cctv") == ("CHN", "MED"), broadcaster


@pytest.mark.model
@pytest.mark.issue(10)
def test_an_acronym_shared_by_two_entries_still_chooses_by_context(
    resources: Resources,
) -> None:
    fighters = codings(resources, "RSF fighters attacked a market in Darfur.")
    assert fighters.get("rsf fighters", fighters.get("rsf")) is not None, fighters
    assert fighters.get("rsf", ("SDN",))[0] == "SDN", fighters
    press = codings(resources, "RSF said three journalists were jailed in Minsk.")
    assert press.get("rsf") == ("NGO", "MED"), press


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "place_word"),
    [
        (
            "Loggers cleared more of the Amazon rainforest, Brazilian officials said.",
            "amazon",
        ),
        ("Kenya and Uganda share the waters of the Victoria lake basin.", "victoria"),
        (
            "Israeli troops closed the crossings on the Jordan River on Sunday.",
            "jordan",
        ),
    ],
)
def test_a_name_before_a_noun_of_geography_is_a_place(
    resources: Resources, text: str, place_word: str
) -> None:
    found = codings(resources, text)
    assert not any(place_word in words for words in found), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_the_company_or_state_alone_still_counts(resources: Resources) -> None:
    found = codings(resources, "Amazon hired new staff, and Jordan welcomed the move.")
    assert found.get("amazon") == ("USA", "BUS"), found
    assert found.get("jordan") == ("JOR", None), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_names_in_a_quoted_paragraph_in_spanish_are_not_coded(
    resources: Resources,
) -> None:
    text = (
        "A teacher in Lima described the march on her blog.\n"
        "Si el ministro no escucha a las comunidades, la marcha seguirá en todo el país"
        " y los jóvenes del barrio irán con ella.\n"
        "Peruvian police later detained two students."
    )
    found = codings(resources, text)
    assert set(found) <= {"teacher", "peruvian police", "students"}, found
    assert found.get("peruvian police") == ("PER", "COP"), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_short_line_of_a_portuguese_post_is_not_coded(resources: Resources) -> None:
    text = (
        "Bloggers in Brazil reacted to the crash.\n"
        "Milhares passam fome no sertão. O que é um avião que cai?\n"
        "Brazil's air force sent two ships to search the sea."
    )
    found = codings(resources, text)
    assert not any("milhares" in w or "passam" in w for w in found), found
    assert "brazil's air force" in found, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_name_particles_of_other_languages_do_not_make_english_foreign(
    resources: Resources,
) -> None:
    text = (
        "Juan Carlos de la Vega of the party met Ana del Río and Karl von der Aue "
        "in Madrid, and the two leaders praised the deal."
    )
    found = codings(resources, text)
    assert any("vega" in words for words in found), found
    assert any("río" in words or "rio" in words for words in found), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_known_name_in_a_foreign_sentence_still_counts(resources: Resources) -> None:
    text = (
        "A student in Lima wrote on her blog.\n"
        "Todos los jóvenes del barrio dicen que el Perú no es un país para ellos.\n"
    )
    found = codings(resources, text)
    assert found.get("perú") == ("PER", None), found


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            'They told us the usual rules, "no phones", "no visitors", blah blah blah, '
            "which nobody followed.",
            "blah",
        ),
        ("Sunita laughed. Ya ya. Then she talked about her work in Pune.", "ya"),
        (
            "Families here mostly hold either a blue card or a antyodaya anna card, "
            "which gives cheap grain.",
            "card",
        ),
    ],
)
def test_a_person_name_ending_in_lower_case_is_a_phrase(
    resources: Resources, text: str, phrase: str
) -> None:
    found = codings(resources, text)
    assert not any(phrase in words for words in found), found


@pytest.mark.model
@pytest.mark.issue(10)
def test_names_with_particles_and_hyphens_still_count(resources: Resources) -> None:
    text = "Luis de la Torre praised Moon Jae-in and Omar al-Bashir in Seoul."
    found = codings(resources, text)
    assert "luis de la torre" in found, found
    assert found.get("moon jae-in", (None,))[0] == "KOR", found
    assert found.get("omar al-bashir", (None,))[0] == "SDN", found
