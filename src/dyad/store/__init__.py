"""The embedded DuckDB store: ``Store`` (the one write path), migrations, readers."""

from dyad.store.db import PendingArticle, Store, StoredState

__all__ = ["PendingArticle", "Store", "StoredState"]
