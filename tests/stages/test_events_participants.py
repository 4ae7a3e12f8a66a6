"""Participants the rules must find (issue 11, second round), on sentences written here.

Classes measured on the dev and train splits (``scripts/event_errors.py``): the act of
a text ("a resolution condemning X") belongs to its issuer; a noun that frames a clause
("after talks with X") is an event when it names its own parties; "they" at the start
of a sentence stands for the actors of the sentence before; the prepositional phrase of
an event noun that names its own actor belongs to that event, not to the verb above it.
Real parses; actors given by hand (``events_harness``).
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads

from dyad.records import ActorKind, EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType
S = ActorKind.STATE
G = ActorKind.GROUP

CAST: Cast = {
    name: (code_, S)
    for name, code_ in {
        "Ghana": "GHA", "Togo": "TGO", "Egypt": "EGY", "Ethiopia": "ETH",
        "Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Kenya": "KEN",
        "Uganda": "UGA", "Germany": "DEU", "Syria": "SYR", "Jordan": "JOR",
        "Armenian": "ARM", "Azerbaijani": "AZE", "African Union": "IGO",
    }.items()
} | {"Kenyan police": ("KEN", G), "protesters": (None, G)}  # type: ignore[dict-item]


def _found(text: str, resources, cast: Cast = CAST):  # type: ignore[no-untyped-def]
    return dyads(code(resources, text, cast))


ISSUED = [
    ("The African Union adopted a resolution condemning Togo.",
     (T.ACCUSE, ("IGO",), ("TGO",))),
    ("Ghana's statement condemning Togo came late on Monday.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Egypt issued a statement calling on Ethiopia to halt the filling of the dam.",
     (T.REQUEST, ("EGY",), ("ETH",))),
]


@pytest.mark.parametrize(("text", "expected"), ISSUED, ids=[t for t, _ in ISSUED])
def test_the_act_of_a_text_is_its_issuers(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_an_event_object_keeps_its_own_recipient(resources):  # type: ignore[no-untyped-def]
    found = _found("Chile condemned Peru's attacks on Bolivia.", resources)
    assert (T.ACCUSE, ("CHL",), ("PER",)) in found
    assert (T.ACCUSE, ("CHL",), ("BOL", "PER")) not in found


FRAMED = [
    ("Germany pledged new aid to Syria after talks with Jordan.",
     (T.CONSULT, ("DEU", "JOR"), ())),
    ("Fighting resumed following clashes between Armenian and Azerbaijani troops.",
     (T.ASSAULT, ("ARM", "AZE"), ())),
]


@pytest.mark.parametrize(("text", "expected"), FRAMED, ids=[t for t, _ in FRAMED])
def test_a_framing_noun_with_its_own_parties_is_an_event(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_a_framing_noun_without_parties_stays_a_setting(resources):  # type: ignore[no-untyped-def]
    found = _found("Kenya signed the accord with Uganda at the summit.", resources)
    assert not any(t == T.CONSULT for t, _, _ in found), sorted(found)


def test_they_stands_for_the_actors_of_the_sentence_before(resources):  # type: ignore[no-untyped-def]
    text = "Kenyan police arrested dozens of protesters. They also detained two reporters."
    events = code(resources, text, CAST)
    detained = [e for e in events if e.trigger == "detained"]
    assert [e.actors for e in detained] == [("KEN",)]


def test_they_takes_the_parties_of_a_meeting_before(resources):  # type: ignore[no-untyped-def]
    text = "Officials of Kenya and Uganda met in Kampala. They agreed to reopen the border."
    events = code(resources, text, CAST)
    agreed = sorted(e.actors for e in events if e.trigger == "agreed")
    assert agreed in ([("KEN",), ("UGA",)], [("KEN", "UGA")]), agreed


def test_they_with_an_actor_in_its_own_sentence_keeps_it(resources):  # type: ignore[no-untyped-def]
    text = "Kenya met Uganda. Ghana said they would send troops to Togo."
    events = code(resources, text, CAST)
    sent = [e for e in events if e.trigger == "send"]
    assert [e.actors for e in sent] == [("GHA",)], sent


SPOKEN_FROM = [
    # the clause the threats come before answers them: Kenya was threatened
    ("Kenya sent troops to the border after threats from Uganda.",
     (T.THREATEN, ("UGA",), ("KEN",))),
    ("Chile turned down a request from Peru to reopen the border.",
     (T.REQUEST, ("PER",), ())),
]


@pytest.mark.parametrize(
    ("text", "expected"), SPOKEN_FROM, ids=[t for t, _ in SPOKEN_FROM]
)
def test_from_names_the_speaker_of_a_nominal_speech_act(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_from_stays_a_recipient_when_a_possessor_speaks(resources):  # type: ignore[no-untyped-def]
    found = _found("Ghana's request for help from Togo came on Monday.", resources)
    assert (T.REQUEST, ("GHA",), ("TGO",)) in found, sorted(found)

