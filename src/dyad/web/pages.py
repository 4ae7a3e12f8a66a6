"""Dashboard pages: server-rendered HTML, each built by the same function as its JSON
twin under ``/api`` (named in each handler's docstring). Charts are inline SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from dyad.analytics import EventFilter, SeriesPoint, list_codes
from dyad.web import charts, dashboard
from dyad.web.api import dyad_codes, load_article
from dyad.web.article_view import build_article_page
from dyad.web.deps import StoreDep
from dyad.web.formatting import quad_class
from dyad.web.params import (
    EVENT_TYPES,
    MODALITIES,
    CodeParam,
    DayParam,
    WordsParam,
    event_filter,
    parse_code,
    parse_day,
)

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
# The dyad chart draws at most this many periods (the latest); a daily series over
# years would otherwise be thousands of hairline bars. The page says so and the JSON
# twin still has them all.
MAX_CHART_PERIODS = 240
Page = Annotated[int, Query(ge=1, le=100_000)]


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


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    """The overview; JSON twin: ``/api/overview``."""
    data = dashboard.build_overview(store)
    sparks = [
        _sparkline(
            t.series,
            f"{t.dyad.a} and {t.dyad.b} by month"
            + (f", {t.series[0].label} to {t.series[-1].label}" if t.series else ""),
        )
        for t in data.top_dyads
    ]
    types = charts.horizontal_bars(
        [(c.type, c.events, quad_class(c.quad)) for c in data.counts_by_type],
        title="Asserted events by type",
    )
    return _render(
        request, "overview.html", data=data, sparks=sparks, types_chart=types
    )


def _period_bars(series: Sequence[SeriesPoint]) -> list[charts.PeriodBar]:
    return [
        charts.PeriodBar(
            label=p.label,
            href=f"#p-{p.label}",
            verbal_cooperation=p.verbal_cooperation,
            material_cooperation=p.material_cooperation,
            verbal_conflict=p.verbal_conflict,
            material_conflict=p.material_conflict,
        )
        for p in series
    ]


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    store: StoreDep,
    a: str,
    b: str,
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
    since: DayParam = None,
    until: DayParam = None,
    all: bool = False,
) -> HTMLResponse:
    """A dyad over time; JSON twin: ``/api/dyads/{a}/{b}``."""
    first, second = dyad_codes(a, b)
    view = dashboard.build_dyad(
        store,
        first,
        second,
        by=by,
        since=parse_day(since, name="since"),
        until=parse_day(until, name="until"),
        all_modalities=all,
    )
    chart = charts.cooperation_conflict_chart(
        _period_bars(view.series[-MAX_CHART_PERIODS:]),
        title=f"{first} and {second}: cooperation and conflict by {by}",
    )
    params = {"by": by, "since": since, "until": until, "all": "1" if all else None}
    json_params = {**params, "all": None, "all_modalities": "true" if all else None}
    return _render(
        request,
        "dyad.html",
        view=view,
        chart=chart,
        params=params,
        json_params=json_params,
        clipped=max(len(view.series) - MAX_CHART_PERIODS, 0),
    )


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """The article viewer; JSON twin: ``/api/articles/{article_id}``."""
    page = build_article_page(load_article(store, article_id))
    return _render(request, "article.html", page=page)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    filters: Annotated[EventFilter, Depends(event_filter)],
    page: Page = 1,
) -> HTMLResponse:
    """Events by actor, type, dates and words; JSON twin: ``/api/events``."""
    offset = (page - 1) * PAGE_SIZE
    result = dashboard.search_events(store, filters, limit=PAGE_SIZE, offset=offset)
    form = {k: v for k, v in request.query_params.items() if k != "page"}
    return _render(
        request,
        "search.html",
        codes=list_codes(store),
        result=result,
        form=form,
        page=page,
        types=EVENT_TYPES,
        modalities=MODALITIES,
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
