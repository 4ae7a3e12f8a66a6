"""Aligned training examples for a learned event coder (the API ``dyad train`` imports).

``training_documents(shared, resources)`` returns ``TrainingDoc`` records from:

- our annotated train splits (every ``events-train-*.jsonl``; ``level="event"``): every gold
  event with its sentence, trigger, actor and recipient spans **mapped onto the cleaned
  text** the pipeline produces for ``raw`` (so they line up with the parse), its type,
  mode, modality and date;
- the dev half of ``plover-gsr`` (``level="sentence"``: one main event per sentence with
  its type, mode, actor and recipient codes and the marked-up words, located in the text);
- ConfliBERT's train files (``level="sentence"``: quad class 0 to 4, or the source, target
  and reciprocal phrases of ``cameo_ner_train``; no codes);
- the dev half of CASE 2021 task 2 (``level="sentence"``: the snippet's ACLED type mapped
  to PLOVER by ``data/eval/case2021-plover.yaml``, ``NONE`` for disasters);
- only when asked for (``sources=SOURCES``), the dev half of the synthetic NGEC stories
  (``level="document"``, ``weak=True``: the type and mode the story was generated for,
  not what it says).

``our_documents(shared, resources, ["dev"])`` gives the dev split the same way, for model
selection (dev is also scored by ``dyad eval``, so a model tuned on it reports dev figures
that flatter it). Beware that 266 ConfliBERT test sentences are PLOVER GSR sentences, so
a model trained on the PLOVER dev half has seen some of the ConfliBERT test file.

The held-out halves, ConfliBERT's test file and our ``test`` split are what ``dyad eval``
scores; they are never returned here (asking for ``test`` is an error). Order is fixed:
source by source, then file order; the same inputs give the same list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError
from dyad.evaluation import event_corpus, event_gold
from dyad.evaluation.event_corpus import AnnotatedDoc, GoldEvent, Party, Span
from dyad.records import RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources

SOURCES = ("events", "plover-gsr", "conflibert", "conflibert-ner", "case2021", "ngec")
DEFAULT_SOURCES = ("events", "plover-gsr", "conflibert", "conflibert-ner", "case2021")


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSpan:
    """A range ``[start, end)`` of the **cleaned** text (``TrainingDoc.text``)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingParty:
    """A participant's words in the cleaned text and its code (``None``: unknown)."""

    span: TextSpan
    code: str | None
    sector: str | None
    org: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingEvent:
    """One gold event aligned with the cleaned text (spans point into it)."""

    sentence: TextSpan
    trigger: TextSpan
    type: str
    mode: str | None
    modality: str
    date: str | None
    actors: tuple[TrainingParty, ...]
    recipients: tuple[TrainingParty, ...]
    reported_by: TrainingParty | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingDoc:
    """One training document (an article, a sentence or a story) and its labels.

    ``raw`` is what to give the pipeline (``pipeline.run_many``); ``text`` is the cleaned
    text it produces, which every span points into. ``level`` says what the labels
    describe: ``event`` (``events`` lists every event), ``sentence`` (``label`` is the
    main event's PLOVER type or ``NONE``; ``quad`` the ConfliBERT class) or ``document``
    (``label`` for the whole story). ``lost`` counts gold events whose words the cleaning
    removed (page debris), left out of ``events``.
    """

    source: str
    doc_id: str
    raw: RawDocument
    text: str
    level: str
    weak: bool = False
    events: tuple[TrainingEvent, ...] = ()
    label: str | None = None
    mode: str | None = None
    quad: int | None = None
    actor_codes: frozenset[str] = frozenset()
    recipient_codes: frozenset[str] = frozenset()
    spans: tuple[tuple[str, TextSpan], ...] = ()  # (role S/T/R/EVT, words) located
    lost: int = 0


