"""The FastAPI application: JSON API, dashboard pages, static files, error handlers.

``create_app(settings)`` builds everything; importing this module creates nothing. The
store is opened read-only once per request and closed after it, so a running server
never holds the database between requests.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dyad.settings import Settings
from dyad.web.errors import install_error_handlers
from dyad.web.extract import Extractor
from dyad.web.limits import MAX_BODY_BYTES, BodySizeLimit
from dyad.web.security import Access, Guard

HERE = Path(__file__).resolve().parent
API_DESCRIPTION = """Read-only access to a dyad store (articles, coded events, event
clusters, actors, dyad series) and `POST /api/extract` to code one text on the fly.

Every error has one shape: `{"ok": false, "error": "...", "code": "...", "status": N}`.
"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyad")
    except PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def create_app(
    settings: Settings,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    access: Access | None = None,
) -> FastAPI:
    """Return the dyad web application serving the store at ``settings.db``.

    ``access`` says which ``Host`` names and which token requests need; the default
    answers only requests to localhost and needs no token.
    """
    from dyad.web import api, api_explore, pages, pages_explore
    from dyad.web.formatting import install_filters

    app = FastAPI(
        title="dyad",
        version=_version(),
        description=API_DESCRIPTION,
        # Swagger UI and ReDoc load their scripts from a CDN; the app must work
        # offline, so /docs is our own server-rendered page over the same OpenAPI.
        docs_url=None,
        redoc_url=None,
        openapi_tags=[
            {"name": "store", "description": "Read the store (read-only)."},
            {"name": "analytics", "description": "Series and rankings of dyads."},
            {"name": "extract", "description": "Code one text without storing it."},
            {"name": "pages", "description": "JSON twins of the dashboard pages."},
        ],
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    install_filters(templates)
    app.state.settings = settings
    app.state.templates = templates
    app.state.extractor = Extractor(settings)
    app.state.max_body_bytes = max_body_bytes
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(Guard, access=access or Access())  # added last: outermost
    install_error_handlers(app, templates)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(api_explore.router)
    app.include_router(pages.router)
    app.include_router(pages_explore.router)
    return app
