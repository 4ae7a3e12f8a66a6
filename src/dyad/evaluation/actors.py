"""The ``actors`` suite: actor mention codes and sectors on the annotated actor set.

Annotations (``eval/annotations/actors-{dev,test}.jsonl``, see their README) give every
actor mention of 60 documents of ``shared/corpus`` with its code, sector and kind, as
offsets into the raw shared texts. Each document is coded twice: as written, and as a
lower-cased copy of the same text (same offsets), so that the cost of losing case is
measured on the same mentions. A naive baseline runs beside dyad: every country name
and demonym of the knowledge base, matched case-insensitively, is that country (no
sector).

Gold and system mentions are paired one to one by overlapping spans. Figures per split
and casing:

- code precision: of the system mentions with a code, the share paired with a gold
  mention of the same code (an unpaired coded mention counts as wrong);
- code recall: of the gold actor mentions with a code (places excluded: the places
  stage, not this one, locates events), the share paired with a system mention of the
  same code;
- sector accuracy: of the gold actor mentions with a sector, the share paired with a
  system mention of the same sector;
- place recall (reported, not a headline): gold place mentions whose code a system
  mention gives.

Only aggregate figures are printed: the errors of the frozen ``test`` split are not
shown anywhere (tune on ``dev``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError
from dyad.evaluation import SuiteReport
from dyad.evaluation.annotated import ANNOTATIONS, OffsetMap, match_spans
from dyad.records import RawDocument

if TYPE_CHECKING:
    from dyad.knowledge.actors import ActorKB
    from dyad.resources import Resources

SPLITS = ("dev", "test")
CASINGS = ("cased", "lower")
CORPORA = {
    "wikinews": ("corpus", "wikinews", "wikinews.jsonl"),
    "wcep": ("corpus", "wikipedia-current-events", "wikipedia-current-events.jsonl"),
    "globalvoices": ("corpus", "globalvoices", "globalvoices.jsonl"),
}


@dataclass(frozen=True, slots=True)
class Item:
    """One mention, gold or system: raw span, code, sector, kind."""

    start: int
    end: int
    code: str | None
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Doc:
    """One annotated document: raw text, publication date and gold mentions."""

    doc_id: str
    split: str
    published: dt.date | None
    text: str
    gold: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts behind the figures of one split, casing and system."""

    coded: int = 0  # system mentions with a code
    coded_right: int = 0
    gold_coded: int = 0  # gold actor mentions with a code
    found: int = 0
    gold_sector: int = 0  # gold actor mentions with a sector
    sector_right: int = 0
    places: int = 0  # gold place mentions with a code
    places_found: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            *(a + b for a, b in zip(_fields(self), _fields(other), strict=True))
        )

    def figures(self) -> dict[str, float]:
        """Return precision, recall, sector accuracy and place recall."""
        return {
            "code_precision": _ratio(self.coded_right, self.coded),
            "code_recall": _ratio(self.found, self.gold_coded),
            "sector_accuracy": _ratio(self.sector_right, self.gold_sector),
            "place_recall": _ratio(self.places_found, self.places),
        }


