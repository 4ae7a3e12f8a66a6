"""Participants the rules must find (issue 11, sixth round), on sentences written here.

Classes measured on the dev and train splits and the public gold's dev halves: the agent
of a noun names its actor ("the decision by X", "detainees held by X"), so condemning it
condemns X; an object set off by commas after two verbs with subjects of their own is
the object of both (right-node raising); a statement noun's that-clause names whom it is
about ("accusations from X that Y …"); a threat's "if"/"unless" condition names whom
it is aimed at; "along with" / "together with" add a co-actor, and a one-sided event
gives one event per actor to the same recipient; "the country" / "those countries"
stand for the state(s) named before, other than the actor; an event noun in a passive
verb's "in" phrase acts ("were wounded in a Kenyan airstrike").
Real parses; actors given by hand (``events_harness``).
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads, states

from dyad.records import ActorKind, EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType

CAST: Cast = states(
    {
        "Ghana": "GHA", "Togo": "TGO", "Kenya": "KEN", "Uganda": "UGA",
        "Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Kenyan": "KEN",
        "Ugandan": "UGA",
    }
)


def _found(text: str, resources):  # type: ignore[no-untyped-def]
    return dyads(code(resources, text, CAST))


FOUND = [
    # the agent of a noun acts: condemning or welcoming it addresses the agent
    ("Kenya condemned the decision by Uganda.", (T.ACCUSE, ("KEN",), ("UGA",))),
    ("Peru criticised the arrest of journalists by Bolivia.",
     (T.ACCUSE, ("PER",), ("BOL",))),
    ("Chile welcomed the decision by Peru to free the prisoners.",
     (T.SUPPORT, ("CHL",), ("PER",))),
    ("Ghana and Kenya condemned the bombing by Togo.", (T.ACCUSE, ("GHA",), ("TGO",))),
    # a participle's agent is the holder of what it qualifies
    ("Ghana freed detainees held by Togo.", (T.RETREAT, ("GHA",), ("TGO",))),
    # right-node raising: both verbs take the object after the second
    ("Kenya condemned, and Uganda welcomed, the decision by Ghana.",
     (T.ACCUSE, ("KEN",), ("GHA",))),
    ("Kenya condemned, and Uganda welcomed, the decision by Ghana.",
     (T.SUPPORT, ("UGA",), ("GHA",))),
    # the subject of a statement noun's that-clause is whom it is about
    ("The summit opened amid accusations from Kenya that Uganda was arming rebels.",
     (T.ACCUSE, ("KEN",), ("UGA",))),
    # co-actors: one event each, to the same recipient
    ("Ghana, along with Kenya, condemned Uganda.", (T.ACCUSE, ("KEN",), ("UGA",))),
    ("Ghana, along with Kenya, condemned Uganda.", (T.ACCUSE, ("GHA",), ("UGA",))),
    ("Peru together with Chile imposed sanctions on Bolivia.",
     (T.SANCTION, ("CHL",), ("BOL",))),
    ("Ghana joined Kenya in condemning Uganda.", (T.ACCUSE, ("GHA",), ("UGA",))),
    # a definite description stands for the state named before, not the actor's own
    ("The Ugandan army said that Kenyan attacks on the country had killed ten.",
     (T.ASSAULT, ("KEN",), ("UGA",))),
    ("Kenya shelled Uganda and blamed the country for the war.",
     (T.ACCUSE, ("KEN",), ("UGA",))),
    # an event noun in a passive verb's "in" phrase acts like its agent
    ("Ten soldiers were wounded in a Kenyan airstrike.", (T.ASSAULT, ("KEN",), ())),
    # a threat's condition names whom it is aimed at
    ("Kenya threatened to leave the talks if Uganda deploys troops on the border.",
     (T.THREATEN, ("KEN",), ("UGA",))),
    ("Ghana threatened to hold a strike unless Togo rescinded the decision.",
     (T.THREATEN, ("GHA",), ("TGO",))),
]


@pytest.mark.parametrize(
    ("text", "expected"), FOUND, ids=[f"{t} {e[0].value}{e[1]}" for t, e in FOUND]
)
def test_the_parties_of_the_class_are_found(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_co_actors_are_no_dyad(resources):  # type: ignore[no-untyped-def]
    found = _found("Peru, along with Chile, condemned Bolivia.", resources)
    pairs = {(a, r) for _, actors, recipients in found for a in actors for r in recipients}
    assert ("PER", "CHL") not in pairs, sorted(found)
    assert ("CHL", "PER") not in pairs, sorted(found)


def test_a_companion_of_the_recipients_country_is_no_co_actor(resources):  # type: ignore[no-untyped-def]
    cast = CAST | states({"Mensah": "GHA", "Odhiambo": "KEN"}, ActorKind.PERSON)
    found = dyads(code(resources, "Mensah visited Kenya along with Odhiambo.", cast))
    assert any(actors == ("GHA",) for _, actors, _ in found), sorted(found)
    assert all(actors != ("KEN",) for _, actors, _ in found), sorted(found)


def test_a_joiner_acts_alone(resources):  # type: ignore[no-untyped-def]
    # "joined Kenya in condemning": Kenya's condemnation came before; the news is Ghana's
    found = _found("Ghana joined Kenya in condemning Uganda.", resources)
    assert (T.ACCUSE, ("KEN",), ("UGA",)) not in found, sorted(found)


def test_a_modifier_outranks_a_participles_agent(resources):  # type: ignore[no-untyped-def]
    # "Ugandan" names the soldiers; "captured by Kenya" is what happened to them
    cast = CAST | states({"Ugandan": "UGA"})
    found = dyads(code(resources, "Ghana freed Ugandan soldiers captured by Kenya.", cast))
    assert all("KEN" not in recipients for _, _, recipients in found), sorted(found)


def test_a_backers_agent_is_no_holder(resources):  # type: ignore[no-untyped-def]
    found = _found("Kenya attacked rebels armed by Uganda.", resources)
    assert all(
        recipients != ("UGA",) for t, _, recipients in found if t == T.ASSAULT
    ), sorted(found)


def test_a_relative_clause_names_no_recipient(resources):  # type: ignore[no-untyped-def]
    # "that Uganda made" qualifies the accusations: Uganda made them, it is not accused
    found = _found("Kenya dismissed the accusations that Uganda made on Monday.", resources)
    assert all(
        recipients != ("UGA",) for t, _, recipients in found if t == T.ACCUSE
    ), sorted(found)


def test_a_description_with_its_own_phrase_is_no_anaphor(resources):  # type: ignore[no-untyped-def]
    # bare, "the country" is Uganda; "the country of origin" has a phrase of its own
    bare = _found("Uganda said Kenya had deported the workers to the country.", resources)
    assert (T.COERCE, ("KEN",), ("UGA",)) in bare, sorted(bare)
    text = "Uganda said Kenya had deported the workers to the country of origin."
    found = _found(text, resources)
    assert all(
        recipients != ("UGA",) for t, _, recipients in found if t == T.COERCE
    ), sorted(found)
