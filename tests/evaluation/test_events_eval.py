"""Tests of the public sets' readers and historical scores on tiny hand-made inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.evaluation import event_gold as gold
from dyad.evaluation import event_public as suite
from dyad.evaluation import event_scoring
from dyad.records import Event, EventType, Modality


def _event(actors: tuple[str, ...], recipients: tuple[str, ...], cameo: str) -> Event:
    return Event(
        article_id="t",
        event_id="e1",
        type=EventType.CONSULT,
        mode=None,
        cameo=cameo,
        quad=1,
        intensity=1.0,
        actor_ids=actors,
        recipient_ids=recipients,
        trigger_text="met",
        trigger_start=0,
        trigger_end=3,
        sentence_index=0,
        modality=Modality.ASSERTED,
        rule="verb.meet",
        confidence=0.8,
    )


def test_halves_are_deterministic_and_both_used() -> None:
    keys = [f"s{i}" for i in range(40)]
    halves = [gold.half_of(k) for k in keys]
    assert halves == [gold.half_of(k) for k in keys]
    assert set(halves) == set(gold.HALVES)


def test_reciprocal_event_gives_triples_both_ways() -> None:
    codes = {"a": "USA", "b": "CHN"}
    assert sorted(suite.event_triples(_event(("a", "b"), (), "040"), codes)) == [
        ("CHN", "USA", "040"),
        ("USA", "CHN", "040"),
    ]
    assert suite.event_triples(_event(("a",), ("b",), "042"), codes) == [
        ("USA", "CHN", "042")
    ]


def test_prf_and_triple_scores() -> None:
    scores = suite.Scores()
    item = gold.Item(key="k", text="x", triples=(("USA", "CHN", "042"),))
    guess = suite.Guess(triples=(("USA", "CHN", "043"), ("USA", "RUS", "042")))
    suite.score_triples(scores, item, guess)
    assert (scores.tp, scores.tp_root, scores.predicted, scores.expected) == (
        0,
        1,
        2,
        1,
    )
    assert event_scoring.prf(1, 2, 1) == pytest.approx((0.5, 1.0, 2 / 3))
    assert event_scoring.prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_per_label_and_confusion_table() -> None:
    scores = suite.Scores()
    for expected, guessed in [
        ("AGREE", "AGREE"),
        ("AGREE", "NONE"),
        ("REJECT", "AGREE"),
    ]:
        suite.score_label(scores, expected, guessed)
    table = suite.per_label(scores.confusion)
    assert table["AGREE"] == pytest.approx((0.5, 0.5, 0.5, 2))
    assert scores.accuracy == pytest.approx(1 / 3)
    rendered = event_scoring.confusion_table(scores.confusion)
    assert rendered.splitlines()[0].split()[1:] == ["AGREE", "NONE", "REJEC"]


def test_role_agreement_counts_any_shared_country() -> None:
    scores = suite.Scores()
    item = gold.Item(
        key="k", text="x", sources=frozenset({"USA", "GBR"}), targets=frozenset({"IRQ"})
    )
    suite.score_roles(scores, item, suite.Guess(actors=frozenset({"GBR"})))
    assert (scores.actor_hits, scores.actor_n, scores.recipient_hits) == (1, 1, 0)


def test_quad_label_treats_statements_and_appeals_as_neutral() -> None:
    assert suite.quad_label("020", 1) == 0
    assert suite.quad_label("173", 4) == 4
    assert suite.quad_label(None, 0) == 0


def test_plover_reader_maps_old_type_names(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {
            "id": "g1",
            "event": "DEMAND",
            "text": "A demanded B leave.",
            "source": [{"code": "USA"}],
            "target": [{"code": "IRQ"}],
        },
        {
            "id": "g2",
            "event": "FIGHT",
            "text": "A fought B.",
            "source": [],
            "target": "",
        },
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    items = gold.read_plover_gsr(path)
    assert [(i.label, sorted(i.sources), sorted(i.targets)) for i in items] == [
        ("REQUEST", ["USA"], ["IRQ"]),
        ("ASSAULT", [], []),
    ]


def test_triple_reader_skips_error_records(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    lines = [
        {
            "id": "a",
            "date": "20080804",
            "text": "US leader visits China.",
            "error": None,
            "expected_events": [{"source": "USAGOV", "target": "CHN", "code": "042"}],
        },
        {"id": "b", "text": "broken", "error": "x", "expected_events": []},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (item,) = gold.read_triples(path)
    assert item.triples == (("USA", "CHN", "042"),)
    assert item.date is not None
    assert item.date.year == 2008


def test_real_actor_filter_needs_the_country_named() -> None:
    names = {"ETH": "Ethiopia", "LBY": "Libya", "ERI": "Eritrea"}
    real = gold.Item(
        key="a", text="Ethiopia met Libya.", triples=(("ETH", "LBY", "040"),)
    )
    fake = gold.Item(
        key="b", text="Gondor met Eriador.", triples=(("ERI", "LBY", "040"),)
    )
    assert gold.has_real_actors(real, names)
    assert not gold.has_real_actors(fake, names)
