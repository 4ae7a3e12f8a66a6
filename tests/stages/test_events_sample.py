"""The events stage on the sample article, end to end with the pinned model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad.records import ArticleResult, Event, EventType, Modality, RawDocument

pytestmark = [pytest.mark.model, pytest.mark.issue(3)]


@pytest.fixture(scope="module")
def sample(shared: Path, resources) -> ArticleResult:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = run_article(
        RawDocument(text=text, published=dt.date(2023, 6, 15)), resources
    )
    assert isinstance(result, ArticleResult)
    return result


def _codes(result: ArticleResult, ids: tuple[str, ...]) -> set[str | None]:
    by_id = {a.actor_id: a.code for a in result.actors}
    return {by_id[i] for i in ids}


def _sentence(result: ArticleResult, event: Event) -> str:
    s = result.sentences[event.sentence_index]
    return result.article.text[s.start : s.end]


def test_bali_meeting_is_a_consult_between_usa_and_china(sample: ArticleResult) -> None:
    bali = [e for e in sample.events if "Bali" in _sentence(sample, e)]
    assert any(
        e.type == EventType.CONSULT
        and e.modality == Modality.ASSERTED
        and _codes(sample, e.actor_ids + e.recipient_ids) >= {"USA", "CHN"}
        for e in bali
    )


def test_xi_receiving_macron_is_a_visit_to_china(sample: ArticleResult) -> None:
    (visit,) = [e for e in sample.events if e.trigger_text == "received"]
    assert (visit.type, visit.mode) == (EventType.CONSULT, "visit")
    assert _codes(sample, visit.actor_ids) >= {"FRA"}
    assert _codes(sample, visit.recipient_ids) == {"CHN"}


def test_reluctance_to_allow_talks_is_a_rejection_by_china(
    sample: ArticleResult,
) -> None:
    (reject,) = [e for e in sample.events if e.type == EventType.REJECT]
    assert reject.modality == Modality.ASSERTED
    assert _codes(sample, reject.actor_ids) == {"CHN"}
    assert _codes(sample, reject.recipient_ids) == {"USA"}


def test_beijing_agreed_to_the_visit(sample: ArticleResult) -> None:
    (agree,) = [e for e in sample.events if e.trigger_text == "agreed"]
    assert agree.type == EventType.AGREE
    assert _codes(sample, agree.actor_ids) == {"CHN"}


def test_planned_and_possible_visits_are_not_asserted(sample: ArticleResult) -> None:
    modality = {e.trigger_text: e.modality for e in sample.events if e.mode == "visit"}
    assert modality["trips"] == Modality.HYPOTHETICAL
    assert modality["visit"] == Modality.FUTURE


def test_push_to_court_saudi_arabia(sample: ArticleResult) -> None:
    (court,) = [e for e in sample.events if e.trigger_text == "court"]
    assert _codes(sample, court.recipient_ids) == {"SAU"}


@pytest.mark.parametrize("cue", ["not likely", "could lead"])
def test_no_asserted_event_where_the_text_hedges(
    sample: ArticleResult, cue: str
) -> None:
    hedged = [e for e in sample.events if cue in _sentence(sample, e)]
    assert all(e.modality != Modality.ASSERTED for e in hedged)
