"""The filters shared by the overview, dyad and search pages and their JSON twins.

One set of query parameters everywhere, kept in the URL so a reload or a shared link
shows the same selection: ``since``, ``until``, ``type``, ``sector``, ``location`` (a
country code or name of the event's place), ``modality`` and ``all_modalities``; the
search page adds ``actor``, ``recipient``, ``q`` and ``article``. Codes may be typed as
names or two-letter codes; an unknown one is a 422 naming the parameter as the form
labels it, with suggestions.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from dyad.codes import UnknownCode, resolve_code
from dyad.knowledge.actors import SECTORS
from dyad.store.dashboard import ViewFilter
from dyad.web.errors import WebError
from dyad.web.params import EVENT_TYPES, MODALITIES, parse_choice, parse_day

SECTOR_CODES = sorted(SECTORS)
_TRUE = ("1", "true", "yes", "on")

Text = Annotated[str | None, Query(max_length=200)]


def parse_actor_code(value: str | None, *, label: str, status: int = 422) -> str | None:
    """Return the code typed in ``value`` (code, alpha-2 or name), None for blank.

    Raises:
        WebError: ``status`` with code ``unknown_code`` and suggestions in the message.
    """
    if value is None or not value.strip():
        return None
    try:
        return resolve_code(value)
    except UnknownCode as e:
        raise WebError(status, f"{label}: {e}", code="unknown_code") from e


def parse_flag(value: str | None) -> bool:
    """Return True for ``1``, ``true``, ``yes`` or ``on`` (any case)."""
    return bool(value) and str(value).strip().lower() in _TRUE


def view_filter(
    since: Annotated[
        str | None, Query(description="From this day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, Query(description="To this day, inclusive.")] = None,
    type: Annotated[
        str | None, Query(description=f"PLOVER type: {', '.join(EVENT_TYPES)}.")
    ] = None,
    sector: Annotated[
        str | None, Query(description="PLOVER sector of an actor or recipient.")
    ] = None,
    location: Annotated[
        str | None, Query(description="Country of the event's place (code or name).")
    ] = None,
    modality: Annotated[
        str | None, Query(description=f"Only this one of {', '.join(MODALITIES)}.")
    ] = None,
    all_modalities: Annotated[
        str | None,
        Query(description="true: count hypothetical, future and negated events too."),
    ] = None,
    actor: Annotated[str | None, Query(description="Actor side (search).")] = None,
    recipient: Annotated[str | None, Query(description="Recipient side.")] = None,
    q: Text = None,
    article: Text = None,
) -> ViewFilter:
    """Return the shared filters of a request, validated (422 with the field's name)."""
    return ViewFilter(
        since=parse_day(since, name="since"),
        until=parse_day(until, name="until"),
        type=parse_choice(type, name="type", choices=EVENT_TYPES),
        sector=parse_choice(sector, name="sector", choices=SECTOR_CODES),
        location=parse_actor_code(location, label="location"),
        modality=parse_choice(modality, name="modality", choices=MODALITIES),
        all_modalities=parse_flag(all_modalities),
        actor=parse_actor_code(actor, label="actor"),
        recipient=parse_actor_code(recipient, label="recipient"),
        text=q.strip() if q and q.strip() else None,
        article_id=article.strip() if article and article.strip() else None,
    )


def filter_params(f: ViewFilter, *, shared_only: bool = False) -> dict[str, str]:
    """Return the query parameters that give ``f`` back (blank ones left out).

    With ``shared_only``, leave out the search page's own parameters, so a link from a
    search to the overview or a dyad carries only what those pages filter on.
    """
    params = {
        "since": f.since.isoformat() if f.since else "",
        "until": f.until.isoformat() if f.until else "",
        "type": f.type or "",
        "sector": f.sector or "",
        "location": f.location or "",
        "modality": f.modality or "",
        "all_modalities": "true" if f.all_modalities else "",
    }
    if not shared_only:
        params |= {
            "actor": f.actor or "",
            "recipient": f.recipient or "",
            "q": f.text or "",
            "article": f.article_id or "",
        }
    return {k: v for k, v in params.items() if v}
