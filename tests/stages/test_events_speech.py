"""Speech acts of issue 11: accusations, demands, threats in "said" clauses and phrases.

Sentences written for these tests (real parses, actors given by hand; see
``events_harness``): an accusation carried by the verb of a "said" clause, a label in an
"in" phrase, "to blame", "critical of", blame laid "to" someone, calls "for X to",
vows of revenge, and travel by private actors, which is no state visit.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from events_harness import cast_for, dyads, parse, reduce
from test_events_classes import CAST

from dyad.records import ActorKind, EventType
from dyad.stages.events import code_events

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType


def _coded(resources, text, cast=CAST, sectors=None):  # type: ignore[no-untyped-def]
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, cast)
    actors = [replace(a, sector=(sectors or {}).get(a.name)) for a in actors]
    result = code_events(parsed, actors, mentions, lexicon=resources.event_lexicon)
    return dyads([reduce(e, actors) for e in result.records])


SAID_CHARGES = [
    ("Peru claimed that Chile had stirred up and instigated the riots.",
     (T.ACCUSE, ("PER",), ("CHL",))),
    ("Egypt said Ethiopia deliberately undermined the water talks.",
     (T.ACCUSE, ("EGY",), ("ETH",))),
    ("Officials in Ghana said Togo had lied about the border.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Cuba said the United States was to blame for the shortages.",
     (T.ACCUSE, ("CUB",), ("USA",))),
    ("The Egypt inspectors found Ethiopia in breach of the water accord.",
     (T.ACCUSE, ("EGY",), ("ETH",))),
    ("Brazil has long been critical of Argentina over its tariffs.",
     (T.ACCUSE, ("BRA",), ("ARG",))),
    ("Serbia attributed last week's power cuts to Kosovo.",
     (T.ACCUSE, ("SRB",), ("KOS",))),
    ("Japan chided North Korea for the launches.", (T.ACCUSE, ("JPN",), ("PRK",))),
    ("Egypt holds Ethiopia responsible for the drought.",
     (T.ACCUSE, ("EGY",), ("ETH",))),
]


@pytest.mark.parametrize(
    ("text", "expected"), SAID_CHARGES, ids=[t for t, _ in SAID_CHARGES]
)
def test_a_charge_in_a_said_clause_or_phrase_is_an_accusation(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_a_neutral_said_clause_or_in_phrase_is_no_accusation(resources):  # type: ignore[no-untyped-def]
    for text in (
        "Egypt said Ethiopia attended the water talks.",
        "Peru said Chile was in Lima for the summit.",
        "Canada said it had violated the treaty.",
    ):
        assert not any(t == T.ACCUSE for t, _, _ in _coded(resources, text)), text


DEMANDS_AND_THREATS = [
    ("Peru called for Chile to pull its troops back.",
     (T.REQUEST, ("PER",), ("CHL",))),
    ("Ghana pushed hard for Togo to reopen the crossing.",
     (T.REQUEST, ("GHA",), ("TGO",))),
    ("Israel vowed swift revenge against Iran.", (T.THREATEN, ("ISR",), ("IRN",))),
    ("Egypt promised a firm response to Ethiopia.",
     (T.THREATEN, ("EGY",), ("ETH",))),
]


@pytest.mark.parametrize(
    ("text", "expected"), DEMANDS_AND_THREATS, ids=[t for t, _ in DEMANDS_AND_THREATS]
)
def test_calls_for_a_party_and_vows_of_revenge(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_coming_to_power_is_no_visit(resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, "Lula came to power in Brazil after Milei spoke.")
    assert not any(t == T.CONSULT for t, _, _ in found), found
    found = _coded(resources, "Lula came to Argentina on Monday.")
    assert (T.CONSULT, ("BRA",), ("ARG",)) in found


TRAVELLERS = {
    "Globex": ("USA", ActorKind.ORGANIZATION),
    "Ana Ruiz": ("ESP", ActorKind.PERSON),
    "Japan": ("JPN", ActorKind.STATE),
    "Kurti": ("KOS", ActorKind.PERSON),
}


@pytest.mark.parametrize(
    ("text", "visitor", "sector", "is_visit"),
    [
        ("Globex toured Japan last spring.", "USA", "BUS", False),
        ("Ana Ruiz arrived in Japan on Sunday.", "ESP", "CVL", False),
        ("Kurti arrived in Japan on Sunday.", "KOS", "GOV", True),
    ],
)
def test_private_travel_is_no_state_visit(text, visitor, sector, is_visit, resources):  # type: ignore[no-untyped-def]
    name = next(n for n, (c, _) in TRAVELLERS.items() if c == visitor)
    found = _coded(resources, text, TRAVELLERS, {name: sector})
    assert ((T.CONSULT, (visitor,), ("JPN",)) in found) == is_visit, found


def test_a_report_criticised_speaks_for_its_authors_not_the_critic(resources):  # type: ignore[no-untyped-def]
    found = _coded(
        resources, "Lula slammed Milei for a report alleging that Brazil rigged the vote."
    )
    assert (T.ACCUSE, ("BRA",), ("ARG",)) in found
    assert (T.ACCUSE, ("BRA",), ("BRA",)) not in found, found


def test_an_infinitive_in_a_said_clause_carries_the_charge(resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, "Peru said Chile had tried to rig the border vote.")
    assert (T.ACCUSE, ("PER",), ("CHL",)) in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran will not agree to hand its uranium to the United States.",
         (T.REJECT, ("IRN",), ("USA",))),
        ("Egypt said it would not meet Ethiopia until the filling stopped.",
         (T.REJECT, ("EGY",), ("ETH",))),
        ("Serbia won't recognize Kosovo.", (T.REJECT, ("SRB",), ("KOS",))),
    ],
)
def test_a_negated_intention_to_agree_or_meet_is_a_refusal(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, found


def test_a_meeting_that_did_not_happen_stays_a_negated_meeting(resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, "Peru did not meet Chile last week.")
    assert (T.CONSULT, ("CHL", "PER"), ()) in found, found
    assert not any(t == T.REJECT for t, _, _ in found), found


ALLEGATIONS = [
    ("Serbia barred a Kosovo official for allegedly stirring up riots.",
     (T.ACCUSE, ("SRB",), ("KOS",))),
    ("Japan sanctioned North Korea over its alleged arms sales to Iran.",
     (T.ACCUSE, ("JPN",), ("PRK",))),
    ("Peru broke off ties with Chile, citing Chile's alleged meddling in its vote.",
     (T.ACCUSE, ("PER",), ("CHL",))),
    ("Ghana expelled two Togo diplomats who allegedly spied on its army.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Peru said Chile purportedly paid the strikers.",
     (T.ACCUSE, ("PER",), ("CHL",))),
]


@pytest.mark.parametrize(("text", "expected"), ALLEGATIONS, ids=[t for t, _ in ALLEGATIONS])
def test_an_act_marked_alleged_is_an_accusation_by_the_clause_above(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_an_allegation_without_an_accuser_or_under_a_denial_is_no_new_accusation(resources):  # type: ignore[no-untyped-def]
    assert not any(
        t == T.ACCUSE for t, _, _ in _coded(resources, "Chile allegedly paid the strikers.")
    )
    found = _coded(resources, "Egypt rejected its alleged part in the coup.")
    assert not any(t == T.ACCUSE for t, _, _ in found), found
    # the act an allegation names is not asserted: no SANCTION of its own
    found = _coded(resources, "Peru cited Chile's alleged suspension of aid to Bolivia.")
    assert (T.ACCUSE, ("PER",), ("CHL",)) in found, found
    assert not any(t == T.SANCTION for t, _, _ in found), found


LABELS = [
    ('Egypt called Ethiopia\'s plan "a blatant violation".',
     (T.ACCUSE, ("EGY",), ("ETH",))),
    ("Ghana described Togo's report as groundless.", (T.ACCUSE, ("GHA",), ("TGO",))),
    ("The Brazil minister referred to Argentina as a rogue state.",
     (T.ACCUSE, ("BRA",), ("ARG",))),
    ("Egypt said the closure of the canal by Sudan was a breach of the accord.",
     (T.ACCUSE, ("EGY",), ("SDN",))),
    ("Ghana said Togo's new levy was contrary to the trade pact.",
     (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Cuba said the United States statement was full of lies.",
     (T.ACCUSE, ("CUB",), ("USA",))),
    ("Peru says Chile is trying to discredit the census.",
     (T.ACCUSE, ("PER",), ("CHL",))),
]


@pytest.mark.parametrize(("text", "expected"), LABELS, ids=[t for t, _ in LABELS])
def test_labels_quoted_after_as_of_or_on_an_act_by_someone(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"


def test_a_neutral_label_is_no_accusation(resources):  # type: ignore[no-untyped-def]
    for text in (
        "Egypt described Ethiopia's plan as ambitious.",
        "Ghana said Togo's levy was similar to the old one.",
    ):
        assert not any(t == T.ACCUSE for t, _, _ in _coded(resources, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Egypt's foreign ministry summons the ambassador of Ethiopia after the blast.",
        "Egypt summons Ethiopia's ambassador over border remarks.",
    ],
)
def test_a_summons_in_a_misparsed_headline(text, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert (T.ACCUSE, ("EGY",), ("ETH",)) in found, found


QUOTED_AND_STATED = [
    ('"Kosovo is behaving recklessly," said the Serbian foreign minister.',
     (T.ACCUSE, ("SRB",), ("KOS",))),
    ('"This is a grave provocation by Armenia," Azerbaijan said.',
     (T.ACCUSE, ("AZE",), ("ARM",))),
    ("Egypt said in a statement that Ethiopia's unilateral move was unacceptable.",
     (T.ACCUSE, ("EGY",), ("ETH",))),
]


@pytest.mark.parametrize(
    ("text", "expected"), QUOTED_AND_STATED, ids=[t for t, _ in QUOTED_AND_STATED]
)
def test_a_charge_done_so_by_someone_or_said_in_a_statement(text, expected, resources):  # type: ignore[no-untyped-def]
    found = _coded(resources, text)
    assert expected in found, f"{expected} not in {sorted(found)}"
