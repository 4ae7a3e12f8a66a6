"""Exploring pages: the dyad picker, the table of all dyads, the glossary.

Each is built by the same function as its JSON twin in ``api_explore``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dyad.store import dashboard as board
from dyad.store.dashboard import ViewFilter
from dyad.web import charts, explore
from dyad.web.api_explore import Order, Sort, check_sort
from dyad.web.deps import StoreDep
from dyad.web.errors import WebError
from dyad.web.filters import SECTOR_CODES, filter_params, parse_actor_code, view_filter
from dyad.web.formatting import query
from dyad.web.glossary import build_glossary
from dyad.web.params import EVENT_TYPES, MODALITIES

router = APIRouter(include_in_schema=False)
Filters = Annotated[ViewFilter, Depends(view_filter)]
Side = Annotated[str | None, Query(max_length=100)]
Page = Annotated[int, Query(ge=1, le=100_000)]


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, context
    )
    return response


@router.get("/dyad", response_model=None)
def pick_dyad(
    request: Request, store: StoreDep, a: Side = None, b: Side = None
) -> Response:
    """The dyad picker's target: two countries by name or code, then their page."""
    first = parse_actor_code(a, label="first country")
    second = parse_actor_code(b, label="second country")
    if first is None or second is None:
        raise WebError(422, "pick two countries or actor codes, e.g. USA and China")
    keep = {k: v for k, v in request.query_params.items() if k not in ("a", "b")}
    return RedirectResponse(f"/dyad/{first}/{second}" + query(keep), 303)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(
    request: Request,
    store: StoreDep,
    f: Filters,
    sort: Sort = "events",
    order: Order = "desc",
    page: Page = 1,
) -> HTMLResponse:
    """Every dyad, sortable; JSON twin: ``/api/dyads``."""
    size = explore.DYAD_PAGE
    table = explore.build_dyad_table(
        store,
        f,
        sort=check_sort(sort),
        descending=order == "desc",
        limit=size,
        offset=(page - 1) * size,
    )
    sparks = [
        charts.sparkline(
            [p.verbal_cooperation for p in row.series],
            [p.verbal_conflict for p in row.series],
            label=f"{row.a} and {row.b} by month",
        )
        for row in table.items
    ]
    fparams = filter_params(f, shared_only=True)
    return _render(
        request,
        "dyads.html",
        table=table,
        sparks=sparks,
        page=page,
        form={**fparams, "sort": sort, "order": order},
        f=f,
        fparams=fparams,
        types=EVENT_TYPES,
        sectors=SECTOR_CODES,
        modalities=MODALITIES,
        codes=[c for c, _ in board.event_codes(store)],
    )


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request) -> HTMLResponse:
    """What the codes mean; JSON twin: ``/api/glossary``."""
    glossary = build_glossary(request.app.state.settings.data_dir)
    return _render(request, "glossary.html", g=glossary)


@router.get("/redoc")
def redoc() -> RedirectResponse:
    """The API reference lives at ``/docs`` (offline; ReDoc would need a CDN)."""
    return RedirectResponse("/docs", 308)
