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
