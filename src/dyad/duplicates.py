"""Copies of one report: exact text variants are one article, near copies one report.

Two rules (#12). An article whose id comes from its text (no URL, no id given) and whose
normalised text (``fingerprints.text_fingerprint``) equals that of an article already
read is the same article: it is not stored again, and the run says so in a problem row.
Articles with their own URL or id are kept, but when their texts are near copies
(MinHash similarity over word shingles) they are linked into one *report*: the
``report_id`` of every member is the smallest article id of its group, so the result
does not depend on the order articles arrived in. Event clusters count reports, not
copies, as their ``n_articles``; ``n_sources`` still counts every outlet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dyad import fingerprints
from dyad.records import Problem, RawDocument
from dyad.store.copies import (
    ArticleCopyKey,
    articles_with_fingerprints,
    candidate_pairs,
    members_of_reports,
    put_copy_keys,
    report_ids,
    set_report_ids,
)
from dyad.store.db import Store


def copy_key(article_id: str, text: str) -> ArticleCopyKey:
    """Return the keys that find the copies of the article ``article_id``."""
    sig = fingerprints.signature(text)
    return ArticleCopyKey(
        article_id=article_id,
        fingerprint=fingerprints.text_fingerprint(text),
        signature=sig,
        band_keys=fingerprints.band_keys(sig),
    )


def is_text_identified(raw: RawDocument) -> bool:
    """Return True when ``raw`` has neither a URL nor a given id (its text names it)."""
    return not raw.url and not raw.doc_id


@dataclass(slots=True)
class RunLedger:
    """What one ingest run has read: each article's fingerprint, and the reverse."""

    store: Store
    by_id: dict[str, str] = field(default_factory=dict)
    by_print: dict[str, str] = field(default_factory=dict)

    def sort_out(
        self, candidates: Sequence[tuple[str, RawDocument, bool]]
    ) -> tuple[list[int], list[tuple[str, Problem]], int]:
        """Return the positions of ``candidates`` to go on, the problems (with the
        origin of their document), and the number of repeats.

        Each candidate is ``(article id, raw document, text-identified)``. A repeat of
        an id with the same text is dropped quietly; with other text it is a problem
        (the first record wins); a text-identified copy of another article is dropped
        with a problem naming that article.
        """
        prints = [fingerprints.text_fingerprint(raw.text) for _, raw, _ in candidates]
        stored = articles_with_fingerprints(self.store, sorted(set(prints)))
        keep: list[int] = []
        problems: list[tuple[str, Problem]] = []
        repeats = 0
        for position, ((article_id, raw, by_text), fp) in enumerate(
            zip(candidates, prints, strict=True)
        ):
            if article_id in self.by_id:
                repeats += 1
                if self.by_id[article_id] != fp:
                    problems.append((raw.origin or "", _conflict(article_id, raw)))
                continue
            original = self.by_print.get(fp) or stored.get(fp)
            if by_text and original is not None and original != article_id:
                repeats += 1
                problems.append((raw.origin or "", _copy(original, raw)))
                continue
            self.by_id[article_id] = fp
            self.by_print.setdefault(fp, article_id)
            keep.append(position)
        return keep, problems, repeats


def _conflict(article_id: str, raw: RawDocument) -> Problem:
    return Problem(
        code="input.duplicate_id",
        stage="ingest",
        message=f"{raw.origin}: id {article_id!r} was already read in this run with "
        "other text; kept the first record, give each article its own id",
    )


def _copy(original: str, raw: RawDocument) -> Problem:
    return Problem(
        code="ingest.duplicate",
        stage="ingest",
        message=f"{raw.origin}: same text as article {original} (after normalising "
        "whitespace, quote marks and case); not stored again",
    )


def store_copy_keys(store: Store, articles: Iterable[tuple[str, str]]) -> None:
    """Store the copy keys of ``(article id, raw text)`` pairs."""
    put_copy_keys(store, [copy_key(article_id, text) for article_id, text in articles])


class _Groups:
    """Union-find over article ids; each group is named by its smallest id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: str, b: str) -> None:
        first, second = sorted((self.find(a), self.find(b)))
        self.parent[second] = first  # the smaller id stays the root


def link_reports(store: Store, touched: Sequence[str]) -> int:
    """Group ``touched`` articles with their near copies; refresh affected clusters.

    Articles that shared a report with a touched one are regrouped too, so an article
    whose text changed leaves its old report. Returns the number of articles whose
    report changed.
    """
    if not touched:
        return 0
    old = report_ids(store, touched)
    group = sorted(
        set(touched) | set(members_of_reports(store, sorted(set(old.values()))))
    )
    groups = _Groups()
    for article_id in group:
        groups.find(article_id)
    edges = [
        (a, b)
        for a, b, first, second in candidate_pairs(store, group)
        if fingerprints.is_near_duplicate(first, second)
    ]
    outside = sorted({b for _, b in edges} - set(group))
    for report in sorted(set(report_ids(store, outside).values())):
        for member in members_of_reports(store, [report]):
            groups.join(member, report)  # articles outside keep the report they are in
    for a, b in edges:
        groups.join(a, b)
    nodes = sorted(groups.parent)
    current = report_ids(store, nodes)
    changes = {
        node: groups.find(node)
        for node in nodes
        if current.get(node, node) != groups.find(node)
    }
    clusters = set_report_ids(store, changes)
    with store.transaction():
        store.refresh_clusters(clusters)
    return len(changes)
