"""The one JSON error shape of the HTTP service and the handlers that produce it.

Every error (raised by a handler, by request validation, by an unknown path or by the
body-size limit) becomes ``{"ok": false, "error": "...", "code": "...", "status": N}``.
API paths get it as JSON; dashboard paths get an HTML page rendered from the same data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from dyad.errors import DyadError, StoreError
from dyad.store.faults import store_error

logger = logging.getLogger(__name__)

# Codes for the statuses the service gives; anything else is "error".
STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "store_unavailable",
}
# Paths answered in JSON; every other path is a dashboard page and gets HTML.
JSON_PREFIXES = ("/api/", "/openapi.json", "/static/")


class WebError(HTTPException):
    """An HTTP error with a stable ``code`` slug such as ``not_found``."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code or STATUS_CODES.get(status, "error")


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """Return the one error shape for ``status`` and ``message``."""
    return {
        "ok": False,
        "error": message,
        "code": code or STATUS_CODES.get(status, "error"),
        "status": status,
    }


def wants_json(path: str) -> bool:
    """Return True when ``path`` belongs to the JSON API rather than to a page."""
    return path.startswith(JSON_PREFIXES) or path == "/api"


def error_response(
    request: Request, body: dict[str, Any], templates: Jinja2Templates
) -> Response:
    """Render ``body`` as JSON for API paths, as an HTML page otherwise."""
    status = int(body["status"])
    if wants_json(request.url.path):
        return JSONResponse(body, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"error": body}, status_code=status
    )


def describe_validation(errors: Sequence[Any]) -> str:
    """Return one readable line for pydantic validation errors (``where: what; …``)."""
    parts = []
    for err in errors:
        if err.get("type") == "json_invalid":
            parts.append("body: not valid JSON")
            continue
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    async def on_http(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, HTTPException):  # pragma: no cover - registered so
            raise exc
        code = getattr(exc, "code", None)
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and code is None and message == "Not Found":
            message = f"nothing at {request.url.path}"
        body = error_body(exc.status_code, message, code)
        return error_response(request, body, templates)

    async def on_validation(request: Request, exc: Exception) -> Response:
        errors = exc.errors() if isinstance(exc, RequestValidationError) else []
        body = error_body(422, describe_validation(errors))
        return error_response(request, body, templates)

    async def on_dyad(request: Request, exc: Exception) -> Response:
        status = 503 if isinstance(exc, StoreError) else 400
        return error_response(request, error_body(status, str(exc)), templates)

    async def on_database(request: Request, exc: Exception) -> Response:
        path = request.app.state.settings.db
        error = store_error(path, exc, doing="answering a request")
        return error_response(request, error_body(503, str(error)), templates)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path)
        body = error_body(500, f"internal error ({type(exc).__name__}); see the log")
        return error_response(request, body, templates)

    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(DyadError, on_dyad)
    app.add_exception_handler(duckdb.Error, on_database)  # #12: a damaged store
    app.add_exception_handler(Exception, on_unexpected)
