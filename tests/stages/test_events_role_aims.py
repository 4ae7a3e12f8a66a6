"""Recipients outside an event's own phrases (issue 11, seventh round), on sentences
written here.

Classes measured on the dev and train splits and the PLOVER GSR dev half
(``scripts/event_errors.py``, ``scripts/gsr_role_errors.py``): the object of a purpose
infinitive is whom the act is aimed at ("opened fire to disperse X"); a diplomatic post
names its host state ("closed its embassy in X"); a speech act the clause acts "following"
or "after" was addressed to the clause's subject; goods "imported from X" are X's; coordinated
passives share the agent after them. Real parses; actors given by hand (``events_harness``).
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads, states

from dyad.records import EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType

CAST: Cast = states(
    {
        "Kenya": "KEN", "Kenyan": "KEN", "Uganda": "UGA", "Ugandan": "UGA",
        "Ghana": "GHA", "Togo": "TGO", "Kampala": "UGA", "Lima": "PER", "Chile": "CHL",
    }
)


def _found(text: str, resources):  # type: ignore[no-untyped-def]
    return dyads(code(resources, text, CAST))


FOUND = [
    # the object of a subjectless infinitive of purpose
    ("Kenyan police opened fire to disperse Ugandan protesters.",
     (T.ASSAULT, ("KEN",), ("UGA",))),
    ("Kenya imposed sanctions to punish Uganda.", (T.SANCTION, ("KEN",), ("UGA",))),
    ("Ghana sent troops to help Togo.", (T.AID, ("GHA",), ("TGO",))),
    # the state hosting a diplomatic post
    ("Kenya closed its embassy in Kampala.", (T.SANCTION, ("KEN",), ("UGA",))),
    ("Chile closed its consulate in Lima.", (T.SANCTION, ("CHL",), ("PER",))),
    # a speech act answered by the clause it follows
    ("Ghana freed the prisoners following a request from Togo.",
     (T.REQUEST, ("TGO",), ("GHA",))),
    ("Ghana freed the prisoners after a request by Togo.",
     (T.REQUEST, ("TGO",), ("GHA",))),
    ("Ghana freed the prisoners after Togo demanded their release.",
     (T.REQUEST, ("TGO",), ("GHA",))),
    ("Kenya withdrew its troops after Uganda urged a ceasefire.",
     (T.REQUEST, ("UGA",), ("KEN",))),
    # the goods a measure is about name their origin through a participle
    ("Kenya announced tariffs on all goods imported from Uganda.",
     (T.SANCTION, ("KEN",), ("UGA",))),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_the_recipient_of_the_class_is_found(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_a_recipient_of_the_own_phrases_wins_over_the_purpose(resources):  # type: ignore[no-untyped-def]
    found = _found("Kenya imposed sanctions on Uganda to help Togo.", resources)
    assert (T.SANCTION, ("KEN",), ("UGA",)) in found, sorted(found)


def test_a_meeting_is_not_aimed_at_what_it_discusses(resources):  # type: ignore[no-untyped-def]
    # a two-sided event keeps its partners; its purpose clause names a topic
    found = _found("Kenya met Uganda to discuss Togo.", resources)
    assert (T.CONSULT, ("KEN", "UGA"), ()) in found, sorted(found)
    assert not any("TGO" in recipients for _, _, recipients in found), sorted(found)


def test_a_speech_act_before_no_clause_names_no_addressee(resources):  # type: ignore[no-untyped-def]
    # a clause of reason, not of time: "because" gives no answering subject
    found = _found("Kenya withdrew its troops because Uganda urged a ceasefire.", resources)
    assert not any(
        t == T.REQUEST and "KEN" in recipients for t, _, recipients in found
    ), sorted(found)


def test_coordinated_passives_share_the_agent_after_them(resources):  # type: ignore[no-untyped-def]
    found = _found(
        "A Ugandan journalist was killed and a Kenyan photographer was injured by"
        " Togo's police.",
        resources,
    )
    assert (T.ASSAULT, ("TGO",), ("UGA",)) in found, sorted(found)
    assert (T.ASSAULT, ("TGO",), ("KEN",)) in found, sorted(found)
