"""A descriptor and the name it introduces, for the actors stage: one mention.

Private helper of ``stages/actor_merge.py``. The office finder codes a role the people
finder's title reader did not take in ("Canadian radio personality, television host, and
philanthropist Tom Varley": the title reader stops at the list), so the role and the
name come out as two people. Annotators (and analysts) read one person, coded from the
descriptor: the name gets the descriptor's state, sector and title when the text gives
it none of its own, and every later mention of that person ("Varley") follows.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.records import ActorKind
from dyad.stages.actor_context import Context, Spec
from dyad.stages.actor_people import DOMINANT_STATE_CONFIDENCE

Found = tuple[Spec, int, int]
# Most tokens a list of further roles may take between a descriptor and its name
# ("television host, and philanthropist").
MAX_GAP = 8
# Tags of the words a list of roles is made of.
_ROLE_TAGS = frozenset({"NOUN", "ADJ", "PROPN"})
_LIST_WORDS = frozenset({",", "and", "&"})


def join_descriptors(ctx: Context, items: list[Found]) -> list[Found]:
    """Return ``items`` (sorted by start) with each role-only person followed by a list
    of roles and a name folded into the name's mention."""
    items = sorted(items, key=lambda f: (f[1], f[2]))
    out: list[Found] = []
    n = 0
    while n < len(items):
        spec, start, end = items[n]
        if n + 1 < len(items) and _introduces(ctx, items[n], items[n + 1]):
            named, _, named_end = items[n + 1]
            joined = _described(named, spec)
            out.append((joined, start, named_end))
            _recode_later(items, n + 2, named.identity, joined)
            _recode_earlier(out, named.identity, joined)
            n += 2
            continue
        out.append((spec, start, end))
        n += 1
    return out


def _introduces(ctx: Context, role: Found, name: Found) -> bool:
    """True when ``role`` is a person known only by a role and ``name`` a named person
    right after it, with nothing but a list of more roles between them, and the name's
    own state does not contradict the role's."""
    spec, _, end = role
    named, start, _ = name
    if not _is_role_only(spec) or named.kind is not ActorKind.PERSON:
        return False
    if _is_role_only(named) or start - end > MAX_GAP or start < end:
        return False
    if ctx.doc[end - 1].sent.start != ctx.doc[start].sent.start:
        return False
    if not all(_is_list_word(ctx, i) for i in range(end, start)):
        return False
    return named.code in (None, spec.code) or _is_guessed(named)


def _is_role_only(spec: Spec) -> bool:
    """A person the office finder coded from a role, with no name."""
    return spec.kind is ActorKind.PERSON and spec.identity.startswith("office:")


def _is_list_word(ctx: Context, i: int) -> bool:
    """A comma, "and", or a lower-case role word of a list of roles."""
    text = ctx.texts[i]
    if text.lower() in _LIST_WORDS:
        return True
    return ctx.pos[i] in _ROLE_TAGS and text[:1].islower()


def _is_guessed(spec: Spec) -> bool:
    """A person coded only by the article's dominant state (no evidence of their own)."""
    return (
        spec.kb_id is None
        and spec.title is None
        and spec.confidence <= DOMINANT_STATE_CONFIDENCE
    )


def _described(named: Spec, role: Spec) -> Spec:
    """The named person coded from the descriptor where the text gave them nothing."""
    if named.kb_id is not None or named.title is not None:
        return replace(named, code=named.code or role.code)
    return replace(
        named,
        code=role.code if _is_guessed(named) or named.code is None else named.code,
        sector=role.sector or named.sector,
        title=role.title,
        confidence=max(named.confidence, role.confidence),
    )


def _recode_later(items: list[Found], first: int, identity: str, spec: Spec) -> None:
    for n in range(first, len(items)):
        if items[n][0].identity == identity:
            items[n] = (spec, items[n][1], items[n][2])


def _recode_earlier(out: list[Found], identity: str, spec: Spec) -> None:
    for n, (other, start, end) in enumerate(out):
        if other.identity == identity:
            out[n] = (spec, start, end)


__all__ = ["join_descriptors"]
