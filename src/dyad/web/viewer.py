"""The article viewer: the cleaned text with actors, times, event triggers and quotes
marked up, their codes in tooltips, like a parse viewer.

Spans are nested into a tree (a quote holds the mentions and triggers inside it); a span
that crosses the end of its container is cut at that end, so the markup is always well
formed. Offsets are half-open ``[start, end)`` into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from dyad.records import Actor, ArticleResult, Event, Mention, Quote, TimeExpr

# Outer kinds first when two spans start and end at the same place.
_KIND_ORDER = {"quote": 0, "event": 1, "actor": 2, "time": 3}


@dataclass(slots=True)
class Span:
    """One marked range of the text: its kind, tooltip and HTML attributes."""

    start: int
    end: int
    kind: str
    tip: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Span] = field(default_factory=list)


def actor_label(actor: Actor | None) -> str:
    """Return ``Name (CODE SECTOR)`` for an actor, or ``?``."""
    if actor is None:
        return "?"
    codes = " ".join(c for c in (actor.code or actor.org, actor.sector) if c)
    return f"{actor.name} ({codes})" if codes else actor.name


def event_tip(event: Event, actors: dict[str, Actor]) -> str:
    """Return a one-line description of ``event`` for a tooltip."""
    who = ", ".join(actor_label(actors.get(i)) for i in event.actor_ids) or "?"
    whom = ", ".join(actor_label(actors.get(i)) for i in event.recipient_ids)
    mode = f" ({event.mode})" if event.mode else ""
    date = event.date.value if event.date and event.date.value else "undated"
    where = f" in {event.location.name}" if event.location else ""
    arrow = f" → {whom}" if whom else ""
    return (
        f"{event.type}{mode} · CAMEO {event.cameo or '-'} · quad {event.quad}: "
        f"{who}{arrow} · {event.modality} · {date}{where} · rule {event.rule}"
    )


def _mention_span(mention: Mention, actors: dict[str, Actor]) -> Span:
    actor = actors.get(mention.actor_id)
    kind = str(actor.kind) if actor else "unknown"
    tip = f"{actor_label(actor)} · {kind}"
    if actor and actor.title:
        tip += f" · {actor.title}"
    return Span(
        mention.start,
        mention.end,
        "actor",
        tip,
        {"data-actor": mention.actor_id, "data-kind": kind},
    )


def _time_span(time: TimeExpr) -> Span:
    precision = f" ({time.precision})" if time.precision else ""
    return Span(
        time.start, time.end, "time", f"time: {time.value or 'unknown'}{precision}"
    )


def _event_span(event: Event, actors: dict[str, Actor]) -> Span:
    roles = " ".join([*event.actor_ids, *event.recipient_ids])
    return Span(
        event.trigger_start,
        event.trigger_end,
        "event",
        event_tip(event, actors),
        {
            "id": f"ev-{event.event_id}",
            "data-roles": roles,
            "data-modality": str(event.modality),
            "data-quad": str(event.quad),
        },
    )


def _quote_span(quote: Quote, actors: dict[str, Actor]) -> Span:
    speaker = (
        actor_label(actors.get(quote.speaker_id or ""))
        if quote.speaker_id
        else (quote.speaker_text or "unknown speaker")
    )
    return Span(
        quote.start,
        quote.end,
        "quote",
        f"{quote.kind} quote · speaker: {speaker}",
        {"id": f"q-{quote.quote_id}", "data-actor": quote.speaker_id or ""},
    )


def collect_spans(result: ArticleResult) -> list[Span]:
    """Return every span to mark in ``result``, valid ones only, in document order."""
    actors = {a.actor_id: a for a in result.actors}
    spans = [
        *(_quote_span(q, actors) for q in result.quotes),
        *(_event_span(e, actors) for e in result.events),
        *(_mention_span(m, actors) for m in result.mentions),
        *(_time_span(t) for t in result.times),
    ]
    size = len(result.article.text)
    valid = [s for s in spans if 0 <= s.start < s.end <= size]
    return sorted(valid, key=lambda s: (s.start, -s.end, _KIND_ORDER[s.kind]))


def nest_spans(spans: Sequence[Span], size: int) -> Span:
    """Return a root span over ``[0, size)`` holding ``spans`` as a well-formed tree."""
    root = Span(0, size, "root", "")
    stack = [root]
    for span in spans:
        while span.start >= stack[-1].end:
            stack.pop()
        parent = stack[-1]
        if span.end > parent.end:
            span.end = parent.end  # crosses its container: cut at the container's end
        if span.start >= span.end:
            continue
        parent.children.append(span)
        stack.append(span)
    return root


def _render(span: Span, text: str) -> Iterator[str]:
    cursor = span.start
    for child in span.children:
        yield str(escape(text[cursor : child.start]))
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in child.attrs.items())
        yield (f'<span class="hl hl-{child.kind}" title="{escape(child.tip)}"{attrs}>')
        yield from _render(child, text)
        yield "</span>"
        cursor = child.end
    yield str(escape(text[cursor : span.end]))


def highlight(result: ArticleResult) -> Markup:
    """Return the article text as HTML with every record's span marked up."""
    text = result.article.text
    root = nest_spans(collect_spans(result), len(text))
    return Markup("".join(_render(root, text)))
