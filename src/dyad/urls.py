"""URLs read from input: split without raising, and tell web links from everything else.

``urllib.parse.urlsplit`` raises ``ValueError`` on some malformed input (an unclosed IPv6
bracket such as ``http://[::1``, a port that is not a number); every URL that reaches dyad
from a file, a page or a request goes through ``split_url`` instead, so a bad URL is a
problem about one document, never a crash of a batch (#12).
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

WEB_SCHEMES = ("http", "https")
# Longer URLs are not links to a news article; 8 KB is well past what browsers and
# servers accept in practice.
MAX_URL_CHARS = 8192


def split_url(value: str | None) -> SplitResult | None:
    """Return the parts of ``value``, or None when it is empty or not a valid URL."""
    if value is None:
        return None
    text = value.strip()
    if not text or len(text) > MAX_URL_CHARS:
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError:
        return None
    return parts


def is_valid_url(value: str | None) -> bool:
    """Return True when ``value`` splits into URL parts (any scheme, or none)."""
    return split_url(value) is not None


def is_web_url(value: str | None) -> bool:
    """Return True for an absolute, well-formed http(s) URL with a host."""
    parts = split_url(value)
    return (
        parts is not None
        and parts.scheme.lower() in WEB_SCHEMES
        and bool(parts.hostname)
    )


def host_of(value: str | None) -> str | None:
    """Return the host of ``value`` without ``www.``, or None when it has none."""
    parts = split_url(value)
    if parts is None:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return host or None


def safe_link(value: str | None) -> str | None:
    """Return ``value`` when it may be rendered as a link (http/https only), else None."""
    return value.strip() if value is not None and is_web_url(value) else None
