"""``POST /api/extract``: one text in, ``dyad.article/1`` out.

The spaCy model loads on the first request, not when the app is built, so ``dyad serve``
starts fast. Extractions run one at a time (a lock): the model is shared and the
machine's cores are better spent on one parse than on contention.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dyad.contract import to_contract
from dyad.records import ArticleFailure, RawDocument
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.web.errors import WebError


class ExtractRequest(BaseModel):
    """The body of ``POST /api/extract``: the article text and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text (plain text).")
    title: str | None = Field(default=None, max_length=1000, description="Headline.")
    published: dt.date | None = Field(
        default=None, description="Publication date; anchors relative times."
    )
    source: str | None = Field(
        default=None, max_length=200, description="Publisher name."
    )
    url: str | None = Field(
        default=None, max_length=2000, description="Article URL (gives the id)."
    )

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        if "\x00" in value:
            raise ValueError("text contains NUL characters; send plain text")
        return value


class Extractor:
    """Runs the pipeline on request bodies, loading the model on first use."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._resources: Resources | None = None
        self._lock = threading.Lock()

    def extract(self, request: ExtractRequest) -> dict[str, Any]:
        """Return the ``dyad.article/1`` mapping for ``request``.

        Raises:
            WebError: the pipeline failed on this text (500, code ``extract_failed``).
        """
        from dyad.pipeline import run_article

        raw = RawDocument(
            text=request.text,
            title=request.title,
            published=request.published,
            source=request.source,
            url=request.url,
            origin="POST /api/extract",
        )
        with self._lock:
            if self._resources is None:
                self._resources = Resources(self._settings)
            result = run_article(raw, self._resources)
        if isinstance(result, ArticleFailure):
            raise WebError(
                500,
                f"extraction failed in stage {result.stage}: "
                f"{result.error_type}: {result.message}",
                "extract_failed",
            )
        return to_contract(result)
