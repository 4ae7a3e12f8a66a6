"""A limit on the size of request bodies, enforced on the raw bytes before parsing.

The check runs twice: on a declared ``Content-Length`` before the application sees the
request, and on the bytes as they arrive (chunked uploads declare no length).
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.web.errors import WebError, error_body

# A news article of MAX_TEXT_CHARS (200k characters) is well under 1 MB even as JSON
# with escapes; bodies beyond this are refused without being read.
MAX_BODY_BYTES = 1_000_000
# An oversized body is read and thrown away (up to this many bytes) before the 413 is
# sent: clients that write the whole body before reading the answer would otherwise see
# the connection reset instead of the error.
MAX_DRAIN_BYTES = 64_000_000
_METHODS_WITH_BODY = {"POST", "PUT", "PATCH"}


def _too_large_message(max_bytes: int) -> str:
    return f"request body is over the limit of {max_bytes:,} bytes"


class BodySizeLimit:
    """ASGI middleware answering 413 (in the one error shape) to oversized bodies."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _METHODS_WITH_BODY:
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _drain(receive)
            await _send_413(send, self.max_bytes)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    if message.get("more_body", False):
                        await _drain(receive)
                    # An HTTPException, so the app's own handler answers with 413.
                    raise WebError(413, _too_large_message(self.max_bytes))
            return message

        return counted


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _drain(receive: Receive) -> None:
    drained = 0
    while drained <= MAX_DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        drained += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _send_413(send: Send, max_bytes: int) -> None:
    message = _too_large_message(max_bytes)
    body = json.dumps(error_body(413, message), separators=(",", ":")).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
