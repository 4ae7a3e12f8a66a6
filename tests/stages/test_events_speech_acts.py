"""Speech acts of issue 11 made by the clause: conditional threats (``events_speech``).

Sentences written for these tests (real parses, actors given by hand; see
``events_harness``). A speaker saying what it will do should another party act states a
threat against that party; a condition predicted by others, or attached to a friendly
act, stays a hypothetical event.
"""

from __future__ import annotations

import pytest
from events_harness import code, dyads
from test_events_classes import CAST

from dyad.records import ActorKind, EventType, Modality

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType

PEOPLE = {
    **CAST,
    "the Egyptian foreign minister": ("EGY", ActorKind.PERSON),
    "analysts": ("", ActorKind.PERSON),
}

CONDITIONAL_THREATS = [
    ("Egypt said that if Ethiopia filled the dam, Egypt would bomb the dam.",
     (T.THREATEN, ("EGY",), ("ETH",))),
    ("The Egyptian foreign minister said that if Sudan closed the border, Egypt would "
     "retaliate.", (T.THREATEN, ("EGY",), ("SDN",))),
    ("Peru said it would impose sanctions on Chile unless Chile released the trawlers.",
     (T.THREATEN, ("PER",), ("CHL",))),
]


@pytest.mark.parametrize(
    ("text", "expected"), CONDITIONAL_THREATS, ids=[t for t, _ in CONDITIONAL_THREATS]
)
def test_a_conditional_the_actor_states_is_a_threat(text, expected, resources):  # type: ignore[no-untyped-def]
    found = code(resources, text, PEOPLE)
    assert expected in dyads(found), f"{expected} not in {sorted(dyads(found))}"
    threats = [e for e in found if e.type == T.THREATEN]
    assert all(e.modality == Modality.ASSERTED for e in threats), threats


@pytest.mark.parametrize(
    "text",
    [
        "Egypt will strike Sudan if Sudan closes the border, analysts said.",
        "If Sudan closes the border, Egypt could strike it.",
        "Egypt said that if Sudan asked, it would send aid to Sudan.",
    ],
)
def test_a_predicted_or_friendly_conditional_is_no_threat(text, resources):  # type: ignore[no-untyped-def]
    found = code(resources, text, PEOPLE)
    assert T.THREATEN not in {e.type for e in found}, found


CLAIMS = [
    ("Peru claimed that Chile had shelled the border posts.",
     (T.ACCUSE, ("PER",), ("CHL",))),
    ("Ghana contends that Togo armed the smugglers.", (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Officials in Kenya claim Uganda moved troops to the border.",
     (T.ACCUSE, ("KEN",), ("UGA",))),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMS, ids=[t for t, _ in CLAIMS])
def test_a_claim_that_another_party_acted_is_an_allegation(text, expected, resources):  # type: ignore[no-untyped-def]
    found = dyads(code(resources, text, PEOPLE))
    assert expected in found, f"{expected} not in {sorted(found)}"


@pytest.mark.parametrize(
    "text",
    [
        "Peru claimed it had not known about the shipment to Chile.",
        "Peru claimed its navy had seized the trawler from Chile.",
        "Peru claimed victory in the dispute with Chile.",
    ],
)
def test_a_claim_about_ones_own_side_or_a_victory_is_no_allegation(text, resources):  # type: ignore[no-untyped-def]
    found = code(resources, text, PEOPLE)
    assert T.ACCUSE not in {e.type for e in found}, found


WORDS = [
    ("Egypt insulted Ethiopia over the dam.", (T.ACCUSE, ("EGY",), ("ETH",))),
    ("Ghana hammered Togo for the border closure.", (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Peru said the election in Chile was fraudulent and undemocratic.",
     (T.ACCUSE, ("PER",), ("CHL",))),
    ("Brazil leveled sharp criticism at Argentina over the tariffs.",
     (T.ACCUSE, ("BRA",), ("ARG",))),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t for t, _ in WORDS])
def test_more_words_of_criticism(text, expected, resources):  # type: ignore[no-untyped-def]
    found = dyads(code(resources, text, PEOPLE))
    assert expected in found, f"{expected} not in {sorted(found)}"
