"""Jinja filters: how values look on the dashboard (templates hold no logic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates

from dyad.codes import code_name
from dyad.urls import safe_link

# Shown for a missing value (an en dash).
NONE_SHOWN = "\u2013"
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def quad_name(quad: int | None) -> str:
    """Return the name of a CAMEO quad class."""
    return QUAD_NAMES.get(quad or 0, "unknown")


def quad_class(quad: int | None) -> str:
    """Return the CSS class for a quad class (coop or conf)."""
    return "coop" if quad in (1, 2) else "conf" if quad in (3, 4) else "none"


def show_date(value: dt.date | dt.datetime | str | None) -> str:
    """Return an ISO date, or an en dash for none."""
    if value is None or value == "":
        return NONE_SHOWN
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def codes(values: Sequence[str] | None) -> str:
    """Return codes joined with a slash, or a dash."""
    return " / ".join(v for v in values or () if v) or NONE_SHOWN


def urlpart(value: str) -> str:
    """Return ``value`` quoted for one path segment (``/`` included)."""
    return quote(value, safe="")


def query(params: Mapping[str, object], **changes: object) -> str:
    """Return ``?a=1&b=2`` for ``params`` updated by ``changes``, blanks dropped."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "", False)}
    return "?" + urlencode(kept) if kept else ""


# PLOVER types on the cooperation side; the other nine are conflict.
COOPERATION_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)


def install_filters(templates: Jinja2Templates) -> None:
    """Make the filters and helpers available to every template."""
    env = templates.env
    env.filters["quad_name"] = quad_name
    env.filters["quad_class"] = quad_class
    env.filters["show_date"] = show_date
    env.filters["codes"] = codes
    env.filters["urlpart"] = urlpart
    env.filters["code_name"] = code_name
    env.filters["web_link"] = safe_link  # #12: only http(s) URLs become links
    env.globals["query"] = query
    env.globals["coop_types"] = COOPERATION_TYPES
