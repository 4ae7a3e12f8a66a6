"""Opening the DuckDB file: wait for a lock another process holds briefly (#12).

DuckDB lets one process write a file or several read it, never both at once. Writers
close the file after each transaction and readers after each request, so a lock is
held briefly; ``connect`` waits for it with backoff instead of failing at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import duckdb

from dyad.errors import StoreError
from dyad.store.faults import store_error, store_errors
from dyad.store.migrations import apply_migrations, latest_version

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


def schema_version(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """Return the newest migration recorded in the store (None when none is).

    Raises:
        StoreError: the file is not a dyad store, or cannot be read.
    """
    try:
        rows = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
    except duckdb.CatalogException as e:
        raise StoreError(f"{path}: not a dyad store (no schema_migrations)") from e
    except duckdb.Error as e:
        raise store_error(path, e, doing="reading its schema") from e
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def outdated_schema(path: Path, version: int | None) -> StoreError:
    """Return the error for a store whose schema this reader may not upgrade."""
    return StoreError(
        f"{path}: the store schema ({version}) is older than this dyad "
        f"({latest_version()}); upgrade it once with: dyad stats --db {path}"
    )


def migrate_file(path: Path) -> None:
    """Bring the store at ``path`` up to date with a short-lived writer.

    Raises:
        StoreError: the migration cannot run now (another process, a full disk).
    """
    try:
        with connect(path, read_only=False) as writer:
            apply_migrations(writer)
    except duckdb.Error as e:
        raise StoreError(
            f"{path}: the store schema is older than this dyad and cannot be "
            f"migrated now ({e}); close other programs using it and retry"
        ) from e


class StoreFile:
    """The store's file: opened lazily, closed between uses when asked, transactions.

    ``migrate=False`` refuses an outdated schema instead of upgrading it (the web layer
    never writes). ``hold_lock=False`` closes the file after each write transaction, so
    readers in other processes get in between (#12, live use).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        migrate: bool = True,
        hold_lock: bool = True,
    ) -> None:
        """Open the store file at ``path``, migrating or checking its schema."""
        self.path = Path(path)
        self.read_only = read_only
        self.hold_lock = hold_lock
        if read_only and not self.path.exists():
            raise StoreError(
                f"{self.path}: no such store; run: dyad ingest PATH --db {self.path}"
            )
        self._con: duckdb.DuckDBPyConnection | None = None
        # without migrating, the schema is checked when the file is first used, so a
        # reader answered from a cache never opens it
        self._unchecked = read_only and not migrate
        if read_only and migrate:
            self._check_schema(migrate)
        elif not read_only:
            with store_errors(self.path, doing="upgrading its schema"):
                apply_migrations(self.con)
            if not hold_lock:
                self.release()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, opened again if ``release`` closed it."""
        if self._con is None:
            self._con = connect(self.path, read_only=self.read_only)
            if self._unchecked:
                self._unchecked = False
                self._check_schema(migrate=False)
        return self._con

    def release(self) -> None:
        """Close the file until the next use, so other processes may open it."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def _check_schema(self, migrate: bool) -> None:
        version = schema_version(self.con, self.path)
        if version is None or version < latest_version():
            self.release()
            if not migrate:
                raise outdated_schema(self.path, version)
            migrate_file(self.path)

    def close(self) -> None:
        """Close the connection (committed data is already durable)."""
        self.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the body in one transaction: commit on success, roll back on error.

        Raises:
            StoreError: DuckDB failed (disk full, folder not writable, damaged file).
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        con = self.con
        try:
            with store_errors(self.path, doing="writing"):
                con.execute("BEGIN TRANSACTION")
                try:
                    yield con
                except BaseException:
                    rollback(con)
                    raise
                con.execute("COMMIT")
        finally:
            if not self.hold_lock:
                self.release()
