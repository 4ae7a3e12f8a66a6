"""Sectors of people from what the text says about them: verbs, role appositions,
bodies after "of", titles of known people without a dated office.

Sentences written for these tests (not taken from any corpus); real parses with the
pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.pipeline import clean_raw
from dyad.records import RawDocument
from dyad.resources import Resources
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import parse_articles

JUNE_2024 = dt.date(2024, 6, 3)


def _codings(
    resources: Resources, text: str, day: dt.date = JUNE_2024
) -> dict[str, tuple[str | None, str | None]]:
    item = clean_raw(RawDocument(text=text, published=day), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    result = resolve_actors(parsed, kb=resources.actor_kb)
    by_id = {a.actor_id: a for a in result.actors}
    return {
        m.text: (by_id[m.actor_id].code, by_id[m.actor_id].sector)
        for m in result.mentions
    }


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_private_person_charged_is_a_criminal_in_every_mention(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "Kevin Doyle was arrested on Monday and charged with murder. "
        "Doyle denied the charge. Paul Ames, 31, pleaded guilty to fraud.",
    )
    assert found["Kevin Doyle"][1] == "CRM"
    assert found["Doyle"][1] == "CRM"
    assert found["Paul Ames"][1] == "CRM"


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, a Canadian, Mark Ellison, aged 40, appeared in Toronto District "
        "Court, charged with two counts of fraud.",
        "Mark Ellison, who was arrested in May, told the court he was innocent.",
        "Mark Ellison, arrested in May, told the court he was innocent.",
    ],
)
def test_a_participle_or_relative_clause_on_the_name_counts_too(
    resources: Resources, text: str
) -> None:
    assert _codings(resources, text)["Mark Ellison"][1] == "CRM"


@pytest.mark.model
@pytest.mark.issue(10)
def test_who_did_the_arresting_stays_a_civilian(resources: Resources) -> None:
    found = _codings(resources, "Jane Fox, who arrested him, told the court he lied.")
    assert found["Jane Fox"][1] == "CVL"


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_verb_recodes_only_its_own_subject_and_never_a_title(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "Anna Berg said she was arrested at the border. "
        "Senator Ruth Hale was arrested on Monday.",
    )
    assert found["Anna Berg"][1] == "CVL"  # the subject of "said", not "arrested"
    assert found["Ruth Hale"][1] == "LEG"  # a title says more than the verb


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_role_noun_the_name_is_in_apposition_to_gives_the_sector(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "The suspect, Mark Ellison, was in court on Tuesday. "
        "A local farmer, Jim Bell, found the car.",
    )
    assert found["Mark Ellison"][1] == "CRM"
    assert found["Jim Bell"][1] == "AGR"


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_person_of_a_named_body_takes_its_state_and_sector(
    resources: Resources,
) -> None:
    found = _codings(
        resources, "Anna Berg of the University of Leeds said the plan was weak."
    )
    assert found["Anna Berg"] == ("GBR", "EDU")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_known_person_without_a_dated_office_takes_the_title_sector(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "U.S. Representative Tulsi Gabbard won a delegate on Tuesday.",
        dt.date(2020, 3, 4),
    )
    assert found["Tulsi Gabbard"] == ("USA", "LEG")


@pytest.mark.model
@pytest.mark.issue(10)
def test_lower_cased_institutions_are_coded_like_their_capitalised_forms(
    resources: Resources,
) -> None:
    text = (
        "The American senator spoke in Washington. American voters and American "
        "officials were angry. Before joining the Senate, she served two terms. The "
        "Supreme Court ruled on the case and Congress passed a law."
    )
    cased = _codings(resources, text)
    lower = _codings(resources, text.lower())
    for name, coding in (
        ("Senate", ("USA", "LEG")),
        ("Supreme Court", ("USA", "JUD")),
        ("Congress", ("USA", "LEG")),
    ):
        assert cased[name] == coding
        assert lower[name.lower()] == coding


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_noun_describing_an_unknown_organisation_gives_its_kind(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "Russian officials spoke in Moscow. The think tank Volga Analytics said the "
        "blast was a bomb.",
    )
    assert found["Volga Analytics"] == ("RUS", "EDU")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_title_word_with_an_elided_article_stays_in_the_title(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "Argentina expels Iranian chargé d'affaires Ali Rezaei over the bombing.",
    )
    assert found["Ali Rezaei"] == ("IRN", "GOV")
    assert "Iranian" not in found  # the state word is part of his title


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_group_in_a_named_state_or_city_is_that_state_s(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "Security forces in Guinea have beaten dozens of refugees, a rights group "
        "said. Protesters in Lagos blocked a road on Monday.",
    )
    assert found["Security forces"] == ("GIN", "MIL")
    assert found["Protesters"] == ("NGA", "CVL")


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_titled_name_takes_the_state_named_after_it(resources: Resources) -> None:
    found = _codings(resources, "King Hassan of Morocco said he would host the talks.")
    assert found["Hassan"] == ("MAR", "GOV")
    untitled = _codings(resources, "Maria Lopez of Mexico won the race in Spain.")
    assert untitled["Maria Lopez"][0] is None  # "of Mexico" alone may be a birthplace


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A Norwegian, Lars Holm, aged 31, appeared in Bergen District Court "
            "yesterday, charged with one count of arson.",
            "Lars Holm",
        ),
        (
            "The fire was set by a tenant, suspected to be 40-year-old Mia Lind.",
            "Mia Lind",
        ),
        ("Police arrested Tom Wade on Friday.", "Tom Wade"),
    ],
)
def test_an_apposition_a_suspicion_or_an_arrest_makes_a_criminal(
    resources: Resources, text: str, name: str
) -> None:
    assert _codings(resources, text)[name][1] == "CRM"


@pytest.mark.model
@pytest.mark.issue(10)
def test_the_object_of_an_accusation_stays_a_civilian(resources: Resources) -> None:
    found = _codings(resources, "Jo Pike accused Ann Ruiz of lying on Monday.")
    assert found["Ann Ruiz"][1] == "CVL"


@pytest.mark.model
@pytest.mark.issue(10)
def test_former_makes_an_ex_official_only_before_an_office(
    resources: Resources,
) -> None:
    found = _codings(
        resources,
        "The former mayor of Springfield, Tom Hale, said the plan would fail. "
        "The former lyricist Ann Brook agreed.",
    )
    assert found["Tom Hale"][1] == "ELI"
    assert found["Ann Brook"][1] == "CVL"
