"""Background and unasserted text gives no new event (``events_background``).

Sentences written for these tests (real parses, actors given by hand; see
``events_harness``): the act inside an allegation, the content of a demand or a threat,
a newsroom's projection of a vote and an agreement named as standing. The speech act
around the content stays an event; an order to one's own forces, the facts a speech act
is about and plain news stay events too.
"""

from __future__ import annotations

import datetime as dt

import pytest
from events_harness import Cast, code, dyads
from test_events_classes import CAST

from dyad.records import ActorKind, ArticleResult, EventType, Modality, RawDocument

pytestmark = [pytest.mark.model]

T = EventType
PUBLISHED = dt.date(2024, 5, 15)

NEWSROOMS: Cast = {
    **CAST,
    "Daily Courier": ("GBR", ActorKind.ORGANIZATION),
    "Maria Ortega": ("ARG", ActorKind.PERSON),
}


def _types(resources, text: str) -> set[T]:  # type: ignore[no-untyped-def]
    return {e.type for e in code(resources, text, NEWSROOMS)}


ALLEGED = [
    ("Brazil accused Argentina of shelling the border posts of Paraguay.",
     (T.ACCUSE, ("BRA",), ("ARG",)), T.ASSAULT),
    ("Kenya accuses Uganda of arming the rebels and of attacking its soldiers.",
     (T.ACCUSE, ("KEN",), ("UGA",)), T.ASSAULT),
    ("Serbia alleged that Kosovo had attacked Serbian police.",
     (T.ACCUSE, ("SRB",), ("KOS",)), T.ASSAULT),
    ("Peru charged Chile with detaining its fishermen.",
     (T.ACCUSE, ("PER",), ("CHL",)), T.COERCE),
]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"), ALLEGED, ids=[t for t, _, _ in ALLEGED]
)
def test_the_act_inside_an_allegation_is_no_event(text, kept, dropped, resources):  # type: ignore[no-untyped-def]
    found = dyads(code(resources, text, NEWSROOMS))
    assert kept in found, f"{kept} not in {sorted(found)}"
    assert dropped not in {t for t, _, _ in found}, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Sudan allegedly supplied weapons to the rebels in Chad.",
        "Sudan reputedly supplied weapons to the rebels in Chad.",
        "The alleged attack by Armenia on Azerbaijan drew no response.",
    ],
)
def test_an_act_marked_alleged_is_no_event(text, resources):  # type: ignore[no-untyped-def]
    assert not _types(resources, text) & {T.AID, T.ASSAULT}


CONTENTS = [
    ("Cuba called for the resignation of Spain's foreign minister.", T.REQUEST,
     T.RETREAT),
    ("Chad demanded that Sudan release the detained traders.", T.REQUEST, T.RETREAT),
    ("Turkey threatened to attack Syria within days.", T.THREATEN, T.ASSAULT),
    ("Mali urged Algeria to expel the militants.", T.REQUEST, T.COERCE),
]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"), CONTENTS, ids=[t for t, _, _ in CONTENTS]
)
def test_the_content_of_a_demand_or_threat_is_no_event(text, kept, dropped, resources):  # type: ignore[no-untyped-def]
    found = _types(resources, text)
    assert kept in found, sorted(found)
    assert dropped not in found, sorted(found)


def test_an_order_to_ones_own_forces_keeps_the_ordered_act(resources):  # type: ignore[no-untyped-def]
    found = dyads(
        code(resources, "Egypt ordered its army to attack Sudan on Monday.", NEWSROOMS)
    )
    assert (T.ASSAULT, ("EGY",), ("SDN",)) in found, sorted(found)


def test_a_speech_act_about_a_past_act_keeps_that_act(resources):  # type: ignore[no-untyped-def]
    text = "Ghana attacked Togo on Monday, and Peru accused Chile of lying."
    found = dyads(code(resources, text, NEWSROOMS))
    assert T.ASSAULT in {t for t, _, _ in found}, sorted(found)
    assert (T.ACCUSE, ("PER",), ("CHL",)) in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "The Daily Courier called the election for Maria Ortega on Sunday night.",
        "The Daily Courier later called Ecuador for Maria Ortega.",
    ],
)
def test_a_projected_winner_is_no_request(text, resources):  # type: ignore[no-untyped-def]
    assert T.REQUEST not in _types(resources, text)


def test_a_call_for_a_leader_to_act_stays_a_request(resources):  # type: ignore[no-untyped-def]
    found = _types(resources, "Lula called on Milei to reopen the border.")
    assert T.REQUEST in found


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("Israel struck Lebanon despite the ongoing truce between Israel and Lebanon.",
         T.AGREE),
        ("Ukraine shelled Russian positions in breach of the agreed truce with Russia.",
         T.AGREE),
    ],
)
def test_a_standing_truce_is_no_new_event(text, dropped, resources):  # type: ignore[no-untyped-def]
    found = _types(resources, text)
    assert dropped not in found, sorted(found)
    assert T.ASSAULT in found, "the main event stays"


def test_an_approved_accord_is_no_new_agreement(resources):  # type: ignore[no-untyped-def]
    text = "Two Israeli ministers resigned over the approved ceasefire agreement."
    assert T.AGREE not in _types(resources, text)


