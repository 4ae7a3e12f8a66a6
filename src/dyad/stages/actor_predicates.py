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
    """The sector a verb the subject ``token`` goes with gives (see ``_verbs_of``)."""
    for verb, voice in _verbs_of(token):
        if verb.pos_ == "VERB":
            sector = ctx.kb.predicate_sector(verb.lemma_, voice)
            if sector is not None:
                return sector
    return None


def _verbs_of(token: Token) -> list[tuple[Token, str]]:
    """The verbs a name is the subject (or, voice ``object``, the object) of, with
    their voice: its own verb (or its head's, for an apposition) and the verbs
    coordinated with it; a participle on that verb ("X appeared in court, charged
    with fraud"); a participle or relative clause on the name itself ("X, arrested in
    May, ..."; "X, who was charged ...")."""
    found: list[tuple[Token, str]] = []
    if token.dep_ == "appos":  # "An Australian, X, appeared ..., charged with ..."
        token = token.head
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        found.append((token.head, "object"))  # "police arrested X"
    if _is_suspected_to_be(token):  # "a prisoner, suspected to be X"
        found.append((token.head.head, "passive"))
    if token.dep_ in ("nsubj", "nsubjpass"):
        voice = "passive" if token.dep_ == "nsubjpass" else "active"
        verb = token.head
        found.append((verb, voice))
        for child in verb.children:
            if child.dep_ == "conj":
                found.append((child, voice))
            elif child.dep_ == "advcl" and child.tag_ == "VBN":
                found.append((child, "passive"))
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            found.append((child, "passive"))
        elif child.dep_ == "relcl":
            deps = {c.dep_ for c in child.children}
            if "nsubjpass" in deps:
                found.append((child, "passive"))
            elif "nsubj" in deps:
                found.append((child, "active"))
    return found


def _is_suspected_to_be(token: Token) -> bool:
    """True for the X of "(a prisoner) suspected / believed to be X"."""
    be = token.head
    return (
        token.dep_ == "attr"
        and be.lemma_ == "be"
        and be.dep_ == "xcomp"
        and be.head.tag_ == "VBN"
    )


__all__ = ["predicate_sectors"]
