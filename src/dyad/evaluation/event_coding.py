"""What the gold, the system and the baseline say about our annotated documents.

The system is the whole pipeline, run through the runner (``pipeline.run_many``) on
each document's raw shared text. Its events are placed in the **annotator's** sentence
that holds their trigger: the trigger's cleaned offsets are mapped back to raw offsets
(``annotated.OffsetMap``) and looked up among the sentences of the gold events; an event
in any other sentence keeps the pipeline's sentence as its key (it can match nothing).

The baseline is deliberately plain: every pipeline sentence that mentions at least two
different coded states gives one event of the most frequent type of the train split,
from the first state mentioned to the second, asserted, on the publication date.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from dyad.evaluation.annotated import OffsetMap
from dyad.evaluation.event_corpus import AnnotatedDoc, GoldEvent, lower_in_place
from dyad.evaluation.event_scoring import Coded
from dyad.records import ArticleFailure, ArticleResult, RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources

NOT_A_STATE = frozenset({"IGO", "NGO", "MNC"})

_CACHE: dict[tuple[str, bool, int], dict[str, ArticleResult]] = {}


def run_documents(
    docs: Sequence[AnnotatedDoc], resources: Resources, *, lower: bool = False
) -> dict[str, ArticleResult]:
    """Run the pipeline over ``docs`` (lower-cased with ``lower``), by document id.

    Results are kept for the process, so the suites and reports share one run. A
    document that fails in a stage is missing from the result (and scores nothing).
    """
    key = ("\n".join(d.doc_id for d in docs), lower, id(resources))
    if key not in _CACHE:
        raws = [d.raw_document(lower=lower) for d in docs]
        _CACHE[key] = run_raw(raws, resources)
    return _CACHE[key]


def run_raw(
    raws: Iterable[RawDocument], resources: Resources
) -> dict[str, ArticleResult]:
    """Run the pipeline over ``raws`` in batches; return the results by article id."""
    from dyad.pipeline import run_many

    results: dict[str, ArticleResult] = {}
    for result in run_many(raws, resources):
        if not isinstance(result, ArticleFailure):
            results[result.article.article_id] = result
    return results


def gold_coded(doc: AnnotatedDoc) -> list[Coded]:
    """Return the gold events of ``doc`` keyed by the annotator's sentence."""
    return [_gold(e) for e in doc.events]


def _gold(event: GoldEvent) -> Coded:
    return Coded(
        sentence=event.sentence_index,
        type=event.type.value,
        actors=event.actor_codes,
        recipients=event.recipient_codes,
        modality=event.modality.value,
        date=event.date,
        position=event.trigger.start,
    )


class SentenceFinder:
    """Finds the annotator's sentence of a cleaned-text offset of one document."""

    def __init__(
        self, doc: AnnotatedDoc, result: ArticleResult, *, lower: bool
    ) -> None:
        raw = lower_in_place(doc.text) if lower else doc.text
        self.map = OffsetMap(raw, result.article.text)
        spans = {
            e.sentence_index: (e.sentence.start, e.sentence.end) for e in doc.events
        }
        self.spans = sorted(spans.items(), key=lambda kv: kv[1])

    def raw_offset(self, start: int, end: int) -> int:
        """Return the raw offset of cleaned ``[start, end)``."""
        return self.map.span(start, max(end, start + 1))[0]

    def sentence(self, raw_offset: int, fallback: int) -> Hashable:
        """Return the gold sentence index holding ``raw_offset``, else a pipeline key."""
        for index, (start, end) in self.spans:
            if start <= raw_offset < end:
                return index
        return ("pipeline", fallback)


def system_coded(
    doc: AnnotatedDoc, result: ArticleResult, *, lower: bool = False
) -> list[Coded]:
    """Return the system's events of ``doc`` keyed by the annotator's sentences."""
    finder = SentenceFinder(doc, result, lower=lower)
    codes = {a.actor_id: a.code for a in result.actors}
    out = []
    for event in result.events:
        raw = finder.raw_offset(event.trigger_start, event.trigger_end)
        out.append(
            Coded(
                sentence=finder.sentence(raw, event.sentence_index),
                type=event.type.value,
                actors=_codes(event.actor_ids, codes),
                recipients=_codes(event.recipient_ids, codes),
                modality=event.modality.value,
                date=event.date.value if event.date else None,
                position=raw,
            )
        )
    return out


def _codes(ids: Iterable[str], codes: Mapping[str, str | None]) -> frozenset[str]:
    return frozenset(c for c in (codes.get(i) for i in ids) if c)


def baseline_coded(
    doc: AnnotatedDoc, result: ArticleResult, event_type: str, *, lower: bool = False
) -> list[Coded]:
    """Return the baseline's events: first state to second state in each sentence."""
    finder = SentenceFinder(doc, result, lower=lower)
    states = {
        a.actor_id: a.code
        for a in result.actors
        if a.code and len(a.code) == 3 and a.code not in NOT_A_STATE
    }
    by_sentence: dict[int, list[tuple[str, int]]] = {}
    for mention in sorted(result.mentions, key=lambda m: m.start):
        code = states.get(mention.actor_id)
        seen = by_sentence.setdefault(mention.sentence_index, [])
        if code and all(code != c for c, _ in seen):
            seen.append((code, mention.start))
    published = doc.published.isoformat() if doc.published else None
    out = []
    for index, found in sorted(by_sentence.items()):
        if len(found) < 2:
            continue
        raw = finder.raw_offset(found[0][1], found[0][1] + 1)
        out.append(
            Coded(
                sentence=finder.sentence(raw, index),
                type=event_type,
                actors=frozenset({found[0][0]}),
                recipients=frozenset({found[1][0]}),
                date=published,
                position=raw,
            )
        )
    return out
