"""Values of the timex stage: each kind of candidate resolved to an ISO value.

``RESOLVERS`` maps the pattern group that matched (``knowledge/timex.py``) to the
function that turns it into a value at a precision, given the ``Context``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from dyad import dates
from dyad.knowledge.timex import TimexLexicon
from dyad.records import Precision

Value = tuple[str | None, Precision | None]


class Direction(StrEnum):
    """Which way the clause around a time expression points; equal to its value."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NEAREST = "nearest"  # modals and infinitives: the nearest such date either way


@dataclass(frozen=True, slots=True)
class Context:
    """What resolving one candidate needs: anchor, direction, lexicon, reference day."""

    anchor: dt.date | None
    direction: str  # past, present or future
    lex: TimexLexicon
    reference: dt.date | None  # last day-precision date mentioned before
    last_date: dt.date | None  # first day of the last dated expression before


# --- resolvers ------------------------------------------------------------------------


def _int_year(text: str | None) -> int | None:
    return int(text) if text else None


def _month_number(text: str, lex: TimexLexicon) -> int:
    return lex.month_number(text)


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(match: re.Match[str], ctx: Context) -> Value:
    day = dates.make_date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    return (dates.day_value(day), Precision.DAY) if day else (None, None)


def _month_day(month: int, day: int, year: int | None, ctx: Context) -> Value:
    if year is None:
        if ctx.anchor is None:
            return None, Precision.DAY
        year = _year_for_day(month, day, ctx.anchor, ctx.direction)
    date = dates.make_date(year, month, day)
    return (dates.day_value(date), Precision.DAY) if date else (None, None)


def _year_for_day(month: int, day: int, anchor: dt.date, direction: str) -> int:
    here = (month, day)
    now = (anchor.month, anchor.day)
    if direction == "future":
        return anchor.year if here >= now else anchor.year + 1
    if direction == "past":
        return anchor.year if here <= now else anchor.year - 1
    return anchor.year + _nearest_year_shift(month, anchor.month)


def _nearest_year_shift(month: int, anchor_month: int) -> int:
    """Return -1, 0 or +1: the year of the ``month`` nearest the anchor."""
    ahead = (month - anchor_month) % 12
    behind = (anchor_month - month) % 12
    if ahead == 0:
        return 0
    if ahead < behind:
        return 1 if month < anchor_month else 0
    return -1 if month > anchor_month else 0


def _mdy(match: re.Match[str], ctx: Context) -> Value:
    month = _month_number(match["mdy_m"], ctx.lex)
    return _month_day(
        month, _day_number(match["mdy_d"]), _int_year(match["mdy_y"]), ctx
    )


def _dmy(match: re.Match[str], ctx: Context) -> Value:
    month = _month_number(match["dmy_m"], ctx.lex)
    return _month_day(
        month, _day_number(match["dmy_d"]), _int_year(match["dmy_y"]), ctx
    )


def _my(match: re.Match[str], ctx: Context) -> Value:
    month = _month_number(match["my_m"], ctx.lex)
    return dates.month_value(int(match["my_y"]), month), Precision.MONTH


def _month_with_way(month: int, way: str, ctx: Context) -> Value:
    anchor = ctx.anchor
    if anchor is None:
        return None, Precision.MONTH
    if way == "past":  # "last November": the most recent one before this month
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif way == "future":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif way == "current":
        year = anchor.year
    else:
        year = _year_for_month(month, anchor, ctx.direction)
    return dates.month_value(year, month), Precision.MONTH


def _year_for_month(month: int, anchor: dt.date, direction: str) -> int:
    if month == anchor.month:
        return anchor.year
    if direction == "past":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year + _nearest_year_shift(month, anchor.month)


def _modifier_way(word: str | None, ctx: Context) -> str | None:
    if not word:
        return None
    return ctx.lex.period_modifiers.get(word.lower())


