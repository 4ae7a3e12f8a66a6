"""dyad: news about international affairs in, coded event data out.

The public API::

    from dyad import Resources, RawDocument, run_article, to_contract
    result = run_article(RawDocument(text=..., published=date(2023, 6, 15)), Resources())
"""

from dyad.contract import to_contract, to_json
from dyad.errors import ConfigError, DyadError, InputError, ResourceError, StoreError
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
