"""Opening the DuckDB file: wait for a lock another process holds briefly (#12).

DuckDB lets one process write a file or several read it, never both at once. Writers
close the file after each transaction and readers after each request, so a lock is
held briefly; ``connect`` waits for it with backoff instead of failing at once.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import duckdb

from dyad.store.faults import store_error

logger = logging.getLogger(__name__)

# How long to wait for a lock held by another process (a writer between two batches, a
# reader answering one request) before giving up; each transaction holds it briefly.
LOCK_WAIT_SECONDS = 15.0


def connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, waiting up to ``LOCK_WAIT_SECONDS`` for another process.

    Raises:
        StoreError: the file cannot be opened (one line saying why and what to do).
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as e:
            locked = "lock" in str(e).lower()
            if not locked or time.monotonic() + delay > deadline:
                raise store_error(path, e, doing="opening it") from e
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back; after a failed write (disk full) DuckDB may have done so already."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error as e:
        logger.debug("rollback after a failed write: %s", e)
