"""One document from bytes: decoding, dates, and plain text or an HTML page.

Decoding is strict about what cannot be text (binary data, oversized input) and lenient
about what can be salvaged (wrong encodings become a problem, not a crash).
"""

from __future__ import annotations

import datetime as dt

from dyad.errors import InputError
from dyad.readers import parsing as fmt
from dyad.readers.parsing import UnreadableInput as UnreadableInput
from dyad.records import Problem, RawDocument

# Share of NUL/control bytes above which input is called binary; calibrated on PDFs,
# images and gzip files (all far above) versus scraped news text (0).
BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROL = {9, 10, 12, 13}


def is_binary(data: bytes) -> bool:
    """Return True when ``data`` looks like binary content rather than text."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROL)
    return control / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(
    data: bytes, *, origin: str, max_bytes: int
) -> tuple[str, tuple[Problem, ...]]:
    """Return ``data`` as text plus the problems met decoding it.

    Raises:
        InputError: the input is empty, binary or larger than ``max_bytes``.
    """
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"{origin}: input is {len(data):,} bytes, over the limit of "
            f"{max_bytes:,}; split it or raise max_input_bytes",
            "input.too_large",
        )
    if not data.strip():
        raise UnreadableInput(f"{origin}: input is empty", "input.empty")
    if is_binary(data):
        raise UnreadableInput(
            f"{origin}: input looks like binary data, not text", "input.binary"
        )
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as e:
        problem = Problem(
            code="input.encoding",
            stage="ingest",
            message=f"{origin}: not valid UTF-8 at byte {e.start}; "
            "decoded as cp1252 with replacement",
        )
        return data.decode("cp1252", errors="replace"), (problem,)


def parse_date(value: str | None, *, origin: str) -> dt.date | None:
    """Return the ISO date at the start of ``value`` (``2023-06-15``, ``2023-06-15T…``).

    Raises:
        InputError: the value is not an ISO date.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise InputError(
            f"{origin}: date {value!r} is not an ISO date (YYYY-MM-DD)"
        ) from e


def read_document(
    data: bytes,
    *,
    origin: str,
    max_bytes: int,
    title: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """Return one document from ``data`` (plain text, or an HTML page)."""
    text, problems = decode_bytes(data, origin=origin, max_bytes=max_bytes)
    if fmt.looks_like_html(text):
        page = fmt.read_html(text, origin=origin, url=url, problems=problems)
        return RawDocument(
            text=page.text,
            title=title or page.title,
            published=published or page.published,
            source=source or page.source,
            url=page.url,
            origin=origin,
            problems=page.problems,
        )
    url, url_problems = fmt.checked_url(url, origin)
    return RawDocument(
        text=text,
        title=title,
        published=published,
        source=source,
        url=url,
        origin=origin,
        problems=(*problems, *url_problems),
    )
