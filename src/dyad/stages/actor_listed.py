"""People named after a plural role, for the actors stage: "officers Anne Roux and
Marc Petit", "activists Ana Ruiz and Lea Gil".

Private helper of ``stages/actor_merge.py``. The finders read the plural role as a group
of its own and the names as private people (or, when the parser tags the role and the
first name together as an organisation, that name as an organisation). Annotators read
one person per name, with the role's sector: the role word joins the first name's
mention, every name of the list takes the role's sector (and the group's state where
the text gives the person none), and later lone surnames of a name the parser took for
an organisation become mentions of that person.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.knowledge.actor_words import given_names, optional_words
from dyad.knowledge.actors import name_key
from dyad.records import ActorKind
from dyad.stages.actor_context import Context, Spec
from dyad.stages.actor_people import DOMINANT_STATE_CONFIDENCE, PRIVATE_SECTOR

Found = tuple[Spec, int, int]
_LIST_WORDS = frozenset({",", "and", "&"})


def join_plural_roles(ctx: Context, items: list[Found]) -> list[Found]:
    """Return ``items`` with the names after a plural role coded from it."""
    items = sorted(items, key=lambda f: (f[1], f[2]))
    dropped: set[int] = set()
    for n, (spec, start, end) in enumerate(items):
        sector = _role_before(ctx, start)
        if sector is None or not _is_name(ctx, spec, start, end):
            continue
        group = _group_at(items, start - 1, start)
        code = items[group][0].code if group is not None else None
        if group is not None:
            dropped.add(group)
        for m in [n, *_listed_after(ctx, items, n)]:
            person = _as_listed(items[m][0], sector, code)
            _recode(items, items[m][0].identity, person)
        first = items[n]
        items[n] = (first[0], start - 1, first[2])
        if spec.kind is ActorKind.ORGANIZATION:
            items.extend(_lone_surnames(ctx, items, items[n][0]))
    kept = [item for n, item in enumerate(items) if n not in dropped]
    return sorted(kept, key=lambda f: (f[1], f[2]))


def _role_before(ctx: Context, start: int) -> str | None:
    """The sector of the lower-case plural role noun right before ``start``."""
    if start == 0 or ctx.pos[start - 1] != "NOUN":
        return None
    word = ctx.texts[start - 1]
    if not word[:1].islower() or not word.endswith("s"):
        return None
    return ctx.kb.modified_group_sector(word)


def _is_name(ctx: Context, spec: Spec, start: int, end: int) -> bool:
    """A person with no title of their own, or an unknown "organisation" that is a
    given name and a family name ("Anne Roux")."""
    if spec.kind is ActorKind.PERSON:
        return spec.kb_id is None and spec.title is None
    if spec.kind is not ActorKind.ORGANIZATION or spec.kb_id is not None:
        return False
    words = ctx.texts[start:end]
    return (
        len(words) == 2
        and all(ctx.pos[i] == "PROPN" for i in range(start, end))
        and words[0].lower() in given_names()
    )


def _group_at(items: list[Found], start: int, end: int) -> int | None:
    for n, (spec, s, e) in enumerate(items):
        if s == start and e == end and spec.kind is ActorKind.GROUP:
            return n
    return None


def _listed_after(ctx: Context, items: list[Found], n: int) -> list[int]:
    """The people listed after item ``n`` with only commas and "and" between."""
    found = []
    end = items[n][2]
    for m in range(n + 1, len(items)):
        spec, start, stop = items[m]
        gap = ctx.texts[end:start]
        if not gap or any(word.lower() not in _LIST_WORDS for word in gap):
            break
        if not _is_name(ctx, spec, start, stop):
            break
        found.append(m)
        end = stop
    return found


def _as_listed(spec: Spec, sector: str, code: str | None) -> Spec:
    guessed = spec.code is None or spec.confidence <= DOMINANT_STATE_CONFIDENCE
    return replace(
        spec,
        identity=spec.identity.replace("org:", "person:", 1),
        kind=ActorKind.PERSON,
        code=(code or spec.code) if guessed else spec.code,
        sector=sector,
        org=None,
        confidence=max(spec.confidence, 0.5),
    )


def _recode(items: list[Found], identity: str, spec: Spec) -> None:
    for n, (other, start, end) in enumerate(items):
        if other.identity == identity:
            items[n] = (spec, start, end)


def _lone_surnames(ctx: Context, items: list[Found], spec: Spec) -> list[Found]:
    """Mentions of ``spec``'s family name alone that no finder took."""
    surname = spec.name.split()[-1]
    taken = {i for _, s, e in items for i in range(s, e)}
    return [
        (spec, i, i + 1)
        for i, text in enumerate(ctx.texts)
        if text == surname
        and i not in taken
        and not ctx.owner[i]
        and ctx.pos[i] == "PROPN"
    ]


def name_relatives(ctx: Context, items: list[Found]) -> list[Found]:
    """Return ``items`` with the given names listed after a plural word for relatives
    ("their two sons Tom and Ben") as private people of the article's dominant state,
    with the later mentions of those names alone."""
    relatives = optional_words("relatives")
    at = {i: n for n, (_, s, e) in enumerate(items) for i in range(s, e)}
    added: dict[str, Spec] = {}
    for i, text in enumerate(ctx.texts):
        if text.lower() in relatives and i not in at and ctx.pos[i] == "NOUN":
            for k in _listed_names(ctx, at, items, i + 1):
                added.setdefault(ctx.texts[k], _relative(ctx, ctx.texts[k]))
    if not added:
        return items
    keep = [
        item
        for item in items
        if not (item[2] - item[1] == 1 and ctx.texts[item[1]] in added)
        or item[0].kind is ActorKind.PERSON
    ]
    taken = {i for _, s, e in keep for i in range(s, e)}
    for k, text in enumerate(ctx.texts):
        if text in added and k not in taken and ctx.pos[k] == "PROPN":
            keep.append((added[text], k, k + 1))
    return sorted(keep, key=lambda f: (f[1], f[2]))


def _listed_names(
    ctx: Context, at: dict[int, int], items: list[Found], i: int
) -> list[int]:
    """The one-word names from ``i`` on, with commas and "and" between: words no
    mention holds but a one-word unknown organisation (a name the parser mistook)."""
    found: list[int] = []
    while i < len(ctx.texts):
        text = ctx.texts[i]
        if text.lower() in _LIST_WORDS:
            i += 1
            continue
        n = at.get(i)
        mistaken = n is not None and _is_mistaken_name(items[n], i)
        if (
            ctx.pos[i] != "PROPN"
            or not text[:1].isupper()
            or (n is not None and not mistaken)
        ):
            break
        if i + 1 < len(ctx.texts) and ctx.pos[i + 1] == "PROPN":
            break  # a full name: the people finder's
        found.append(i)
        i += 1
    return found


def _is_mistaken_name(item: Found, i: int) -> bool:
    spec, start, end = item
    return (
        start == i
        and end == i + 1
        and spec.kind is ActorKind.ORGANIZATION
        and spec.kb_id is None
        and spec.code is None
    )


def _relative(ctx: Context, name: str) -> Spec:
    return Spec(
        identity=f"person:{name_key(name)}",
        name=name,
        kind=ActorKind.PERSON,
        code=ctx.dominant,
        sector=PRIVATE_SECTOR,
        confidence=DOMINANT_STATE_CONFIDENCE,
    )


__all__ = ["join_plural_roles", "name_relatives"]
