"""Who may talk to the web app: a Host allow-list, an optional token, response headers.

``Guard`` is the outermost ASGI middleware. It refuses a request whose ``Host`` header
names a host that is not allowed (a DNS-rebinding page reaches a server on localhost
under its own name, #12), refuses a request without the token when one is set, and adds
the security headers to every response. ``access_for_bind`` decides the rules for an
address: loopback needs no token; anything else refuses to start without one.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.errors import ConfigError
from dyad.web.errors import error_body

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
TOKEN_ENV = "DYAD_TOKEN"
TOKEN_COOKIE = "dyad_token"
# Shorter tokens are guessable over a network in reasonable time.
MIN_TOKEN_CHARS = 16
# URL-safe characters only: the token travels in a header, a query string and a cookie.
_TOKEN_RE = re.compile(rf"[A-Za-z0-9_-]{{{MIN_TOKEN_CHARS},}}")
# Pages use our own script and stylesheet; the legend swatches use inline style
# attributes, which cannot run code, so styles allow 'unsafe-inline' and scripts do not.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Access:
    """The hosts a request may name and the token it must carry (None: no token)."""

    allowed_hosts: frozenset[str] = LOOPBACK_NAMES
    token: str | None = None


def is_loopback(host: str) -> bool:
    """Return True when ``host`` (a name or an address) is this machine only."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def access_for_bind(
    host: str, *, token: str | None, extra_hosts: Iterable[str] = ()
) -> Access:
    """Return the access rules for serving on ``host``.

    Raises:
        ConfigError: ``host`` is not loopback and there is no token, or the token
            is too short.
    """
    token = token or None
    if token is not None and not _TOKEN_RE.fullmatch(token):
        raise ConfigError(
            f"the token must be at least {MIN_TOKEN_CHARS} letters, digits, '-' or "
            "'_'; make one with: python -c "
            '"import secrets; print(secrets.token_urlsafe())"'
        )
    if not is_loopback(host) and token is None:
        raise ConfigError(
            f"refusing to serve on {host} without a token: anyone who can reach it "
            f"could read the store; pass --token or set {TOKEN_ENV}, or serve on "
            "127.0.0.1"
        )
    allowed = set(LOOPBACK_NAMES) | {h.strip("[]").lower() for h in extra_hosts}
    if host not in ("0.0.0.0", "::"):
        allowed.add(host.strip("[]").lower())
    return Access(allowed_hosts=frozenset(allowed), token=token)


def host_name(value: str) -> str:
    """Return the host of a ``Host`` header without port (``[::1]:8000`` -> ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: Host allow-list, token check and security headers."""

    def __init__(self, app: ASGIApp, *, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", ()))
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host not in self.access.allowed_hosts:
            message = (
                f"host {host or '(none)'!r} is not allowed; serve with "
                "--allow-host NAME to reach the server under that name"
            )
            await _refuse(send, 400, message, "host_not_allowed")
            return
        found, from_query = _token_of(scope, headers)
        if self.access.token is not None and not _same(found, self.access.token):
            message = (
                "this server needs its token: send 'Authorization: Bearer TOKEN' "
                "or open any page once with ?token=TOKEN"
            )
            await _refuse(send, 401, message, "unauthorized")
            return
        keep = found if from_query and self.access.token is not None else None
        await self.app(scope, receive, _with_headers(send, cookie_token=keep))


def _token_of(scope: Scope, headers: dict[bytes, bytes]) -> tuple[str | None, bool]:
    """Return the token a request carries and whether it came in the query string."""
    auth = headers.get(b"authorization", b"").decode("latin-1")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if query.get("token"):
        return query["token"][0], True
    try:
        cookies = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
    except CookieError:
        return None, False
    morsel = cookies.get(TOKEN_COOKIE)
    return (morsel.value if morsel else None), False


def _same(found: str | None, token: str) -> bool:
    return found is not None and hmac.compare_digest(found.encode(), token.encode())


def _with_headers(send: Send, *, cookie_token: str | None) -> Send:
    """Add the security headers (and the token cookie, when asked) to the response."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            extra = list(SECURITY_HEADERS)
            if cookie_token is not None:
                value = (
                    f"{TOKEN_COOKIE}={cookie_token}; HttpOnly; SameSite=Strict; Path=/"
                )
                extra.append((b"set-cookie", value.encode("latin-1")))
            message = {**message, "headers": [*message.get("headers", ()), *extra]}
        await send(message)

    return sending


async def _refuse(send: Send, status: int, message: str, code: str) -> None:
    body = json.dumps(error_body(status, message, code), separators=(",", ":")).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
