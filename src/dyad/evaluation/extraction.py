"""HTML extraction quality: our reader plus clean stage against plain trafilatura.

Scored on ``eval/gold/article-extraction-benchmark`` (181 pages with a hand-checked
article body) as its README defines: texts are tokenised with ``\\w+``, each becomes a
multiset of 4-token shingles, and per page the true positives, false positives and false
negatives (shingle-count overlaps) are normalised by their sum; these normalised counts
are summed over pages, so every page weighs the same, and precision, recall and F1 come
from the sums. Exact-match accuracy (identical token sequences) is reported too.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from dyad.errors import InputError
from dyad.evaluation import SuiteReport
from dyad.pipeline import run_stages
from dyad.readers.parsing import read_html
from dyad.records import ArticleResult
from dyad.resources import Resources

BENCHMARK = Path("eval", "gold", "article-extraction-benchmark")
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """Precision, recall and F1 over the pages, and the share of exact matches."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def _shingles(text: str) -> tuple[Counter[tuple[str, ...]], list[str]]:
    tokens = _TOKEN.findall(text)
    grams = zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)
    return Counter(grams), tokens


def page_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """Return one page's normalised (tp, fp, fn) shingle counts."""
    true, true_tokens = _shingles(truth)
    found, found_tokens = _shingles(prediction)
    tp = sum((true & found).values())
    fp = sum((found - true).values())
    fn = sum((true - found).values())
    total = tp + fp + fn
    if total == 0:  # both too short for a shingle: right when the tokens agree
        return (1.0, 0.0, 0.0) if true_tokens == found_tokens else (0.0, 1.0, 1.0)
    return tp / total, fp / total, fn / total


def score(pairs: list[tuple[str, str]]) -> Score:
    """Return the benchmark score of ``(truth, prediction)`` pairs."""
    tp = fp = fn = 0.0
    exact = 0
    for truth, prediction in pairs:
        a, b, c = page_counts(truth, prediction)
        tp, fp, fn = tp + a, fp + b, fn + c
        exact += _TOKEN.findall(truth) == _TOKEN.findall(prediction)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy=exact / len(pairs) if pairs else 0.0,
        pages=len(pairs),
    )


def iter_pages(root: Path) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(page_id, url, html, true_body)`` of the benchmark, sorted by id."""
    truth: Mapping[str, Mapping[str, str]] = json.loads(
        (root / "ground-truth.json").read_text(encoding="utf-8")
    )
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        yield (
            page_id,
            truth[page_id].get("url", ""),
            html,
            truth[page_id]["articleBody"],
        )


def plain_trafilatura(html: str, url: str) -> str:
    """The baseline: trafilatura's main text with its default settings."""
    return trafilatura.extract(html, url=url) or ""


def ours(resources: Resources) -> Callable[[str, str], str]:
    """Our extraction: the ingest HTML reader, then the clean stage."""

    def extract(html: str, url: str) -> str:
        raw = read_html(html, origin=url or "page", url=url or None)
        outcome = next(run_stages([raw], resources, ["clean"], fail_fast=True))
        if not isinstance(outcome, ArticleResult):
            raise TypeError("this is a bug: fail_fast gives results only")
        return outcome.article.text

    return extract


def _run(root: Path, extract: Callable[[str, str], str]) -> Score:
    pairs = []
    for _, url, html, truth in iter_pages(root):
        try:
            prediction = extract(html, url)
        except InputError:  # a page we cannot read at all scores as empty output
            prediction = ""
        pairs.append((truth, prediction))
    return score(pairs)


def _line(name: str, s: Score) -> str:
    return (
        f"  {name:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"exact {s.accuracy:.3f}"
    )


def evaluate(shared: Path, resources: Resources) -> SuiteReport:
    """Score our HTML extraction beside plain trafilatura on the benchmark."""
    root = shared / BENCHMARK
    mine = _run(root, ours(resources))
    base = _run(root, plain_trafilatura)
    text = "\n".join(
        [
            f"extraction: article-extraction-benchmark, {mine.pages} pages "
            "(4-token shingle F1)",
            _line("dyad (reader + clean)", mine),
            _line("trafilatura defaults", base),
        ]
    )
    return SuiteReport(
        suite="extraction",
        text=text,
        figures={
            "f1": mine.f1,
            "precision": mine.precision,
            "recall": mine.recall,
            "f1_over_trafilatura": mine.f1 - base.f1,
        },
    )
