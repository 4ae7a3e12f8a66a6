"""One record per act (``events_overlap``), on sentences written for these tests.

Real parses, the shipped learned coder and argument model as the pipeline runs them,
actors given by hand (see ``events_harness``): a refusal, a promise or offer of an act
is one record of the statement, not a second one of the act; events with other sides
both stay.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from events_harness import cast_for, parse, reduce, states

from dyad.records import EventType
from dyad.stages.events import code_events
from dyad.stages.events_overlap import one_record_per_act

pytestmark = [pytest.mark.model]

T = EventType
CAST = states({
    "Norway": "NOR", "Chad": "TCD", "Laos": "LAO", "Bhutan": "BTN", "Oman": "OMN",
    "Yemen": "YEM", "Malta": "MLT", "Tunisia": "TUN", "Fiji": "FJI", "Tonga": "TON",
})


def _types(resources, text):  # type: ignore[no-untyped-def]
    """Return the (type, actors, recipients) of ``text`` as the pipeline codes them."""
    parsed = parse(resources, text)
    actors, mentions = cast_for(parsed, CAST)
    result = code_events(
        parsed, actors, mentions, lexicon=resources.event_lexicon,
        model=resources.event_model, grammar=resources.grammar,
        args=resources.arg_model,
    )
    return [(e.type, e.actors, e.recipients) for e in
            (reduce(r, actors) for r in result.records)]


ONE_ACT = [
    ("Norway said it would not offer more aid to Chad.", T.REJECT, T.AID),
    ("Laos vowed support for Bhutan after the floods.", T.AGREE, T.SUPPORT),
    ("Oman promised aid to Yemen.", T.AGREE, T.AID),
    ("Malta offered assistance to Tunisia.", T.AGREE, T.AID),
    ("Fiji declined to send troops to Tonga.", T.REJECT, T.AID),
]


@pytest.mark.parametrize(("text", "kept", "gone"), ONE_ACT, ids=[t for t, *_ in ONE_ACT])
def test_a_statement_about_an_act_is_one_record(text, kept, gone, resources):  # type: ignore[no-untyped-def]
    found = _types(resources, text)
    assert [t for t, *_ in found].count(kept) == 1, found
    assert gone not in [t for t, *_ in found], found


def test_a_refused_meeting_is_a_rejection_only(resources):  # type: ignore[no-untyped-def]
    found = _types(resources, "Norway refused to meet the Chad delegation.")
    assert found == [(T.REJECT, ("NOR",), ("TCD",))], found


def test_a_demand_rejected_keeps_both_acts(resources):  # type: ignore[no-untyped-def]
    found = set(_types(resources, "Laos rejected Bhutan's demand for talks."))
    assert (T.REJECT, ("LAO",), ("BTN",)) in found, found
    assert (T.REQUEST, ("BTN",), ("LAO",)) in found, found


def test_a_condemned_attack_keeps_both_acts(resources):  # type: ignore[no-untyped-def]
    text = "Malta condemned the attack on Tunisia by Yemen."
    found = {t for t, *_ in _types(resources, text)}
    assert {T.ACCUSE, T.ASSAULT} <= found, found


def test_only_the_sides_keep_a_rejected_demand_apart(resources):  # type: ignore[no-untyped-def]
    parsed = parse(resources, "Laos rejected Bhutan's demand for talks.")
    actors, mentions = cast_for(parsed, CAST)
    lexicon = resources.event_lexicon
    result = code_events(parsed, actors, mentions, lexicon=lexicon)
    by_type = {e.type: e for e in result.records}
    rejection, demand = by_type[T.REJECT], by_type[T.REQUEST]
    sent = parsed.doc[:]
    assert len(one_record_per_act([rejection, demand], sent, lexicon)) == 2
    same = replace(
        demand, actor_ids=rejection.actor_ids, recipient_ids=rejection.recipient_ids
    )
    assert one_record_per_act([rejection, same], sent, lexicon) == [rejection]
    assert one_record_per_act([], sent, lexicon) == []
