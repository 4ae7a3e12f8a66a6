"""Arbitrary text, URLs and dates through ``run_article`` and ``POST /api/extract``.

The property: an article result (with problems where the input was odd), never an
exception and never an article failure.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.exceptions import StarletteDeprecationWarning

from dyad.pipeline import run_article
from dyad.records import ArticleResult, RawDocument
from dyad.settings import Settings
from dyad.web.app import create_app

from .conftest import FUZZ, count_case

with warnings.catch_warnings():
    # as in tests/web/conftest.py: only the import of the TestClient warns
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.issue(12), pytest.mark.fuzz, pytest.mark.model]
LOCAL = "http://localhost"

WORDS = st.sampled_from(
    [
        "Blinken",
        "met",
        "Xi",
        "in",
        "Beijing",
        "on",
        "Monday",
        "said",
        "China",
        "the",
        "United",
        "States",
        "will",
        "not",
        "visit",
        "\u201c",
        "\u201d",
        '"',
        "99999999",
        "years",
        "ago",
        "next",
        "week",
        "9999",
        "0001",
        "-",
        ".",
        ",",
        "\n",
        "\u00a0",
        "Q4",
        "1999-13-45",
        "Ukraine",
        "shelled",
        "Russia",
        "'",
    ]
)
TEXT = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(WORDS, min_size=1, max_size=80).map(" ".join),
)
URLS = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.sampled_from(
        [
            "http://[::1",
            "http://host:port/",
            "javascript:alert(document.domain)//",
            "https://example.org/a?b=c#d",
            "//no-scheme",
            "http://" + "a" * 3000,
        ]
    ),
)
DATES = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from(
        [dt.date.min, dt.date.max, dt.date(1, 1, 1), dt.date(9999, 12, 31)]
    ),
)


@FUZZ
@given(text=TEXT, url=URLS, published=DATES)
def test_run_article_gives_a_result_for_any_input(
    resources: Any, text: str, url: str | None, published: dt.date | None
) -> None:
    count_case("run_article")
    raw = RawDocument(text=text, url=url, published=published, origin="fuzz")
    result = run_article(raw, resources)
    assert isinstance(result, ArticleResult), result
    for record in (*result.times, *result.quotes, *result.mentions):
        assert 0 <= record.start < record.end <= len(result.article.text)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = Path(tmp_path_factory.mktemp("fuzz-api")) / "none.duckdb"
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as client:
        yield client


BODIES = st.fixed_dictionaries(
    {"text": st.one_of(TEXT, st.integers(), st.none())},
    optional={
        "url": st.one_of(URLS, st.integers()),
        "published": st.one_of(DATES.map(lambda d: d and d.isoformat()), st.text()),
        "title": st.one_of(st.none(), st.text(max_size=40)),
    },
)


@FUZZ
@given(body=BODIES)
def test_post_extract_answers_a_record_or_a_clear_error(
    api: TestClient, body: dict[str, Any]
) -> None:
    count_case("POST /api/extract")
    response = api.post("/api/extract", json=body)
    assert response.status_code in (200, 422), response.text
    data = response.json()
    if response.status_code == 200:
        assert data["schema"] == "dyad.article/1"
    else:
        assert data["ok"] is False
        assert data["error"]
