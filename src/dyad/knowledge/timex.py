"""Vocabulary of the timex stage (``data/timex/lexicon.yaml``) and its compiled pattern.

``load_timex_lexicon()`` reads and validates the file once per process and compiles one
regular expression whose named alternatives are the kinds of time expression the stage
knows; the stage only interprets the matches. A second pattern, for lower-cased and
ALL-CAPS articles, also takes month and weekday names in any case ("on friday").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.knowledge.files import data_path, fail, read_yaml
from dyad.records import Precision

TIMEX_FILE = ("timex", "lexicon.yaml")
_VAGUE = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
# Word lists that only build the candidate pattern.
_PATTERN_WORDS = (
    "ago_words",
    "sequence_words",
    "unit_premodifiers",
    "day_parts",
    "day_suffixes",
    "of_words",
    "year_words",
    "quarter_words",
)
_DIRECTIONS = {"past", "current", "future"}
_UNIT_PRECISIONS = {p.value for p in Precision if p is not Precision.VAGUE}


# Groups of the candidate pattern that spell out a calendar date (ISO, month-day-year,
# day-month-year, month-year, "Q3 2024"): a date even inside a named entity.
EXPLICIT_KINDS = frozenset({"iso", "mdy", "dmy", "my", "qshort"})
# The pattern groups that hold a month name.
MONTH_GROUPS = ("mdy_m", "dmy_m", "my_m", "mr_m", "pm_m", "month")


@dataclass(frozen=True, slots=True)
class TimexLexicon:
    """Validated timex vocabulary plus the compiled candidate pattern."""

    months: Mapping[str, int]  # full names and abbreviations, as written
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]  # Monday = 0
    seasons: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, int]
    vague_counts: frozenset[str]
    ordinals: Mapping[str, int]
    relative_days: Mapping[str, int]
    anaphoric_days: Mapping[str, int]
    period_modifiers: Mapping[str, str]  # lower-case word -> past/current/future
    vague: Mapping[str, str]  # lower-case phrase -> *_REF
    year_prepositions: frozenset[str]
    month_prepositions: frozenset[str]
    future_auxiliaries: frozenset[str]
    open_auxiliaries: frozenset[str]
    open_prepositions: frozenset[str]
    name_entities: frozenset[str]
    future_verbs: frozenset[str]
    schedule_verbs: frozenset[str]
    future_words: frozenset[str]
    past_words: frozenset[str]
    plan_nouns: frozenset[str]
    weekday_name_words: frozenset[str]
    units: Mapping[str, tuple[Precision, int]]  # "fortnight" -> (WEEK, 2)
    pattern: re.Pattern[str]
    caseless_pattern: re.Pattern[str]  # month and weekday names in any case

    def month_number(self, name: str) -> int:
        """Return the month of a name or abbreviation in any case ("MARCH", "sept.")."""
        return self.months[name.rstrip(".").title()]

    def weekday_number(self, name: str) -> int:
        """Return the weekday (Monday = 0) of a weekday name in any case."""
        return self.weekdays[name.title()]

    def is_ambiguous_month(self, name: str) -> bool:
        """Return True for a month name that is also a common word ("May", "march")."""
        return name.rstrip(".").title() in self.ambiguous_months


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first, spaces as ``\\s+``."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(words, key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"


def _build_pattern(lex: dict[str, Any], *, any_case: bool = False) -> re.Pattern[str]:
    """Compile the candidate pattern; ``any_case`` also takes "june", "FRIDAY"."""
    flags = "(?i:" if any_case else "(?:"
    full = flags + _alternation(lex["months"]) + ")"
    abbr = flags + _alternation(lex["month_abbreviations"]) + r")\.?"
    month = f"(?:{full}|{abbr})"
    weekday = flags + _alternation(lex["weekdays"]) + ")"
    day = r"(?:[12]\d|3[01]|0?[1-9])" + _alternation(lex["day_suffixes"]) + r"?(?!\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
    number = (
        "(?i:" + _alternation([*lex["number_words"], *lex["vague_counts"]]) + r"|\d+)"
    )
    exact = "(?i:" + _alternation(lex["number_words"]) + r"|\d+)"
    mods = "(?i:" + _alternation(lex["period_modifiers"]) + ")"
    parts = "(?i:" + _alternation(lex["part_modifiers"]) + ")"
    ordinal = "(?i:" + _alternation(lex["ordinals"]) + ")"
    season = "(?i:" + _alternation(lex["seasons"]) + ")"
    unit = "(?i:" + _alternation(lex["units"]) + ")"
    ago = "(?i:" + _alternation(lex["ago_words"]) + ")"
    way = "(?i:" + _alternation(lex["sequence_words"]) + ")"
    pre = "(?i:" + _alternation(lex["unit_premodifiers"]) + ")"
    day_part = "(?i:" + _alternation(lex["day_parts"]) + ")"
    of = _alternation(lex["of_words"])
    year_word = _alternation(lex["year_words"])
    quarter = _alternation(lex["quarter_words"])
    zones = _alternation(lex["time_zones"])
    alternatives = [
        r"(?P<iso>(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d))(?!\d)",
        rf"(?P<mdy>(?:{weekday},?\s+)?(?P<mdy_m>{month})\s+(?P<mdy_d>{day})"
        rf"(?:\s*[-\u2013]\s*{day})?(?:,?\s+(?P<mdy_y>{year}))?)",
        rf"(?P<dmy>(?:{weekday},?\s+)?(?P<dmy_d>{day})(?:\s*[-\u2013]\s*{day})?(?:\s+{of})?"
        rf"\s+(?P<dmy_m>{month})(?:,?\s+(?P<dmy_y>{year}))?)",
        rf"(?P<my>(?:{parts}\s*)?(?P<my_m>{month}),?\s+(?:{of}\s+)?(?P<my_y>{year}))",
        rf"(?P<mrel>(?:{parts}\s*)?(?P<mr_m>{full})\s+{of}\s+(?P<mr_mod>{mods})"
        rf"\s+{year_word})",
        rf"(?P<quarter>(?P<q_n>{ordinal})\s+{quarter}(?:\s+{of}\s+(?P<q_y>{year}))?)",
        rf"(?P<qshort>Q(?P<qs_n>[1-4])\s+(?P<qs_y>{year}))",
        rf"(?P<season>(?:(?P<s_mod>{mods}|{parts})\s*)?(?P<s_name>{season})"
        rf"(?:\s+(?:{of}\s+)?(?P<s_y>{year}))?)",
        rf"(?P<pmonth>(?P<pm_mod>{mods}|{parts})\s*(?P<pm_m>{full}))",
        rf"(?P<ago>(?P<ago_n>{number})\s+(?P<ago_u>{unit})s?\s+{ago})",
        rf"(?P<later>(?P<lt_n>{exact})\s+(?P<lt_u>{unit})s?\s+"
        rf"(?P<lt_way>{way}))",
        rf"(?P<relunit>(?:(?P<ru_pre>{pre})\s+)?"
        rf"(?P<ru_mod>{mods})\s+(?P<ru_u>{unit}))",
        rf"(?P<pyear>(?P<py_mod>{parts})\s*(?P<py_y>{year}))",
        rf"(?P<wday>(?:(?P<wd_mod>{mods})\s+)?(?P<wd>{weekday})"
        rf"(?:\s+{day_part})?)",
        r"(?P<reld>(?i:" + _alternation(lex["relative_days"]) + "))",
        r"(?P<anad>(?i:" + _alternation(lex["anaphoric_days"]) + "))",
        r"(?P<vague>(?i:" + _alternation(lex["vague"]) + "))",
        rf"(?P<month>{full})",
        rf"(?P<year>{year})(?!s\b|[,.]\d|\s*%|-[^\W\d]|\s+{zones}\b)",
    ]
    body = "|".join(alternatives)
    return re.compile(rf"(?<![\w$£€-])(?:{body})(?!\w)")


def _plain(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != "__line__"}


def _check(path: Path, lex: dict[str, Any]) -> None:
    line = lex.get("__line__")
    for key in ("months", "weekdays", "seasons", "vague", "period_modifiers"):
        if not isinstance(lex.get(key), dict):
            raise fail(path, line, f"'{key}' must be a mapping")
    for phrase, value in _plain(lex["vague"]).items():
        if value not in _VAGUE:
            raise fail(
                path, line, f"vague '{phrase}': {value!r} is not one of {_VAGUE}"
            )
    for word, way in _plain(lex["period_modifiers"]).items():
        if way not in _DIRECTIONS:
            raise fail(path, line, f"period modifier '{word}': {way!r} is not valid")


def _words(path: Path, lex: Mapping[str, Any], key: str) -> frozenset[str]:
    """Return the lower-case word list ``key``; raise ``file:line`` when it is not one."""
    words = lex.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise fail(path, lex.get("__line__"), f"'{key}' must be a list of words")
    return frozenset(w.lower() for w in words)


def _units(path: Path, lex: Mapping[str, Any]) -> dict[str, tuple[Precision, int]]:
    """Return unit word -> (precision, how many of it); raise ``file:line`` on a bad one."""
    units = lex.get("units")
    if not isinstance(units, dict):
        raise fail(path, lex.get("__line__"), "'units' must be a mapping")
    out: dict[str, tuple[Precision, int]] = {}
    for word, spec in _plain(units).items():
        ok = isinstance(spec, list) and len(spec) == 2 and isinstance(spec[1], int)
        if not ok or spec[0] not in _UNIT_PRECISIONS:
            line = units.get("__line__")
            raise fail(path, line, f"unit '{word}': expected [precision, count]")
        out[str(word).lower()] = (Precision(spec[0]), spec[1])
    return out


def _lower_map(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in _plain(mapping).items()}


def parse_timex_lexicon(path: Path) -> TimexLexicon:
    """Read and validate the timex vocabulary at ``path``.

    Raises:
        ResourceError: the file is missing or malformed (``file:line: message``).
    """
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise fail(path, None, "expected a mapping at the top level")
    _check(path, raw)
    for key in _PATTERN_WORDS:
        _words(path, raw, key)
    units = _units(path, raw)
    lex = {k: _plain(v) if isinstance(v, dict) else v for k, v in raw.items()}
    months = {**lex["months"], **lex["month_abbreviations"]}
    return TimexLexicon(
        months=months,
        ambiguous_months=frozenset(lex["ambiguous_months"]),
        weekdays=lex["weekdays"],
        seasons={k.lower(): (v[0], v[1]) for k, v in lex["seasons"].items()},
        numbers=_lower_map(lex["number_words"]),
        vague_counts=frozenset(w.lower() for w in lex["vague_counts"]),
        ordinals=_lower_map(lex["ordinals"]),
        relative_days=_lower_map(lex["relative_days"]),
        anaphoric_days=_lower_map(lex["anaphoric_days"]),
        period_modifiers=_lower_map(lex["period_modifiers"]),
        vague=_lower_map(lex["vague"]),
        year_prepositions=frozenset(lex["year_prepositions"]),
        month_prepositions=frozenset(lex["month_prepositions"]),
        future_auxiliaries=frozenset(lex["future_auxiliaries"]),
        open_auxiliaries=frozenset(lex["open_auxiliaries"]),
        open_prepositions=frozenset(lex["open_prepositions"]),
        name_entities=frozenset(lex["name_entities"]),
        future_verbs=frozenset(lex["future_verbs"]),
        schedule_verbs=frozenset(lex["schedule_verbs"]),
        future_words=frozenset(lex["future_words"]),
        past_words=frozenset(lex["past_words"]),
        plan_nouns=_words(path, raw, "plan_nouns"),
        weekday_name_words=_words(path, raw, "weekday_name_words"),
        units=units,
        pattern=_build_pattern(lex),
        caseless_pattern=_build_pattern(lex, any_case=True),
    )


@functools.cache
def load_timex_lexicon() -> TimexLexicon:
    """Return the packaged timex vocabulary, read once per process."""
    return parse_timex_lexicon(data_path(*TIMEX_FILE))
