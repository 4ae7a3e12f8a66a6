"""Who is on which side (issue 11, fifth round), on sentences written here.

Classes measured on the dev and train splits (``scripts/event_errors.py --show
fp:sides``): coordinated subjects that act on each other ("A and B both accuse the
other", "A and B swapped prisoners") are one event of both, not one by each; an event
noun that is the agent of a verb of harm has that verb's object as its recipient
("airstrikes killed ten soldiers", "were wounded by shelling"); the backer in "X-backed
rebels" is no party of what the rebels do; a recipient of the actor's own country beside
a foreign one is a place or a side phrase ("bans Togolese from Ghana"); a speech act
answered by a verb's subject was addressed to it ("citing Togo's request", "rejected
Mali's demand", "upon Togo's request"); an object "them" stands for the list of
actors before it ("sanctioned X and Y, accusing them"); a pronoun on the recipient
side is not the event's own actor ("Togo's criticism of its policy" in a sentence
about Ghana). Real parses; actors given by hand (``events_harness``).
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads, states

from dyad.records import ActorKind, EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType
G = ActorKind.GROUP

CAST: Cast = states(
    {"Ghana": "GHA", "Togo": "TGO", "Benin": "BEN", "Mali": "MLI", "Accra": "GHA"}
) | states(
    {
        "Togolese": "TGO", "Ghanaian": "GHA", "Malian soldiers": "MLI",
        "Lomi rebels": "GHA", "Beninese": "BEN", "Togolese ministers": "TGO",
        "Malian general": "MLI",
        "Ghanaian government": "GHA",
    },
    G,
)


def _found(text: str, resources):  # type: ignore[no-untyped-def]
    return dyads(code(resources, text, CAST))


FOUND = [
    # coordinated subjects acting on each other: one event, every party an actor
    ("Ghana and Togo both accuse the other of breaking the truce.",
     (T.ACCUSE, ("GHA", "TGO"), ())),
    ("Ghana and Togo swapped forty prisoners on Sunday.", (T.RETREAT, ("GHA", "TGO"), ())),
    ("Benin and Mali exchanged captured soldiers at the border.",
     (T.RETREAT, ("BEN", "MLI"), ())),
    # an event noun harming through a verb: the verb's undergoer is its recipient
    ("Ghanaian drone strikes killed twelve Malian soldiers.",
     (T.ASSAULT, ("GHA",), ("MLI",))),
    ("Twenty Togolese were wounded by Ghanaian rocket attacks near the border.",
     (T.ASSAULT, ("GHA",), ("TGO",))),
    # the backer of a group is no party of its acts
    ("The Benin-backed Lomi rebels attacked Togo.", (T.ASSAULT, ("GHA",), ("TGO",))),
    ("Benin-funded Lomi rebels shelled Togolese villages.",
     (T.ASSAULT, ("GHA",), ("TGO",))),
    # a recipient of the actor's own country beside a foreign one is no party
    ("The Ghanaian government bans Togolese passport holders from Ghana.",
     (T.COERCE, ("GHA",), ("TGO",))),
    ("Benin expelled Mali's envoy after Mali's expulsion of Benin's consul.",
     (T.SANCTION, ("BEN",), ("MLI",))),
    # a speech act answered by the subject of a verb was addressed to it
    ("Ghana lifted the blockade, citing Togo's request to do so.",
     (T.REQUEST, ("TGO",), ("GHA",))),
    ("Benin rejected Mali's demand for compensation.", (T.REQUEST, ("MLI",), ("BEN",))),
    ("Ghana reopened the border upon Togo's request.", (T.REQUEST, ("TGO",), ("GHA",))),
    # an object "them" stands for the list of actors before it
    ("Ghana sanctioned two Togolese ministers and a Malian general, accusing them of"
     " fraud.", (T.ACCUSE, ("GHA",), ("MLI", "TGO"))),
    # the recipient's pronoun is not the critic
    ("Ghana noted Togo's criticism of its trade policy on Monday.",
     (T.ACCUSE, ("TGO",), ("GHA",))),
    # … and a verdict on that criticism accuses the critic (events_senses)
    ("Ghana says Togo's criticism of its trade policy is unfair.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_the_sides_of_the_class_are_found(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_a_mutual_act_is_not_split_by_actor(resources):  # type: ignore[no-untyped-def]
    found = _found("Ghana and Togo both accuse the other of breaking the truce.", resources)
    accusations = [(a, r) for t, a, r in found if t == T.ACCUSE]
    assert accusations == [(("GHA", "TGO"), ())], sorted(found)


def test_an_exchange_with_a_named_recipient_stays_one_sided(resources):  # type: ignore[no-untyped-def]
    # "swapped prisoners with Benin": Benin is the other party, the subjects act alone
    found = _found("Ghana and Togo swapped prisoners with Benin.", resources)
    assert (T.RETREAT, ("GHA", "TGO"), ()) not in found, sorted(found)


def test_a_verb_that_does_not_harm_gives_no_recipient(resources):  # type: ignore[no-untyped-def]
    found = _found("Ghanaian airstrikes prompted Mali to close the border.", resources)
    strikes = [r for t, a, r in found if t == T.ASSAULT and a == ("GHA",)]
    assert all("MLI" not in r for r in strikes), sorted(found)


def test_the_backer_does_not_act(resources):  # type: ignore[no-untyped-def]
    found = _found("The Benin-backed Lomi rebels attacked Togo.", resources)
    assert found, "no event"
    assert all("BEN" not in a + r for _, a, r in found), sorted(found)


def test_a_pronoun_with_no_other_antecedent_gives_no_recipient(resources):  # type: ignore[no-untyped-def]
    found = _found("Togo's criticism of its own trade policy surprised observers.", resources)
    assert all(r == () for t, _, r in found if t == T.ACCUSE), sorted(found)


def test_a_lone_recipient_of_the_actors_country_stays(resources):  # type: ignore[no-untyped-def]
    found = _found("Ghana arrested Ghanaian activists in Accra.", resources)
    assert (T.COERCE, ("GHA",), ("GHA",)) in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian drone strikes killed twelve Malian soldiers.",
        "Twenty Togolese were wounded by Ghanaian rocket attacks near the border.",
    ],
)
def test_the_harming_event_noun_has_the_victims_as_recipient(text, resources):  # type: ignore[no-untyped-def]
    found = _found(text, resources)
    assaults = [r for t, _, r in found if t == T.ASSAULT]
    assert assaults, sorted(found)
    assert all(r for r in assaults), sorted(found)  # no strike left without its victims


def test_an_answered_act_that_is_no_speech_act_has_no_addressee(resources):  # type: ignore[no-untyped-def]
    # a mediation is a meeting, not an act addressed to whoever cites it
    text = "Ghana praised Togo, citing its mediation between Benin and Mali."
    found = _found(text, resources)
    assert not any(r == ("GHA",) for t, _, r in found if t == T.CONSULT), sorted(found)


def test_a_speech_act_under_another_verb_keeps_no_addressee(resources):  # type: ignore[no-untyped-def]
    # criticising a demand does not make the critic its addressee
    found = _found("Benin criticised Mali's demand for compensation.", resources)
    assert not any(r == ("BEN",) for t, _, r in found if t == T.REQUEST), sorted(found)


def test_a_possessive_their_is_not_taken_from_a_list_of_places(resources):  # type: ignore[no-untyped-def]
    cast = CAST | states({"Kumasi": "GHA", "Tamale": "GHA", "Lomi": "TGO"})
    text = "Ghana captured Kumasi and Tamale after Lomi rebels withdrew from their camps."
    found = dyads(code(resources, text, cast))
    assert not any(
        t == T.RETREAT and a == ("GHA",) and "GHA" in r for t, a, r in found
    ), sorted(found)


def test_a_remembered_pronoun_is_resolved_again_when_its_actor_is_avoided(resources):  # type: ignore[no-untyped-def]
    # Cast.of remembers its answers; asking inside ``avoiding`` must not get the
    # answer remembered outside it
    from events_harness import cast_for, parse

    from dyad.stages.events_roles import Cast as RoleCast

    parsed = parse(resources, "Ghana says Togo's criticism of its trade policy is unfair.")
    actors, mentions = cast_for(parsed, CAST)
    cast = RoleCast.build(parsed.doc, actors, mentions)
    its = next(t for t in parsed.doc if t.lower_ == "its")
    names = {a.actor_id: a.code for a in actors}
    outside = {names[a] for a in cast.of(its)}
    with cast.avoiding(a.actor_id for a in actors if a.code == "TGO"):
        inside = {names[a] for a in cast.of(its)}
    assert "TGO" in outside
    assert "TGO" not in inside
