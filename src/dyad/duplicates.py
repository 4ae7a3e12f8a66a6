"""Copies: one article from several inputs is stored once, near copies are one report.

Two levels (#12). *One article*: inputs with the same URL after normalisation
(``urls.article_url_key``), or from one site with the same or a near-identical text, or
a text-only input with the text of another (``same_article``). The first one stored
keeps its id; the fullest copy (most text) is what the store holds, whichever order the
copies came in; every other arrival is a repeat with an ``ingest.duplicate`` problem
naming the article and where it was read. *One report*: articles kept apart whose texts
are near copies (MinHash similarity over word shingles, a syndicated story on two sites)
are linked: the ``report_id`` of every member is the smallest article id of its group,
so the result does not depend on the order articles arrived in. Event clusters count
reports, not copies, as their ``n_articles``; ``n_sources`` still counts every outlet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from dyad import fingerprints, ids, urls
from dyad.records import Problem, RawDocument
from dyad.store.copies import (
    ArticleCopyKey,
    StoredCopy,
    candidate_pairs,
    members_of_reports,
    put_copy_keys,
    report_ids,
    set_report_ids,
    stored_copies,
)
from dyad.store.db import Store

# Estimated shingle similarity from which two texts from one site are one article
# (a feed item and its page differ by a byline or a closing line); below it they may
# still be copies of one report (``fingerprints.NEAR_DUPLICATE_SIMILARITY``).
SAME_ARTICLE_SIMILARITY = 0.85


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


@dataclass(slots=True, kw_only=True)
class _Copy:
    """One article as read so far: its keys, and its place in the chunk being sorted."""

    article_id: str
    url: str | None
    url_key: str | None
    host: str | None
    origin: str
    fingerprint: str
    signature: tuple[int, ...]
    length: int
    by_text: bool = False  # no URL and no id: the text is all that names it
    slot: int | None = None  # index into the chunk's kept list, while in this chunk

    @property
    def fullness(self) -> tuple[int, str]:
        """What decides which copy is kept: more text, then the larger fingerprint."""
        return (self.length, self.fingerprint)


def _copy_of(article_id: str, raw: RawDocument, fp: str) -> _Copy:
    sig = fingerprints.signature(raw.text)
    return _Copy(
        article_id=article_id, url=raw.url, url_key=urls.article_url_key(raw.url),
        host=urls.host_of(raw.url) if urls.is_web_url(raw.url) else None,
        origin=raw.origin or "", fingerprint=fp, signature=sig, length=len(raw.text),
    )  # fmt: skip


def _stored(row: StoredCopy) -> _Copy:
    return _Copy(
        article_id=row.article_id, url=row.url, url_key=urls.article_url_key(row.url),
        host=urls.host_of(row.url) if urls.is_web_url(row.url) else None,
        origin=row.origin, fingerprint=row.fingerprint, signature=row.signature,
        length=row.length,
    )  # fmt: skip


def same_article(new: _Copy, old: _Copy) -> str | None:
    """Return why ``new`` and ``old`` are one article, or None when they are not.

    One canonical URL is one article. Without that, the same or a near-identical text
    is one article when both come from one site (a page, its feed item and a dump of
    that site), or when ``new`` has neither URL nor id. Records with their own id and
    no URL are kept apart (their ids say they are distinct). The same text on two sites
    is a syndicated copy: kept, and linked into one report by ``link_reports``.
    """
    if new.url_key is not None and new.url_key == old.url_key:
        return "same URL"
    if not new.by_text and (new.host is None or new.host != old.host):
        return None
    if new.fingerprint == old.fingerprint:
        return "same text"
    if _containment(new, old) >= SAME_ARTICLE_SIMILARITY:
        return "near-identical text from the same site"
    return None


def _containment(new: _Copy, old: _Copy) -> float:
    """Return the estimated share of the shorter text's shingles found in the other.

    From the Jaccard estimate J and the sizes (text lengths stand in for shingle
    counts): ``|A & B| = J * (|A| + |B|) / (1 + J)``. An excerpt of a page (a listing
    that extracted less text) is contained in the full text although J is low.
    """
    jaccard = fingerprints.similarity(new.signature, old.signature)
    shorter = max(min(new.length, old.length), 1)
    return min(1.0, jaccard * (new.length + old.length) / ((1 + jaccard) * shorter))


@dataclass(slots=True)
class RunLedger:
    """What one ingest run has read (and the stored copies it met), by every key."""

    store: Store
    by_id: dict[str, _Copy] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)
    by_band: dict[int, list[str]] = field(default_factory=dict)
    read: set[str] = field(default_factory=set)  # ids met in this run

    def _add(self, copy: _Copy) -> None:
        self.by_id[copy.article_id] = copy
        if copy.url_key is not None:
            self.by_url.setdefault(copy.url_key, copy.article_id)
        for key in fingerprints.band_keys(copy.signature):
            ids = self.by_band.setdefault(key, [])
            if copy.article_id not in ids:
                ids.append(copy.article_id)

    def _load_stored(self, copies: Sequence[_Copy]) -> None:
        wanted = sorted(
            {c.article_id for c in copies}
            | {ids.article_id(url=c.url, text="") for c in copies if c.url}
        )
        bands = sorted({b for c in copies for b in fingerprints.band_keys(c.signature)})
        for row in stored_copies(self.store, wanted, bands):
            if row.article_id not in self.by_id:
                self._add(_stored(row))

    def _match(self, new: _Copy) -> tuple[_Copy, str] | None:
        """Return the fullest article read (or stored) that ``new`` repeats, and why."""
        seen = [self.by_url[new.url_key]] if new.url_key in self.by_url else []
        for key in fingerprints.band_keys(new.signature):
            seen.extend(self.by_band.get(key, ()))
        found = []
        for article_id in dict.fromkeys(seen):
            old = self.by_id[article_id]
            why = None if old.article_id == new.article_id else same_article(new, old)
            if why is not None:
                found.append((old.fullness, old.article_id, old, why))
        return max(found)[2:] if found else None

    def sort_out(
        self, candidates: Sequence[tuple[str, RawDocument, bool]]
    ) -> tuple[list[tuple[int, str]], list[tuple[str, Problem]], int]:
        """Return ``(position, article id to store it under)`` for the candidates to go
        on, the problems (with the origin of their document), and the repeats.

        Each candidate is ``(article id, raw document, text-identified)``. A repeat of
        an id with the same text is dropped quietly; with other text it is a problem
        (the first record wins). A copy of another article (``same_article``) is a
        repeat with a problem naming that article and where it was read: when it has
        more text, it takes that article's place under that article's id.
        """
        copies = [
            replace(
                _copy_of(a, raw, fingerprints.text_fingerprint(raw.text)), by_text=t
            )
            for a, raw, t in candidates
        ]
        self._load_stored(copies)
        keep: list[tuple[int, str]] = []
        problems: list[tuple[str, Problem]] = []
        repeats = 0
        for position, new in enumerate(copies):
            repeats += self._place(position, new, keep, problems)
        for entry in self.by_id.values():
            entry.slot = None
        return keep, problems, repeats

    def _place(
        self,
        position: int,
        new: _Copy,
        keep: list[tuple[int, str]],
        problems: list[tuple[str, Problem]],
    ) -> int:
        """Sort out one candidate; return 1 when it repeats an article, else 0."""
        old = self.by_id.get(new.article_id)
        if old is not None and new.article_id in self.read:
            if old.fingerprint != new.fingerprint:
                problems.append((new.origin, _conflict(new.article_id, new.origin)))
            return 1
        if old is not None and old.origin != new.origin and old.fullness > new.fullness:
            problems.append((new.origin, _repeat(old, new, "same id")))
            return self._remember(new)
        found = None if old is not None else self._match(new)
        if found is None:
            new.slot = len(keep)
            keep.append((position, new.article_id))
            self._add(new)
            self.read.add(new.article_id)
            return 0
        old, why = found
        if old.fullness >= new.fullness:
            problems.append((new.origin, _repeat(old, new, why)))
            return self._remember(new)
        problems.append((new.origin, _replace(old, new, why)))
        taken = replace(new, article_id=old.article_id, slot=old.slot)
        if taken.slot is None:
            taken.slot = len(keep)
            keep.append((position, old.article_id))
        else:
            keep[taken.slot] = (position, old.article_id)
        self._add(taken)
        self.read.add(old.article_id)
        return self._remember(new)

    def _remember(self, new: _Copy) -> int:
        """Note a repeat's own id, so that a later record with it is known; return 1."""
        self.by_id.setdefault(new.article_id, new)
        self.read.add(new.article_id)
        return 1


def _conflict(article_id: str, origin: str) -> Problem:
    return Problem(
        code="input.duplicate_id",
        stage="ingest",
        message=f"{origin}: id {article_id!r} was already read in this run with "
        "other text; kept the first record, give each article its own id",
    )


def _repeat(old: _Copy, new: _Copy, why: str) -> Problem:
    return Problem(
        code="ingest.duplicate",
        stage="ingest",
        message=f"{new.origin}: repeats article {old.article_id} ({why}) read from "
        f"{old.origin or 'an earlier input'}; kept that copy ({old.length} characters "
        f"of text against {new.length}), this one is not stored again",
    )


def _replace(old: _Copy, new: _Copy, why: str) -> Problem:
    return Problem(
        code="ingest.duplicate",
        stage="ingest",
        message=f"{new.origin}: repeats article {old.article_id} ({why}) read from "
        f"{old.origin or 'an earlier input'} with more text ({new.length} characters "
        f"against {old.length}); article {old.article_id} now holds this copy, the "
        "copy read before is not kept",
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
