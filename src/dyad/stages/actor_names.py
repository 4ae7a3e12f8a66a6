"""Knowledge-base names as actors, for the actors stage.

Private helper of ``stages/actors.py``: states, demonyms, capitals and seats of power used
as actors ("Beijing agreed" -> CHN GOV), organisations, groups and regions. A capital
naming a place ("talks in Beijing", "the Cairo speech") is no actor, and a KB name that
is only part of a longer name ("Washington Post", "Liberal Democrats") is no mention.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from dyad.knowledge.actor_records import ENTRY_FORMS
from dyad.knowledge.grammar import Grammar
from dyad.records import ActorKind
from dyad.stages.actor_context import Context, KbSpan, Spec, entry_spec
from dyad.stages.actor_groups import claim, is_predicative
from dyad.stages.actor_orgs import STATE_ARMS

# Entity labels whose names may contain a country name that is not an actor mention.
_NAME_LABELS = frozenset(
    {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP"}
)


def kb_actors(ctx: Context, spans: list[KbSpan]) -> Iterator[tuple[Spec, int, int]]:
    for span in spans:
        if any(ctx.owner[span.start : span.end]) or _inside_other_name(ctx, span):
            continue
        hit = span.hits[0]
        if hit.form == "person":
            continue  # people were handled first; an unresolved name stays uncoded
        if hit.form == "capital" and (
            _is_locative(ctx.doc[span.end - 1], ctx.grammar)
            or _is_place_modifier(ctx.doc[span.end - 1])
            or _before_participle(ctx, span.end)
        ):
            continue
        if hit.form in ENTRY_FORMS and (
            _modifies_attribute(ctx, span) or _in_predicate(ctx, span)
        ):
            continue
        if hit.form == "demonym" and _is_language(ctx.doc[span.end - 1]):
            continue
        claim(ctx, span.start, span.end)
        yield entry_spec(ctx.kb, hit, ctx.published), span.start, span.end


def _modifies_attribute(ctx: Context, span: KbSpan) -> bool:
    """A state word in front of a noun it only places ("US states", "U.S. citizenship",
    "the United States presidential election"): no mention of the state."""
    token = ctx.doc[span.end - 1]
    head = token.head
    if token.dep_ not in ("compound", "amod", "nmod") or head.i <= token.i:
        return False
    return head.pos_ == "NOUN" and head.lower_ in ctx.kb.attribute_heads


def _in_predicate(ctx: Context, span: KbSpan) -> bool:
    """A state word that only says what someone is: a predicate noun ("a great
    American"), its modifier ("they are United States citizens", "called U.S.
    nationals") or the state of a predicate title ("the next President of the United
    States")."""
    entry = ctx.kb.entries.get(span.hits[0].kb_id)
    if entry is None or entry.kind is not ActorKind.STATE:
        return False
    token = ctx.doc[span.end - 1]
    if is_predicative(token):
        return True
    head = token.head
    if token.dep_ in ("compound", "amod", "nmod") and head.i > token.i:
        return head.pos_ == "NOUN" and is_predicative(head)
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i:
        title = head.head
        return ctx.kb.title_info(title.lower_) is not None and is_predicative(title)
    return False


def _is_language(token: Token) -> bool:
    """A demonym naming a language ("told a guard in French and English")."""
    if token.ent_type_ == "LANGUAGE":
        return True
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "in"


def _before_participle(ctx: Context, end: int) -> bool:
    """A capital joined to a participle by a hyphen ("a London-based group", "the
    Geneva-headquartered agency") says where something is."""
    doc = ctx.doc
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].tag_ == "VBN"
    )


def _is_place_modifier(token: Token) -> bool:
    """A capital naming where something is ("the Cairo speech", "Beijing's streets")."""
    return token.dep_ in ("compound", "nmod") and token.head.i > token.i


def _is_locative(token: Token, grammar: Grammar) -> bool:
    """True for a capital used as a place ("talks in Beijing"), not an actor."""
    head = token.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "in Beijing and Washington"
    if token.dep_ == "pobj" or (token.dep_ == "conj" and head.dep_ == "pobj"):
        prep = token.head if token.dep_ == "pobj" else head.head
        return prep.lower_ in grammar.place_prepositions
    return False


def _inside_other_name(ctx: Context, span: KbSpan) -> bool:
    """True when a KB name is only part of a longer name ("Washington Post")."""
    token = ctx.doc[span.start]
    if token.ent_type_ not in _NAME_LABELS:
        return False
    ent = _entity_of(ctx, token)
    if ent is None or (ent.start >= span.start and ent.end <= span.end):
        return False
    if token.ent_type_ == "LANGUAGE":
        return True
    for t in ent:
        if span.start <= t.i < span.end or t.i in ctx.span_at or t.is_stop:
            continue
        if (
            t.text[:1].isupper()
            and ctx.kb.institution_sector(t.lower_) not in STATE_ARMS
            and ctx.kb.modified_group_sector(t.lower_) is None
        ):
            return True
    return False


def _entity_of(ctx: Context, token: Token) -> Span | None:
    """The entity ``token`` lies in (an index built once per article, on first use)."""
    if not ctx.ent_at:
        ctx.ent_at.update(
            (i, ent) for ent in ctx.doc.ents for i in range(ent.start, ent.end)
        )
    return ctx.ent_at.get(token.i)


__all__ = ["kb_actors"]
