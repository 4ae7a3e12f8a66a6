"""The ``csv`` and ``parquet`` formats: one flat row per event, straight from the store.

Rows stream from one query as Arrow batches, so memory stays flat on any store. In CSV
the list columns (actor ids, codes and names) are joined with ``;``. The columns are named
as in ``dyad events --format csv``; every one is in ``docs/data-dictionary.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from dyad.formats.registry import register_format

if TYPE_CHECKING:
    from dyad.records import ArticleResult
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store


@dataclass(frozen=True, slots=True)
class EventTableFormat:
    """The store's events as a flat table file (``csv`` or ``parquet``)."""

    name: str
    summary: str
    extract: bool = False
    export: bool = True

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Not offered by ``dyad extract`` (``extract`` is False)."""
        raise NotImplementedError(f"this is a bug: {self.name} is an export format")

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Write the flat event rows ``filters`` selects to ``out``; return how many."""
        import pyarrow as pa
        import pyarrow.csv as pa_csv
        import pyarrow.parquet as pq

        from dyad.store.exports import event_table

        reader = event_table(store, filters, join_lists=self.name == "csv")
        rows = 0
        writer: Any
        sink: Any = str(out) if isinstance(out, Path) else out
        if self.name == "parquet":
            writer = pq.ParquetWriter(sink, reader.schema)
        else:
            writer = pa_csv.CSVWriter(sink, reader.schema)
        with writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
        if rows == 0 and self.name == "parquet":
            pq.write_table(pa.Table.from_batches([], schema=reader.schema), sink)
        return rows


register_format(EventTableFormat(name="csv", summary="one row per event (CSV)"))
register_format(EventTableFormat(name="parquet", summary="one row per event (Parquet)"))
