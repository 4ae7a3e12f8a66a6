"""Two KB entries of one name: the sentence's context words choose (#10)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import pipeline
from dyad.records import ArticleResult, RawDocument

pytestmark = pytest.mark.issue(10)


def _codes(resources, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    raw = RawDocument(text=text, published=dt.date(2024, 5, 3), doc_id="r1")
    result = pipeline.run_article(raw, resources)
    assert isinstance(result, ArticleResult)
    actors = {a.actor_id: a for a in result.actors}
    return [
        (actors[m.actor_id].name, actors[m.actor_id].code)
        for m in result.mentions
        if m.text == "RSF"
    ]


def test_rsf_is_the_sudanese_militia_without_press_words(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Fighters of the RSF shelled two villages near the river on Monday."
    assert _codes(resources, text) == [("Rapid Support Forces", "SDN")]


def test_rsf_is_the_press_group_near_press_words(resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The watchdog RSF said on Monday that two reporters were held without charge."
    )
    assert _codes(resources, text) == [("Reporters Without Borders", "NGO")]
