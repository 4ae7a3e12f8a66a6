"""The web layer over a store filled by the real pipeline (pinned spaCy model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dyad.contract import to_contract
from dyad.pipeline import run_many
from dyad.records import ArticleResult, RawDocument
from dyad.settings import Settings
from dyad.store import PendingArticle, Store
from dyad.web.app import create_app

from .conftest import LOCAL, TestClient

pytestmark = pytest.mark.model

TEXTS = (
    (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow "
        "on Tuesday. The two leaders signed an agreement on energy cooperation. "
        "Ukraine condemned the visit.",
        dt.date(2023, 3, 21),
    ),
    (
        "The United States imposed new sanctions on Iran on Friday, the Treasury said. "
        "“This is economic terrorism,” Iranian Foreign Minister Hossein "
        "Amir-Abdollahian said.",
        dt.date(2023, 4, 14),
    ),
)


@pytest.fixture(scope="module")
def coded(
    resources: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[ArticleResult]]:
    """A store holding the two texts as the real pipeline coded them."""
    raws = [RawDocument(text=t, published=d, origin="test") for t, d in TEXTS]
    results = [r for r in run_many(raws, resources) if isinstance(r, ArticleResult)]
    assert len(results) == len(raws)
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    with Store(db) as store:
        store.put_pending(
            [
                PendingArticle(
                    article_id=r.article.article_id, content_hash=str(i), raw=raw
                )
                for i, (r, raw) in enumerate(zip(results, raws, strict=True))
            ]
        )
        store.put_outcomes(results, pipeline_version="test")
    return db, results


def test_stored_article_is_served_as_the_pipeline_made_it(
    coded: tuple[Path, list[ArticleResult]],
) -> None:
    db, results = coded
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as client:
        for result in results:
            served = client.get(f"/api/articles/{result.article.article_id}").json()
            made = to_contract(result)
            assert served["article"]["text"] == made["article"]["text"]
            for key in ("actors", "events", "quotes", "times"):
                assert sorted(x["id"] for x in served[key]) == sorted(
                    x["id"] for x in made[key]
                )


def test_article_page_marks_the_pipeline_records(
    coded: tuple[Path, list[ArticleResult]],
) -> None:
    db, results = coded
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as client:
        for result in results:
            page = client.get(f"/article/{result.article.article_id}").text
            html = page.split('<div class="article-text">', 1)[1].split("</div>")[0]
            assert html.count('class="hl hl-event"') == len(result.events)
            assert html.count('class="hl hl-actor"') == len(result.mentions)
            assert html.count('class="hl hl-time"') == len(result.times)


def test_overview_and_search_show_the_coded_events(
    coded: tuple[Path, list[ArticleResult]],
) -> None:
    db, results = coded
    with TestClient(create_app(Settings(db=db)), base_url=LOCAL) as client:
        overview = client.get("/api/overview").json()
        assert overview["counts"]["events"] == sum(len(r.events) for r in results)
        assert client.get("/").status_code == 200
        total = client.get("/api/events", params={"limit": 1}).json()["total"]
        assert total == overview["counts"]["events"]