class RawToClean:
    """Maps raw-text offsets onto the cleaned text (whitespace and debris removed)."""

    def __init__(self, raw: str, clean: str) -> None:
        self.raw, self.clean = raw, clean
        self.same = raw == clean
        matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
        self.blocks = [] if self.same else matcher.get_matching_blocks()

    def point(self, offset: int) -> int | None:
        for block in self.blocks:
            if block.a <= offset < block.a + block.size:
                return block.b + (offset - block.a)
        return None

    def span(self, start: int, end: int) -> TextSpan | None:
        """Return the cleaned span of raw ``[start, end)``, or None if cleaning removed it."""
        surface = self.raw[start:end]
        if self.same:
            return TextSpan(start=start, end=end, text=surface)
        first = self.point(start)
        if first is None:
            return None
        if self.clean[first : first + len(surface)] == surface:
            return TextSpan(start=first, end=first + len(surface), text=surface)
        last = self.point(end - 1) if end > start else first
        if last is None or last < first:
            return None
        words = self.clean[first : last + 1]
        if words.split() != surface.split():
            return None
        return TextSpan(start=first, end=last + 1, text=words)


def locate(text: str, words: str, after: int = 0) -> TextSpan | None:
    """Return the first occurrence of ``words`` in ``text`` at or after ``after``."""
    position = text.find(words, after) if words else -1
    if position < 0:
        return None
    return TextSpan(start=position, end=position + len(words), text=words)


def cleaned(raw: RawDocument, resources: Resources) -> str:
    """Return the text the pipeline's clean stage makes of ``raw``."""
    from dyad.pipeline import clean_raw

    article, _ = clean_raw(raw, resources)
    return article.text


# ---- our corpus ----------------------------------------------------------------------


def align_document(doc: AnnotatedDoc, resources: Resources) -> TrainingDoc:
    """Return an annotated document with its gold events mapped onto the cleaned text."""
    raw = doc.raw_document()
    text = cleaned(raw, resources)
    mapper = RawToClean(doc.text, text)
    events = [_align_event(e, mapper) for e in doc.events]
    kept = tuple(e for e in events if e is not None)
    return TrainingDoc(
        source=f"events:{doc.split}",
        doc_id=doc.doc_id,
        raw=raw,
        text=text,
        level="event",
        events=kept,
        lost=len(events) - len(kept),
    )


def _align_event(event: GoldEvent, mapper: RawToClean) -> TrainingEvent | None:
    sentence = _sentence_span(event.sentence, mapper)
    trigger = mapper.span(event.trigger.start, event.trigger.end)
    if sentence is None or trigger is None:
        return None
    return TrainingEvent(
        sentence=sentence,
        trigger=trigger,
        type=event.type.value,
        mode=event.mode,
        modality=event.modality.value,
        date=event.date,
        actors=_align_parties(event.actors, mapper),
        recipients=_align_parties(event.recipients, mapper),
        reported_by=_align_party(event.reported_by, mapper)
        if event.reported_by
        else None,
    )


def _sentence_span(sentence: Span, mapper: RawToClean) -> TextSpan | None:
    exact = mapper.span(sentence.start, sentence.end)
    if exact is not None:
        return exact
    first = next(
        (
            p
            for p in map(mapper.point, range(sentence.start, sentence.end))
            if p is not None
        ),
        None,
    )
    last = next(
        (
            p
            for p in map(mapper.point, range(sentence.end - 1, sentence.start - 1, -1))
            if p is not None
        ),
        None,
    )
    if first is None or last is None:
        return None
    return TextSpan(start=first, end=last + 1, text=mapper.clean[first : last + 1])


def _align_party(party: Party, mapper: RawToClean) -> TrainingParty | None:
    span = mapper.span(party.span.start, party.span.end)
    if span is None:
        return None
    return TrainingParty(span=span, code=party.code, sector=party.sector, org=party.org)


def _align_parties(
    parties: Iterable[Party], mapper: RawToClean
) -> tuple[TrainingParty, ...]:
    aligned = (_align_party(p, mapper) for p in parties)
    return tuple(p for p in aligned if p is not None)


