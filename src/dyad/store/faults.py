"""DuckDB failures as one-line ``StoreError``s that say what to do, and a full check.

DuckDB reports a full disk, a folder it cannot write, a lock held by another process
and a damaged file as ``duckdb.Error`` subclasses with long messages; ``store_error``
names the condition and the next step (#12). ``check_store`` reads every row of every
table, so damage that opening and counting do not notice (a file cut short) is found.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dyad.errors import StoreError

# Words of DuckDB's messages that name each condition, lower case.
_FULL = ("no space left", "disk full", "file too large", "file size limit")
_DENIED = ("read-only", "read only", "permission denied", "cannot open file")
_LOCKED = ("conflicting lock", "could not set lock")
_DAMAGED = (
    "corrupt",
    "checksum",
    "not a valid duckdb",
    "invalid database",
    "truncated",
    "failed to read",
    "could not read",
    "internal error",
    "serialization",
)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else type(error).__name__


def store_error(path: Path, error: BaseException, *, doing: str) -> StoreError:
    """Return a one-line StoreError for ``error`` met while ``doing`` (a verb phrase)."""
    text = str(error).lower()
    code = getattr(error, "errno", None)
    detail = _first_line(error)
    if code in (errno.ENOSPC, errno.EFBIG) or any(w in text for w in _FULL):
        return StoreError(
            f"{path}: the disk is full while {doing} ({detail}); free space or use "
            "another --db, then run the same command again (committed work is kept)"
        )
    if any(w in text for w in _LOCKED):
        return StoreError(
            f"{path}: another dyad process holds the store's lock while {doing}; "
            "retry when it has finished"
        )
    if code in (errno.EACCES, errno.EROFS, errno.EPERM) or any(
        w in text for w in _DENIED
    ):
        return StoreError(
            f"{path}: cannot write the store or its write-ahead log {path.name}.wal "
            f"while {doing} ({detail}); check that the folder is writable"
        )
    if any(w in text for w in _DAMAGED):
        return StoreError(
            f"{path}: the store is damaged ({detail}); restore a backup or ingest "
            f"again into a new --db; run: dyad check --db {path}"
        )
    return StoreError(f"{path}: database error while {doing}: {detail}")


@contextmanager
def store_errors(path: Path, *, doing: str) -> Iterator[None]:
    """Turn DuckDB and OS errors in the body into one-line StoreErrors."""
    try:
        yield
    except (duckdb.Error, OSError) as e:
        raise store_error(path, e, doing=doing) from e


@dataclass(frozen=True, slots=True, kw_only=True)
class TableCheck:
    """The outcome of reading one table in full: its rows, or the error met."""

    table: str
    rows: int | None
    error: str | None = None


def check_store(path: Path) -> list[TableCheck]:
    """Open ``path`` read-only and read every row of every table.

    Raises:
        StoreError: the file cannot be opened as a dyad store at all.
    """
    from dyad.store.migrations import latest_version

    if not path.is_file():
        raise StoreError(f"{path}: no such store")
    with store_errors(path, doing="opening it"):
        con = duckdb.connect(str(path), read_only=True)
    try:
        with store_errors(path, doing="reading the schema"):
            tables = [
                str(r[0])
                for r in con.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = 'main' ORDER BY table_name"
                ).fetchall()
            ]
        if "schema_migrations" not in tables:
            raise StoreError(f"{path}: not a dyad store (no schema_migrations)")
        results = [_check_table(con, table) for table in tables]
        version = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        if version is None or version[0] is None or version[0] < latest_version():
            results.append(
                TableCheck(
                    table="schema_migrations",
                    rows=None,
                    error=f"schema {version and version[0]} is older than "
                    f"{latest_version()}; run: dyad stats --db {path} to migrate",
                )
            )
        return results
    finally:
        con.close()


def _check_table(con: duckdb.DuckDBPyConnection, table: str) -> TableCheck:
    """Read all of ``table``: a hash over every row touches every stored block."""
    try:
        row = con.execute(f'SELECT count(*), sum(hash(t)) FROM "{table}" t').fetchone()
    except duckdb.Error as e:
        return TableCheck(table=table, rows=None, error=_first_line(e))
    return TableCheck(table=table, rows=int(row[0]) if row else 0)
