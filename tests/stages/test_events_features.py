"""Sites and features of the learned event coder, on real parses of our own sentences."""

from __future__ import annotations

import pytest

from dyad.records import RawDocument
from dyad.stages.events_features import Site, features, find_sites
from dyad.stages.events_parties import build_cast
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import find_candidates

pytestmark = pytest.mark.model


def _sites(text: str, resources) -> tuple[list[Site], Cast]:  # type: ignore[no-untyped-def]
    from dyad.pipeline import clean_raw
    from dyad.stages import actors, nlp

    article, _ = clean_raw(RawDocument(text=text), resources)
    ((parsed, _),) = list(nlp.parse_articles(resources.nlp, [(article, None)]))
    found = actors.resolve_actors(parsed, kb=resources.actor_kb)
    lexicon = resources.event_lexicon
    cast = build_cast(parsed.doc, found.actors, found.mentions, lexicon)
    sites = []
    for sent in parsed.doc.sents:
        candidates = find_candidates(sent, lexicon, cast.by_token, cast.people)
        sites.extend(find_sites(sent, candidates, cast, lexicon))
    return sites, cast


def test_verbs_and_nouns_with_a_participant_are_sites(resources) -> None:  # type: ignore[no-untyped-def]
    sites, _ = _sites(
        "Brazil lambasted Argentina. Russia's annexation of Crimea worried Poland.",
        resources,
    )
    words = {s.trigger.text for s in sites}
    assert {"lambasted", "annexation", "worried"} <= words


def test_words_without_a_participant_or_inside_a_mention_are_no_sites(
    resources,
) -> None:  # type: ignore[no-untyped-def]
    sites, _ = _sites("US officials said the weather improved quickly.", resources)
    words = {s.trigger.text for s in sites}
    assert "officials" not in words  # part of the actor mention
    assert "improved" not in words  # its subject is the weather, no actor


def test_features_tell_a_person_object_from_no_actor(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = resources.event_lexicon
    person_sites, cast = _sites("Joe Biden attacked Donald Trump.", resources)
    (person,) = [s for s in person_sites if s.trigger.text == "attacked"]
    assert "l+obj=attack|person" in features(person, cast, lexicon)
    town_sites, cast = _sites("Russian troops attacked the town.", resources)
    (town,) = [s for s in town_sites if s.trigger.text == "attacked"]
    town_features = features(town, cast, lexicon)
    assert "l+obj=attack|word" in town_features
    assert town_features == sorted(set(town_features))


def _features_of(text: str, word: str, resources) -> list[str]:  # type: ignore[no-untyped-def]
    sites, cast = _sites(text, resources)
    (site,) = [s for s in sites if s.trigger.text == word]
    return features(site, cast, resources.event_lexicon)


def test_features_count_the_sides_that_name_an_actor(resources) -> None:  # type: ignore[no-untyped-def]
    both = _features_of("Chile criticised Peru on Tuesday.", "criticised", resources)
    assert "sides=2" in both
    one = _features_of("Chile criticised the plan on Tuesday.", "criticised", resources)
    assert "sides=1" in one


def test_features_carry_the_lexicon_sense_of_the_lemma(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = resources.event_lexicon
    senses = {r.type.value for r in lexicon.verbs["criticize"]}
    found = _features_of("Chile criticized Peru.", "criticized", resources)
    assert {"lex=" + s for s in senses} <= set(found)
    assert "resemble" not in lexicon.verbs
    assert "lex=none" in _features_of("Chile resembled Peru.", "resembled", resources)


def test_features_mark_a_trigger_inside_quotation_marks(resources) -> None:  # type: ignore[no-untyped-def]
    quoted = 'Chile said: "We condemn Peru for the raid."'
    assert "quoted" in _features_of(quoted, "condemn", resources)
    plain = "Chile condemned Peru for the raid."
    assert "quoted" not in _features_of(plain, "condemned", resources)


def test_features_name_the_sense_of_the_governing_verb(resources) -> None:  # type: ignore[no-untyped-def]
    found = _features_of(
        "Chile accused Peru of attacking its border posts.", "attacking", resources
    )
    assert "gov=accuse" in found
    assert "gov.lex=ACCUSE" in found
