"""The actor knowledge base: packaged data, lookups, dated roles, user files, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest

from dyad.errors import ResourceError
from dyad.knowledge.actor_files import load_actor_kb
from dyad.knowledge.actors import ActorKB, surface_key
from dyad.records import ActorKind

PEOPLE = Path(__file__).resolve().parent.parent / "data" / "actors" / "people-test.yaml"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_actor_kb([PEOPLE])


def test_every_un_member_and_extra_state_is_known(kb: ActorKB) -> None:
    codes = {e.code for e in kb.entries.values() if e.kind is ActorKind.STATE}
    assert {"KOS", "PSE", "TWN"} <= codes
    assert len(codes) >= 196
    for code in codes - {"KOS"}:
        assert pycountry.countries.get(alpha_3=code) is not None, code


@pytest.mark.parametrize(
    ("text", "code", "form", "sector"),
    [
        ("China", "CHN", "name", None),
        ("US", "USA", "name", None),
        ("U.S.", "USA", "name", None),
        ("UK", "GBR", "name", None),
        ("Chinese", "CHN", "demonym", None),
        ("French", "FRA", "demonym", None),
        ("Afghans", "AFG", "demonym", None),
        ("Beijing", "CHN", "capital", "GOV"),
        ("Washington", "USA", "capital", "GOV"),
        ("the Kremlin", "RUS", "seat", "GOV"),
        ("The White House", "USA", "seat", "GOV"),
        ("the Pentagon", "USA", "seat", "MIL"),
        ("Downing Street", "GBR", "seat", "GOV"),
        ("Elysee", "FRA", "seat", "GOV"),
        ("Côte d'Ivoire", "CIV", "name", None),
        ("Cote d\u2019Ivoire", "CIV", "name", None),
    ],
)
def test_lookup_state(
    kb: ActorKB, text: str, code: str, form: str, sector: str | None
) -> None:
    hit = kb.lookup_state(text)
    assert hit is not None
    assert (kb.entry(hit.kb_id).code, hit.form, hit.sector) == (code, form, sector)


@pytest.mark.parametrize("text", ["us", "china", "Chair", "Turkey sandwich", ""])
def test_lookup_state_is_case_sensitive_and_exact(kb: ActorKB, text: str) -> None:
    assert kb.lookup_state(text) is None


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("UN", "UN"),
        ("the United Nations", "UN"),
        ("UN Security Council", "UNSC"),
        ("G20", "G20"),
        ("APEC", "APEC"),
        ("Asia-Pacific Economic Cooperation", "APEC"),
        ("NATO", "NATO"),
        ("EU", "EU"),
        ("African Union", "AU"),
        ("WHO", "WHO"),
        ("IMF", "IMF"),
        ("World Bank", "World Bank"),
        ("ASEAN", "ASEAN"),
    ],
)
def test_lookup_igo(kb: ActorKB, text: str, org: str) -> None:
    [hit, *_] = kb.lookup_name(text)
    entry = kb.entry(hit.kb_id)
    assert (entry.code, entry.org, entry.kind) == ("IGO", org, ActorKind.IGO)


def test_surface_key_ignores_spacing_the_and_accents() -> None:
    assert surface_key("the  Élysée ") == surface_key("Elysee") == "Elysee"
    assert surface_key("Asia  -  Pacific") == "Asia - Pacific"
    assert surface_key("the  United\tStates") == "United States"


@pytest.mark.parametrize(
    ("day", "sector", "title"),
    [
        (dt.date(2023, 6, 15), "GOV", "Secretary of State"),
        (dt.date(2025, 3, 1), "ELI", "former Secretary of State"),
        (dt.date(2020, 1, 1), None, None),
        (None, "GOV", "Secretary of State"),
    ],
    ids=["in-office", "after", "before", "no-date"],
)
def test_role_follows_the_date(
    kb: ActorKB, day: dt.date | None, sector: str | None, title: str | None
) -> None:
    person = kb.lookup_person("Antony Blinken")
    assert person is not None
    role = kb.role_of(person, day)
    assert (role.code, role.sector, role.title) == ("USA", sector, title)


def test_igo_office_codes_igo(kb: ActorKB) -> None:
    person = kb.lookup_person("António Guterres")
    assert person is not None
    role = kb.role_of(person, dt.date(2023, 1, 1))
    assert (role.code, role.org, role.sector) == ("IGO", "UN", "GOV")


def test_lookup_person_by_alias_any_case(kb: ActorKB) -> None:
    person = kb.lookup_person("tony blinken")
    assert person is not None
    assert person.name == "Antony Blinken"


def test_fuzzy_name_links_a_misspelling(kb: ActorKB) -> None:
    found = kb.find_person("Emanuel Macron")
    assert found is not None
    person, score = found
    assert person.name == "Emmanuel Macron"
    assert 0.85 < score < 1.0


@pytest.mark.parametrize(
    "name",
    ["Emanuel Smith", "Janet Jackson", "Joe Bidet Smith", "Macron", "Gina Rossi"],
)
def test_fuzzy_name_does_not_link_other_people(kb: ActorKB, name: str) -> None:
    found = kb.find_person(name)
    assert found is None or found[1] == 1.0


def test_short_forms(kb: ActorKB) -> None:
    assert [p.name for p in kb.short_form_people("Xi")] == ["Xi Jinping"]
    assert "Joe Biden" in [p.name for p in kb.short_form_people("Biden")]
    assert kb.short_form_people("Arabia") == ()


def test_titles_and_group_nouns(kb: ActorKB) -> None:
    assert kb.title_info("secretary") is not None
    info = kb.title_info("general")
    assert info is not None
    assert info.sector == "MIL"
    troops = kb.group_noun("troops")
    assert troops is not None
    assert troops.sector == "MIL"
    assert troops.bare
    assert kb.institution_sector("think tank") == "EDU"


def test_packaged_people_files_load() -> None:
    kb = load_actor_kb()
    assert len(kb.people) >= 1


def test_user_file_adds_entries(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "organizations:\n"
        "  - {name: Example Watch, aliases: [EXW], code: NGO}\n"
        "people:\n"
        "  - name: Jane Example\n"
        "    code: CAN\n"
        "    offices:\n"
        "      - {title: Envoy, code: CAN, sector: GOV, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    kb = load_actor_kb([path])
    [hit] = kb.lookup_name("EXW")
    assert kb.entry(hit.kb_id).code == "NGO"
    person = kb.lookup_person("Jane Example")
    assert person is not None
    assert kb.role_of(person, dt.date(2021, 1, 1)).sector == "GOV"


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (
            "people:\n  - name: X\n    offices:\n"
            "      - {title: T, start: 2020-13-01}\n",
            4,
            "date",
        ),
        ("people:\n  - {name: X, offices: [{title: T, sector: ARMY}]}\n", 2, "sector"),
        ("states:\n  - {code: XXXX, name: Nowhere}\n", 2, "ISO3"),
        ("organizations:\n  - {aliases: [A]}\n", 2, "name"),
        ("places:\n  - {name: X}\n", 1, "section"),
        ("people: [\n", 2, ""),
    ],
    ids=["bad-date", "bad-sector", "bad-code", "no-name", "bad-section", "bad-yaml"],
)
def test_malformed_user_file_names_file_and_line(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_actor_kb([path])
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:")
    assert words in message


def test_missing_user_file_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="not found"):
        load_actor_kb([tmp_path / "absent.yaml"])


def test_short_name_parts_must_match_exactly(kb: ActorKB) -> None:
    found = kb.find_person("Xi Jinpin")
    assert found is not None
    assert found[0].name == "Xi Jinping"
    assert kb.find_person("Xu Jinping") is None

