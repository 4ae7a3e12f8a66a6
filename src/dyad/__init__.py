"""dyad: news about international affairs in, coded event data out.

The public API::

    from dyad import Resources, RawDocument, run_article, to_contract
    raw = RawDocument(text=..., published=date(2023, 6, 15))
    result = run_article(raw, Resources())

Names are imported on first use, so ``import dyad`` (and every CLI command that never
parses, such as ``dyad serve``) does not pay for importing spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyad.contract import to_contract, to_json
    from dyad.errors import (
        ConfigError,
        DyadError,
        InputError,
        ResourceError,
        StoreError,
    )
    from dyad.pipeline import run_article, run_many
    from dyad.records import (
        Actor,
        Article,
        ArticleFailure,
        ArticleResult,
        Event,
        Mention,
        Problem,
        Quote,
        RawDocument,
        TimeExpr,
    )
    from dyad.resources import Resources
    from dyad.settings import Settings, load_settings

_HOMES = {
    "Actor": "dyad.records",
    "Article": "dyad.records",
    "ArticleFailure": "dyad.records",
    "ArticleResult": "dyad.records",
    "ConfigError": "dyad.errors",
    "DyadError": "dyad.errors",
    "Event": "dyad.records",
    "InputError": "dyad.errors",
    "Mention": "dyad.records",
    "Problem": "dyad.records",
    "Quote": "dyad.records",
    "RawDocument": "dyad.records",
    "ResourceError": "dyad.errors",
    "Resources": "dyad.resources",
    "Settings": "dyad.settings",
    "StoreError": "dyad.errors",
    "TimeExpr": "dyad.records",
    "load_settings": "dyad.settings",
    "run_article": "dyad.pipeline",
    "run_many": "dyad.pipeline",
    "to_contract": "dyad.contract",
    "to_json": "dyad.contract",
}

__all__ = [
    "Actor",
    "Article",
    "ArticleFailure",
    "ArticleResult",
    "ConfigError",
    "DyadError",
    "Event",
    "InputError",
    "Mention",
    "Problem",
    "Quote",
    "RawDocument",
    "ResourceError",
    "Resources",
    "Settings",
    "StoreError",
    "TimeExpr",
    "load_settings",
    "run_article",
    "run_many",
    "to_contract",
    "to_json",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its home module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'dyad' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
