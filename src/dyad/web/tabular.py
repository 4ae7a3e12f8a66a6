"""CSV twins of the API's lists: ``?format=csv`` on any list endpoint.

Columns are the record's field names in declaration order (the same names as the JSON
items and as ``dyad events --format csv``); lists of codes or names are joined with
``;``; a missing value is an empty cell; dates are ISO 8601. The file is UTF-8 and
opens in pandas and spreadsheets.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import Response

Format = Annotated[
    Literal["json", "csv"], Query(description="json (default) or csv (a download).")
]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv."}
}
LIST_SEPARATOR = ";"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_text(items: Sequence[Any], columns: Sequence[str]) -> str:
    """Return ``items`` (dataclass records) as CSV text with a header of ``columns``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for item in items:
        row = item if isinstance(item, dict) else dataclasses.asdict(item)
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def csv_response(
    items: Sequence[Any], record: type[Any], name: str, *, exclude: Sequence[str] = ()
) -> Response:
    """Return a CSV download of ``items`` whose columns are the fields of ``record``.

    ``exclude`` names fields left out (nested series that belong in JSON only).
    """
    columns = [f.name for f in dataclasses.fields(record) if f.name not in exclude]
    return Response(
        csv_text(items, columns),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )
