"""Organisations the parser finds that the knowledge base does not know, for the actors
stage.

Private helper of ``stages/actors.py``. An ``ORG`` entity is coded from its name: a state
arm ("Russian Defence Ministry" -> RUS GOV), an IGO body, or a body whose kind an
institution word gives ("Bradford Council", "Deakin University") with the state of a
place or people in its name, else the article's dominant state; other names stay
uncoded with low confidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from dyad.knowledge.grammar import Grammar
from dyad.records import ActorKind
from dyad.stages.actor_context import Context, Spec, affiliation_of
from dyad.stages.actor_groups import claim

# Confidence of an organisation known only from the parser's ORG label.
UNKNOWN_ORG_CONFIDENCE = 0.4
# Institution sectors that make "<state> <word>" an arm of that state ("Russian Defence
# Ministry") rather than a name that merely contains a country ("Bank of China").
STATE_ARMS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})


def other_organizations(ctx: Context) -> Iterator[tuple[Spec, int, int]]:
    for ent in ctx.doc.ents:
        if ent.label_ != "ORG" or any(ctx.owner[ent.start : ent.end]):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        stop = ent.end - (1 if ent[-1].text in ("'s", "\u2019s") else 0)
        name = ctx.doc[start:stop].text
        if (
            not _is_organization_name(name, ctx.grammar, _caseless_body(ctx, ent))
            or ctx.kb.is_thing(name)
            or ctx.kb.place_state(name) is not None
        ):
            continue
        if stop <= start:
            continue
        spec = _organization_spec(ctx, ctx.doc[start:stop], name)
        claim(ctx, start, stop)
        yield spec, start, stop


def _is_organization_name(name: str, grammar: Grammar, caseless: bool = False) -> bool:
    """Reject what the parser wrongly labels ORG ("Omsk in Siberia", "Goma, X"); a
    lower-case name only when ``caseless`` (see ``_caseless_body``)."""
    if "\n" in name or len(name) < 2 or "," in name:
        return False
    if not (name[:1].isupper() or caseless):
        return False
    return not any(word in grammar.not_in_names for word in name.split())


def _caseless_body(ctx: Context, ent: Span) -> bool:
    """In lower-cased text, an ORG the parser finds in lower case ("the senate",
    "congress") is kept when a word of it names a kind of institution, which codes it
    as its capitalised form would be."""
    return ctx.casing != "cased" and any(
        ctx.kb.institution_sector(token.lower_) is not None for token in ent
    )


def _organization_spec(ctx: Context, span: Span, name: str) -> Spec:
    code, sector, state, igo = None, None, None, None
    for token in span:
        kind = ctx.kb.institution_sector(token.lower_)
        if kind is not None and (sector is None or kind in STATE_ARMS):
            sector = kind
        kb_span = ctx.span_at.get(token.i)
        found = affiliation_of(ctx, kb_span) if kb_span else None
        if found is not None and found.is_state and state is None:
            state = found.code
        elif found is not None and found.code == "IGO" and igo is None:
            igo = found.org
    if sector is None and igo is None:
        sector = _described_sector(ctx, span)  # "X, a local newspaper"
    if igo is not None:  # "United Nations Office for Humanitarian Affairs"
        code, sector = "IGO", None
    elif sector in STATE_ARMS:
        code = state or ctx.dominant  # "the Senate" in a story about one country
    elif state is not None and span[0].i in ctx.span_at:
        code = state  # "Lebanese Civil Defense", "Indian Railways"
    if code is None and igo is None and sector is not None and sector != "NGO":
        code = _name_state(ctx, span) or ctx.dominant  # a local body of the story
    sector = None if sector == "NGO" else sector
    return Spec(
        identity=f"org:{name.lower()}",
        name=name,
        kind=ActorKind.IGO if igo else ActorKind.ORGANIZATION,
        code=code,
        sector=sector,
        org=igo or name,
        confidence=UNKNOWN_ORG_CONFIDENCE,
    )


def _described_sector(ctx: Context, span: Span) -> str | None:
    """The kind of institution a noun describing the name gives: an apposition on
    either side ("X, a local newspaper"; "one news site, X") or a noun right before it
    ("the think tank X")."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        nouns.append(root.head)
    if span.start > 0 and ctx.doc[span.start - 1].pos_ == "NOUN":
        nouns.append(ctx.doc[span.start - 1])
    for noun in nouns:
        words = [t for t in noun.lefts if t.dep_ in ("compound", "amod")] + [noun]
        for k, token in enumerate(words):
            pair = f"{token.lower_} {words[k + 1].lower_}" if k + 1 < len(words) else ""
            found = ctx.kb.institution_sector(pair) if pair else None
            found = found or ctx.kb.institution_sector(token.lower_)
            if found is not None:
                return found
    return None


def _name_state(ctx: Context, span: Span) -> str | None:
    """The state of a place or people inside a name ("Scottish National Party")."""
    for token in span:
        code = ctx.kb.place_state(token.text)
        if code is not None:
            return code
    return None


__all__ = ["STATE_ARMS", "other_organizations"]
