"""Our annotated event corpus: ``eval/annotations/events-<split>.jsonl``.

Each line is one document of ``shared/corpus`` (Wikinews, Wikipedia current events, Global
Voices), written by ``scripts/annotate.py resolve``: the document id, its split and
publication date, and its events. Every span (sentence, trigger, actor, recipient,
``reported_by``, location) is a half-open range of **raw** offsets into the shared
document's ``text`` together with its surface string, so that drift of the shared file is
caught here rather than scored as errors.

The ``test`` split is frozen: ``eval/annotations/events-test.sha256`` holds the SHA-256
of its file, and loading it fails when the file no longer has that hash. A frozen split's
individual errors are never to be read (its figures may be printed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.errors import DyadError
from dyad.evaluation.annotated import reserved_ids
from dyad.records import EventType, Modality, RawDocument

ANNOTATIONS = Path(__file__).resolve().parents[3] / "eval" / "annotations"
TEST_SPLITS = ("test",)
EVAL_SPLITS = ("test", "dev")
TRAIN_PREFIX = "train-"  # train-a, train-b, … : every events-train-*.jsonl file
FROZEN = ("test",)
CORPORA = {
    "wikinews": ("corpus", "wikinews", "wikinews.jsonl"),
    "wcep": ("corpus", "wikipedia-current-events", "wikipedia-current-events.jsonl"),
    "globalvoices": ("corpus", "globalvoices", "globalvoices.jsonl"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A raw-text range ``[start, end)`` and the words found there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A participant as the annotator wrote it: its words and what they refer to.

    ``code`` is ISO 3166-1 alpha-3 (plus ``KOS``, ``PSE``), ``IGO``, ``NGO``, ``MNC`` or
    ``None`` when the country is unknown; ``org`` names an IGO (``UN``, ``EU`` …).
    """

    span: Span
    code: str | None
    sector: str | None
    org: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """One annotated event record (one event mention in one sentence).

    ``sentence_index`` and ``sentence`` are the annotation tool's sentence (not the
    pipeline's). A reciprocal event lists every party in ``actors`` and has no
    ``recipients``. ``date`` is an ISO prefix (``2019-01-21``, ``2019-03``, ``2019``,
    ``2019-W04``, ``2019-Q1``) or ``None`` when the text gives no time.
    """

    sentence_index: int
    sentence: Span
    trigger: Span
    type: EventType
    mode: str | None
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    modality: Modality
    date: str | None
    reported_by: Party | None = None
    location: Span | None = None

    @property
    def actor_codes(self) -> frozenset[str]:
        """The codes of the actor side (uncoded parties left out)."""
        return frozenset(p.code for p in self.actors if p.code)

    @property
    def recipient_codes(self) -> frozenset[str]:
        """The codes of the recipient side (uncoded parties left out)."""
        return frozenset(p.code for p in self.recipients if p.code)


@dataclass(frozen=True, slots=True, kw_only=True)
class AnnotatedDoc:
    """One annotated document with its raw shared text and its gold events.

    ``split`` is the one its record names (a train split may be written in several files:
    ``train-b`` in ``events-train-b.jsonl`` and ``events-train-b2.jsonl``).
    """

    doc_id: str
    corpus: str
    split: str
    published: dt.date | None
    title: str | None
    text: str
    events: tuple[GoldEvent, ...]
    skip: str | None = None

    def raw_document(self, *, lower: bool = False) -> RawDocument:
        """Return the input the pipeline gets (``lower``: the text lower-cased in place)."""
        text = lower_in_place(self.text) if lower else self.text
        return RawDocument(
            text=text, title=self.title, published=self.published, doc_id=self.doc_id
        )


def lower_in_place(text: str) -> str:
    """Return ``text`` lower-cased character by character, keeping every offset."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def annotation_file(split: str, folder: Path = ANNOTATIONS) -> Path:
    """Return the path of a split's annotation file."""
    return folder / f"events-{split}.jsonl"


