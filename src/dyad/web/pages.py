"""Dashboard pages: server-rendered HTML, each built by the same function as its JSON
twin under ``/api`` (named in each handler's docstring). Charts are inline SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from dyad.analytics import DyadSummary, SeriesPoint
from dyad.store import Store
from dyad.store import dashboard as board
from dyad.store.dashboard import MapPoint, ViewFilter
from dyad.web import charts, dashboard, explore, worldmap
from dyad.web.aggregates import cached_dyad, cached_overview
from dyad.web.api import dyad_codes, load_article
from dyad.web.article_view import build_article_page
from dyad.web.deps import StoreDep
from dyad.web.filters import SECTOR_CODES, filter_params, view_filter
from dyad.web.formatting import quad_class, query
from dyad.web.params import (
    EVENT_TYPES,
    MODALITIES,
    CodeParam,
    WordsParam,
    parse_code,
)

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
# The dyad chart draws at most this many periods (the latest); a daily series over
# years would otherwise be thousands of hairline bars. The page says so and the JSON
# twin still has them all.
MAX_CHART_PERIODS = 240
Page = Annotated[int, Query(ge=1, le=100_000)]
Filters = Annotated[ViewFilter, Depends(view_filter)]


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, context)
    return response


def _sparkline(series: Sequence[SeriesPoint], label: str) -> Markup:
    return charts.sparkline(
        [p.verbal_cooperation + p.material_cooperation for p in series],
        [p.verbal_conflict + p.material_conflict for p in series],
        label=label,
    )


def _filter_context(store: Store, f: ViewFilter) -> dict[str, Any]:
    return {
        "f": f,
        "fparams": filter_params(f, shared_only=True),
        "types": EVENT_TYPES,
        "sectors": SECTOR_CODES,
        "modalities": MODALITIES,
        "codes": [c for c, _ in board.event_codes(store)],
    }


def _map(points: Sequence[MapPoint], f: ViewFilter, title: str) -> Markup:
    base = filter_params(f, shared_only=True)
    return worldmap.world_map(
        points,
        title=title,
        link=lambda p: "/search" + query(base, location=p.code or ""),
    )


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, f: Filters) -> HTMLResponse:
    """The overview; JSON twin: ``/api/overview``."""
    data = cached_overview(store, f)  # #12: cached until the store changes
    sparks = [
        _sparkline(t.series, f"{t.dyad.a} and {t.dyad.b} by month")
        for t in data.top_dyads
    ]
    types = charts.horizontal_bars(
        [(c.type, c.events, quad_class(c.quad)) for c in data.counts_by_type],
        title="Events by type",
    )
    points = explore.build_map(store, f)
    return _render(
        request,
        "overview.html",
        data=data,
        sparks=sparks,
        types_chart=types,
        world=_map(points, f, "Where the events took place"),
        places=len(points),
        **_filter_context(store, f),
    )


def _period_bars(
    series: Sequence[SeriesPoint], not_asserted: dict[str, int]
) -> list[charts.PeriodBar]:
    return [
        charts.PeriodBar(
            label=p.label,
            href=f"#p-{p.label}",
            verbal_cooperation=p.verbal_cooperation,
            material_cooperation=p.material_cooperation,
            verbal_conflict=p.verbal_conflict,
            material_conflict=p.material_conflict,
            not_asserted=not_asserted.get(p.label, 0),
        )
        for p in series
    ]


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse, response_model=None)
def dyad_page(
    request: Request,
    store: StoreDep,
    a: str,
    b: str,
    f: Filters,
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
) -> Response:
    """A dyad over time; JSON twin: ``/api/dyads/{a}/{b}``."""
    first, second = dyad_codes(a, b)
    if (first, second) != (a, b):
        url = f"/dyad/{first}/{second}"
        return RedirectResponse(url + query(dict(request.query_params)), 307)
    view = cached_dyad(store, first, second, by=by, f=f)  # #12: cached
    chart = charts.cooperation_conflict_chart(
        _period_bars(view.series[-MAX_CHART_PERIODS:], view.not_asserted),
        title=f"{first} and {second}: cooperation and conflict by {by}",
    )
    points = explore.build_map(store, f, between=(first, second))
    partners = [] if view.events_total else _partners(store, f, first, second)
    return _render(
        request,
        "dyad.html",
        view=view,
        chart=chart,
        by=by,
        world=_map(points, f, f"Where {first} and {second} events took place"),
        places=len(points),
        partners=partners,
        clipped=max(len(view.series) - MAX_CHART_PERIODS, 0),
        **_filter_context(store, f),
    )


def _partners(store: Store, f: ViewFilter, a: str, b: str) -> list[DyadSummary]:
    """Return the busiest dyads of either side (what to look at instead)."""
    found = board.list_dyads(store, f, limit=5, code=a)
    if b != a:
        found += board.list_dyads(store, f, limit=5, code=b)
    return sorted(set(found), key=lambda d: (-d.events, d.a, d.b))[:8]


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """The article viewer; JSON twin: ``/api/articles/{article_id}``."""
    page = build_article_page(load_article(store, article_id))
    return _render(request, "article.html", page=page)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, f: Filters, page: Page = 1
) -> HTMLResponse:
    """Events by actor, type, dates and words, with facets; JSON: ``/api/events``."""
    offset = (page - 1) * PAGE_SIZE
    result = dashboard.search_events(store, f, limit=PAGE_SIZE, offset=offset)
    points = explore.build_map(store, f)
    return _render(
        request,
        "search.html",
        result=result,
        form=filter_params(f),
        facets=explore.build_facets(store, f),
        page=page,
        world=_map(points, f, "Where the events found took place"),
        places=len(points),
        **_filter_context(store, f),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request, store: StoreDep, q: WordsParam = None, page: Page = 1
) -> HTMLResponse:
    """Stored articles; JSON twin: ``/api/articles``."""
    offset = (page - 1) * PAGE_SIZE
    result = dashboard.search_articles(store, q=q, limit=PAGE_SIZE, offset=offset)
    return _render(
        request, "articles.html", result=result, form={"q": q or ""}, page=page
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the app's OpenAPI description."""
    spec = request.app.openapi()
    return _render(request, "api_docs.html", spec=spec, endpoints=_endpoints(spec))


def _endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or [""])[0],
                    "parameters": op.get("parameters", []),
                    "body": _body_fields(spec, op),
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return rows


def _body_fields(spec: dict[str, Any], op: dict[str, Any]) -> list[dict[str, Any]]:
    content = op.get("requestBody", {}).get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    schema = spec.get("components", {}).get("schemas", {}).get(ref.split("/")[-1], {})
    required = set(schema.get("required", []))
    return [
        {"name": name, "required": name in required, **field}
        for name, field in schema.get("properties", {}).items()
    ]


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    store: StoreDep,
    q: WordsParam = None,
    code: CodeParam = None,
    page: Page = 1,
) -> HTMLResponse:
    """Actors across articles; JSON twin: ``/api/actors``."""
    offset = (page - 1) * PAGE_SIZE
    actors = dashboard.search_actors(
        store,
        q=q,
        code=parse_code(code, name="code"),
        limit=PAGE_SIZE,
        offset=offset,
    )
    form = {"q": q or "", "code": code or ""}
    return _render(
        request, "actors.html", actors=actors, form=form, page=page, page_size=PAGE_SIZE
    )
