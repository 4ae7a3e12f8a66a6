"""Exports: the store's events as CSV, Parquet, JSONL, PLOVER JSON or GDELT 2.0 columns.

``export_store`` writes a whole store (or the events a filter selects) to a file through
the output-format registry (``dyad.formats``), streaming, so exports of large stores stay
small in memory. ``result_rows`` gives the PLOVER and GDELT rows of one
``ArticleResult``. ``docs/gdelt-export.md`` documents the GDELT column mapping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dyad.errors import DyadError
from dyad.formats import FORMATS, export_formats
from dyad.formats.gdelt import GDELT_COLUMNS, gdelt_row, goldstein, write_gdelt
from dyad.formats.plover import plover_record, reciprocal_sides
from dyad.formats.registry import configured
from dyad.records import ArticleResult
from dyad.store.analytics import EventFilter
from dyad.store.db import Store

__all__ = [
    "GDELT_COLUMNS",
    "ExportError",
    "export_store",
    "gdelt_row",
    "goldstein",
    "plover_record",
    "reciprocal_sides",
    "result_rows",
    "write_gdelt",
]


class ExportError(DyadError):
    """Raised when an export cannot be written (unknown format, unwritable file)."""


def result_rows(result: ArticleResult, fmt: str) -> Iterator[dict[str, Any]]:
    """Yield the rows of one article in ``fmt`` (``plover`` or ``gdelt``)."""
    if fmt not in ("plover", "gdelt"):
        raise ValueError(f"result_rows: unknown format {fmt!r}")
    for event in result.events:
        yield (
            plover_record(result, event)
            if fmt == "plover"
            else gdelt_row(result, event)
        )


def export_store(
    store: Store,
    fmt: str,
    out: Path | BinaryIO,
    filters: EventFilter | None = None,
    data_dir: Path | None = None,
) -> int:
    """Write the events (articles for ``jsonl``) of ``store`` to ``out``; return rows.

    ``data_dir`` holds the user's copies of data files a format reads (GDELT's
    Goldstein scores).

    ``out`` is a file path or a binary stream (``sys.stdout.buffer`` for ``--out -``).

    Raises:
        ExportError: the format is unknown or the file cannot be written.
    """
    if fmt not in export_formats():
        raise ExportError(
            f"unknown export format {fmt!r}; use one of {', '.join(export_formats())}"
        )
    chosen = configured(FORMATS.get(fmt), data_dir)
    try:
        return chosen.write_store(store, filters or EventFilter(), out)
    except OSError as e:
        raise ExportError(f"{out}: cannot write the export: {e.strerror}") from e
