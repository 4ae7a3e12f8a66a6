"""The runner: one stage table checked at import, one guard, one failure shape (#9)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import pipeline, runner
from dyad.records import (
    ArticleFailure,
    ArticleResult,
    RawDocument,
    StageResult,
    TimeExpr,
)
from dyad.stages import clean, nlp, quotes

RAWS = [
    RawDocument(text="The French president met the German chancellor.", doc_id="a"),
    RawDocument(text="EXPLODE: officials met in Geneva.", doc_id="b"),
    RawDocument(
        text="Kenya and Ethiopia signed a trade deal on Monday.",
        doc_id="c",
        published=dt.date(2024, 5, 1),
    ),
]


def test_stage_table_rejects_a_stage_before_its_inputs():
    late = pipeline.STAGES[-1]
    with pytest.raises(RuntimeError, match="requires"):
        runner.check_stages((late, *pipeline.STAGES[:-1]), {"raw"})


def test_stage_table_as_shipped_is_in_a_valid_order():
    runner.check_stages(pipeline.STAGES, {"raw"})


def test_every_stage_is_in_the_table_clean_and_nlp_included():
    names = [s.name for s in pipeline.STAGES]
    assert names[:2] == ["clean", "nlp"]
    assert {"actors", "timex", "events", "quotes"} <= set(names)


def _reads(parsed, times, *, timex_lexicon) -> StageResult[TimeExpr]:  # type: ignore[no-untyped-def]
    return StageResult()


def _untyped(parsed, *, gazetteer):  # type: ignore[no-untyped-def]
    return ()


def _needs_nothing_known(parsed, *, crystal_ball) -> StageResult[TimeExpr]:  # type: ignore[no-untyped-def]
    return StageResult()


def test_requirements_and_resources_come_from_the_signature():
    stage = runner.Stage("probe", "probe.v1", _reads, ("times",))
    assert (stage.requires, stage.resources) == (
        ("parsed", "times"),
        ("timex_lexicon",),
    )


@pytest.mark.parametrize(
    ("function", "message"),
    [(_untyped, "not a StageResult"), (_needs_nothing_known, "unknown resource")],
    ids=["wrong-return", "unknown-resource"],
)
def test_stage_table_rejects_a_badly_declared_stage(function, message):
    stage = runner.Stage("probe", "probe.v1", function, ("times",))
    with pytest.raises(RuntimeError, match=message):
        runner.check_stages((stage,), {"raw", "parsed"})


def test_run_stages_rejects_a_subset_missing_an_input(resources):
    with pytest.raises(ValueError, match="requires"):
        list(pipeline.run_stages(RAWS, resources, ["clean", "timex"]))


def test_run_stages_rejects_an_unknown_stage(resources):
    with pytest.raises(ValueError, match="unknown stages"):
        list(pipeline.run_stages(RAWS, resources, ["clean", "tea-leaves"]))


@pytest.mark.model
def test_run_stages_runs_only_the_chosen_stages(resources):
    results = list(pipeline.run_stages(RAWS[2:], resources, ["clean", "nlp", "timex"]))
    [result] = results
    assert isinstance(result, ArticleResult)
    assert [t.text for t in result.times] == ["Monday"]
    assert result.actors == ()
    assert result.sentences


def _explode_on_marker(real):  # type: ignore[no-untyped-def]
    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        first = args[0]
        text = first.text if hasattr(first, "text") else first.article.text
        if "EXPLODE" in text:
            raise ValueError("boom")
        return real(*args, **kwargs)

    return wrapped


def _assert_only_b_failed(results, stage):  # type: ignore[no-untyped-def]
    assert [type(r) for r in results] == [ArticleResult, ArticleFailure, ArticleResult]
    failure = results[1]
    assert (failure.article_id, failure.stage, failure.error_type) == (
        "b",
        stage,
        "ValueError",
    )
    assert "boom" in failure.traceback


@pytest.mark.model
def test_failure_in_one_article_is_recorded_and_the_rest_go_on(resources, monkeypatch):
    monkeypatch.setattr(
        quotes, "extract_quotes", _explode_on_marker(quotes.extract_quotes)
    )
    _assert_only_b_failed(list(pipeline.run_many(RAWS, resources)), "quotes")


@pytest.mark.model
def test_clean_failure_is_a_failure_record_not_an_exception(resources, monkeypatch):
    monkeypatch.setattr(
        clean, "clean_document", _explode_on_marker(clean.clean_document)
    )
    _assert_only_b_failed(list(pipeline.run_many(RAWS, resources)), "clean")
    outcome = pipeline.run_article(RAWS[1], resources)
    assert isinstance(outcome, ArticleFailure)
    assert outcome.stage == "clean"


@pytest.mark.model
def test_failed_batch_falls_back_to_single_articles(resources, monkeypatch):
    real = nlp.parse_articles

    def explode_on_marker(model, items, **kwargs):  # type: ignore[no-untyped-def]
        items = list(items)
        if any("EXPLODE" in article.text for article, _ in items):
            raise ValueError("boom")
        return real(model, items, **kwargs)

    monkeypatch.setattr(nlp, "parse_articles", explode_on_marker)
    _assert_only_b_failed(list(pipeline.run_many(RAWS, resources)), "nlp")


@pytest.mark.model
def test_fail_fast_reraises(resources, monkeypatch):
    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(quotes, "extract_quotes", explode)
    with pytest.raises(ValueError, match="boom"):
        pipeline.run_article(
            RawDocument(text="Talks were held."), resources, fail_fast=True
        )
