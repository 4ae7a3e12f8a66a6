"""Rows of the store turned back into records (the only place that does so)."""

from __future__ import annotations

from typing import Any

import duckdb

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
    Sentence,
    TimeExpr,
)

EVENT_COLUMNS = (
    "article_id, event_id, type, mode, cameo, quad, intensity, actor_ids, "
    "recipient_ids, "
    "trigger_text, trigger_start, trigger_end, sentence_index, modality, rule, "
    "confidence, date_value, date_precision, date_source, date_time_id, location_name, "
    "location_code, location_lat, location_lon, reported_by, coder"
)


def _all(
    con: duckdb.DuckDBPyConnection, sql: str, article_id: str
) -> list[tuple[Any, ...]]:
    return con.execute(sql, [article_id]).fetchall()


def article_from_row(row: tuple[Any, ...]) -> Article:
    """Build an ``Article`` from ``article_id, text, title, published, source, url,
    credits, language``."""
    return Article(
        article_id=row[0],
        text=row[1] or "",
        title=row[2],
        published=row[3],
        source=row[4],
        url=row[5],
        credits=tuple(row[6] or ()),
        language=row[7] or "en",
    )


def event_from_row(row: tuple[Any, ...]) -> Event:
    """Build an ``Event`` from a row with ``EVENT_COLUMNS``."""
    date = None
    if row[16] is not None or row[18] is not None:
        date = EventDate(
            value=row[16],
            precision=Precision(row[17]) if row[17] else None,
            source=DateSource(row[18]) if row[18] else None,
            time_id=row[19],
        )
    location = None
    if row[20] is not None:
        location = Location(name=row[20], code=row[21], lat=row[22], lon=row[23])
    return Event(
        article_id=row[0],
        event_id=row[1],
        type=EventType(row[2]),
        mode=row[3],
        cameo=row[4],
        quad=row[5],
        intensity=row[6],
        actor_ids=tuple(row[7] or ()),
        recipient_ids=tuple(row[8] or ()),
        trigger_text=row[9],
        trigger_start=row[10],
        trigger_end=row[11],
        sentence_index=row[12],
        modality=Modality(row[13]),
        rule=row[14] or "",
        confidence=row[15],
        date=date,
        location=location,
        reported_by=row[24],
        coder=row[25] or "",
    )


def actor_from_row(row: tuple[Any, ...]) -> Actor:
    """Build an ``Actor`` from a full ``actors`` row."""
    return Actor(
        article_id=row[0],
        actor_id=row[1],
        name=row[2],
        kind=ActorKind(row[3]),
        code=row[4],
        sector=row[5],
        org=row[6],
        title=row[7],
        kb_id=row[8],
        confidence=row[9],
        coder=row[10] or "",
    )


def load_result(
    con: duckdb.DuckDBPyConnection, article_id: str
) -> ArticleResult | None:
    """Return the stored records of one article, or None when it is not stored."""
    rows = con.execute(
        "SELECT article_id, text, title, published, source, url, credits, language "
        "FROM articles WHERE article_id = ?",
        [article_id],
    ).fetchall()
    if not rows:
        return None
    row = rows[0]
    sentences = _all(
        con,
        'SELECT article_id, "index", start, "end" FROM sentences '
        'WHERE article_id = ? ORDER BY "index"',
        article_id,
    )
    actors = _all(
        con, "SELECT * FROM actors WHERE article_id = ? ORDER BY seq", article_id
    )
    mentions = _all(
        con,
        'SELECT article_id, actor_id, text, start, "end", sentence_index '
        "FROM mentions WHERE article_id = ? ORDER BY seq",
        article_id,
    )
    times = _all(
        con,
        "SELECT * FROM times WHERE article_id = ? ORDER BY seq",
        article_id,
    )
    events = _all(
        con,
        f"SELECT {EVENT_COLUMNS} FROM events WHERE article_id = ? ORDER BY seq",
        article_id,
    )
    quotes = _all(
        con,
        "SELECT * FROM quotes WHERE article_id = ? ORDER BY seq",
        article_id,
    )
    problems = _all(
        con,
        'SELECT code, message, stage, article_id, start, "end" FROM problems '
        "WHERE article_id = ? ORDER BY code, start NULLS FIRST, message",
        article_id,
    )
    return ArticleResult(
        article=article_from_row(row),
        sentences=tuple(
            Sentence(article_id=r[0], index=r[1], start=r[2], end=r[3])
            for r in sentences
        ),
        actors=tuple(actor_from_row(r) for r in actors),
        mentions=tuple(
            Mention(
                article_id=r[0],
                actor_id=r[1],
                text=r[2],
                start=r[3],
                end=r[4],
                sentence_index=r[5],
            )
            for r in mentions
        ),
        times=tuple(
            TimeExpr(
                article_id=r[0],
                time_id=r[1],
                text=r[2],
                start=r[3],
                end=r[4],
                sentence_index=r[5],
                value=r[6],
                precision=Precision(r[7]) if r[7] else None,
                anchor=r[8],
                coder=r[9] or "",
            )
            for r in times
        ),
        events=tuple(event_from_row(r) for r in events),
        quotes=tuple(
            Quote(
                article_id=r[0],
                quote_id=r[1],
                kind=QuoteKind(r[2]),
                text=r[3],
                start=r[4],
                end=r[5],
                sentence_index=r[6],
                speaker_id=r[7],
                speaker_text=r[8],
                cue=r[9],
                coder=r[10] or "",
            )
            for r in quotes
        ),
        problems=tuple(
            Problem(
                code=r[0],
                message=r[1],
                stage=r[2],
                article_id=r[3],
                start=r[4],
                end=r[5],
            )
            for r in problems
        ),
    )