def _fields(tally: Tally) -> tuple[int, ...]:
    return (
        tally.coded,
        tally.coded_right,
        tally.gold_coded,
        tally.found,
        tally.gold_sector,
        tally.sector_right,
        tally.places,
        tally.places_found,
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def load_docs(shared: Path, annotations: Path = ANNOTATIONS) -> list[Doc]:
    """Return the annotated documents of both splits with their raw shared texts.

    Raises:
        DyadError: a file is missing, or a mention's text is not at its offsets.
    """
    texts: dict[str, str] = {}
    for parts in CORPORA.values():
        texts.update((r["id"], r["text"]) for _, r in _jsonl(shared.joinpath(*parts)))
    docs = []
    for split in SPLITS:
        path = annotations / f"actors-{split}.jsonl"
        for line, row in _jsonl(path):
            docs.append(_doc(row, texts, f"{path}:{line}"))
    return docs


def _doc(row: dict[str, Any], texts: dict[str, str], where: str) -> Doc:
    text = texts.get(row["id"])
    if text is None:
        raise DyadError(f"{where}: {row['id']} is not in the shared corpora")
    gold = []
    for m in row["mentions"]:
        if text[m["start"] : m["end"]] != m["text"]:
            raise DyadError(f"{where}: {m['text']!r} not at {m['start']}; text changed")
        gold.append(Item(m["start"], m["end"], m["code"], m["sector"], m["kind"]))
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    return Doc(row["id"], row["split"], published, text, tuple(gold))


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DyadError(f"{path}: cannot read: {e}") from e
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield number, json.loads(line)


def lower_copy(text: str) -> str:
    """Return ``text`` lower-cased character by character (offsets unchanged)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def system_items(docs: Sequence[Doc], resources: Resources) -> dict[str, list[Item]]:
    """Run the pipeline (``pipeline.run_many``) and return raw-offset mentions per doc id.

    Raises:
        DyadError: an article failed in the pipeline (this is a bug).
    """
    from dyad.pipeline import run_many
    from dyad.records import ArticleFailure

    raws = [
        RawDocument(text=d.text, published=d.published, doc_id=d.doc_id) for d in docs
    ]
    out: dict[str, list[Item]] = {}
    for doc, result in zip(docs, run_many(raws, resources), strict=True):
        if isinstance(result, ArticleFailure):
            raise DyadError(f"{doc.doc_id}: the pipeline failed: {result.message}")
        mapping = OffsetMap(doc.text, result.article.text)
        by_id = {a.actor_id: a for a in result.actors}
        mentions = []
        for m in result.mentions:
            actor = by_id[m.actor_id]
            start, end = mapping.span(m.start, m.end)
            mentions.append(
                Item(start, end, actor.code, actor.sector, actor.kind.value)
            )
        out[doc.doc_id] = mentions
    return out


def baseline_items(
    doc: Doc, pattern: re.Pattern[str], codes: dict[str, str]
) -> list[Item]:
    """Country names and demonyms only, case-insensitively, as their country."""
    return [
        Item(m.start(), m.end(), codes[m.group(0).lower()], None, "state")
        for m in pattern.finditer(doc.text)
    ]


def state_names(kb: ActorKB) -> tuple[re.Pattern[str], dict[str, str]]:
    """Return a pattern of every state name and demonym in ``kb`` and their codes."""
    codes: dict[str, str] = {}
    for key, hits in kb.lower_surfaces.items():
        entry = kb.entries.get(hits[0].kb_id)
        if (
            entry is not None
            and entry.code
            and hits[0].form in ("name", "demonym")
            and entry.kind.value == "state"
            and len(key) > 2
        ):
            codes.setdefault(key, entry.code)
    names = sorted(codes, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
        re.IGNORECASE,
    )
    return pattern, codes


def score(gold: Sequence[Item], system: Sequence[Item]) -> Tally:
    """Return the counts of ``system`` against ``gold`` for one document."""
    pairs = match_spans(
        gold, system, lambda g: (g.start, g.end), lambda s: (s.start, s.end)
    )
    paired = {id(s): g for g, s in pairs}
    by_gold = {id(g): s for g, s in pairs}
    coded = [s for s in system if s.code]
    actors = [g for g in gold if g.kind != "place"]
    places = [g for g in gold if g.kind == "place" and g.code]
    return Tally(
        coded=len(coded),
        coded_right=sum(1 for s in coded if _code_of(paired.get(id(s))) == s.code),
        gold_coded=sum(1 for g in actors if g.code),
        found=sum(1 for g in actors if g.code and _same(g, by_gold, "code")),
        gold_sector=sum(1 for g in actors if g.sector),
        sector_right=sum(1 for g in actors if g.sector and _same(g, by_gold, "sector")),
        places=len(places),
        places_found=sum(1 for g in places if _same(g, by_gold, "code")),
    )


def _code_of(item: Item | None) -> str | None:
    return item.code if item is not None else None


def _same(gold: Item, by_gold: dict[int, Item], field: str) -> bool:
    system = by_gold.get(id(gold))
    return system is not None and getattr(system, field) == getattr(gold, field)


def evaluate(shared: Path, resources: Resources) -> SuiteReport:
    """Score the actors stage and the country-name baseline, cased and lower-cased."""
    docs = load_docs(shared)
    pattern, codes = state_names(resources.actor_kb)
    totals: dict[tuple[str, str, str], Tally] = {}
    for casing in CASINGS:
        copies = docs if casing == "cased" else [_lowered(d) for d in docs]
        ours = system_items(copies, resources)
        for doc in copies:
            for system, items in (
                ("dyad", ours[doc.doc_id]),
                ("baseline", baseline_items(doc, pattern, codes)),
            ):
                key = (doc.split, casing, system)
                totals[key] = totals.get(key, Tally()) + score(doc.gold, items)
    return SuiteReport(suite="actors", text=_table(totals), figures=_figures(totals))


def _lowered(doc: Doc) -> Doc:
    return replace(doc, text=lower_copy(doc.text))


def _figures(totals: dict[tuple[str, str, str], Tally]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for (split, casing, system), tally in totals.items():
        if system != "dyad":
            continue
        for name, value in tally.figures().items():
            if name != "place_recall":
                figures[f"{split}_{casing}_{name}"] = value
    return dict(sorted(figures.items()))


def _table(totals: dict[tuple[str, str, str], Tally]) -> str:
    lines = [
        "actors: mention codes and sectors (span overlap), cased and lower-cased text",
        f"{'split':6} {'casing':7} {'system':9} {'coded':>6} {'code P':>7} "
        f"{'gold':>5} {'code R':>7} {'sector':>7} {'place R':>8}",
    ]
    for key in sorted(totals):
        split, casing, system = key
        t = totals[key]
        f = t.figures()
        lines.append(
            f"{split:6} {casing:7} {system:9} {t.coded:6d} {f['code_precision']:7.3f} "
            f"{t.gold_coded:5d} {f['code_recall']:7.3f} {f['sector_accuracy']:7.3f} "
            f"{f['place_recall']:8.3f}"
        )
    return "\n".join(lines)


__all__ = ["Item", "Tally", "evaluate", "load_docs", "lower_copy", "score"]
