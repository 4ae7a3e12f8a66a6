"""The clean stage: raw text in, cleaned article text out (placeholder: issue #2 fills it)."""

from __future__ import annotations

from typing import Any

from dyad import ids
from dyad.records import Article, Problem, RawDocument

VERSION = "clean.v0"


def clean_document(raw: RawDocument, *, rules: Any, max_chars: int
                   ) -> tuple[Article, tuple[Problem, ...]]:
    """Return the cleaned article of ``raw`` and the problems met while cleaning."""
    text = "\n".join(line.strip() for line in raw.text.splitlines() if line.strip())
    article = Article(article_id=ids.article_id(url=raw.url, text=text, given=raw.doc_id),
                      text=text[:max_chars], title=raw.title, published=raw.published,
                      source=raw.source, url=raw.url)
    return article, raw.problems
