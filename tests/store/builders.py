"""Hand-built records for store, analytics, export and CLI tests (no model needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyad.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    DateSource,
    Event,
    EventDate,
    EventType,
    Location,
    Mention,
    Modality,
    Precision,
    Problem,
    Quote,
    QuoteKind,
    RawDocument,
    Sentence,
)
from dyad.store.db import PendingArticle, Store

QUADS = {
    EventType.CONSULT: 1,
    EventType.AID: 2,
    EventType.ACCUSE: 3,
    EventType.ASSAULT: 4,
    EventType.SANCTION: 4,
    EventType.AGREE: 1,
}
CAMEO = {
    EventType.CONSULT: "042",
    EventType.AID: "070",
    EventType.ACCUSE: "112",
    EventType.ASSAULT: "190",
    EventType.SANCTION: "163",
    EventType.AGREE: "057",
}


def make_event(
    article_id: str,
    event_id: str,
    kind: EventType = EventType.CONSULT,
    *,
    actors: tuple[str, ...] = ("us",),
    recipients: tuple[str, ...] = ("cn",),
    day: str | None = "2023-06-14",
    modality: Modality = Modality.ASSERTED,
    location: Location | None = None,
    sentence: int = 0,
) -> Event:
    """Return an event between the hand-built actors ``us``/``cn``/``ru``."""
    date = None
    if day:
        date = EventDate(value=day, precision=Precision.DAY, source=DateSource.TEXT)
    return Event(
        article_id=article_id,
        event_id=event_id,
        type=kind,
        mode=None,
        cameo=CAMEO[kind],
        quad=QUADS[kind],
        intensity=1.0 if QUADS[kind] < 3 else -5.0,
        actor_ids=actors,
        recipient_ids=recipients,
        trigger_text="met",
        trigger_start=0,
        trigger_end=3,
        sentence_index=sentence,
        modality=modality,
        rule="test.rule",
        confidence=0.9,
        date=date,
        location=location,
    )


def make_result(
    article_id: str,
    events: tuple[Event, ...] = (),
    *,
    published: dt.date = dt.date(2023, 6, 15),
    url: str | None = None,
    source: str | None = "Example Wire",
) -> ArticleResult:
    """Return a one-sentence article with three actors, the events and one quote."""
    text = "Blinken met Xi in Beijing. \u201cWe talked,\u201d Blinken said."
    actors = (
        Actor(
            article_id=article_id,
            actor_id="us",
            name="Antony Blinken",
            kind=ActorKind.PERSON,
            code="USA",
            sector="GOV",
        ),
        Actor(
            article_id=article_id,
            actor_id="cn",
            name="Xi Jinping",
            kind=ActorKind.PERSON,
            code="CHN",
            sector="GOV",
        ),
        Actor(
            article_id=article_id,
            actor_id="ru",
            name="Russia",
            kind=ActorKind.STATE,
            code="RUS",
            sector="GOV",
        ),
    )
    return ArticleResult(
        article=Article(
            article_id=article_id,
            text=text,
            title=f"Title {article_id}",
            published=published,
            url=url,
            source=source,
            credits=("Reuters",),
        ),
        sentences=(
            Sentence(article_id=article_id, index=0, start=0, end=26),
            Sentence(article_id=article_id, index=1, start=27, end=len(text)),
        ),
        actors=actors,
        mentions=(
            Mention(
                article_id=article_id,
                actor_id="us",
                text="Blinken",
                start=0,
                end=7,
                sentence_index=0,
            ),
        ),
        events=events,
        quotes=(
            Quote(
                article_id=article_id,
                quote_id="q1",
                kind=QuoteKind.DIRECT,
                text="We talked,",
                start=28,
                end=38,
                sentence_index=1,
                speaker_id="us",
                speaker_text="Blinken",
                cue="said",
            ),
        ),
        problems=(
            Problem(
                code="clean.boilerplate_removed",
                message="removed a line",
                stage="clean",
                article_id=article_id,
            ),
        ),
    )


def put(store: Store, *results: ArticleResult) -> None:
    """Store ``results`` the way ingest does: raw input first, then the outcome."""
    store.put_pending(
        [
            PendingArticle(
                article_id=r.article.article_id,
                content_hash="hash-" + r.article.article_id,
                raw=RawDocument(
                    text=r.article.text,
                    title=r.article.title,
                    published=r.article.published,
                    url=r.article.url,
                    source=r.article.source,
                    origin="test",
                ),
            )
            for r in results
        ]
    )
    store.put_outcomes(list(results), pipeline_version="test")


def open_store(tmp_path: Path) -> Store:
    """Return a fresh store in ``tmp_path``."""
    return Store(tmp_path / "test.duckdb")
