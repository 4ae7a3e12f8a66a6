"""The article page's data: one stored article, its records and the highlighted text.

``/article/{id}`` renders it; its JSON twin ``/api/articles/{id}`` serves the same
``ArticleResult`` as ``dyad.article/1``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from dyad.records import Actor, Article, ArticleResult, Event, Problem, Quote, TimeExpr
from dyad.web.formatting import NONE_SHOWN
from dyad.web.viewer import actor_label, highlight


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """An event with its actors and recipients named."""

    event: Event
    actors: str
    recipients: str
    reported_by: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRow:
    """An actor and how often it is mentioned."""

    actor: Actor
    mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRow:
    """A quote with its speaker named."""

    quote: Quote
    speaker: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticlePage:
    """Everything the article page shows."""

    title: str
    article: Article
    text_html: Markup
    events: tuple[EventRow, ...]
    actors: tuple[ActorRow, ...]
    quotes: tuple[QuoteRow, ...]
    times: tuple[TimeExpr, ...]
    problems: tuple[Problem, ...]


def _names(ids: tuple[str, ...], actors: dict[str, Actor]) -> str:
    return ", ".join(actor_label(actors.get(i)) for i in ids) or NONE_SHOWN


def build_article_page(result: ArticleResult) -> ArticlePage:
    """Return the article page for ``result``."""
    actors = {a.actor_id: a for a in result.actors}
    counts = Counter(m.actor_id for m in result.mentions)
    article = result.article
    return ArticlePage(
        title=article.title or f"Article {article.article_id}",
        article=article,
        text_html=highlight(result),
        events=tuple(
            EventRow(
                event=e,
                actors=_names(e.actor_ids, actors),
                recipients=_names(e.recipient_ids, actors),
                reported_by=actor_label(actors.get(e.reported_by))
                if e.reported_by
                else None,
            )
            for e in result.events
        ),
        actors=tuple(
            ActorRow(actor=a, mentions=counts[a.actor_id]) for a in result.actors
        ),
        quotes=tuple(
            QuoteRow(
                quote=q,
                speaker=actor_label(actors.get(q.speaker_id))
                if q.speaker_id
                else (q.speaker_text or "unknown speaker"),
            )
            for q in result.quotes
        ),
        times=result.times,
        problems=result.problems,
    )
