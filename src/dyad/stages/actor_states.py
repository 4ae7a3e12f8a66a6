"""The state a sentence or a title names, for the actors stage: the one state of a
sentence's names and places, the province or city that opens a title.

Private helper of ``stages/actor_people.py`` and ``stages/actor_merge.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.records import ActorKind
from dyad.stages.actor_context import Context, KbSpan
from dyad.stages.actor_groups import sentence_place


def sentence_state(
    ctx: Context, token: Token, exclude: str | None = None
) -> str | None:
    """The one state that the state names and demonyms of ``token``'s sentence, and the
    places after its "in"s, belong to (``exclude`` aside); None when they name none or
    several."""
    codes: set[str] = set()
    sent = token.sent
    for i in range(sent.start, sent.end):
        span = ctx.span_at.get(i)
        if (
            span is not None
            and span.start == i
            and span.hits[0].form != "person"
            and not _starts_person(ctx, span)
        ):
            entry = ctx.kb.entry(span.hits[0].kb_id)
            if entry.kind is ActorKind.STATE and entry.code:
                codes.add(entry.code)
    place = sentence_place(ctx, token)
    if place is not None:
        codes.add(place)
    if exclude is not None:
        codes.discard(exclude)
    return codes.pop() if len(codes) == 1 else None


def title_place(ctx: Context, title: str) -> str | None:
    """The state of a province or city that opens a title ("Ontario Premier",
    "British Columbia premier")."""
    words = title.split()
    for size in range(min(len(words) - 1, 3), 0, -1):
        code = ctx.kb.place_state(" ".join(words[:size]))
        if code is not None:
            return code
    return None


def _starts_person(ctx: Context, span: KbSpan) -> bool:
    """True when ``span`` is the given name of a longer person's name ("Jordan" of
    "Jordan Peterson"), which names no state."""
    return span.start in ctx.given_name_states


__all__ = ["sentence_state", "title_place"]
