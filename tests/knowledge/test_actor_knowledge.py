"""Knowledge for issue 10: unnamed offices, modifiers, territories, dated sectors,
the lower-cased index and short forms (packaged data only)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.knowledge.actor_files import load_actor_kb

KB = load_actor_kb()


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("code", "title", "day", "holder"),
    [
        ("CHN", "president", dt.date(2024, 6, 1), "Xi Jinping"),
        ("USA", "secretary of state", dt.date(2022, 3, 1), "Antony Blinken"),
        ("USA", "foreign minister", dt.date(2022, 3, 1), "Antony Blinken"),
        ("AUT", "chancellor", dt.date(2024, 6, 1), "Karl Nehammer"),
    ],
    ids=["chinese-president", "us-secretary-of-state", "title-synonym", "austria"],
)
def test_unnamed_office_has_one_holder_on_a_day(
    code: str, title: str, day: dt.date, holder: str
) -> None:
    person = KB.holder_of(code, title, day)
    assert person is not None
    assert person.name == holder


@pytest.mark.issue(10)
def test_office_with_no_known_holder_gives_none() -> None:
    assert KB.holder_of("USA", "envoy", dt.date(2024, 6, 1)) is None


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("word", "code"), [("Lagos", "NGA"), ("tigrayan", "ETH"), ("Xinjiang", "CHN")]
)
def test_cities_regions_and_peoples_map_to_their_state(word: str, code: str) -> None:
    assert KB.place_state(word) == code


@pytest.mark.issue(10)
def test_territories_keep_their_own_code() -> None:
    for name, code in [
        ("American Samoans", "ASM"),
        ("Puerto Rico", "PRI"),
        ("Greenland", "GRL"),
        ("Macau", "MAC"),
    ]:
        hit = KB.lookup_state(name)
        assert hit is not None
        assert KB.entry(hit.kb_id).code == code


@pytest.mark.issue(10)
def test_group_that_took_power_changes_sector_on_that_day() -> None:
    [hit] = [h for h in KB.lookup_name("Taliban") if h.kb_id == "org:taliban"]
    entry = KB.entry(hit.kb_id)
    assert entry.sector_on(dt.date(2021, 8, 14)) == "REB"
    assert entry.sector_on(dt.date(2021, 8, 15)) == "GOV"


@pytest.mark.issue(10)
def test_lower_cased_index_finds_names_that_exact_index_does_not() -> None:
    assert not KB.lookup_key("india")
    assert KB.lookup_lower_key("india")
    assert "us" in KB.ambiguous_lower


@pytest.mark.issue(10)
def test_lone_given_name_is_no_short_form() -> None:
    assert "Xi" in KB.short_forms
    assert "John" not in KB.short_forms