def hash_file(split: str, folder: Path = ANNOTATIONS) -> Path:
    """Return the path of the file that pins a frozen split's SHA-256."""
    return folder / f"events-{split}.sha256"


def train_splits(folder: Path = ANNOTATIONS) -> tuple[str, ...]:
    """Return the train splits whose annotation file exists, by name."""
    names = (
        p.name[len("events-") : -len(".jsonl")] for p in folder.glob("events-*.jsonl")
    )
    return tuple(sorted(n for n in names if n.startswith(TRAIN_PREFIX)))


def available_splits(folder: Path = ANNOTATIONS) -> tuple[str, ...]:
    """Return the splits whose annotation file exists: test, dev, then the train ones."""
    present = tuple(s for s in EVAL_SPLITS if annotation_file(s, folder).is_file())
    return present + train_splits(folder)


def file_digest(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_frozen(split: str, folder: Path = ANNOTATIONS) -> None:
    """Fail when a frozen split's file no longer has its pinned hash.

    Raises:
        DyadError: the hash differs from ``events-<split>.sha256``.
    """
    pin = hash_file(split, folder)
    if split not in FROZEN or not pin.is_file():
        return
    expected = pin.read_text(encoding="utf-8").split()[0]
    actual = file_digest(annotation_file(split, folder))
    if actual != expected:
        raise DyadError(
            f"{annotation_file(split, folder)}: the {split} split is frozen but its file "
            f"changed (sha256 {actual[:12]}…, pinned {expected[:12]}… in {pin.name}); "
            "restore it, or re-freeze it on purpose and say why in CHANGELOG.md"
        )


def freeze(split: str, folder: Path = ANNOTATIONS) -> str:
    """Pin the current SHA-256 of a split's file and return it."""
    digest = file_digest(annotation_file(split, folder))
    name = annotation_file(split, folder).name
    hash_file(split, folder).write_text(f"{digest}  {name}\n", encoding="utf-8")
    return digest


_TEXTS: dict[str, dict[str, dict[str, Any]]] = {}


def corpus_documents(shared: Path) -> dict[str, dict[str, Any]]:
    """Return the shared corpus documents by id, reserved ones left out (cached)."""
    key = str(shared.resolve())
    if key not in _TEXTS:
        blocked = reserved_ids(shared)
        docs: dict[str, dict[str, Any]] = {}
        for parts in CORPORA.values():
            for _, row in read_jsonl(shared.joinpath(*parts)):
                if row["id"] not in blocked:
                    docs[row["id"]] = row
        _TEXTS[key] = docs
    return _TEXTS[key]


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSONL file.

    Raises:
        DyadError: the file cannot be read or a line is not a JSON object.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DyadError(f"{path}: cannot read: {e.strerror or e}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DyadError(f"{path}:{number}: not JSON: {e.msg}") from e
        if not isinstance(row, dict):
            raise DyadError(f"{path}:{number}: not a JSON object")
        yield number, row


def load_split(
    shared: Path, split: str, folder: Path = ANNOTATIONS
) -> list[AnnotatedDoc]:
    """Return the annotated documents of one split, every span checked.

    Raises:
        DyadError: the file is missing or malformed, a frozen split changed, a document
            is reserved or not in the shared corpus, or a span's words are no longer at
            its offsets (the shared text drifted).
    """
    check_frozen(split, folder)
    path = annotation_file(split, folder)
    docs = corpus_documents(shared)
    blocked = reserved_ids(shared)
    out = []
    for number, row in read_jsonl(path):
        where = f"{path}:{number}"
        doc_id = str(row.get("id"))
        if doc_id in blocked:
            raise DyadError(f"{where}: {doc_id} is reserved for blind evaluation")
        doc = docs.get(doc_id)
        if doc is None:
            raise DyadError(f"{where}: {doc_id} is not in the shared corpus")
        out.append(_document(row, doc, split, where))
    return out


def load_splits(
    shared: Path, splits: Sequence[str] | None = None, folder: Path = ANNOTATIONS
) -> dict[str, list[AnnotatedDoc]]:
    """Return the documents of each requested split (default: all) whose file exists."""
    present = available_splits(folder)
    wanted = present if splits is None else tuple(s for s in splits if s in present)
    return {s: load_split(shared, s, folder) for s in wanted}


def _document(
    row: dict[str, Any], doc: dict[str, Any], split: str, where: str
) -> AnnotatedDoc:
    text = str(doc["text"])
    named = str(row.get("split") or split)
    if not _same_split(named, split):
        raise DyadError(f"{where}: split {named!r} in the {split} file")
    try:
        events = tuple(
            _event(text, e, f"{where} event {i}")
            for i, e in enumerate(row.get("events") or [])
        )
        published = dt.date.fromisoformat(doc["date"]) if doc.get("date") else None
    except (KeyError, TypeError, ValueError) as e:
        raise DyadError(f"{where}: malformed record: {e}") from e
    return AnnotatedDoc(
        doc_id=str(row["id"]),
        corpus=str(row.get("corpus") or ""),
        split=named,
        published=published,
        title=doc.get("title"),
        text=text,
        events=events,
        skip=row.get("skip"),
    )


def _same_split(named: str, file_split: str) -> bool:
    """Tell whether a record's split fits its file (a train split may span files)."""
    if file_split.startswith(TRAIN_PREFIX):
        return named.startswith(TRAIN_PREFIX)
    return named == file_split


def _span(text: str, item: dict[str, Any], where: str) -> Span:
    start, end, surface = int(item["start"]), int(item["end"]), str(item["text"])
    if text[start:end] != surface:
        raise DyadError(
            f"{where}: {surface!r} is not at {start}-{end} of the shared text "
            f"(found {text[start:end]!r}); the shared corpus changed"
        )
    return Span(start=start, end=end, text=surface)


def _party(text: str, item: dict[str, Any], where: str) -> Party:
    return Party(
        span=_span(text, item, where),
        code=item.get("code"),
        sector=item.get("sector"),
        org=item.get("org"),
    )


def _event(text: str, e: dict[str, Any], where: str) -> GoldEvent:
    sentence = e["sentence"]
    sent = _span(
        text, {**sentence, "text": text[sentence["start"] : sentence["end"]]}, where
    )
    reported, location = e.get("reported_by"), e.get("location")
    return GoldEvent(
        sentence_index=int(sentence["index"]),
        sentence=sent,
        trigger=_inside(sent, _span(text, e["trigger"], f"{where} trigger"), where),
        type=EventType(e["type"]),
        mode=e.get("mode"),
        actors=_parties(text, sent, e.get("actor"), f"{where} actor"),
        recipients=_parties(text, sent, e.get("recipient"), f"{where} recipient"),
        modality=Modality(e.get("modality") or "asserted"),
        date=e.get("date"),
        reported_by=_party(text, reported, f"{where} reported_by")
        if reported
        else None,
        location=_span(text, location, f"{where} location") if location else None,
    )


def _parties(
    text: str, sent: Span, items: Iterable[dict[str, Any]] | None, where: str
) -> tuple[Party, ...]:
    parties = tuple(_party(text, x, where) for x in items or ())
    for party in parties:
        _inside(sent, party.span, where)
    return parties


def _inside(sentence: Span, span: Span, where: str) -> Span:
    if not sentence.start <= span.start <= span.end <= sentence.end:
        raise DyadError(f"{where}: {span.text!r} lies outside its sentence")
    return span


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - run by hand
    """Freeze a split (``--freeze test``) or print each split's counts."""
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--freeze", choices=FROZEN, help="pin a split's SHA-256")
    default = os.environ.get("DYAD_SHARED", str(ANNOTATIONS.parents[2] / "shared"))
    parser.add_argument("--shared", type=Path, default=Path(default))
    args = parser.parse_args(argv)
    if args.freeze:
        sys.stdout.write(f"{freeze(args.freeze)}  {args.freeze}\n")
        return 0
    for split, docs in load_splits(args.shared).items():
        n = sum(len(d.events) for d in docs)
        sys.stdout.write(f"{split}\t{len(docs)} documents\t{n} events\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
