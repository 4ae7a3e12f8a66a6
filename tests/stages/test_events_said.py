"""Charges carried by a said-clause (issue 11): "X said Y carried out the bombing".

Sentences written for these tests (real parses, actors given by hand; see
``events_harness``). A verb of saying whose complement tells of a hostile act (an
attack, an arrest, a threat) or a charge of ``said_charges.yaml`` ("broke the law") by
a named party is ACCUSE by the speaker against that party; a neutral act, a pronoun
doer, or the speaker's own state is none.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from events_harness import cast_for, dyads, parse, reduce
from test_events_classes import CAST

from dyad.records import ActorKind, EventType, Modality
from dyad.stages.events import code_events
from dyad.stages.events_said import charge_cues

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType


def _coded(resources, text):  # type: ignore[no-untyped-def]
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, CAST)
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    return dyads([reduce(e, actors) for e in result.records])


CHARGES = [
    ("Ghana said Togo had arrested three of its fishermen.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Officials in Peru say that Chile shelled two border posts overnight.",
     (T.ACCUSE, ("PER",), ("CHL",))),
    ("Egypt claimed Sudan had threatened to close the canal.",
     (T.ACCUSE, ("EGY",), ("SDN",))),
    ("Brazil said Argentina broke the trade agreement.",
     (T.ACCUSE, ("BRA",), ("ARG",))),
    ("Kenya told reporters that Uganda had used force against the herders.",
     (T.ACCUSE, ("KEN",), ("UGA",))),
    # a verb of reporting, and a participle the parser hangs on a noun
    ("The envoy of Ghana reported that Togo had arrested six traders.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Peru closed its border with Chile on Monday, saying Chile had arrested six traders.",
     (T.ACCUSE, ("PER",), ("CHL",))),
]


@pytest.mark.parametrize(("text", "expected"), CHARGES, ids=[t for t, _ in CHARGES])
def test_a_hostile_act_in_a_said_clause_accuses_its_doer(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"


NO_CHARGES = [
    "Ghana said Togo had attended the border talks.",  # a neutral act
    "Peru said it had arrested three Chile smugglers.",  # the speaker's side
    "Officials in Ghana said Ghana had arrested two Togo smugglers.",  # its own state
    "Egypt said Sudan broke the news on Monday.",  # an object that is no charge
    "Chile shelled two Peru border posts overnight, officials in Peru said.",  # a source
]


@pytest.mark.parametrize("text", NO_CHARGES)
def test_no_charge_without_a_hostile_act_by_another_party(text, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert not any(t == T.ACCUSE for t, _, _ in found), found


def test_an_event_noun_as_doer_keeps_its_own_event(resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, "Ghana said that Togo raids on the villages had killed six.")
    assert (T.ACCUSE, ("GHA",), ("TGO",)) in found, found
    assert any(t == T.ASSAULT and a == ("TGO",) for t, a, _ in found), found


def test_the_news_media_reporting_an_act_make_no_charge(resources):  # type: ignore[no-untyped-def]
    cast = {**CAST, "Reuters": ("GBR", ActorKind.ORGANIZATION)}
    for sector, charged in (("MED", False), (None, True)):
        parsed = parse(resources, "Reuters reported that Chile shelled two border posts.")
        actors, mentions = cast_for(parsed, cast)
        actors = [replace(a, sector=sector if a.name == "Reuters" else None) for a in actors]
        result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
        found = dyads([reduce(e, actors) for e in result.records])
        assert ((T.ACCUSE, ("GBR",), ("CHL",)) in found) == charged, (sector, found)


def test_the_charge_cues_read_from_the_packaged_file():  # type: ignore[no-untyped-def]
    cues = charge_cues()
    assert T.ASSAULT in cues.types
    assert T.AGREE not in cues.types
    assert "law" in cues.objects["break"]
    assert "report" in cues.verbs


POLICIES_AND_THREATS = [
    # a sanction the actor announces is a planned SANCTION (EVENT-GUIDELINES §2)
    ("Peru said it will raise tariffs on Chile.", T.SANCTION, Modality.FUTURE),
    ("Ghana announced that it would suspend flights to Togo.",
     T.SANCTION, Modality.FUTURE),
    # under a condition or a vow it is a threat; an attack the actor announces is one
    ("Peru said it would impose sanctions on Chile unless Chile released the trawlers.",
     T.THREATEN, Modality.ASSERTED),
    ("Peru vowed to impose sanctions on Chile.", T.THREATEN, Modality.ASSERTED),
    ("Iran said it would attack Israel.", T.THREATEN, Modality.ASSERTED),
]


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    POLICIES_AND_THREATS,
    ids=[t for t, _, _ in POLICIES_AND_THREATS],
)
def test_an_announced_sanction_is_a_plan_not_a_threat(text, kind, modality, resources):  # type: ignore[no-untyped-def]
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, CAST)
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    kinds = {(e.type, e.modality) for e in result.records}
    assert (kind, modality) in kinds, kinds
    if kind == T.SANCTION:
        assert not any(t == T.THREATEN for t, _ in kinds), kinds


WARNINGS = [
    # a warning of what will or may be done, or to someone, is a threat
    ("Peru warned that Chile would pay a heavy price.", True),
    ("Russia warned that Britain will face consequences.", True),
    ("Turkey warned Greece against provocations.", True),
    # a warning that only states a fact threatens no one
    ("UNICEF warned that thousands of families in Sudan are displaced.", False),
    ("Ghana warned that prices in Togo have doubled.", False),
]


@pytest.mark.parametrize(("text", "threat"), WARNINGS, ids=[t for t, _ in WARNINGS])
def test_a_warning_of_a_fact_is_no_threat(text, threat, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert any(t == T.THREATEN for t, _, _ in found) == threat, found


CONDITIONAL_THREATS = [
    "Germany threatened new sanctions if Russia does not agree to a ceasefire.",
    "Iran warned of a stronger response if Israel strikes again.",
]


@pytest.mark.parametrize("text", CONDITIONAL_THREATS)
def test_a_threat_with_a_condition_was_made(text, resources):  # type: ignore[no-untyped-def]
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, CAST)
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    threats = [e for e in result.records if e.type == T.THREATEN]
    assert threats
    assert {e.modality for e in threats} == {Modality.ASSERTED}
    assert all(e.recipient_ids for e in threats)
    parsed = parse(resources, "Peru could threaten Chile with sanctions if it loses.")
    actors, mentions = cast_for(parsed, CAST)
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    assert {e.modality for e in result.records if e.type == T.THREATEN} == {
        Modality.HYPOTHETICAL
    }
