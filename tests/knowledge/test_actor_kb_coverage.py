"""Coverage of the packaged actor data beyond the G20 heads: dated ministers
(people-ministers.yaml), legislators and party leaders, agencies, parliaments, armed
groups and outlets (organizations.yaml), read through the real loader and the
`dyad actors lookup` command."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.knowledge.actor_files import load_actor_kb
from dyad.knowledge.actors import ActorKB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_actor_kb()


@pytest.mark.parametrize(
    ("name", "day", "code", "sector", "title"),
    [
        ("Mohsin Naqvi", dt.date(2024, 6, 1), "PAK", "GOV", "Interior Minister"),
        ("Eskandar Momeni", dt.date(2025, 1, 1), "IRN", "GOV", "Interior Minister"),
        ("Nancy Faeser", dt.date(2023, 1, 1), "DEU", "GOV", "Interior Minister"),
        ("Nancy Faeser", dt.date(2025, 8, 1), "DEU", "ELI", "former Interior Minister"),
        ("Yassine Jaber", dt.date(2025, 6, 1), "LBN", "GOV", "Finance Minister"),
        ("Teodoro Locsin Jr.", dt.date(2020, 5, 1), "PHL", "GOV", "Foreign Minister"),
        ("Bernie Sanders", dt.date(2020, 2, 1), "USA", "LEG", "Senator"),
        (
            "Jeremy Corbyn",
            dt.date(2019, 12, 1),
            "GBR",
            "OPP",
            "Leader of the Opposition",
        ),
        ("Howie Hawkins", dt.date(2020, 7, 1), "USA", "PTY", "Presidential Candidate"),
    ],
)
def test_new_office_holders_code_on_their_dates(
    kb: ActorKB, name: str, day: dt.date, code: str, sector: str, title: str
) -> None:
    person = kb.lookup_person(name)
    assert person is not None, name
    role = kb.role_of(person, day)
    assert (role.code, role.sector, role.title) == (code, sector, title)


def test_offices_added_to_people_of_other_files_keep_both(kb: ActorKB) -> None:
    person = kb.lookup_person("Israel Katz")
    assert person is not None
    finance = kb.role_of(person, dt.date(2021, 1, 1))
    defence = kb.role_of(person, dt.date(2025, 6, 1))
    assert (finance.title, defence.title) == ("Finance Minister", "Defence Minister")


@pytest.mark.parametrize(
    ("code", "title", "day", "holder"),
    [
        ("KEN", "interior minister", dt.date(2020, 2, 1), "Fred Matiang'i"),
        ("KEN", "interior minister", dt.date(2024, 6, 1), "Kithure Kindiki"),
        ("IRQ", "defence minister", dt.date(2021, 1, 1), "Juma Inad"),
        ("IRL", "prime minister", dt.date(2023, 6, 1), "Leo Varadkar"),
        ("NOR", "finance minister", dt.date(2022, 6, 1), "Trygve Slagsvold Vedum"),
    ],
)
def test_unnamed_offices_link_to_the_holder_of_the_day(
    kb: ActorKB, code: str, title: str, day: dt.date, holder: str
) -> None:
    person = kb.holder_of(code, title, day)
    assert person is not None
    assert person.name == holder


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Investigative Committee", "RUS", "GOV"),
        ("Quds Force", "IRN", "MIL"),
        ("SBU", "UKR", "SPY"),
        ("Metropolitan Police", "GBR", "COP"),
        ("Folketing", "DNK", "LEG"),
        ("US Supreme Court", "USA", "JUD"),
        ("Kataib Hezbollah", "IRQ", "REB"),
        ("ISWAP", "NGA", "REB"),
        ("Sinaloa Cartel", "MEX", "CRM"),
        ("Znak.com", "RUS", "MED"),
        ("Kyiv Post", "UKR", "MED"),
    ],
)
def test_new_organisations_code_with_state_and_sector(
    kb: ActorKB, text: str, code: str, sector: str
) -> None:
    hits = kb.lookup_name(text)
    assert hits, text
    entry = kb.entry(hits[0].kb_id)
    assert (entry.code, entry.sector_on(None)) == (code, sector)


@pytest.mark.parametrize(
    ("phrase", "day", "expected"),
    [
        ("the Pakistani interior minister", "2024-06-01", "Mohsin Naqvi"),
        ("Kenyan interior minister", "2024-06-01", "Kithure Kindiki"),
        ("Gerhard Karner", "2023-03-01", "code=AUT sector=GOV title=Interior Minister"),
    ],
)
def test_lookup_command_shows_new_entries(phrase: str, day: str, expected: str) -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", phrase, "--date", day])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout
