"""Load a corpus into the store: read, store raw input, run the pipeline, write results.

One writer (this process) owns the store. With ``workers > 1`` the parsing runs in a
pool of processes that each load the model once; at most ``2 * workers`` chunks are in
flight, so memory stays flat however large the corpus. An article is skipped when the
store already holds it with the same content and pipeline version, so running the same
command again changes nothing, and after a crash it finishes the articles left
``pending``. Cross-article event clusters are updated once, at the end of a run.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from dyad import duplicates, ids, lifeline
from dyad import readers as ingest
from dyad.errors import DyadError
from dyad.knowledge.files import data_path
from dyad.pipeline import STAGES, run_many
from dyad.records import ArticleFailure, ArticleResult, Problem, RawDocument
from dyad.resources import Resources
from dyad.settings import Settings
from dyad.stages import clean, nlp
from dyad.store.clusters import update_clusters
from dyad.store.db import PendingArticle, Store, StoredState

logger = logging.getLogger(__name__)

Outcome = ArticleResult | ArticleFailure
# Articles per chunk sent to a worker and written in one transaction: large enough to
# keep nlp.pipe batches full, small enough that a crash loses little work.
CHUNK_SIZE = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How to run an ingest."""

    workers: int = 1
    chunk_size: int = CHUNK_SIZE
    force: bool = False  # re-process articles already stored unchanged
    fail_fast: bool = False


@dataclass(slots=True)
class IngestStats:
    """Running totals of an ingest, passed to the progress callback."""

    files: int = 0
    read: int = 0
    skipped: int = 0
    processed: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    file_problems: int = 0
    duplicates: int = 0  # repeats of an article already read (#12)
    clusters: int = 0


Progress = Callable[[IngestStats], None]


def pipeline_version(settings: Settings) -> str:
    """Return the version string of the whole pipeline (model and every stage)."""
    parts = [settings.model, clean.VERSION, nlp.VERSION, ingest.VERSION]
    # clean and nlp are named above (their place in the string predates their rows)
    parts += [s.version for s in STAGES if s.name not in ("clean", "nlp")]
    parts.append(_packaged_data_hash())
    found = settings.data_dir.rglob("*") if settings.data_dir else ()
    mine = sorted(p for p in found if p.suffix in (".yaml", ".json") and p.is_file())
    for path in (*settings.actor_files, *settings.event_files, *mine):  # user data too
        try:
            parts.append(ids.content_hash(path.read_text(encoding="utf-8"))[:8])
        except OSError as e:
            raise DyadError(f"{path}: cannot read: {e.strerror}") from e
    return "+".join(parts)


def _packaged_data_hash() -> str:
    """Hash the packaged knowledge files: an edited dictionary means new results."""
    root = data_path()
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and "samples" not in p.parts
    )
    material = "".join(
        f"{p.relative_to(root).as_posix()}:{ids.content_hash(p.read_text('utf-8'))};"
        for p in files
        if p.suffix in (".yaml", ".yml", ".txt", ".tsv", ".csv", ".json")
    )
    return "data-" + ids.content_hash(material)[:12]


def raw_hash(raw: RawDocument) -> str:
    """Return the content hash of a raw document and its metadata."""
    meta = (raw.title, raw.published, raw.url, raw.source)
    return ids.content_hash("\x1f".join(map(str, meta)) + "\x1e" + raw.text)


class _Processor:
    """Runs the pipeline over chunks, in this process or in a pool of workers."""

    def __init__(self, settings: Settings, options: IngestOptions) -> None:
        self.options = options
        self.pool: ProcessPoolExecutor | None = None
        self.resources: Resources | None = None
        if options.workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=options.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(settings,),
            )
        else:
            self.resources = Resources(settings)

    def run(self, chunks: Iterable[list[RawDocument]]) -> Iterator[list[Outcome]]:
        """Yield the outcomes of each chunk, in the order the chunks came."""
        if self.resources is not None:
            for chunk in chunks:
                yield process_chunk(chunk, self.resources, self.options.fail_fast)
            return
        if self.pool is None:
            raise RuntimeError("processor has neither resources nor a pool; a bug")
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            pending.append(self.pool.submit(_work, chunk, self.options.fail_fast))
            if len(pending) >= 2 * self.options.workers:
                yield _outcomes(pending.popleft())
        while pending:
            yield _outcomes(pending.popleft())

    def close(self) -> None:
        """Stop the workers."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _outcomes(future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool as e:
        raise DyadError(
            "a worker process died (out of memory?); what was stored is kept: "
            "run the same command again to finish, perhaps with fewer --workers"
        ) from e


_WORKER: dict[str, Resources] = {}


def _init_worker(settings: Settings) -> None:
    lifeline.watch_parent()  # #12: a killed ingest leaves no workers behind
    resources = Resources(settings)
    resources.nlp  # noqa: B018 — load the model once, when the worker starts
    _WORKER["resources"] = resources


def _work(chunk: list[RawDocument], fail_fast: bool) -> list[Outcome]:
    return process_chunk(chunk, _WORKER["resources"], fail_fast)


def process_chunk(
    chunk: Sequence[RawDocument], resources: Resources, fail_fast: bool = False
) -> list[Outcome]:
    """Run the pipeline over one chunk (the runner guards every stage of every
    article, so a chunk never fails as a whole)."""
    return list(run_many(chunk, resources, fail_fast=fail_fast))


class _Writer:
    """Decides what to process, stores raw input first, writes the outcomes."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: IngestOptions,
        progress: Progress | None,
    ) -> None:
        self.store, self.options, self.progress = store, options, progress
        self.version = pipeline_version(settings)
        self.stats = IngestStats()
        self.ledger = duplicates.RunLedger(store)
        self.by_text: set[str] = set()  # ids that come from the text (#12)
        # problems found here, with their document's origin, stored with its file's
        self.held: list[tuple[str, Problem]] = []
        self.touched: list[str] = []

    def pending_chunks(
        self, items: Iterable[RawDocument | ingest.FileReport]
    ) -> Iterator[list[RawDocument]]:
        """Yield chunks of documents to process, each stored as pending first.

        Documents are checked against the store a chunk at a time (one query), so a
        chunk holds at most ``chunk_size`` documents. A file's report waits until its
        documents are sorted out, so that the problems of its repeats are stored with
        it whatever the chunk boundaries (and the same as on the Dask engine).
        """
        candidates: list[PendingArticle] = []
        reports: list[ingest.FileReport] = []
        for item in items:
            if isinstance(item, ingest.FileReport):
                reports.append(item)
                if not candidates:
                    reports = self._files_done(reports)
                continue
            candidates.append(self._candidate(item))
            if len(candidates) >= self.options.chunk_size:
                chunk = self._admit(candidates)
                candidates, reports = [], self._files_done(reports)
                if chunk:
                    yield self._flush(chunk)
        chunk = self._admit(candidates)
        self._files_done(reports)
        if chunk:
            yield self._flush(chunk)

    def _files_done(self, reports: list[ingest.FileReport]) -> list[ingest.FileReport]:
        """Store the problems of ``reports``; return the empty list of those waiting."""
        for report in reports:
            self._file_done(report)
        return []

    def _file_done(self, report: ingest.FileReport) -> None:
        self.stats.files += 1
        mine = [p for o, p in self.held if _belongs_to(o, report.origin)]
        self.held = [(o, p) for o, p in self.held if not _belongs_to(o, report.origin)]
        problems = (*report.problems, *mine)
        self.stats.file_problems += len(report.problems)  # repeats are counted apart
        self.store.put_read_problems(report.origin, problems)
        for p in problems:
            logger.info("%s", p.message)

    def finish(self) -> None:
        """Store the problems of documents that came without a file report."""
        for origin in sorted({o for o, _ in self.held}):
            self.store.put_read_problems(
                origin, [p for o, p in self.held if o == origin]
            )
        self.held = []

    def _candidate(self, raw: RawDocument) -> PendingArticle:
        self.stats.read += 1
        article_id = ids.article_id(url=raw.url, text=raw.text, given=raw.doc_id)
        if duplicates.is_text_identified(raw):
            self.by_text.add(article_id)
        return PendingArticle(
            article_id=article_id,
            content_hash=raw_hash(raw),
            raw=replace(raw, doc_id=article_id),
        )

    def _admit(self, candidates: list[PendingArticle]) -> list[PendingArticle]:
        """Keep the candidates not read before in this run and not stored unchanged."""
        keep, problems, repeats = self.ledger.sort_out(
            [(c.article_id, c.raw, c.article_id in self.by_text) for c in candidates]
        )
        self.held.extend(problems)
        self.stats.duplicates += repeats
        fresh = [_stored_as(candidates[i], article_id) for i, article_id in keep]
        states = (
            {}
            if self.options.force
            else self.store.stored_states([c.article_id for c in fresh])
        )
        admitted = []
        for c in fresh:
            if self._is_current(states.get(c.article_id), c.content_hash):
                self.stats.skipped += 1
            else:
                admitted.append(c)
        return admitted

    def _is_current(self, state: StoredState | None, content: str) -> bool:
        return (
            state is not None
            and state.content_hash == content
            and state.status in ("done", "failed")
            and state.pipeline_version == self.version
        )

    def _flush(self, chunk: list[PendingArticle]) -> list[RawDocument]:
        self.store.put_pending(chunk)
        duplicates.store_copy_keys(
            self.store, [(item.article_id, item.raw.text) for item in chunk]
        )
        self.touched.extend(item.article_id for item in chunk)
        return [item.raw for item in chunk]

    def write(self, outcomes: list[Outcome]) -> None:
        """Store one chunk's outcomes and report progress."""
        self.store.put_outcomes(outcomes, pipeline_version=self.version)
        logger.info("stored %d articles", len(outcomes))
        for outcome in outcomes:
            self.stats.processed += 1
            if isinstance(outcome, ArticleFailure):
                self.stats.failed += 1
            else:
                self.stats.events += len(outcome.events)
                self.stats.quotes += len(outcome.quotes)
        if self.progress:
            self.progress(self.stats)


