"""Sectors from what the text says a private person did or underwent, for the actors
stage.

Private helper of ``stages/actors.py``. A named person the text gives no title, body or
known office is coded a civilian by default; when one of their mentions is the subject
of a verb the knowledge base ties to a sector ("X was charged with murder", "X pleaded
not guilty" -> CRM, ``predicate_sectors`` in ``data/actors/titles.yaml``), every
mention of that person takes the sector instead.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.records import ActorKind
from dyad.stages.actor_context import Context, Spec
from dyad.stages.actor_people import PRIVATE_SECTOR

Found = tuple[Spec, int, int]


def predicate_sectors(ctx: Context, found: list[Found]) -> list[Found]:
    """Return ``found`` with private people recoded by the verbs they are subjects of."""
    sectors: dict[str, str] = {}
    for spec, start, end in found:
        if not _is_private(spec) or spec.identity in sectors:
            continue
        sector = _predicate_sector(ctx, ctx.doc[start:end].root)
        if sector is not None:
            sectors[spec.identity] = sector
    if not sectors:
        return found
    return [
        (replace(spec, sector=sectors[spec.identity]), start, end)
        if spec.identity in sectors
        else (spec, start, end)
        for spec, start, end in found
    ]


def _is_private(spec: Spec) -> bool:
    """A person coded a civilian only because nothing says otherwise."""
    return (
        spec.kind is ActorKind.PERSON
        and spec.kb_id is None
        and spec.sector == PRIVATE_SECTOR
        and spec.title is None
        and spec.org is None
    )


def _predicate_sector(ctx: Context, token: Token) -> str | None:
    """The sector the verb (or a verb coordinated with it) of a subject gives."""
    if token.dep_ == "nsubjpass":
        voice = "passive"
    elif token.dep_ == "nsubj":
        voice = "active"
    else:
        return None
    verb = token.head
    for candidate in (verb, *(c for c in verb.children if c.dep_ == "conj")):
        if candidate.pos_ != "VERB":
            continue
        sector = ctx.kb.predicate_sector(candidate.lemma_, voice)
        if sector is not None:
            return sector
    return None


__all__ = ["predicate_sectors"]