def our_documents(
    shared: Path,
    resources: Resources,
    splits: Sequence[str] | None = None,
    folder: Path = event_corpus.ANNOTATIONS,
) -> list[TrainingDoc]:
    """Return the aligned documents of our ``splits`` (default: every train split).

    Raises:
        DyadError: a frozen (test) split is asked for, or a file fails to load.
    """
    wanted = event_corpus.train_splits(folder) if splits is None else tuple(splits)
    frozen = sorted(set(wanted) & set(event_corpus.TEST_SPLITS))
    if frozen:
        raise DyadError(f"the {', '.join(frozen)} split is frozen: never train on it")
    loaded = event_corpus.load_splits(shared, wanted, folder)
    return [align_document(d, resources) for s in wanted for d in loaded.get(s, [])]


# ---- public sets ---------------------------------------------------------------------


def _sentence_doc(
    source: str, item: event_gold.Item, resources: Resources, **labels: Any
) -> TrainingDoc:
    """Return a public item as a sentence-level document; ``labels`` fill its fields."""
    raw = RawDocument(text=item.text, doc_id=item.key, published=item.date)
    text = cleaned(raw, resources)
    spans = []
    for role, words in item.spans:
        found = locate(text, words)
        if found is not None:
            spans.append((role, found))
    doc = TrainingDoc(
        source=source,
        doc_id=item.key,
        raw=raw,
        text=text,
        level="sentence",
        spans=tuple(spans),
    )
    return replace(doc, **labels)


def _dev(items: Iterable[event_gold.Item]) -> Iterator[event_gold.Item]:
    return (i for i in items if event_gold.half_of(i.key) == "dev")


def public_documents(
    shared: Path, resources: Resources, sources: Sequence[str] = DEFAULT_SOURCES
) -> list[TrainingDoc]:
    """Return the training documents of the public ``sources`` (see ``SOURCES``)."""
    out: list[TrainingDoc] = []
    path = event_gold.gold_path
    if "plover-gsr" in sources:
        for item in _dev(event_gold.read_plover_gsr(path(shared, "plover-gsr"))):
            out.append(
                _sentence_doc(
                    "plover-gsr",
                    item,
                    resources,
                    label=item.label,
                    mode=item.mode,
                    actor_codes=item.sources,
                    recipient_codes=item.targets,
                )
            )
    if "conflibert" in sources:
        train = path(shared, "conflibert-train")
        for item in event_gold.read_conflibert(train, "conflibert-train"):
            out.append(
                _sentence_doc("conflibert", item, resources, quad=int(item.label))
            )
    if "conflibert-ner" in sources:
        for item in event_gold.read_conflibert_ner(
            path(shared, "conflibert-ner-train")
        ):
            out.append(_sentence_doc("conflibert-ner", item, resources))
    if "case2021" in sources:
        for item in _dev(event_gold.read_case2021(path(shared, "case2021"))):
            out.append(_sentence_doc("case2021", item, resources, label=item.label))
    if "ngec" in sources:
        for item in _dev(event_gold.read_ngec(path(shared, "ngec"))):
            out.append(
                _sentence_doc(
                    "ngec",
                    item,
                    resources,
                    level="document",
                    weak=True,
                    label=item.label,
                    mode=item.mode,
                )
            )
    return out


def training_documents(
    shared: Path,
    resources: Resources,
    sources: Sequence[str] = DEFAULT_SOURCES,
    splits: Sequence[str] | None = None,
) -> list[TrainingDoc]:
    """Return every training document: our train ``splits``, then the public ``sources``."""
    unknown = sorted(set(sources) - set(SOURCES))
    if unknown:
        raise DyadError(f"unknown training source(s): {', '.join(unknown)}")
    ours = our_documents(shared, resources, splits) if "events" in sources else []
    return [*ours, *public_documents(shared, resources, sources)]
