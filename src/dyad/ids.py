"""Stable identifiers: short hashes of identifying content, never list positions.

Article ids come from the canonical URL when there is one, else from the text. Record ids
(actors, times, events, quotes) are unique within their article; the store keys them by
``(article_id, <record>_id)``. Each id starts with a letter naming its record type so that
people can tell them apart in the JSON (``a…`` actor, ``t…`` time, ``e…`` event, ``q…`` quote).
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlunsplit

from dyad.urls import split_url

_SEPARATOR = "\x1f"  # unit separator: cannot occur in the parts we hash


def _digest(parts: tuple[object, ...], size: int) -> str:
    material = _SEPARATOR.join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(material.encode("utf-8"), digest_size=size).hexdigest()


def canonical_url(url: str) -> str:
    """Return ``url`` without fragment, default ports, ``www.`` and trailing slash.

    A string that is not a valid URL (``http://[::1``) is returned stripped, so it still
    names one article and never raises.
    """
    parts = split_url(url)
    if parts is None:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "http", host, path, parts.query, ""))


def article_id(*, url: str | None, text: str, given: str | None = None) -> str:
    """Return the stable id of an article: the given id, else its URL, else its text."""
    if given:
        return given
    if url:
        return "u" + _digest(("url", canonical_url(url)), 8)
    return "h" + _digest(("text", text), 8)


def content_hash(text: str) -> str:
    """Return a hex digest of ``text`` used to notice changed content."""
    return _digest(("content", text), 16)


def actor_id(article: str, identity: str) -> str:
    """Return the id of the actor with ``identity`` (kb id or code/sector/name)."""
    return "a" + _digest((article, identity), 4)


def time_id(article: str, start: int, end: int) -> str:
    """Return the id of the time expression at ``[start, end)``."""
    return "t" + _digest((article, start, end), 4)


def event_id(
    article: str,
    sentence: int,
    start: int,
    event_type: str,
    actors: tuple[str, ...],
    recipients: tuple[str, ...],
) -> str:
    """Return the id of an event from its trigger position, type and participants."""
    return "e" + _digest((article, sentence, start, event_type, actors, recipients), 4)


def quote_id(article: str, start: int, end: int) -> str:
    """Return the id of the quotation spanning ``[start, end)``."""
    return "q" + _digest((article, start, end), 4)


def cluster_id(
    event_type: str,
    actor_codes: tuple[str, ...],
    recipient_codes: tuple[str, ...],
    anchor: str,
) -> str:
    """Return the id of an event cluster from its type, dyad and anchor date."""
    return "c" + _digest((event_type, actor_codes, recipient_codes, anchor), 8)


def partition_id(identity: tuple[object, ...], content_digest: str) -> str:
    """Return the id of a lake partition: what reads it (``identity``) and its bytes.

    ``content_digest`` is the hex digest of the partition's input bytes; ``identity``
    names the pipeline version, read options, file and first record, so the same bytes
    read differently (or coded by another pipeline) make another partition.
    """
    return "p" + _digest(("partition", *identity, content_digest), 12)