def test_a_new_ceasefire_is_still_an_event(resources):  # type: ignore[no-untyped-def]
    found = _types(resources, "Israel and Lebanon agreed to a ceasefire on Monday.")
    assert T.AGREE in found or T.RETREAT in found, sorted(found)


MODALITIES = [
    ("Chile will withdraw its troops from Peru if Peru disarms.", T.RETREAT,
     Modality.HYPOTHETICAL),
    ("Chile announced the suspension of gas supplies to Peru unless Peru pays.",
     T.SANCTION, Modality.HYPOTHETICAL),
    ("Egypt says it will keep its embassy open, rejecting Ethiopia's demand to close it.",
     T.REJECT, Modality.ASSERTED),
    ("The soldiers of Egypt would often attack the villages of Sudan.", T.ASSAULT,
     Modality.ASSERTED),
    ("Egypt's parliament authorized the army to strike Sudan.", T.ASSAULT,
     Modality.HYPOTHETICAL),
    ("Egypt announced its intention to impose sanctions on Sudan.", T.SANCTION,
     Modality.FUTURE),
    ("Egypt could attack Sudan, killing hundreds.", T.ASSAULT, Modality.HYPOTHETICAL),
]


@pytest.mark.parametrize(
    ("text", "kind", "modality"), MODALITIES, ids=[t for t, _, _ in MODALITIES]
)
def test_conditions_habits_and_adjuncts_set_modality(text, kind, modality, resources):  # type: ignore[no-untyped-def]
    found = {e.modality for e in code(resources, text, NEWSROOMS) if e.type == kind}
    assert found == {modality}, found


def _pipeline(resources, text: str) -> list[tuple[T, Modality]]:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    result = run_article(RawDocument(text=text, published=PUBLISHED), resources)
    assert isinstance(result, ArticleResult)
    return [(e.type, e.modality) for e in result.events]


def test_a_refusal_made_by_negation_is_asserted(resources):  # type: ignore[no-untyped-def]
    # the learned coder reads "is not seeking" as the refusal: stated, so asserted
    text = "The foreign minister of Chile says Chile is not seeking a truce with Peru."
    found = _pipeline(resources, text)
    refusals = [m for t, m in found if t == T.REJECT]
    assert refusals, found
    assert all(m == Modality.ASSERTED for m in refusals), found


def test_a_negated_rejection_stays_negated(resources):  # type: ignore[no-untyped-def]
    found = _pipeline(resources, "Chile did not reject the offer from Peru.")
    assert (T.REJECT, Modality.NEGATED) in found, found


def test_an_act_in_an_indirect_question_is_no_event(resources):  # type: ignore[no-untyped-def]
    found = _types(resources, "Egypt declined to confirm whether its jets struck Sudan.")
    assert T.REJECT in found, sorted(found)
    assert T.ASSAULT not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Egypt and Sudan signed a military cooperation pact.", T.SUPPORT, T.COOPERATE),
        ("Israel and Lebanon reached a ceasefire deal.", T.AGREE, T.RETREAT),
    ],
)
def test_an_event_noun_naming_an_accords_kind_is_no_event(text, kept, dropped, resources):  # type: ignore[no-untyped-def]
    found = _types(resources, text)
    assert kept in found, sorted(found)
    assert dropped not in found, sorted(found)


NEWSROOM_ASKS = [
    "The Daily Courier asked the Egyptian government for comment.",
    "The Daily Courier asked the foreign ministry of Egypt about the dispute with Sudan.",
    "The embassy of Egypt declined a request for an interview from the Daily Courier.",
]


@pytest.mark.parametrize("text", NEWSROOM_ASKS)
def test_a_newsrooms_request_for_information_is_no_event(text, resources):  # type: ignore[no-untyped-def]
    assert not _pipeline(resources, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Egypt asked Sudan for help with the refugees.", T.REQUEST),
        ("Egypt asked Sudan to close the border.", T.REQUEST),
        ("Egypt declined Sudan's request for weapons.", T.REJECT),
    ],
)
def test_requests_between_the_parties_stay(text, kind, resources):  # type: ignore[no-untyped-def]
    assert kind in {t for t, _ in _pipeline(resources, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Pictured: the president of Egypt meets the leader of Sudan in Cairo in 2019.",
        "The president of Egypt (left) stands with the leader of Sudan.",
    ],
)
def test_a_photo_caption_reports_no_event(text, resources):  # type: ignore[no-untyped-def]
    assert not _pipeline(resources, text)


def test_a_parenthesis_that_is_no_position_keeps_the_event(resources):  # type: ignore[no-untyped-def]
    found = _pipeline(resources, "Egypt (which left the pact) attacked Sudan.")
    assert T.ASSAULT in {t for t, _ in found}


@pytest.mark.parametrize(
    "text",
    [
        "Ties between the two worsened over Taiwan, which China claims as its own.",
        "Vietnam and China both claim sovereignty over the disputed islands.",
        "Japan claims the rocky islets, which South Korea has held since the 1950s.",
    ],
)
def test_a_claim_to_territory_is_no_allegation(text, resources):  # type: ignore[no-untyped-def]
    assert T.ACCUSE not in {t for t, _ in _pipeline(resources, text)}


def test_a_claim_that_someone_did_wrong_stays_an_allegation(resources):  # type: ignore[no-untyped-def]
    found = _pipeline(resources, "Russia claimed that Ukraine had sabotaged the pipeline.")
    assert T.ACCUSE in {t for t, _ in found}, found
