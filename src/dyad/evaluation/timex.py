"""The ``times`` suite: time-expression detection and normalisation (Wikinews).

Scores the timex stage beside a plain baseline run in the same command: dateparser's
``search_dates`` anchored on the publication date, with the granularity dateparser
reports for each found string. Detection is scored by one-to-one span overlap (P/R/F1);
value accuracy is the share of matched gold expressions whose value is exactly right.
Both the ``dev`` half (used while writing rules) and the ``heldout`` half are reported.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad import dates
from dyad.evaluation import SuiteReport
from dyad.evaluation.annotated import (
    Annotated,
    OffsetMap,
    Scores,
    by_split,
    load_set,
    match_spans,
    run_system,
    split_figures,
    table,
)
from dyad.records import ArticleResult

if TYPE_CHECKING:
    from dyad.resources import Resources

logger = logging.getLogger(__name__)

# (raw start, raw end, value) of one predicted time expression
Predicted = tuple[int, int, str | None]


def evaluate(shared: Path, resources: Resources) -> SuiteReport:
    """Score the timex stage and the dateparser baseline on the annotated set."""
    articles = load_set(shared)
    results = run_system(articles, resources)
    ours = by_split(
        articles, lambda a: score(a, system_times(a, results[a.article_id]))
    )
    baseline = by_split(articles, lambda a: score(a, dateparser_times(a)))
    text = table(
        "times: detection (span overlap) and value accuracy on matched expressions",
        [("dyad timex", ours), ("baseline dateparser", baseline)],
        "value acc",
    )
    return SuiteReport(
        suite="times", text=text, figures=split_figures(ours, "value_accuracy")
    )


def score(article: Annotated, predicted: list[Predicted]) -> Scores:
    """Return detection and value scores of ``predicted`` against the gold times."""
    pairs = match_spans(
        article.times,
        predicted,
        lambda g: (g["start"], g["end"]),
        lambda p: (p[0], p[1]),
    )
    correct = sum(1 for g, p in pairs if g["value"] == p[2])
    return Scores(len(article.times), len(predicted), len(pairs), correct, len(pairs))


def system_times(article: Annotated, result: ArticleResult) -> list[Predicted]:
    """Return the timex stage's expressions with offsets mapped to the raw text."""
    mapping = OffsetMap(article.text, result.article.text)
    predicted = []
    for time in result.times:
        start, end = mapping.span(time.start, time.end)
        predicted.append((start, end, time.value))
    return predicted


def dateparser_times(article: Annotated) -> list[Predicted]:
    """Return what dateparser's ``search_dates`` finds, with its own granularity."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if article.published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(article.published, dt.time())
    found = search_dates(article.text, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    predicted: list[Predicted] = []
    cursor = 0
    for surface, when in found:
        start = article.text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        period = parser.get_date_data(surface).period or "day"
        predicted.append((start, cursor, _value(when.date(), period)))
    return predicted


def _value(day: dt.date, period: str) -> str:
    if period == "year":
        return dates.year_value(day.year)
    if period == "month":
        return dates.month_value(day.year, day.month)
    if period == "week":
        return dates.week_value(day)
    return dates.day_value(day)
