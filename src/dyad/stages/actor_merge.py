"""Last pass of the actors stage: a state word that belongs to another mention.

Private helper of ``stages/actors.py``. The finders code a state name or demonym on its
own even when it only says whose another mention is; annotators (and analysts) read the
whole phrase as one actor. After every finder has run:

- a possessive or modifying state in front of an organisation or person the state does
  not contradict becomes part of it and gives it its code ("Iran's Quds Force" -> one
  mention, IRN; "Russia's Gazprom");
- a group or organisation followed by "of (the) <state>" takes the state in
  ("the government of American Samoa", "residents of Guam" -> one mention);
- a plural demonym on its own is a group of that state's people, sector CVL
  ("Americans", "American Samoans"); the singular stays the state ("American");
- "a/an <demonym>, <person>" ("An Australian, John Smith, ...") gives a person the
  text gives no state (every mention of them) the demonym's state in place of the
  article's dominant state, and a counted plural demonym so codes the list of people
  after it ("Three Samoans, Ana Tuli, Sione Tuli and Mele Fa"). (After the name,
  "John Smith, a Canadian," is read by the people finder's apposition, not here.)
"""

from __future__ import annotations

from dataclasses import replace

from dyad.records import ActorKind
from dyad.stages.actor_arms import code_unmarked_arms
from dyad.stages.actor_context import Context, Spec
from dyad.stages.actor_described import join_descriptors
from dyad.stages.actor_listed import join_plural_roles, name_relatives
from dyad.stages.actor_people import DOMINANT_STATE_CONFIDENCE
from dyad.stages.actor_states import sentence_state

Found = tuple[Spec, int, int]
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Kinds a state word in front of them may belong to.
_OWNED_KINDS = frozenset({ActorKind.ORGANIZATION, ActorKind.PERSON})
# Dependencies of a state word modifying a noun ("US singer", "Kenyan runner").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Kinds an "of <state>" after them may belong to.
_OF_KINDS = frozenset({ActorKind.GROUP, ActorKind.ORGANIZATION})


def merge_state_words(ctx: Context, found: list[Found]) -> list[Found]:
    """Return ``found`` with state words folded into the mentions they belong to."""
    items = sorted(found, key=lambda f: (f[1], f[2]))
    by_start = {start: n for n, (_, start, _) in enumerate(items)}
    by_end = {end: n for n, (_, _, end) in enumerate(items)}
    dropped: set[int] = set()
    for n, (spec, start, end) in enumerate(items):
        if not _is_bare_state(spec):
            continue
        after = end + (1 if end < len(ctx.doc) and ctx.texts[end] in _POSSESSIVE else 0)
        owned = by_start.get(after)
        if owned is not None and _takes_state(items[owned][0], spec, _OWNED_KINDS):
            other, _, other_end = items[owned]
            code = other.code or spec.code
            items[owned] = (replace(other, code=code), start, other_end)
            dropped.add(n)
            continue
        holder = _of_holder(ctx, by_end, start)
        if holder is not None and _takes_state(items[holder][0], spec, _OF_KINDS):
            other, other_start, _ = items[holder]
            items[holder] = (
                replace(other, code=other.code or spec.code),
                other_start,
                end,
            )
            dropped.add(n)
            continue
        described = _described_holder(ctx, items, start, end)
        if described is not None:  # "US singer Robert Hunter", "Kenyan runner X"
            described_spec = items[described][0]
            if _is_stateless_person(described_spec) or described_spec.code is None:
                _recode(items, described_spec.identity, spec.code)
            dropped.add(n)
            continue
        if _is_plural_demonym(ctx, start, end):
            items[n] = (_people_of(spec, _minority_state(ctx, spec, start)), start, end)
        for person in _apposed_people(ctx, items, by_start, start, end):
            _recode(items, items[person][0].identity, spec.code)
    kept = [item for n, item in enumerate(items) if n not in dropped]
    joined = name_relatives(ctx, join_plural_roles(ctx, join_descriptors(ctx, kept)))
    return code_unmarked_arms(ctx, joined)