def _mrel(match: re.Match[str], ctx: Context) -> Value:
    if ctx.anchor is None:
        return None, Precision.MONTH
    month = _month_number(match["mr_m"], ctx.lex)
    step = {"past": -1, "future": 1}.get(_modifier_way(match["mr_mod"], ctx) or "", 0)
    return dates.month_value(ctx.anchor.year + step, month), Precision.MONTH


def _pmonth(match: re.Match[str], ctx: Context) -> Value:
    month = _month_number(match["pm_m"], ctx.lex)
    way = _modifier_way(match["pm_mod"], ctx) or "context"
    return _month_with_way(month, way, ctx)


def _bare_month(match: re.Match[str], ctx: Context) -> Value:
    return _month_with_way(_month_number(match["month"], ctx.lex), "context", ctx)


def _year(match: re.Match[str], ctx: Context) -> Value:
    return dates.year_value(int(match["year"])), Precision.YEAR


def _pyear(match: re.Match[str], ctx: Context) -> Value:
    return dates.year_value(int(match["py_y"])), Precision.YEAR


def _quarter(match: re.Match[str], ctx: Context) -> Value:
    quarter = ctx.lex.ordinals[match["q_n"].lower()]
    year = _int_year(match["q_y"])
    if year is None:
        if ctx.anchor is None:
            return None, Precision.QUARTER
        year = _year_for_quarter(quarter, ctx.anchor, ctx.direction)
    return dates.quarter_value(year, quarter), Precision.QUARTER


def _year_for_quarter(quarter: int, anchor: dt.date, direction: str) -> int:
    current = dates.quarter_of(anchor.month)
    if direction == "past" and quarter > current:
        return anchor.year - 1
    if direction == "future" and quarter < current:
        return anchor.year + 1
    return anchor.year


def _qshort(match: re.Match[str], ctx: Context) -> Value:
    return dates.quarter_value(
        int(match["qs_y"]), int(match["qs_n"])
    ), Precision.QUARTER


def _season(match: re.Match[str], ctx: Context) -> Value:
    if match["s_y"]:
        return dates.year_value(int(match["s_y"])), Precision.YEAR
    if ctx.anchor is None:
        return None, Precision.YEAR
    first, last = ctx.lex.seasons[match["s_name"].lower()]
    way = _modifier_way(match["s_mod"], ctx) or ctx.direction
    return dates.year_value(_season_year(first, last, way, ctx.anchor)), Precision.YEAR


def _season_year(first: int, last: int, way: str, anchor: dt.date) -> int:
    """Return the year in which the season meant starts."""
    wraps = last < first
    inside = (
        (anchor.month >= first or anchor.month <= last)
        if wraps
        else (first <= anchor.month <= last)
    )
    this_start = anchor.year - 1 if wraps and anchor.month <= last else anchor.year
    if way == "current" or (inside and way != "past"):
        return this_start
    started = anchor.month >= first if not wraps else inside
    if way == "future":
        return this_start + 1 if started else this_start
    if way == "past":
        return this_start - 1 if inside or not started else this_start
    return this_start if started else this_start - 1


def _weekday(match: re.Match[str], ctx: Context) -> Value:
    anchor = ctx.anchor
    if anchor is None:
        return None, Precision.DAY
    target = ctx.lex.weekday_number(match["wd"])
    way = _modifier_way(match["wd_mod"], ctx)
    delta = (target - anchor.weekday()) % 7
    if way == "past":
        offset = delta - 7
    elif way == "future":
        offset = delta or 7
    elif delta == 0:
        offset = 0
    elif (
        ctx.direction == "future"
        or (way == "current" and ctx.direction != "past")
        or (ctx.direction == "nearest" and delta < 7 - delta)
    ):
        offset = delta  # "this Sunday" follows the tense: "crossed this Sunday" is past
    else:
        offset = delta - 7
    return dates.day_value(anchor + dt.timedelta(days=offset)), Precision.DAY


def _relative_day(match: re.Match[str], ctx: Context) -> Value:
    if ctx.anchor is None:
        return None, Precision.DAY
    offset = ctx.lex.relative_days[_normal(match["reld"])]
    return dates.day_value(ctx.anchor + dt.timedelta(days=offset)), Precision.DAY


