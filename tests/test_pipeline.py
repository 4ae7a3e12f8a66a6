"""The runner: stage order is checked, and one failing article does not stop the batch."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import pipeline
from dyad.records import ArticleFailure, ArticleResult, RawDocument
from dyad.stages import quotes


def test_stage_table_rejects_a_stage_before_its_inputs():
    late = pipeline.STAGES[-1]
    with pytest.raises(RuntimeError, match="requires"):
        pipeline._check_stage_order((late, *pipeline.STAGES[:-1]))


def test_stage_table_as_shipped_is_in_a_valid_order():
    pipeline._check_stage_order(pipeline.STAGES)


@pytest.mark.model
def test_failure_in_one_article_is_recorded_and_the_rest_go_on(resources, monkeypatch):
    real = quotes.extract_quotes

    def explode_on_marker(parsed, actors, mentions):
        if "EXPLODE" in parsed.article.text:
            raise ValueError("boom")
        return real(parsed, actors, mentions)

    monkeypatch.setattr(quotes, "extract_quotes", explode_on_marker)
    raws = [
        RawDocument(text="The French president met the German chancellor.", doc_id="a"),
        RawDocument(text="EXPLODE: officials met in Geneva.", doc_id="b"),
        RawDocument(
            text="Kenya and Ethiopia signed a trade deal.",
            doc_id="c",
            published=dt.date(2024, 5, 1),
        ),
    ]
    results = list(pipeline.run_many(raws, resources))
    assert [type(r) for r in results] == [ArticleResult, ArticleFailure, ArticleResult]
    failure = results[1]
    assert isinstance(failure, ArticleFailure)
    assert (failure.article_id, failure.stage, failure.error_type) == (
        "b",
        "quotes",
        "ValueError",
    )
    assert "boom" in failure.traceback


@pytest.mark.model
def test_fail_fast_reraises(resources, monkeypatch):
    def explode(parsed, actors, mentions):
        raise ValueError("boom")

    monkeypatch.setattr(quotes, "extract_quotes", explode)
    with pytest.raises(ValueError, match="boom"):
        pipeline.run_article(
            RawDocument(text="Talks were held."), resources, fail_fast=True
        )