def _apposed_people(
    ctx: Context,
    items: list[Found],
    by_start: dict[int, int],
    start: int,
    end: int,
) -> list[int]:
    """The people after "a/an <demonym>," ("An Australian, John Smith") or after a
    counted plural demonym and a comma ("Three Samoans, Ana Tuli, Sione Tuli and Mele
    Fa"), when the text gives them no state."""
    span = ctx.span_at.get(start)
    if span is None or span.hits[0].form != "demonym" or start == 0:
        return []
    plural = _is_plural_demonym(ctx, start, end)
    before = ctx.texts[start - 1].lower()
    if not (before in ("a", "an") or (plural and ctx.pos[start - 1] == "NUM")):
        return []
    if end >= len(ctx.texts) or ctx.texts[end] != ",":
        return []
    found: list[int] = []
    n = by_start.get(end + 1)
    while n is not None and _is_stateless_person(items[n][0]):
        found.append(n)
        if not plural:
            break
        n = _next_listed(ctx, items, by_start, items[n][2])
    return found


def _next_listed(
    ctx: Context, items: list[Found], by_start: dict[int, int], end: int
) -> int | None:
    """The item after ``end`` with only commas and "and" between."""
    i = end
    while i < len(ctx.texts) and ctx.texts[i].lower() in (",", "and"):
        i += 1
    return by_start.get(i) if i > end else None


def _described_holder(
    ctx: Context, items: list[Found], start: int, end: int
) -> int | None:
    """The person or organisation a state word describes through a common noun in
    front of it ("US singer and lyricist Robert Hunter", "US rock band the Grateful
    Dead", "Kenyan runner X") when the state does not contradict it."""
    token = ctx.doc[end - 1]
    noun = token.head
    if token.dep_ not in _MODIFIER_DEPS or noun.i <= token.i or noun.pos_ != "NOUN":
        return None
    if any(ctx.owner[end : noun.i + 1]):
        return None  # the noun is a mention of its own ("US officials")
    targets = [c.i for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        targets.append(noun.head.i)
    state = items[_item_at(items, start)][0]
    for n, (spec, s, e) in enumerate(items):
        fits = spec.code in (None, state.code) or _is_stateless_person(spec)
        if fits and spec.kind in _OWNED_KINDS and any(s <= t < e for t in targets):
            return n
    return None


def _item_at(items: list[Found], start: int) -> int:
    return next(n for n, (_, s, _) in enumerate(items) if s == start)


def _is_stateless_person(spec: Spec) -> bool:
    return spec.kind is ActorKind.PERSON and (
        spec.code is None or spec.confidence <= DOMINANT_STATE_CONFIDENCE
    )


def _recode(items: list[Found], identity: str, code: str | None) -> None:
    for n, (spec, start, end) in enumerate(items):
        if spec.identity == identity:
            items[n] = (replace(spec, code=code, confidence=0.7), start, end)


def _is_bare_state(spec: Spec) -> bool:
    return (
        spec.kind is ActorKind.STATE and spec.sector is None and spec.code is not None
    )


def _takes_state(other: Spec, state: Spec, kinds: frozenset[ActorKind]) -> bool:
    return other.kind in kinds and other.code in (None, state.code)


def _of_holder(ctx: Context, by_end: dict[int, int], start: int) -> int | None:
    """The mention that ends just before "of (the)" in front of ``start``."""
    i = start - 1
    if i >= 0 and ctx.texts[i].lower() == "the":
        i -= 1
    if i < 0 or ctx.texts[i].lower() != "of":
        return None
    return by_end.get(i)


def _is_plural_demonym(ctx: Context, start: int, end: int) -> bool:
    span = ctx.span_at.get(start)
    if span is None or span.hits[0].form != "demonym":
        return False
    key = " ".join(ctx.texts[start:end]).lower()
    if not key.endswith("s"):
        return False
    singular = ctx.kb.lower_surfaces.get(key[:-1], ())
    return any(h.kb_id == span.hits[0].kb_id and h.form == "demonym" for h in singular)


def _minority_state(ctx: Context, state: Spec, start: int) -> str | None:
    """For "ethnic <demonyms>", the one other state their sentence names (where the
    minority lives), else None; for other demonyms their own state."""
    if start == 0 or ctx.texts[start - 1].lower() not in ctx.grammar.minority_words:
        return state.code
    return sentence_state(ctx, ctx.doc[start], exclude=state.code)


def _people_of(state: Spec, code: str | None) -> Spec:
    return Spec(
        identity=f"group:{code or state.name}:CVL",
        name=f"{state.name} people",
        kind=ActorKind.GROUP,
        code=code,
        sector="CVL",
        confidence=state.confidence,
    )


__all__ = ["merge_state_words"]
