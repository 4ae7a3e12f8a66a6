"""People coded from what the article says around them: a descriptor with a list of
roles before a name, a given name that refers back to a full name, and the unmarked
state arms of a story about two states.

Sentences written for these tests (not taken from any corpus); real parses with the
pinned model.
"""

from __future__ import annotations

import pytest

from dyad.resources import Resources
from tests.stages.actors_harness import codings, resolve


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_descriptor_and_a_list_of_roles_before_a_name_are_one_mention(
    resources: Resources,
) -> None:
    text = (
        "Canadian radio personality, television host, and philanthropist Tom Varley,"
        " known to fans as the Voice, died on Friday in Toronto. Varley was 79."
    )
    found = codings(resources, text)
    whole = "canadian radio personality, television host, and philanthropist tom varley"
    assert found[whole] == ("CAN", "MED")
    assert found["varley"] == ("CAN", "MED")
    assert "tom varley" not in found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_descriptor_cut_off_by_a_clause_stays_apart_from_the_name(
    resources: Resources,
) -> None:
    text = (
        "A Canadian radio host who interviewed Tom Varley in Toronto said he was ill."
    )
    found = codings(resources, text)
    assert not any(key.endswith("tom varley") and key != "tom varley" for key in found)


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_lone_given_name_refers_back_to_the_full_name(
    resources: Resources,
) -> None:
    text = (
        "A Canadian, Marcus Oduya, appeared in court in Lyon, France, on Monday."
        " After the hearing, Marcus returned to a cell. His lawyer said Marcus was calm."
    )
    result = resolve(resources, text)
    by_text: dict[str, set[str]] = {}
    for mention in result.mentions:
        by_text.setdefault(mention.text, set()).add(mention.actor_id)
    assert by_text["Marcus"] == by_text["Marcus Oduya"]
    actor = next(a for a in result.actors if a.actor_id in by_text["Marcus"])
    assert actor.code == "CAN"


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_given_name_two_people_share_refers_to_neither(
    resources: Resources,
) -> None:
    text = (
        "Marcus Oduya and Marcus Feldt, two farmers, met in Lyon on Monday."
        " Marcus said the harvest was poor."
    )
    result = resolve(resources, text)
    full = {m.actor_id for m in result.mentions if m.text.startswith("Marcus ")}
    alone = {m.actor_id for m in result.mentions if m.text == "Marcus"}
    assert not alone & full


@pytest.mark.model
@pytest.mark.issue(10)
def test_unmarked_arms_take_the_one_state_whose_arms_the_text_codes(
    resources: Resources,
) -> None:
    text = (
        "Two French police officers were convicted of robbing a Canadian student."
        " The officers denied the charge. The court gave them five years."
    )
    found = codings(resources, text)
    assert found["officers"] == ("FRA", "COP")
    assert found["court"][0] == "FRA"


@pytest.mark.model
@pytest.mark.issue(10)
def test_arms_of_two_states_leave_the_unmarked_ones_uncoded(
    resources: Resources,
) -> None:
    text = (
        "Two French police officers and two Belgian police officers robbed a Canadian"
        " student. The officers denied the charge."
    )
    found = codings(resources, text)
    assert found["officers"][0] is None


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_given_name_three_people_share_is_no_error(resources: Resources) -> None:
    text = (
        "Marcus Oduya, Marcus Feldt and Marcus Brandl, three farmers, met in Lyon."
        " Marcus said the harvest was poor."
    )
    result = resolve(resources, text)
    assert any(m.text == "Marcus Brandl" for m in result.mentions)


@pytest.mark.model
@pytest.mark.issue(10)
def test_an_unmarked_arm_beside_another_state_stays_uncoded(
    resources: Resources,
) -> None:
    text = (
        "Two French police officers were convicted of robbing a Canadian student."
        " The officers later met a Canadian student and a Belgian student."
    )
    result = resolve(resources, text)
    by_id = {a.actor_id: a for a in result.actors}
    later = [m for m in result.mentions if m.text == "officers"]
    assert later
    assert by_id[later[-1].actor_id].code is None


@pytest.mark.model
@pytest.mark.issue(10)
def test_names_after_a_plural_role_take_its_sector(resources: Resources) -> None:
    text = (
        "Emily Hart, 39, met officers Paul Durand and Marc Leclerc at a pub in Lyon."
        " Durand denied it."
    )
    found = codings(resources, text)
    assert found["officers paul durand"][1] == "COP"
    assert found["marc leclerc"][1] == "COP"
    assert found["durand"][1] == "COP"
    assert found["emily hart"][1] == "CVL"
    assert "officers" not in found


@pytest.mark.model
@pytest.mark.issue(10)
def test_a_counted_plural_demonym_codes_the_list_of_names_after_it(
    resources: Resources,
) -> None:
    text = (
        "Three Canadians, Paul Hart, Mary Hart, and John Tuli, sued the government of"
        " France. Tuli had lived in Lyon."
    )
    found = codings(resources, text)
    for name in ("paul hart", "mary hart", "john tuli", "tuli"):
        assert found[name][0] == "CAN", name


@pytest.mark.model
@pytest.mark.issue(10)
def test_given_names_after_a_word_for_relatives_are_people(
    resources: Resources,
) -> None:
    text = (
        "Tom Varley of Toronto, Canada, is survived by his wife Ruth Varley, their two"
        " sons Wyatt and Zachary, and four daughters, Nadine, Ashley, Elizabeth, and"
        " Toni. Varley loved watching Wyatt ride."
    )
    result = resolve(resources, text)
    by_id = {a.actor_id: a for a in result.actors}
    coded = [(m.text, by_id[m.actor_id].code) for m in result.mentions]
    for name in ("Zachary", "Nadine", "Toni"):
        assert (name, "CAN") in coded, name
    assert coded.count(("Wyatt", "CAN")) == 2
