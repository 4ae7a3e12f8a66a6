"""Unnamed office holders and single roles, for the actors stage.

Private helper of ``stages/actors.py``.

- An office named by its state and title but not by a name ("the Chinese president",
  "Iran's foreign minister", "the foreign minister of Iran") is the person who held it
  on the article's date (``ActorKB.holder_of``); when the KB knows no single holder it
  is the state with the title's sector ("the US envoy" -> USA GOV).
- A single role ("a border guard", "one soldier", "an Israeli soldier") is an unnamed
  person with the role's sector and the code of its modifier, else of the article's
  dominant state.

A title followed by a name belongs to the people finder, which runs first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dyad.knowledge.actors import Person
from dyad.records import ActorKind
from dyad.stages.actor_context import Context, Spec, affiliation_of
from dyad.stages.actor_groups import is_predicative
from dyad.stages.actor_locations import place_after, sentence_place

# Confidence of an office coded only from the article's dominant state.
DOMINANT_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class _Owner:
    """Whose office or role: state/IGO code, IGO body, sector of the owner, start."""

    code: str | None
    org: str | None
    sector: str | None
    start: int
    is_state: bool


def find_offices(ctx: Context) -> Iterator[tuple[Spec, int, int]]:
    """Yield unnamed office holders and single roles with their token spans."""
    heads = ctx.kb.office_heads
    for i, text in enumerate(ctx.texts):
        if ctx.owner[i] or ctx.pos[i] not in ("NOUN", "PROPN"):
            continue
        if text.lower() not in heads:
            continue
        found = _office_at(ctx, ctx.doc[i])
        if found is not None:
            spec, start = found
            for k in range(start, i + 1):
                ctx.owner[k] = True
            yield spec, start, i + 1


def _office_at(ctx: Context, token: Token) -> tuple[Spec, int] | None:
    if _is_named(ctx, token) or is_predicative(token):
        return None
    phrase = _phrase_at(ctx, token.i)
    if phrase is None:
        return None
    words, first = phrase
    body = _body_modifier(ctx, first)  # "a Syrian rebel commander": the rebels'
    if body is not None:
        first -= 1
    former, start = False, first
    while start > 0 and (
        ctx.texts[start - 1].lower() in ctx.kb.title_qualifiers
        or ctx.doc[start - 1].ent_type_ == "ORDINAL"  # "a tenth defendant"
    ):
        start -= 1
    if start > 0 and ctx.kb.title_info(ctx.texts[start - 1].lower()) is not None:
        info = ctx.kb.title_info(ctx.texts[start - 1].lower())
        if info is not None and info.former:
            former, start = True, start - 1
    owner = _owner_before(ctx, start) or _owner_after(ctx, token) or _place(ctx, token)
    if owner is not None and owner.start < start and owner.start > 0:
        info = ctx.kb.title_info(ctx.texts[owner.start - 1].lower())
        if info is not None and info.former:  # "former Brazilian president"
            former = True
            owner = _Owner(
                owner.code, owner.org, owner.sector, owner.start - 1, owner.is_state
            )
    det = ctx.texts[owner.start - 1 if owner and owner.start < start else start - 1]
    det = det.lower() if start > 0 else ""
    spec = _spec(ctx, token, words, owner, former, det)
    if spec is None:
        return None
    if body is not None and spec.sector != "ELI" and spec.kb_id is None:
        spec = replace(spec, identity=f"office:{spec.code}:{body}:{words}", sector=body)
    begin = min(owner.start, start) if owner else start
    return spec, begin


def _body_modifier(ctx: Context, first: int) -> str | None:
    """The sector of a group or role noun right before a role that it modifies
    ("rebel commander", "army spokesman", "opposition leader"), else None."""
    i = first - 1
    if i < 0 or ctx.owner[i] or ctx.pos[i] not in ("NOUN", "ADJ"):
        return None
    token = ctx.doc[i]
    if token.dep_ not in ("compound", "amod") or token.head.i < first:
        return None
    word = token.lower_
    sector = ctx.kb.role_sector(word) or ctx.kb.modified_group_sector(word)
    return None if sector == "NGO" else sector  # "charity workers": no state arm


def _place(ctx: Context, token: Token) -> _Owner | None:
    """ "an officer in Atlanta": the state of the place, never an office holder."""
    code = place_after(ctx, token)
    return _Owner(code, None, None, token.i + 1, False) if code else None


def _is_named(ctx: Context, token: Token) -> bool:
    """A name follows, or the title is an apposition of a coded person."""
    nxt = token.i + 1
    capitals = ctx.casing == "cased"  # in ALL-CAPS text every word has them
    if nxt < len(ctx.texts) and (
        nxt in ctx.person_at
        or (capitals and ctx.pos[nxt] == "PROPN" and ctx.texts[nxt][:1].isupper())
    ):
        return True
    if token.dep_ == "compound" and token.head.i > token.i:
        return True  # "police officer": the head decides
    if token.dep_ == "appos" and token.head.i in ctx.person_at:
        return True
    return any(c.dep_ == "appos" and c.i in ctx.person_at for c in token.children)


def _phrase_at(ctx: Context, i: int) -> tuple[str, int] | None:
    """The longest title or role phrase ending at token ``i`` and its first token."""
    kb = ctx.kb
    for size in (3, 2, 1):
        first = i - size + 1
        if first < 0 or any(ctx.owner[first : i + 1]):
            continue
        words = " ".join(ctx.texts[first : i + 1]).lower()
        info = kb.title_info(words)
        if (info is not None and not info.former) or kb.role_sector(words):
            return words, first
    return None


def _owner_before(ctx: Context, start: int) -> _Owner | None:
    """The state, IGO, capital or place right before the title ("Iran's", "US")."""
    j = start - 1
    if j >= 0 and ctx.texts[j] in ("'s", "\u2019s", "'"):
        j -= 1
    if j < 0 or ctx.owner[j]:
        return None
    span = ctx.span_at.get(j)
    if span is not None and span.end == j + 1:
        found = affiliation_of(ctx, span)
        if found is None or not (found.is_state or found.code == "IGO"):
            return None
        return _Owner(found.code, found.org, found.sector, span.start, found.is_state)
    code = ctx.kb.place_state(ctx.texts[j])
    if code is not None and ctx.pos[j] in ("PROPN", "NOUN", "ADJ"):
        return _Owner(code, None, None, j, True)
    return None


def _owner_after(ctx: Context, token: Token) -> _Owner | None:
    """ "the foreign minister of Iran": a state or IGO as the object of "of"."""
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            span = ctx.span_at.get(pobj.i)
            if pobj.dep_ != "pobj" or span is None or ctx.owner[pobj.i]:
                continue
            found = affiliation_of(ctx, span)
            if found is not None and (found.is_state or found.code == "IGO"):
                for k in range(prep.i, span.end):
                    ctx.owner[k] = True  # the state is part of this mention
                return _Owner(found.code, found.org, None, token.i + 1, found.is_state)
    return None


def _spec(
    ctx: Context, token: Token, words: str, owner: _Owner | None, former: bool, det: str
) -> Spec | None:
    kb, one = ctx.kb, ctx.grammar.singular_determiners
    role = kb.role_sector(words)
    info = kb.title_info(words)
    if owner is None:
        if det not in one and not (det == "the" and info is not None and ctx.dominant):
            return None
        if det not in one and role is None and info is None:
            return None
    code = owner.code if owner else sentence_place(ctx, token)
    confidence = 0.75 if owner else DOMINANT_CONFIDENCE
    if owner is not None and owner.is_state and info is not None and det not in one:
        holder = kb.holder_of(owner.code or "", words, ctx.published)
        if holder is not None:
            return _holder_spec(ctx, holder, former)
    sector = role or (info.sector if info else None)
    if sector is None:  # a generic title: spokesman, head, leader
        sector = (owner.sector or "GOV") if owner and owner.code else None
    if former:
        sector = "ELI"
    name = f"{kb.entry(f'state:{code}').name if _is_state(ctx, code) else code or ''}"
    return Spec(
        identity=f"office:{code}:{sector}:{words}",
        name=f"{name} {words}".strip(),
        kind=ActorKind.PERSON,
        code=code,
        sector=sector,
        org=owner.org if owner else None,
        title=words,
        confidence=confidence,
    )


def _is_state(ctx: Context, code: str | None) -> bool:
    return code is not None and f"state:{code}" in ctx.kb.entries


def _holder_spec(ctx: Context, person: Person, former: bool) -> Spec:
    role = ctx.kb.role_of(person, ctx.published)
    return Spec(
        identity=person.kb_id,
        name=person.name,
        kind=ActorKind.PERSON,
        code=role.code,
        sector="ELI" if former else role.sector,
        org=role.org,
        title=role.title,
        kb_id=person.kb_id,
        confidence=0.8,
    )


__all__ = ["find_offices"]
