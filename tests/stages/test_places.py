"""The places stage and its gazetteer, on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from dyad.knowledge.places import Gazetteer, load_gazetteer, normal_name
from dyad.records import Actor, ActorKind, Article
from dyad.stages.nlp import Parsed, build_sentences
from dyad.stages.places import find_places

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def parsed_with(text: str, ents: list[tuple[str, str]]) -> Parsed:
    """Tokenise ``text`` and mark each (words, label) as an entity."""
    doc = NLP(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    article = Article(article_id="h1", text=text)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def resolved(
    parsed: Parsed, gazetteer: Gazetteer, actors: list[Actor] | None = None
) -> list[tuple[str, str | None, str | None]]:
    result = find_places(parsed, actors or [], [], gazetteer=gazetteer)
    return [(p.text, p.code, p.feature) for p in result.records]


def test_bali_is_the_indonesian_island_not_the_town_in_cameroon(
    gazetteer: Gazetteer,
) -> None:
    parsed = parsed_with("A meeting in Bali eased fears.", [("Bali", "GPE")])
    assert resolved(parsed, gazetteer) == [("Bali", "IDN", "admin1")]


def test_large_city_beats_small_namesake_even_with_context(
    gazetteer: Gazetteer,
) -> None:
    usa = Actor(
        article_id="h1",
        actor_id="a1",
        name="United States",
        kind=ActorKind.STATE,
        code="USA",
    )
    parsed = parsed_with("He flew to Paris.", [("Paris", "GPE")])
    assert resolved(parsed, gazetteer, [usa]) == [("Paris", "FRA", "city")]


def test_country_named_in_the_article_decides_between_namesakes(
    gazetteer: Gazetteer,
) -> None:
    text = "Floods hit Dover and Wilmington in the United States."
    parsed = parsed_with(text, [("Dover", "GPE"), ("the United States", "GPE")])
    codes = [code for _, code, _ in resolved(parsed, gazetteer)]
    assert codes == ["USA", "USA"]


def test_capital_resolves_as_a_place_with_coordinates(gazetteer: Gazetteer) -> None:
    result = find_places(
        parsed_with("Talks in Beijing.", [("Beijing", "GPE")]),
        [],
        [],
        gazetteer=gazetteer,
    )
    (place,) = result.records
    assert (place.code, place.feature) == ("CHN", "city")
    assert place.lat == pytest.approx(39.9, abs=0.2)
    assert place.lon == pytest.approx(116.4, abs=0.2)


def test_unresolvable_place_is_a_problem_and_keeps_the_others(
    gazetteer: Gazetteer,
) -> None:
    text = "Troops left Zzyzxland for Kabul."
    result = find_places(
        parsed_with(text, [("Zzyzxland", "GPE"), ("Kabul", "GPE")]),
        [],
        [],
        gazetteer=gazetteer,
    )
    assert [(p.text, p.code) for p in result.records] == [("Kabul", "AFG")]
    assert [p.code for p in result.problems] == ["places.unresolved"]


def test_world_regions_have_no_country(gazetteer: Gazetteer) -> None:
    parsed = parsed_with(
        "Ties with the Middle East grew.", [("the Middle East", "LOC")]
    )
    assert resolved(parsed, gazetteer) == [("the Middle East", None, "region")]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Gaza Strip", "Gaza Strip"),
        ("China's", "China"),
        ("  New   York ", "New York"),
    ],
)
def test_names_are_normalised_for_lookup(name: str, key: str) -> None:
    assert normal_name(name) == key


def test_country_aliases_and_kosovo_code(gazetteer: Gazetteer) -> None:
    assert {e.code for e in gazetteer.lookup("US")} == {"USA"}
    assert {e.code for e in gazetteer.lookup("Kosovo")} == {"KOS"}
    assert {e.code for e in gazetteer.lookup("Georgia")} == {"GEO", "USA"}


def test_entities_that_are_not_places_are_ignored(gazetteer: Gazetteer) -> None:
    doc = NLP("Reuters said so.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    article = Article(article_id="h1", text=doc.text)
    parsed = Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))
    assert find_places(parsed, [], [], gazetteer=gazetteer).records == ()
