"""Request dependencies: a read-only store per request, paging parameters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request

from dyad.store import Store

# Page sizes: the default for lists, and the most one request may ask for.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def open_read_only(request: Request) -> Iterator[Store]:
    """Yield the store opened read-only for this request, closed after it.

    Raises:
        StoreError: the store is missing, not a dyad store, or locked by a writer
            (answered as 503 by the error handlers).
    """
    # #12: the web layer never writes, not even a migration
    store = Store(request.app.state.settings.db, read_only=True, migrate=False)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_read_only)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
