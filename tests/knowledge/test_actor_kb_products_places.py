"""Knowledge of issue 10, round 5: products are no actors, demonym plurals, gazetteer
regions as modifiers, universities, agencies and more office holders (packaged data).

The sentences are written for these tests; the stage tests use real parses with the
pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.knowledge.actor_files import load_actor_kb
from dyad.knowledge.actors import surface_key
from dyad.pipeline import clean_raw
from dyad.records import RawDocument
from dyad.resources import Resources
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import parse_articles

KB = load_actor_kb()


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("name", "thing"),
    [
        ("DRM", True),
        ("Minetest", True),
        ("Rocky Linux", True),
        ("Rocky Linux 9", True),
        ("Red Hat Enterprise Linux", True),
        ("the Google Maps team", True),
        ("Red Hat", False),
        ("Rocky Balboa", False),
        ("Open Source Initiative", False),
        ("East Java police", False),
    ],
)
def test_product_names_are_things(name: str, thing: bool) -> None:
    assert KB.is_thing(name) is thing


def _organisations(resources: Resources, text: str) -> set[str]:
    item = clean_raw(RawDocument(text=text, published=dt.date(2024, 3, 5)), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    found = resolve_actors(parsed, kb=resources.actor_kb)
    return {a.name for a in found.actors}


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Players of Minetest built a copy of their town last winter.", "Minetest"),
        ("Critics say DRM punishes people who paid for their films.", "DRM"),
        ("The school moved its servers to Rocky Linux in March.", "Rocky Linux"),
    ],
)
def test_a_product_in_a_sentence_is_no_actor(
    resources: Resources, text: str, product: str
) -> None:
    assert product not in _organisations(resources, text)


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("surface", "code"),
    [("Greenlanders", "GRL"), ("Puerto Ricans", "PRI"), ("New Zealanders", "NZL")],
)
def test_plural_demonyms_name_their_state(surface: str, code: str) -> None:
    hits = KB.lookup_key(surface_key(surface))
    assert hits, surface
    assert KB.entry(hits[0].kb_id).code == code


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("place", "code"),
    [("Kent", "GBR"), ("croydon", "GBR"), ("Balochistan", "PAK"), ("Tigray", "ETH")],
)
def test_gazetteer_regions_modify_group_nouns(place: str, code: str) -> None:
    assert KB.place_state(place) == code


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("Harvard University", "USA", "EDU"),
        ("University of Essex", "GBR", "EDU"),
        ("Makerere University", "UGA", "EDU"),
        ("Independent National Electoral Commission", "NGA", "GOV"),
        ("Kenya Defence Forces", "KEN", "MIL"),
        ("Border Guard Bangladesh", "BGD", "COP"),
    ],
)
def test_organisations_have_their_state_and_sector(
    name: str, code: str, sector: str
) -> None:
    hits = KB.lookup_key(surface_key(name))
    assert hits, name
    entry = KB.entry(hits[0].kb_id)
    assert (entry.code, entry.sector) == (code, sector)


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("code", "title", "day", "holder"),
    [
        ("GHA", "finance minister", dt.date(2025, 6, 1), "Cassiel Ato Forson"),
        (
            "OMN",
            "interior minister",
            dt.date(2024, 6, 1),
            "Hamoud bin Faisal Al Busaidi",
        ),
        ("URY", "defence minister", dt.date(2025, 6, 1), "Sandra Lazo"),
        ("CMR", "prime minister", dt.date(2022, 6, 1), "Joseph Dion Ngute"),
        ("DZA", "prime minister", dt.date(2025, 5, 1), "Nadir Larbaoui"),
    ],
)
def test_more_office_holders(code: str, title: str, day: dt.date, holder: str) -> None:
    person = KB.holder_of(code, title, day)
    assert person is not None
    assert person.name == holder


@pytest.mark.issue(10)
def test_state_lookup_skips_a_person_sharing_the_surface() -> None:
    assert KB.lookup_state("Abdul Hamid") is None


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Ursula von der Leyen said the bloc would answer within a week.",
            "Ursula von der Leyen",
            "IGO",
        ),
        (
            "On Friday Jean-Noel Barrot flew to Beirut for talks.",
            "Jean-Noël Barrot",
            "FRA",
        ),
        ("Students cheered when Elon Musk arrived at the plant.", "Elon Musk", "USA"),
    ],
)
def test_a_known_name_the_parser_cuts_keeps_its_whole_entry(
    resources: Resources, text: str, name: str, code: str
) -> None:
    item = clean_raw(RawDocument(text=text, published=dt.date(2025, 3, 5)), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    found = resolve_actors(parsed, kb=resources.actor_kb)
    coded = {a.name: a.code for a in found.actors}
    assert coded.get(name) == code, coded
