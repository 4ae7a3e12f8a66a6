"""The whole pipeline runs on the seed article and yields the contract's shape."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dyad.contract import SCHEMA, to_contract
from dyad.pipeline import run_article
from dyad.records import ArticleResult, RawDocument

TOP_KEYS = [
    "schema",
    "article",
    "sentences",
    "actors",
    "mentions",
    "times",
    "events",
    "quotes",
    "problems",
]


@pytest.mark.model
def test_seed_article_has_every_contract_key(shared, resources):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = run_article(
        RawDocument(text=text, published=dt.date(2023, 6, 15)), resources
    )
    assert isinstance(result, ArticleResult)
    data = json.loads(json.dumps(to_contract(result)))
    assert list(data) == TOP_KEYS
    assert data["schema"] == SCHEMA
    for sentence in data["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(data["article"]["text"])
