"""The hand-annotated Wikinews set shared by the ``times`` and ``quotes`` suites.

Annotations live in ``eval/annotations/wikinews-times-quotes.jsonl`` and point at
``shared/corpus/wikinews/wikinews.jsonl`` by article id and raw-text offsets. This
module loads both, runs the pipeline once per process over the annotated articles, maps
the system's cleaned-text offsets back to raw offsets, and scores span overlap.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dyad.errors import DyadError
from dyad.records import ArticleResult, RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources

ANNOTATIONS = Path(__file__).resolve().parents[3] / "eval" / "annotations"
ANNOTATION_FILE = "wikinews-times-quotes.jsonl"
CORPUS = ("corpus", "wikinews", "wikinews.jsonl")
# ``heldout1`` was held out until the rules were first frozen, then its errors were read
# (and general fixes made); ``heldout`` was annotated after that and never used;
# ``heldout2`` was annotated before the second round of quote rules and never tuned on.
SPLITS = ("dev", "heldout1", "heldout", "heldout2")

G = TypeVar("G")
S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Annotated:
    """One annotated article: its raw text and the gold items (raw offsets)."""

    article_id: str
    split: str
    published: dt.date | None
    text: str
    times: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Scores:
    """Detection counts and a per-pair correctness count."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    correct: int = 0  # matched pairs whose value/speaker is right
    judged: int = 0  # matched pairs that could be judged (gold speaker known)

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.gold + other.gold,
            self.system + other.system,
            self.matched + other.matched,
            self.correct + other.correct,
            self.judged + other.judged,
        )

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.judged if self.judged else 0.0


def annotation_path() -> Path:
    """Return the path of the annotation file (inside the source checkout)."""
    return ANNOTATIONS / ANNOTATION_FILE


def reserved_ids(shared: Path) -> frozenset[str]:
    """Return the ids reserved for blind evaluation (never to be read or scored)."""
    path = shared / "eval" / "reserved-ids.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def load_set(shared: Path) -> list[Annotated]:
    """Return the annotated articles with their raw texts from ``shared``.

    Raises:
        DyadError: a file is missing, an annotated article is reserved for blind
            evaluation, or an annotation's surface text no longer matches the shared
            text at its offsets (the shared file drifted).
    """
    corpus = shared.joinpath(*CORPUS)
    texts = _corpus_texts(corpus)
    blocked = reserved_ids(shared)
    articles = []
    for line_number, row in _jsonl(annotation_path()):
        if row["id"] in blocked:
            raise DyadError(
                f"{annotation_path()}:{line_number}: {row['id']} is reserved for "
                "blind evaluation (shared/eval/reserved-ids.txt); remove it"
            )
        text = texts.get(row["id"])
        if text is None:
            raise DyadError(
                f"{annotation_path()}:{line_number}: {row['id']} not in {corpus}"
            )
        for item in [*row["times"], *row["quotes"]]:
            if text[item["start"] : item["end"]] != item["text"]:
                raise DyadError(
                    f"{annotation_path()}:{line_number}: {item['text']!r} not at "
                    f"{item['start']} in {row['id']}; the shared text changed"
                )
        published = (
            dt.date.fromisoformat(row["published"]) if row["published"] else None
        )
        articles.append(
            Annotated(
                row["id"],
                row["split"],
                published,
                text,
                tuple(row["times"]),
                tuple(row["quotes"]),
            )
        )
    return articles


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DyadError(f"{path}: cannot read: {e}") from e
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield number, json.loads(line)


def _corpus_texts(path: Path) -> dict[str, str]:
    return {row["id"]: row["text"] for _, row in _jsonl(path)}


_CACHE: dict[tuple[str, int], dict[str, ArticleResult]] = {}


def run_system(
    articles: Sequence[Annotated], resources: Resources
) -> dict[str, ArticleResult]:
    """Run clean, parse, actors, timex and quotes over ``articles``, once per process.

    Only the stages these suites score (and the actors they need) run, so that work in
    progress on other stages cannot change or break the figures.
    """
    key = (",".join(a.article_id for a in articles), id(resources))
    if key not in _CACHE:
        _CACHE[key] = dict(_run(articles, resources))
    return _CACHE[key]