def _anaphoric_day(match: re.Match[str], ctx: Context) -> Value:
    if ctx.reference is None:
        return None, Precision.DAY
    offset = ctx.lex.anaphoric_days[_normal(match["anad"])]
    return dates.day_value(ctx.reference + dt.timedelta(days=offset)), Precision.DAY


def _vague(match: re.Match[str], ctx: Context) -> Value:
    return ctx.lex.vague[_normal(match["vague"])], Precision.VAGUE


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _count(text: str, ctx: Context) -> int | None:
    word = _normal(text)
    if word.isdigit():
        return int(word)
    return ctx.lex.numbers.get(word)


def _ago(match: re.Match[str], ctx: Context) -> Value:
    unit = match["ago_u"].lower()
    count = _count(match["ago_n"], ctx)
    precision = _unit(unit, ctx)[0]
    if count is None:
        return "PAST_REF", Precision.VAGUE
    if ctx.anchor is None:
        return None, precision
    return _shift(ctx.anchor, _unit(unit, ctx), -count), precision


def _later(match: re.Match[str], ctx: Context) -> Value:
    """Resolve "ten years later", "seven days earlier" against the last date named."""
    unit = match["lt_u"].lower()
    count = _count(match["lt_n"], ctx)
    precision = _unit(unit, ctx)[0]
    if count is None or ctx.last_date is None:
        return None, precision
    sign = -1 if match["lt_way"].lower() in ctx.lex.past_words else 1
    return _shift(ctx.last_date, _unit(unit, ctx), sign * count), precision


def _relunit(match: re.Match[str], ctx: Context) -> Value:
    unit = match["ru_u"].lower()
    way = _modifier_way(match["ru_mod"], ctx) or "current"
    precision = _unit(unit, ctx)[0]
    if ctx.anchor is None:
        return None, precision
    step = {"past": -1, "future": 1}.get(way, 0)
    if unit == "weekend" and way == "current" and ctx.direction == "past":
        step = -1 if ctx.anchor.weekday() < 5 else 0  # "was held this weekend"
    if unit == "week" and way == "current" and ctx.direction in _AHEAD:
        step = 1 if ctx.anchor.weekday() == 6 else 0  # said on a Sunday
    return _shift(ctx.anchor, _unit(unit, ctx), step), precision


_AHEAD = frozenset({Direction.FUTURE, Direction.NEAREST})


def _shift(anchor: dt.date, unit: tuple[Precision, int], count: int) -> str:
    """Return the value ``count`` units away from ``anchor`` at the unit's precision
    (``unit`` is the lexicon's (precision, size): a fortnight is two weeks)."""
    precision, size = unit
    count *= size
    if precision is Precision.DAY:
        return dates.day_value(anchor + dt.timedelta(days=count))
    if precision is Precision.WEEK:
        return dates.week_value(anchor + dt.timedelta(weeks=count))
    if precision is Precision.MONTH:
        return dates.month_value(*dates.shift_months(anchor.year, anchor.month, count))
    if precision is Precision.QUARTER:
        year, month = dates.shift_months(anchor.year, anchor.month, 3 * count)
        return dates.quarter_value(year, dates.quarter_of(month))
    return dates.year_value(anchor.year + count)


def _unit(word: str, ctx: Context) -> tuple[Precision, int]:
    return ctx.lex.units.get(word, (Precision.DAY, 1))


RESOLVERS: dict[str, Callable[[re.Match[str], Context], Value]] = {
    "iso": _iso,
    "mdy": _mdy,
    "dmy": _dmy,
    "my": _my,
    "mrel": _mrel,
    "quarter": _quarter,
    "qshort": _qshort,
    "season": _season,
    "pmonth": _pmonth,
    "ago": _ago,
    "later": _later,
    "relunit": _relunit,
    "pyear": _pyear,
    "wday": _weekday,
    "reld": _relative_day,
    "anad": _anaphoric_day,
    "vague": _vague,
    "month": _bare_month,
    "year": _year,
}
