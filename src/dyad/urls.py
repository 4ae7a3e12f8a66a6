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


# Query parameters that track a reader's path to a page and never change the article:
# campaign tags (utm_*), click ids of ad and social networks, mail and share markers.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mkt_tok", "ocid",
     "cmpid", "ref", "ref_src", "smid", "share", "spm", "_ga", "guccounter"}
)  # fmt: skip


def _is_tracking(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)


def article_url_key(value: str | None) -> str | None:
    """Return the form of ``value`` that names one article, or None for no web URL.

    Two links to one page have the same key: scheme (http/https), letter case of the
    host, ``www.``, default ports, a trailing slash, the fragment and tracking query
    parameters (``utm_*``, ``fbclid`` ...) do not count; other parameters keep their
    order, since ``?p=79204`` names a page.
    """
    parts = split_url(value)
    if parts is None or parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port not in (None, 80, 443):
        host = f"{host}:{parts.port}"
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _is_tracking(pair.split("=", 1)[0])
    )
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{query}" if query else "")