def _stored_as(candidate: PendingArticle, article_id: str) -> PendingArticle:
    """Return ``candidate`` under ``article_id`` (a fuller copy takes an article's id)."""
    if candidate.article_id == article_id:
        return candidate
    return replace(
        candidate, article_id=article_id, raw=replace(candidate.raw, doc_id=article_id)
    )


def _belongs_to(document_origin: str, origin: str) -> bool:
    """Return True when ``document_origin`` is the file ``origin`` or a record of it."""
    return document_origin == origin or document_origin.startswith(f"{origin}#")


def _run(
    items: Iterable[RawDocument | ingest.FileReport],
    store: Store,
    settings: Settings,
    options: IngestOptions,
    progress: Progress | None,
) -> IngestStats:
    writer = _Writer(store, settings, options, progress)
    processor = _Processor(settings, options)
    try:
        for outcomes in processor.run(writer.pending_chunks(items)):
            writer.write(outcomes)
    finally:
        processor.close()
    writer.finish()
    duplicates.link_reports(store, writer.touched)
    writer.stats.clusters = update_clusters(store)
    if progress:
        progress(writer.stats)
    return writer.stats


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    *,
    options: IngestOptions = IngestOptions(),
    read_options: ingest.ReadOptions | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Read every file under ``paths`` into ``store``; return the run's totals."""
    read = read_options or ingest.ReadOptions(max_bytes=settings.max_input_bytes)
    items = ingest.read_paths(paths, options=read)
    return _run(items, store, settings, options, progress)


def ingest_documents(
    documents: Iterable[RawDocument],
    store: Store,
    settings: Settings,
    *,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestStats:
    """Store and process already-read documents (library use, benchmarks)."""
    return _run(documents, store, settings, options, progress)


def rerun_failed(
    store: Store,
    settings: Settings,
    *,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestStats:
    """Process again every article whose last run failed, from its stored raw input."""
    failed = list(store.raw_documents(status="failed"))
    return _run(failed, store, settings, replace(options, force=True), progress)


def partition_writer(store: Store, settings: Settings) -> _Writer:
    """Return the writer a cluster worker fills its private store with (#14)."""
    return _Writer(store, settings, IngestOptions(), None)
