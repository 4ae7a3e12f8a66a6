"""Names the actor KB and the recaser know (#10): given names of many regions, name
particles, Arabic articles in surnames, earlier heads of state and armed groups."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from dyad.knowledge.actor_case import recase
from dyad.knowledge.actor_files import load_actor_kb
from dyad.knowledge.actor_index import name_variants
from dyad.knowledge.actor_words import lone_given_names, word_lists

pytestmark = pytest.mark.issue(10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the court heard that pierre de villiers, a trader, had paid the bribe.",
            "The court heard that Pierre de Villiers, a trader, had paid the bribe.",
        ),
        (
            "later on, nkosazana mabaso and yoshihide nakai signed the agreement.",
            "Later on, Nkosazana Mabaso and Yoshihide Nakai signed the agreement.",
        ),
        (
            "reporters waited for hours until ingrid said she would not comment.",
            "Reporters waited for hours until Ingrid said she would not comment.",
        ),
        (
            "the list was long and included ingrid. police then closed the file.",
            "The list was long and included Ingrid. Police then closed the file.",
        ),
        (
            "the trader said mehmet stayed at home while the market was closed.",
            "The trader said Mehmet stayed at home while the market was closed.",
        ),
        (
            "the army said a hezbollah drone hit a base, and a total of two were hurt.",
            "The army said a Hezbollah drone hit a base, and a total of two were hurt.",
        ),
        (
            "the party gained seats since parliament was last in session in june.",
            "The party gained seats since Parliament was last in session in June.",
        ),
    ],
    ids=[
        "particle",
        "regional-names",
        "no-verb-surname",
        "no-next-sentence",
        "no-ed",
        "armed-group-after-a",
        "national-body",
    ],
)
def test_recase_given_names(text: str, expected: str) -> None:
    assert recase(text) == expected


def test_given_names_are_no_stop_words_verbs_or_days() -> None:
    given, not_names, calendar = word_lists()
    assert len(given) > 1500
    assert not given & (STOP_WORDS | not_names | calendar)


def test_only_the_common_given_names_keep_a_surname_from_standing_alone() -> None:
    kb = load_actor_kb()
    assert "mubarak" in word_lists()[0]
    assert "mubarak" not in lone_given_names()
    assert kb.short_form_people("Mubarak")
    assert not kb.short_form_people("Ali")


def test_arabic_article_variants() -> None:
    variants = set(name_variants("Omar al-Bashir"))
    assert {"Omar el-Bashir", "Omar Al-Bashir", "Omar Bashir"} <= variants
    assert not set(name_variants("Alan Elder"))
    kb = load_actor_kb()
    for spelling in ("Omar el-Bashir", "Omar Bashir", "Omar al Bashir"):
        person = kb.lookup_person(spelling)
        assert person is not None
        assert person.name == "Omar al-Bashir"
    found = kb.find_person("el-Sisi")
    assert found is not None
    assert found[0].name == "Abdel Fattah el-Sisi"


def test_earlier_heads_of_state_are_coded_by_date() -> None:
    kb = load_actor_kb()
    mugabe = kb.lookup_person("Robert Mugabe")
    assert mugabe is not None
    assert kb.role_of(mugabe, dt.date(1985, 1, 1)).title == "Prime Minister"
    assert kb.role_of(mugabe, dt.date(2010, 1, 1)).title == "President"
    assert kb.role_of(mugabe, dt.date(2019, 1, 1)).sector == "ELI"
    (gbagbo,) = kb.short_form_people("Gbagbo")
    assert kb.role_of(gbagbo, dt.date(2005, 1, 1)).code == "CIV"


def test_a_too_common_surname_names_no_one_alone() -> None:
    kb = load_actor_kb()
    assert kb.lookup_person("Charles Taylor") is not None
    assert not kb.short_form_people("Taylor")


@pytest.mark.parametrize(
    ("name", "code"),
    [("UNITA", "AGO"), ("CNDD-FDD", "BDI"), ("MNLF", "PHL"), ("MILF", "PHL")],
)
def test_armed_groups_are_known(name: str, code: str) -> None:
    kb = load_actor_kb()
    (hit, *_) = kb.lookup_name(name)
    entry = kb.entry(hit.kb_id)
    assert (entry.code, entry.sector) == (code, "REB")
