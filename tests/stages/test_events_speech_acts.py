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