# The stages these suites score, and those they need; run through the runner (#9).
SCORED_STAGES = ("clean", "nlp", "actors", "timex", "quotes")


def _run(
    articles: Sequence[Annotated], resources: Resources
) -> Iterable[tuple[str, ArticleResult]]:
    from dyad.pipeline import run_stages

    raws = [
        RawDocument(text=a.text, published=a.published, doc_id=a.article_id)
        for a in articles
    ]
    for outcome in run_stages(raws, resources, SCORED_STAGES, fail_fast=True):
        if not isinstance(outcome, ArticleResult):
            raise TypeError("this is a bug: fail_fast gives results only")
        yield outcome.article.article_id, replace(outcome, problems=())


class OffsetMap:
    """Maps offsets of the cleaned text back to the raw text they came from."""

    def __init__(self, raw: str, clean: str) -> None:
        self.raw, self.clean = raw, clean
        matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
        self.blocks = matcher.get_matching_blocks()

    def _point(self, offset: int) -> int:
        for block in self.blocks:
            if block.a <= offset < block.a + block.size:
                return block.b + (offset - block.a)
        previous = [b for b in self.blocks if b.a + b.size <= offset]
        if previous:
            last = previous[-1]
            return last.b + last.size + (offset - last.a - last.size)
        return offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw span of cleaned ``[start, end)``, checked by surface text."""
        surface = self.clean[start:end]
        raw_start = self._point(start)
        if self.raw[raw_start : raw_start + len(surface)] == surface:
            return raw_start, raw_start + len(surface)
        found = [i for i in _occurrences(self.raw, surface) if abs(i - raw_start) < 200]
        if found:
            best = min(found, key=lambda i: abs(i - raw_start))
            return best, best + len(surface)
        return raw_start, max(raw_start + 1, self._point(max(start, end - 1)) + 1)


def _occurrences(text: str, surface: str) -> Iterable[int]:
    position = text.find(surface)
    while position >= 0 and surface:
        yield position
        position = text.find(surface, position + 1)


def match_spans(
    gold: Sequence[G],
    system: Sequence[S],
    gold_span: Callable[[G], tuple[int, int]],
    system_span: Callable[[S], tuple[int, int]],
) -> list[tuple[G, S]]:
    """Pair gold and system items one to one by overlapping spans, largest first."""
    candidates = []
    for gi, g in enumerate(gold):
        gs, ge = gold_span(g)
        for si, s in enumerate(system):
            ss, se = system_span(s)
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


def by_split(
    articles: Sequence[Annotated], score: Callable[[Annotated], Scores]
) -> dict[str, Scores]:
    """Return the summed scores of each split and of all articles."""
    totals = {name: Scores() for name in (*SPLITS, "all")}
    for article in articles:
        scores = score(article)
        totals[article.split] += scores
        totals["all"] += scores
    return totals


def split_figures(scores: dict[str, Scores], accuracy: str) -> dict[str, float]:
    """Return the headline figures of every split: ``<split>_f1``, ``<split>_<accuracy>``."""
    figures: dict[str, float] = {}
    for split in SPLITS:
        figures[f"{split}_f1"] = scores[split].f1
        figures[f"{split}_{accuracy}"] = scores[split].accuracy
    return figures


def table(
    title: str, rows: Sequence[tuple[str, dict[str, Scores]]], accuracy: str
) -> str:
    """Return a plain-text table of P/R/F1 and accuracy for each split and system."""
    lines = [
        title,
        f"{'split':8} {'system':26} {'gold':>5} {'sys':>5} {'P':>6} "
        f"{'R':>6} {'F1':>6} {accuracy:>12}",
    ]
    for split in (*SPLITS, "all"):
        for name, totals in rows:
            s = totals[split]
            lines.append(
                f"{split:8} {name:26} {s.gold:5d} {s.system:5d} {s.precision:6.3f} "
                f"{s.recall:6.3f} {s.f1:6.3f} {s.accuracy:6.3f} "
                f"({s.correct}/{s.judged})"
            )
    return "\n".join(lines)
