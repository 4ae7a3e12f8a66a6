"""Aggregate queries over the store, returning small frozen records.

Shared by the CLI (``dyad events``, ``series``, ``top``, ``stats``) and the web layer;
the function names and record fields are a stable interface. The SQL lives in the store
(``store/analytics.py``, ``store/dyads.py``); this module is the one place callers
import it from.
"""

from __future__ import annotations

from dyad.store.actor_lists import ActorSummary, list_actors
from dyad.store.analytics import (
    PERIODS,
    ArticleSummary,
    ClusterRow,
    EventFilter,
    EventRow,
    FailureRow,
    TypeCount,
    count_articles,
    count_events,
    counts_by_type,
    event_where,
    get_article,
    list_articles,
    list_clusters,
    list_events,
    list_failures,
    open_store,
    store_counts,
)
from dyad.store.dyads import (
    DyadSummary,
    QuoteRow,
    SeriesPoint,
    dyad_series,
    list_codes,
    list_dyad_events,
    list_dyad_quotes,
    list_quotes_between,
    top_dyads,
)

__all__ = [
    "PERIODS",
    "ActorSummary",
    "ArticleSummary",
    "ClusterRow",
    "DyadSummary",
    "EventFilter",
    "EventRow",
    "FailureRow",
    "QuoteRow",
    "SeriesPoint",
    "TypeCount",
    "count_articles",
    "count_events",
    "counts_by_type",
    "dyad_series",
    "event_where",
    "get_article",
    "list_actors",
    "list_articles",
    "list_clusters",
    "list_codes",
    "list_dyad_events",
    "list_dyad_quotes",
    "list_events",
    "list_failures",
    "list_quotes_between",
    "open_store",
    "store_counts",
    "top_dyads",
]
