"""The ``quotes`` suite: direct-quote detection and speaker attribution (Wikinews).

Scores the quotes stage beside a plain baseline run in the same command: every pair of
quote marks in a paragraph is a quote, and its speaker is the capitalised name nearest
to the nearest speech cue ("said", "told", …) in the paragraph, else nearest to the
quote. Detection is scored by one-to-one span overlap (P/R/F1); speaker accuracy is the
share of matched gold quotes with a known speaker whose system speaker names the same
one (see ``speaker_matches``). Every split (``dev``, ``heldout1``, ``heldout``,
``heldout2``) is reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from dyad.records import ArticleResult, QuoteKind

if TYPE_CHECKING:
    from dyad.resources import Resources

# (raw start, raw end, speaker names the system gives: actor name and/or text as
# written)
Predicted = tuple[int, int, tuple[str, ...]]

_TOKEN = re.compile(r"[\w'\u2019.-]+")
_IGNORED = {"the", "a", "an", "'s", "\u2019s", "of"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_QUOTED = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|wrote|writes|"
    r"according to|asked|explained|noted|tweeted)\b"
)
_NAME = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_NOT_NAMES = {
    "The",
    "He",
    "She",
    "They",
    "We",
    "I",
    "It",
    "In",
    "On",
    "A",
    "An",
    "But",
    "This",
    "That",
    "However",
    "According",
    "After",
    "While",
    "If",
    "And",
}


def evaluate(shared: Path, resources: Resources) -> SuiteReport:
    """Score the quotes stage and the nearest-name baseline on the annotated set."""
    articles = load_set(shared)
    results = run_system(articles, resources)
    ours = by_split(
        articles, lambda a: score(a, system_quotes(a, results[a.article_id]))
    )
    baseline = by_split(articles, lambda a: score(a, baseline_quotes(a)))
    text = table(
        "quotes: direct-quote detection (span overlap) and speaker accuracy",
        [("dyad quotes", ours), ("baseline nearest-name", baseline)],
        "speaker acc",
    )
    return SuiteReport(
        suite="quotes", text=text, figures=split_figures(ours, "speaker_accuracy")
    )


def _words(text: str) -> set[str]:
    return {w.strip(".").lower() for w in _TOKEN.findall(text)} - _IGNORED - {""}


def speaker_matches(predicted: str | None, gold: str, aliases: Sequence[str]) -> bool:
    """Return True when ``predicted`` names the gold speaker (or one of its aliases).

    The words of a gold name must all occur in the prediction, or the prediction's words
    must all occur in a gold name ("Sun" matches "Yun Sun"); a bare pronoun never
    matches.
    """
    if not predicted:
        return False
    said = _words(predicted)
    if not said or said <= _PRONOUNS:
        return False
    for name in (gold, *aliases):
        wanted = _words(name)
        if wanted and (wanted <= said or said <= wanted):
            return True
    return False


def score(article: Annotated, predicted: list[Predicted]) -> Scores:
    """Return detection and speaker scores of ``predicted`` against the gold quotes."""
    pairs = match_spans(
        article.quotes,
        predicted,
        lambda g: (g["start"], g["end"]),
        lambda p: (p[0], p[1]),
    )
    judged = [(g, p) for g, p in pairs if g["speaker"]]
    correct = sum(1 for g, p in judged if _any_match(p[2], g))
    return Scores(len(article.quotes), len(predicted), len(pairs), correct, len(judged))


def _any_match(names: tuple[str, ...], gold: dict[str, Any]) -> bool:
    return any(
        speaker_matches(n, gold["speaker"], gold["speaker_aliases"]) for n in names
    )


def system_quotes(article: Annotated, result: ArticleResult) -> list[Predicted]:
    """Return the stage's direct quotes with offsets mapped to the raw text."""
    mapping = OffsetMap(article.text, result.article.text)
    names = {a.actor_id: a.name for a in result.actors}
    predicted: list[Predicted] = []
    for quote in result.quotes:
        if quote.kind is not QuoteKind.DIRECT:
            continue
        start, end = mapping.span(quote.start, quote.end)
        said = [names.get(quote.speaker_id or ""), quote.speaker_text]
        predicted.append((start, end, tuple(n for n in said if n)))
    return predicted


def baseline_quotes(article: Annotated) -> list[Predicted]:
    """Return quote-mark pairs with the name nearest to the nearest cue as speaker."""
    predicted: list[Predicted] = []
    offset = 0
    for paragraph in article.text.split("\n"):
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(paragraph)]
        for start, end in quoted:
            speaker = _nearest_name(paragraph, start, end, quoted)
            names = (speaker,) if speaker else ()
            predicted.append((offset + start + 1, offset + end - 1, names))
        offset += len(paragraph) + 1
    return predicted


def _outside(position: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return not any(s <= position < e for s, e in quoted)


def _nearest_name(
    paragraph: str, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> str | None:
    def distance(position: int) -> int:
        return start - position if position < start else max(0, position - end)

    cues = [m.start() for m in _CUE.finditer(paragraph) if _outside(m.start(), quoted)]
    target = min(cues, key=distance) if cues else None
    names = [
        m
        for m in _NAME.finditer(paragraph)
        if _outside(m.start(), quoted) and m.group() not in _NOT_NAMES
    ]
    if not names:
        return None
    if target is None:
        return min(names, key=lambda m: distance(m.start())).group()
    return min(names, key=lambda m: abs(m.start() - target)).group()
