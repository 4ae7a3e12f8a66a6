"""API twins of the exploring pages: all dyads, facets, the map, events of a dyad, the
glossary. Lists take ``format=csv`` for a download with the same column names.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from dyad.analytics import EventRow
from dyad.store import dashboard as board
from dyad.store.dashboard import MapPoint, ViewFilter
from dyad.web import explore
from dyad.web.api import dyad_codes
from dyad.web.deps import Limit, Offset, StoreDep
from dyad.web.errors import WebError
from dyad.web.explore import DyadTable, DyadTrendRow, Facets
from dyad.web.filters import view_filter
from dyad.web.glossary import Glossary, build_glossary
from dyad.web.tabular import CSV_RESPONSE, Format, csv_response

router = APIRouter(prefix="/api")
Filters = Annotated[ViewFilter, Depends(view_filter)]
Sort = Annotated[
    str, Query(description=f"Column to sort by: {', '.join(board.DYAD_SORTS)}.")
]
Order = Annotated[str, Query(pattern="^(asc|desc)$", description="asc or desc.")]
_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"description": "Unknown code (the one error shape, with suggestions)."},
    422: {"description": "Invalid parameters (the one error shape)."},
}


def check_sort(sort: str) -> str:
    """Return ``sort`` if the dyad table can sort by it, else a 422."""
    if sort not in board.DYAD_SORTS:
        raise WebError(
            422, f"sort: {sort!r} is not one of {', '.join(board.DYAD_SORTS)}"
        )
    return sort


@router.get(
    "/dyads",
    tags=["analytics"],
    summary="Every dyad, sortable, with its trend",
    responses=_ERRORS | CSV_RESPONSE,
    response_model=DyadTable,
)
def dyad_table(
    store: StoreDep,
    filters: Filters,
    sort: Sort = "events",
    order: Order = "desc",
    limit: Limit = explore.DYAD_PAGE,
    offset: Offset = 0,
    format: Format = "json",
) -> DyadTable | Response:
    """Return one page of all dyads under the filters (twin of ``/dyads``)."""
    table = explore.build_dyad_table(
        store,
        filters,
        sort=check_sort(sort),
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )
    if format == "csv":
        return csv_response(table.items, DyadTrendRow, "dyads", exclude=("series",))
    return table


@router.get(
    "/dyads/{a}/{b}/events",
    tags=["analytics"],
    summary="The events between two sides",
    responses=_ERRORS | CSV_RESPONSE,
    response_model=list[EventRow],
)
def dyad_events(
    store: StoreDep,
    a: str,
    b: str,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    format: Format = "json",
) -> list[EventRow] | Response:
    """Return the dated events between ``a`` and ``b`` (either way), latest first."""
    first, second = dyad_codes(a, b)
    rows = board.list_between(store, first, second, filters, limit=limit)
    if format == "csv":
        return csv_response(rows, EventRow, f"events-{first}-{second}")
    return rows


@router.get("/facets", tags=["analytics"], summary="Facet counts", responses=_ERRORS)
def facets(store: StoreDep, filters: Filters) -> Facets:
    """Return event counts by type, modality, sector and location (twin of search)."""
    return explore.build_facets(store, filters)


@router.get(
    "/map",
    tags=["analytics"],
    summary="Event places",
    responses=_ERRORS | CSV_RESPONSE,
    response_model=list[MapPoint],
)
def event_map(
    store: StoreDep, filters: Filters, format: Format = "json"
) -> list[MapPoint] | Response:
    """Return the places of the events under the filters with their counts."""
    points = list(explore.build_map(store, filters))
    if format == "csv":
        return csv_response(points, MapPoint, "places")
    return points


@router.get("/glossary", tags=["pages"], summary="Codes and what they mean")
def glossary(request: Request) -> Glossary:
    """Return PLOVER types and modes, quad classes, sectors and modalities."""
    return build_glossary(request.app.state.settings.data_dir)
