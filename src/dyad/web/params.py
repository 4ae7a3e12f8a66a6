"""Query parameters shared by the API and the pages, validated at the edge.

An empty value (``?actor=``, as an HTML form sends for a blank field) means "no filter";
anything else must be valid or the request gets a 422 in the one error shape.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Query

from dyad.records import EventType, Modality
from dyad.web.errors import WebError

_CODE = re.compile(r"[A-Za-z]{3}")
MAX_WORDS = 200


def parse_code(value: str | None, *, name: str) -> str | None:
    """Return an upper-case three-letter actor code, None for blank; 422 otherwise."""
    if value is None or not value.strip():
        return None
    if not _CODE.fullmatch(value.strip()):
        raise WebError(422, f"{name}: {value!r} is not a three-letter actor code")
    return value.strip().upper()


def parse_day(value: str | None, *, name: str) -> dt.date | None:
    """Return an ISO date, None for blank; 422 otherwise."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as e:
        raise WebError(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from e


def parse_choice(value: str | None, *, name: str, choices: list[str]) -> str | None:
    """Return ``value`` if it is one of ``choices`` (any case), None for blank."""
    if value is None or not value.strip():
        return None
    for choice in choices:
        if value.strip().lower() == choice.lower():
            return choice
    raise WebError(422, f"{name}: {value!r} is not one of {', '.join(choices)}")


EVENT_TYPES = [str(t) for t in EventType]
MODALITIES = [str(m) for m in Modality]

CodeParam = Annotated[
    str | None, Query(description="Three-letter actor code, e.g. USA, CHN, IGO.")
]
DayParam = Annotated[str | None, Query(description="ISO date YYYY-MM-DD (inclusive).")]
WordsParam = Annotated[str | None, Query(max_length=MAX_WORDS, description="Words.")]
