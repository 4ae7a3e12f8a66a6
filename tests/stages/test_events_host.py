"""A visit's guessed host (the article's most mentioned foreign state) is not used when
the sentence names the place visited: "travelled to South Dakota" is no visit to the
state the article mentions most (#10)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import pipeline
from dyad.records import ArticleResult, EventType, RawDocument

pytestmark = pytest.mark.issue(10)

_OPENING = (
    "Canada said on Monday that it would raise tariffs on steel. Canada and Mexico "
    "have protested against the new rules, and officials in Canada called them unfair."
    "\n\n"
)


def _visits(resources, last: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    raw = RawDocument(text=_OPENING + last, published=dt.date(2024, 5, 3), doc_id="v1")
    result = pipeline.run_article(raw, resources)
    assert isinstance(result, ArticleResult)
    names = {a.actor_id: a.name for a in result.actors}
    return [
        tuple(names[r] for r in e.recipient_ids)
        for e in result.events
        if e.type is EventType.CONSULT and e.mode == "visit"
    ]


@pytest.mark.parametrize(
    "last",
    [
        "The president of the United States traveled to Pierre for talks.",
        "The president of the United States visited in South Dakota on Friday.",
    ],
)
def test_a_visit_to_a_named_place_takes_no_guessed_host(resources, last: str) -> None:  # type: ignore[no-untyped-def]
    assert all("Canada" not in recipients for recipients in _visits(resources, last))


def test_a_visit_without_a_place_still_takes_the_host_from_context(resources) -> None:  # type: ignore[no-untyped-def]
    last = "The president of the United States visited on Friday for talks."
    assert ("Canada",) in _visits(resources, last)
