"""Code the actors of one text with the pinned model: clean, parse, resolve.

Shared by the actor tests that compare a mention's code and sector.
"""

from __future__ import annotations

import datetime as dt

from dyad.pipeline import clean_raw
from dyad.records import RawDocument, ResolvedActors
from dyad.resources import Resources
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import parse_articles

MAY_2023 = dt.date(2023, 5, 9)


def resolve(
    resources: Resources, text: str, published: dt.date = MAY_2023
) -> ResolvedActors:
    """Return the actors and mentions the pipeline codes in ``text``."""
    item = clean_raw(RawDocument(text=text, published=published), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    return resolve_actors(parsed, kb=resources.actor_kb)


def codings(
    resources: Resources, text: str, published: dt.date = MAY_2023
) -> dict[str, tuple[str | None, str | None]]:
    """Return each mention's lower-cased words with its actor's code and sector."""
    result = resolve(resources, text, published)
    by_id = {a.actor_id: a for a in result.actors}
    return {
        m.text.lower(): (by_id[m.actor_id].code, by_id[m.actor_id].sector)
        for m in result.mentions
    }
