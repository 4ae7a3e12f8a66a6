"""Times in lower-cased and ALL-CAPS articles, on real parses of the pinned model (#11)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.records import Article
from dyad.resources import Resources
from dyad.stages.nlp import parse_articles
from dyad.stages.timex import find_times

FRIDAY = dt.date(2024, 3, 1)  # a Friday

CASED = (
    "Police said a man was shot by officers in Houston on Friday night. Two "
    "protesters were arrested on 5 June in Paris. The suspect was detained on "
    "March 3, 2024 and released last week. A rally was held on Tuesday."
)
EXPECTED = [
    ("Friday night", "2024-03-01"),
    ("5 June", "2023-06-05"),
    ("March 3, 2024", "2024-03-03"),
    ("last week", "2024-W08"),
    ("Tuesday", "2024-02-27"),
]


def times(resources: Resources, text: str) -> list[tuple[str, str | None]]:
    article = Article(article_id="case", text=text, published=FRIDAY)
    ((parsed, _),) = list(parse_articles(resources.nlp, [(article, None)]))
    return [(t.text, t.value) for t in find_times(parsed).records]


def test_cased_text_keeps_its_times(resources: Resources) -> None:
    assert times(resources, CASED) == EXPECTED


@pytest.mark.parametrize("recase", [str.lower, str.upper])
def test_lower_and_all_caps_text_find_the_same_times(
    resources: Resources, recase: object
) -> None:
    assert callable(recase)
    found = times(resources, recase(CASED))
    assert [(t.lower(), v) for t, v in found] == [
        (t.lower(), v) for t, v in EXPECTED
    ]


def test_lower_case_may_and_march_as_verbs_are_no_months(
    resources: Resources,
) -> None:
    text = (
        "the officers may detain more people, the police chief said. thousands "
        "will march 3 miles through the city on sunday. the court will rule on "
        "may 5 and the hearing ended in march."
    )
    assert times(resources, text) == [
        ("sunday", "2024-03-03"),
        ("may 5", "2024-05-05"),
        ("march", "2024-03"),
    ]


def test_lower_case_month_names_in_cased_text_are_left_alone(
    resources: Resources,
) -> None:
    text = "Officers said the raid in june was planned. Police met them on Friday."
    assert times(resources, text) == [("Friday", "2024-03-01")]
