"""Calendar arithmetic and ISO value formatting for time expressions.

Values follow DESIGN.md: ``2023-06-14`` (day), ``2023-W24`` (ISO week), ``2023-06``
(month), ``2023-Q2`` (quarter), ``2023`` (year), or one of ``VAGUE_VALUES``. Used by the
timex stage, the situate stage and the time evaluation.
"""

from __future__ import annotations

import datetime as dt
import re

VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
# Publication dates outside this range are taken as errors in the input (a zeroed
# field, a "never expires" sentinel such as 9999-12-31), not as dates of a news report;
# the range leaves centuries of room for arithmetic on either side (#12).
EARLIEST_PUBLISHED = dt.date(1700, 1, 1)
LATEST_PUBLISHED = dt.date(2199, 12, 31)

_VALUE_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)"
    r"|Q(?P<quarter>[1-4])))?$"
)


def day_value(day: dt.date) -> str:
    """Return the day value ``YYYY-MM-DD``."""
    return day.isoformat()


def week_value(day: dt.date) -> str:
    """Return the ISO week value ``YYYY-Www`` of the week containing ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """Return the month value ``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def quarter_value(year: int, quarter: int) -> str:
    """Return the quarter value ``YYYY-Qn``."""
    return f"{year:04d}-Q{quarter}"


def year_value(year: int) -> str:
    """Return the year value ``YYYY``."""
    return f"{year:04d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return ``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """Return the quarter (1-4) a month falls in."""
    return (month - 1) // 3 + 1


def is_plausible_published(day: dt.date) -> bool:
    """Return True when ``day`` can be the publication date of a news report."""
    return EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the parts do not form one (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_valid_value(value: str) -> bool:
    """Return True when ``value`` is a well-formed time value of DESIGN.md."""
    if value in VAGUE_VALUES:
        return True
    m = _VALUE_RE.match(value)
    if m is None:
        return False
    year = int(m["year"])
    if m["day"]:
        return make_date(year, int(m["month"]), int(m["day"])) is not None
    if m["month"]:
        return 1 <= int(m["month"]) <= 12
    if m["week"]:
        return 1 <= int(m["week"]) <= dt.date(year, 12, 28).isocalendar()[1]
    return True


def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day a value covers, or None for vague values."""
    m = _VALUE_RE.match(value)
    if m is None:
        return None
    year = int(m["year"])
    if m["day"]:
        day = dt.date(year, int(m["month"]), int(m["day"]))
        return day, day
    if m["month"]:
        first = dt.date(year, int(m["month"]), 1)
        next_year, next_month = shift_months(year, int(m["month"]), 1)
        return first, dt.date(next_year, next_month, 1) - dt.timedelta(days=1)
    if m["week"]:
        first = dt.date.fromisocalendar(year, int(m["week"]), 1)
        return first, first + dt.timedelta(days=6)
    if m["quarter"]:
        q = int(m["quarter"])
        first = dt.date(year, 3 * q - 2, 1)
        next_year, next_month = shift_months(year, 3 * q - 2, 3)
        return first, dt.date(next_year, next_month, 1) - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
