"""Golden test: the seed article through the full pipeline with the pinned model.

The expected output lives in ``tests/data/seed_article.expected.json``. Long texts that
come from ``../shared`` (the article body, quotations) are stored as hashes so that the
shared article is never copied into the repository. Regenerate the file only with
``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dyad.contract import to_contract
from dyad.pipeline import run_article
from dyad.records import ArticleResult, RawDocument

GOLDEN = Path(__file__).parent / "data" / "seed_article.expected.json"


def _fingerprint(text: str) -> str:
    return f"sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]} len:{len(text)}"


def _canonical(contract: dict[str, Any]) -> str:
    contract["article"]["text"] = _fingerprint(contract["article"]["text"])
    for quote in contract["quotes"]:
        quote["text"] = _fingerprint(quote["text"])
    return json.dumps(contract, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.model
def test_seed_article_matches_golden_output(shared, resources, update_golden):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    raw = RawDocument(text=text, published=dt.date(2023, 6, 15))
    result = run_article(raw, resources)
    assert isinstance(result, ArticleResult)
    actual = _canonical(to_contract(result))
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert actual == expected, (
        "golden output changed; review and run pytest --update-golden"
    )


@pytest.mark.model
def test_pipeline_output_is_deterministic(shared, resources):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    raw = RawDocument(text=text, published=dt.date(2023, 6, 15))
    first, second = run_article(raw, resources), run_article(raw, resources)
    assert isinstance(first, ArticleResult)
    assert isinstance(second, ArticleResult)
    assert json.dumps(to_contract(first)) == json.dumps(to_contract(second))
