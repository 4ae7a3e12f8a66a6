"""The copy rules of #12 across the partitions of a Dask run, decided on the driver.

A local ingest drops repeats as it reads them (``duplicates.RunLedger``): one article
read twice (the same normalised URL, or the same or a near-identical text from one site)
is stored once, under the id of the copy read first and with the text of the fullest,
and every other arrival leaves an ``ingest.duplicate`` problem. The Dask engine decides
the same before any partition is coded: the driver reads the documents of every
partition in input order (reading and fingerprinting cost little next to coding), runs
one ledger over them all, and gives each partition what was decided for its documents:
the id each is stored under (``None`` for a repeat) and the problems of its repeats.

The decisions are part of what a partition is: a partition whose documents are all kept
as they are keeps its id; any other gets an id that hashes its decisions too, so a
resumed run over the same input finds its lake files again, and a partition coded under
other decisions (another input around it) is never reused.

The ledger starts from an empty scratch store, not from the run's store: the decisions
must not change when a killed run is resumed over a store it half filled. So the Dask
engine finds copies within one run's input; a repeat of an article stored by an earlier
run is stored again (the local engine drops it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dyad import duplicates, ids
from dyad.partitions import Partition, read_partition
from dyad.readers import FileReport, ReadOptions
from dyad.records import Problem, RawDocument
from dyad.store.db import Store

_CHANGED = (
    "the partition holds other documents than when the run began (input changed?)"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PartitionCopies:
    """What the run's copy rules decided for one partition's documents, in read order."""

    keep: tuple[str | None, ...]  # the id each document is stored under, None: a repeat
    problems: tuple[tuple[str, Problem], ...]  # (origin of the document, its problem)
    repeats: int  # documents that repeat an article already read

    @property
    def digest(self) -> str:
        """Return a hash of the decisions, for the id of the partition coded with them."""
        problems = [(origin, p.code, p.message) for origin, p in self.problems]
        return ids.content_hash(json.dumps([self.keep, problems], sort_keys=True))


def own_id(raw: RawDocument) -> str:
    """Return the article id a document has before any copy rule (as a local ingest)."""
    return ids.article_id(url=raw.url, text=raw.text, given=raw.doc_id)


def plan_copies(
    plan: Sequence[Partition], read: ReadOptions
) -> list[tuple[Partition, PartitionCopies]]:
    """Return each partition of ``plan`` with its copy decisions, under the id that
    names the partition coded with them.

    Raises:
        DyadError: an input cannot be read (as the local reader raises it).
    """
    decided = []
    with Store(Path(":memory:")) as scratch:
        ledger = duplicates.RunLedger(scratch)
        for partition in sorted(plan, key=lambda p: p.position):
            documents = [
                item
                for item in read_partition(partition, options=read)
                if isinstance(item, RawDocument)
            ]
            copies = _decide(ledger, documents)
            decided.append((_named(partition, documents, copies), copies))
    return decided


def _decide(
    ledger: duplicates.RunLedger, documents: Sequence[RawDocument]
) -> PartitionCopies:
    candidates = [
        (own_id(raw), raw, duplicates.is_text_identified(raw)) for raw in documents
    ]
    kept, problems, repeats = ledger.sort_out(candidates)
    keep: list[str | None] = [None] * len(documents)
    for position, article_id in kept:
        keep[position] = article_id
    return PartitionCopies(keep=tuple(keep), problems=tuple(problems), repeats=repeats)


def _named(
    partition: Partition, documents: Sequence[RawDocument], copies: PartitionCopies
) -> Partition:
    """Return ``partition`` under the id of its coding with ``copies``."""
    unchanged = copies.repeats == 0 and not copies.problems
    if unchanged and all(
        kept == own_id(raw) for kept, raw in zip(copies.keep, documents, strict=True)
    ):
        return partition
    name = ids.partition_id(("copies", partition.partition_id), copies.digest)
    return replace(partition, partition_id=name)


def apply_copies(
    items: Iterable[RawDocument | FileReport], copies: PartitionCopies
) -> Iterator[RawDocument | FileReport]:
    """Yield ``items`` without the repeats, each document under the id it is kept as."""
    documents = 0
    for item in items:
        if not isinstance(item, RawDocument):
            yield item
            continue
        if documents >= len(copies.keep):
            raise RuntimeError(_CHANGED)
        kept = copies.keep[documents]
        documents += 1
        if kept is None:
            continue
        yield item if kept == own_id(item) else replace(item, doc_id=kept)
    if documents != len(copies.keep):
        raise RuntimeError(_CHANGED)
