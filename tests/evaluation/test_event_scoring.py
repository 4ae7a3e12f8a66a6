"""Scoring of coded events on small hand-made gold/system pairs."""

from __future__ import annotations

import pytest

from dyad.evaluation.event_scoring import (
    Coded,
    confusion_table,
    merge_co_actors,
    most_frequent_type,
    score,
)


def _e(
    sentence: int,
    kind: str,
    actors: str,
    recipients: str = "",
    *,
    modality: str = "asserted",
    date: str | None = None,
    position: int = 0,
) -> Coded:
    return Coded(
        sentence=sentence,
        type=kind,
        actors=frozenset(actors.split()),
        recipients=frozenset(recipients.split()),
        modality=modality,
        date=date,
        position=position,
    )


def test_strict_needs_type_codes_and_sentence() -> None:
    gold = [_e(0, "ACCUSE", "USA", "IRN"), _e(1, "ASSAULT", "ISR", "PSE")]
    system = [
        _e(0, "ACCUSE", "USA", "IRN"),  # right
        _e(2, "ASSAULT", "ISR", "PSE"),  # wrong sentence
    ]
    s = score(gold, system)
    assert (s.gold, s.system, s.strict, s.typed) == (2, 2, 1, 1)
    assert s.strict_prf == pytest.approx((0.5, 0.5, 0.5))


def test_type_only_counts_a_pair_with_wrong_codes() -> None:
    s = score([_e(0, "ACCUSE", "USA", "IRN")], [_e(0, "ACCUSE", "USA", "IRQ")])
    assert (s.strict, s.typed) == (0, 1)
    assert s.type_prf == pytest.approx((1.0, 1.0, 1.0))
    assert s.confusion == {("ACCUSE", "ACCUSE"): 1}


def test_reciprocal_event_needs_every_party_among_the_actors() -> None:
    gold = [_e(0, "CONSULT", "USA CHN")]
    assert score(gold, [_e(0, "CONSULT", "CHN USA")]).strict == 1
    # a one-way reading of a meeting is not the reciprocal event
    assert score(gold, [_e(0, "CONSULT", "USA", "CHN")]).strict == 0


def test_co_actors_merge_into_one_event_per_recipient() -> None:
    gold = [_e(0, "AID", "AUS CAN NLD", "UKR")]
    per_actor = [
        _e(0, "AID", "AUS", "UKR", position=1),
        _e(0, "AID", "CAN", "UKR", position=2),
        _e(0, "AID", "NLD", "UKR", position=3),
    ]
    s = score(gold, per_actor)
    assert (s.gold, s.system, s.strict) == (1, 1, 1)
    assert merge_co_actors(per_actor)[0].position == 1


def test_co_actors_made_into_a_reciprocal_event_do_not_match() -> None:
    gold = [_e(0, "AID", "AUS CAN", "UKR")]
    s = score(gold, [_e(0, "AID", "AUS CAN UKR")])
    assert (s.strict, s.typed) == (0, 1)


def test_uncoded_system_events_are_left_out() -> None:
    s = score([_e(0, "PROTEST", "FRA")], [_e(0, "PROTEST", ""), _e(0, "ASSAULT", "")])
    assert (s.system, s.typed) == (0, 0)
    assert s.confusion == {("PROTEST", "NONE"): 1}


def test_modality_and_date_are_judged_on_type_pairs() -> None:
    gold = [
        _e(0, "CONSULT", "USA CHN", modality="future", date="2024-05-02"),
        _e(1, "ASSAULT", "RUS", "UKR", date="2024-05"),
    ]
    system = [
        _e(0, "CONSULT", "USA CHN", modality="future", date="2024-05-02"),
        _e(1, "ASSAULT", "RUS", "UKR", date="2024-05-01"),
        _e(2, "REQUEST", "UKR", "DEU", modality="future"),
    ]
    s = score(gold, system)
    assert s.typed == 2
    assert s.modality_accuracy == 1.0
    assert s.date_accuracy == 0.5


def test_confusion_pairs_leftovers_in_the_same_sentence() -> None:
    gold = [_e(0, "ACCUSE", "USA", "RUS", position=5), _e(1, "REQUEST", "DEU", "IRN")]
    system = [
        _e(0, "ASSAULT", "USA", "RUS", position=5),
        _e(3, "SANCTION", "USA", "IRN"),
    ]
    s = score(gold, system)
    assert s.confusion == {
        ("ACCUSE", "ASSAULT"): 1,
        ("REQUEST", "NONE"): 1,
        ("NONE", "SANCTION"): 1,
    }
    table = confusion_table(s.confusion).splitlines()
    assert table[0].split()[1:] == ["ACCUS", "ASSAU", "NONE", "REQUE", "SANCT"]


def test_per_type_precision_and_recall() -> None:
    gold = [_e(0, "ACCUSE", "USA", "RUS"), _e(1, "ACCUSE", "GBR", "RUS")]
    system = [_e(0, "ACCUSE", "USA", "RUS"), _e(1, "REJECT", "GBR", "RUS")]
    table = score(gold, system).per_type()
    assert table["ACCUSE"] == pytest.approx((1.0, 0.5, 2, 1))
    assert table["REJECT"] == pytest.approx((0.0, 0.0, 0, 1))


def test_pairs_prefer_the_closest_codes() -> None:
    gold = [_e(0, "ACCUSE", "USA", "CHN", position=10), _e(0, "ACCUSE", "GBR", "RUS")]
    system = [_e(0, "ACCUSE", "GBR", "CHN", position=10)]
    s = score(gold, system)
    assert s.typed == 1
    assert s.strict == 0


def test_most_frequent_type_breaks_ties_by_name() -> None:
    events = [_e(0, "COERCE", "USA"), _e(0, "ACCUSE", "USA"), _e(1, "COERCE", "FRA")]
    assert most_frequent_type(events) == "COERCE"
    assert most_frequent_type([_e(0, "SUPPORT", "A"), _e(0, "AID", "B")]) == "AID"
    assert most_frequent_type([]) == "ACCUSE"
