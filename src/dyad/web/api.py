"""The JSON API under ``/api``: thin handlers over the store, analytics and pipeline.

Each dashboard page has a twin here built by the same function of ``dashboard``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from dyad import analytics
from dyad.analytics import (
    ActorSummary,
    ArticleSummary,
    ClusterRow,
    DyadSummary,
    EventRow,
    SeriesPoint,
    TypeCount,
)
from dyad.contract import to_contract
from dyad.records import ArticleResult
from dyad.store import Store
from dyad.store import dashboard as board
from dyad.store.dashboard import ViewFilter
from dyad.web import dashboard
from dyad.web.aggregates import cached_dyad, cached_overview
from dyad.web.deps import Limit, Offset, StoreDep
from dyad.web.errors import WebError
from dyad.web.extract import ExtractRequest
from dyad.web.filters import parse_actor_code, view_filter
from dyad.web.params import (
    EVENT_TYPES,
    CodeParam,
    DayParam,
    WordsParam,
    parse_choice,
    parse_code,
    parse_day,
)
from dyad.web.tabular import CSV_RESPONSE, Format, csv_response

router = APIRouter(prefix="/api")

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found (the one error shape)."},
    422: {"description": "Invalid parameters (the one error shape)."},
    503: {"description": "The store cannot be opened (the one error shape)."},
}
Period = Annotated[Literal["day", "week", "month"], Query(description="Period size.")]
AllModalities = Annotated[
    bool,
    Query(description="Count hypothetical, future and negated events too."),
]
Filters = Annotated[ViewFilter, Depends(view_filter)]


def load_article(store: Store, article_id: str) -> ArticleResult:
    """Return the stored ``ArticleResult`` of ``article_id`` or raise a 404."""
    result = analytics.get_article(store, article_id)
    if result is None:
        raise WebError(404, f"no article with id {article_id!r}")
    return result


def dyad_codes(a: str, b: str) -> tuple[str, str]:
    """Return the two codes of a dyad path, each a code, alpha-2 code or name.

    Raises:
        WebError: 404 ``unknown_code``, naming the value and suggesting codes.
    """
    first = parse_actor_code(a, label="dyad", status=404)
    second = parse_actor_code(b, label="dyad", status=404)
    if first is None or second is None:
        raise WebError(404, "a dyad needs two country or actor codes", "unknown_code")
    return first, second


@router.get(
    "/articles",
    tags=["store"],
    summary="Articles",
    responses=_ERRORS | CSV_RESPONSE,
    response_model=dashboard.Page[ArticleSummary],
)
def list_articles(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    q: WordsParam = None,
    format: Format = "json",
) -> dashboard.Page[ArticleSummary] | Response:
    """Return stored articles, newest first, optionally matching words ``q``."""
    page = dashboard.search_articles(store, q=q, limit=limit, offset=offset)
    if format == "csv":
        return csv_response(page.items, ArticleSummary, "articles")
    return page


@router.get(
    "/articles/{article_id:path}",
    tags=["store"],
    summary="One article with all its records (dyad.article/1)",
    responses=_ERRORS,
)
def get_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """Return the stored article as ``dyad.article/1`` (twin of ``/article/{id}``)."""
    return to_contract(load_article(store, article_id))


@router.get(
    "/events",
    tags=["store"],
    summary="Events",
    responses=_ERRORS | CSV_RESPONSE,
    response_model=dashboard.Page[EventRow],
)
def list_events(
    store: StoreDep,
    filters: Filters,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> dashboard.Page[EventRow] | Response:
    """Return events matching the shared filters, latest first (asserted by default).

    With ``format=csv``, the page of events as a CSV download.
    """
    page = dashboard.search_events(store, filters, limit=limit, offset=offset)
    if format == "csv":
        return csv_response(page.items, EventRow, "events")
    return page


@router.get(
    "/clusters",
    tags=["store"],
    summary="Event clusters",
    responses=_ERRORS,
    response_model=list[ClusterRow],
)
def list_clusters(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: CodeParam = None,
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    since: DayParam = None,
    until: DayParam = None,
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
    format: Format = "json",
) -> list[ClusterRow] | Response:
    """Return real-world events reported across articles, most reported first."""
    rows = analytics.list_clusters(
        store,
        limit=limit,
        offset=offset,
        actor=parse_code(actor, name="actor"),
        type=parse_choice(type, name="type", choices=EVENT_TYPES),
        since=parse_day(since, name="since"),
        until=parse_day(until, name="until"),
        min_articles=min_articles,
    )
    if format == "csv":
        return csv_response(rows, ClusterRow, "clusters")
    return rows


@router.get(
    "/actors",
    tags=["store"],
    summary="Actors",
    responses=_ERRORS,
    response_model=tuple[ActorSummary, ...],
)
def list_actors(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    q: WordsParam = None,
    code: CodeParam = None,
    format: Format = "json",
) -> tuple[ActorSummary, ...] | Response:
    """Return actors grouped across articles, most mentioned first."""
    rows = dashboard.search_actors(
        store, q=q, code=parse_code(code, name="code"), limit=limit, offset=offset
    )
    if format == "csv":
        return csv_response(rows, ActorSummary, "actors")
    return rows


@router.get(
    "/series/{a}/{b}",
    tags=["analytics"],
    summary="Dyad series",
    responses=_ERRORS,
    response_model=list[SeriesPoint],
)
def dyad_series(
    store: StoreDep,
    a: str,
    b: str,
    by: Period = "month",
    since: DayParam = None,
    until: DayParam = None,
    all_modalities: AllModalities = False,
    format: Format = "json",
) -> list[SeriesPoint] | Response:
    """Return the events between ``a`` and ``b`` per period (as ``dyad series``)."""
    first, second = dyad_codes(a, b)
    rows = analytics.dyad_series(
        store,
        first,
        second,
        by=by,
        since=parse_day(since, name="since"),
        until=parse_day(until, name="until"),
        all_modalities=all_modalities,
    )
    if format == "csv":
        return csv_response(rows, SeriesPoint, "series")
    return rows


@router.get(
    "/top",
    tags=["analytics"],
    summary="Most active dyads",
    responses=_ERRORS,
    response_model=list[DyadSummary],
)
def top_dyads(
    store: StoreDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    format: Format = "json",
) -> list[DyadSummary] | Response:
    """Return the pairs of codes with most events between them (as ``dyad top``)."""
    rows = board.list_dyads(store, filters, limit=limit)
    if format == "csv":
        return csv_response(rows, DyadSummary, "top-dyads")
    return rows


@router.get(
    "/types",
    tags=["analytics"],
    summary="Events by type",
    responses=_ERRORS,
    response_model=list[TypeCount],
)
def counts_by_type(
    store: StoreDep, filters: Filters, format: Format = "json"
) -> list[TypeCount] | Response:
    """Return how many events of each type under the filters, most frequent first."""
    rows = board.type_counts(store, filters)
    if format == "csv":
        return csv_response(rows, TypeCount, "types")
    return rows


@router.get(
    "/overview", tags=["pages"], summary="The overview page's data", responses=_ERRORS
)
def overview(store: StoreDep, filters: Filters) -> dashboard.Overview:
    """Return totals, the most active dyads with their series, latest events, types."""
    return cached_overview(store, filters)  # #12: cached until the store changes


@router.get(
    "/dyads/{a}/{b}", tags=["pages"], summary="The dyad page's data", responses=_ERRORS
)
def dyad(
    store: StoreDep, a: str, b: str, filters: Filters, by: Period = "month"
) -> dashboard.DyadView:
    """Return a dyad's series, the events behind each period and quotes between them.

    ``a`` and ``b`` may be codes, two-letter codes or country names; an unknown one
    is a 404 with suggestions.
    """
    first, second = dyad_codes(a, b)
    return cached_dyad(store, first, second, by=by, f=filters)  # #12: cached


@router.post(
    "/extract",
    tags=["extract"],
    summary="Code one text (dyad.article/1), nothing stored",
    responses={
        413: {"description": "Body over the size limit (the one error shape)."},
        422: {"description": "Invalid body (the one error shape)."},
        500: {"description": "The pipeline failed (the one error shape)."},
    },
)
async def extract(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """Run the pipeline on ``text`` and return its records (model loads on first use).

    The raw body is limited in size (413 beyond it) before it is parsed.
    """
    extractor = request.app.state.extractor
    result: dict[str, Any] = await run_in_threadpool(extractor.extract, body)
    return result


@router.get("/health", tags=["store"], summary="Is the store readable?")
def health(store: StoreDep) -> dict[str, Any]:
    """Return ``{"ok": true}`` and the table counts when the store opens."""
    return {"ok": True, "counts": analytics.store_counts(store)}
