"""Groups for the actors stage: a group noun with the state, place or body it belongs to.

Private helper of ``stages/actors.py``. "US officials" -> USA GOV, "Houthi rebels" -> the
Houthis, "the Biden administration" -> USA GOV, "Iran's foreign ministry" -> IRN GOV,
"Lagos police" -> NGA COP, "the Saudi-led coalition" -> SAU MIL; unnamed offices ("the
Chinese president" -> the holder on the article's date, else CHN GOV) and single roles
("a border guard" -> COP, code from a modifier or the article's dominant state).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dyad.records import ActorKind
from dyad.stages.actor_context import (
    SECURITY_BODIES,
    STATE_SECTORS,
    Context,
    Spec,
    entry_spec,
)
from dyad.stages.actor_locations import located_in
from dyad.stages.actor_locations import place_after as place_after  # re-exported
from dyad.stages.actor_locations import sentence_place as sentence_place

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})
# Sectors of the groups that "former" makes elites (ELI): officials, lawmakers, judges.
_OFFICIALS = frozenset({"GOV", "LEG", "JUD"})


def claim(ctx: Context, start: int, end: int) -> None:
    """Mark tokens ``[start, end)`` as coded, so that no later finder codes them."""
    for i in range(start, end):
        ctx.owner[i] = True


def _group_noun_at(ctx: Context, token: Token) -> tuple[str, int] | None:
    """Return the sector and first token of a group noun ending at ``token``."""
    kb = ctx.kb
    if token.i > 0 and not ctx.owner[token.i - 1]:
        two = f"{ctx.doc[token.i - 1].lower_} {token.lower_}"
        sector = kb.modified_group_sector(two)
        if sector is not None:
            return sector, token.i - 1
    sector = kb.modified_group_sector(token.lower_)
    return (sector, token.i) if sector is not None else None


def find_groups(ctx: Context, *, modified: bool) -> Iterator[tuple[Spec, int, int]]:
    heads = ctx.kb.group_heads
    for i, text in enumerate(ctx.texts):
        if (
            ctx.owner[i]
            or ctx.pos[i] not in ("NOUN", "PROPN")
            or text.lower() not in heads
        ):
            continue
        if _continues(ctx, i) or is_predicative(ctx.doc[i]):
            continue  # "intelligence service": the longer noun decides
        token = ctx.doc[i]
        noun = _group_noun_at(ctx, token)
        if noun is None:
            continue
        sector, first = noun
        if modified:
            shared = _coordinated_groups(ctx, token, sector)
            if shared:
                claim(ctx, first, token.i + 1)
                for spec, start, end in shared:
                    claim(ctx, start, end)
                    yield spec, start, end
                continue
        found = (
            _modified_group(ctx, token, sector, first)
            if modified
            else _bare_group(ctx, token, sector, first)
        )
        if found is not None:
            spec, start = found
            former = _former_before(ctx, start) if spec.sector in _OFFICIALS else 0
            if former:  # "former Kenyan officials": ex-officials are elites
                spec = replace(spec, identity=f"{spec.identity}:former", sector="ELI")
                start -= former
            claim(ctx, start, token.i + 1)
            yield spec, start, token.i + 1


def _former_before(ctx: Context, start: int) -> int:
    """The number of tokens of a word like "former" right before a group's first
    token ("former officials": 1; "ex-officials", split "ex" "-": 2), else 0."""
    before = start - 1
    if before > 0 and ctx.texts[before] == "-" and not ctx.doc[before - 1].whitespace_:
        before -= 1
    if before < 0 or any(ctx.owner[before:start]):
        return 0
    word = ctx.texts[before].lower()
    info = ctx.kb.title_info(word)
    return start - before if info and info.former and word != "then" else 0


def _continues(ctx: Context, i: int) -> bool:
    """True when the word after ``i`` makes a longer group noun with it."""
    if i + 1 >= len(ctx.texts) or ctx.owner[i + 1]:
        return False
    two = f"{ctx.texts[i]} {ctx.texts[i + 1]}".lower()
    return ctx.kb.modified_group_sector(two) is not None


def _coordinated_groups(
    ctx: Context, noun: Token, sector: str
) -> list[tuple[Spec, int, int]]:
    """ "Indian and Pakistani troops": one group per state, sharing the noun."""
    candidates = [c for c in noun.children if c.dep_ in _MODIFIER_DEPS and c.i < noun.i]
    for prep in noun.rights:  # "the armed forces of Egypt, Qatar and Turkey"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for child in candidates:
        states = [t for t in (child, *child.conjuncts) if _state_span(ctx, t)]
        if len(states) < 2:
            continue
        states.sort(key=lambda t: t.i)
        found = []
        for k, token in enumerate(states):
            span = ctx.span_at[token.i]
            entry = ctx.kb.entry(span.hits[0].kb_id)
            end = noun.i + 1 if k == len(states) - 1 and token.i < noun.i else span.end
            words = f"{ctx.doc[span.start : span.end].text} {noun.text}"
            found.append(
                (_group_spec(entry.code, entry.name, sector, words), span.start, end)
            )
        return found
    return []


def _state_span(ctx: Context, token: Token) -> bool:
    span = ctx.span_at.get(token.i)
    if span is None or ctx.owner[token.i] or span.hits[0].form == "person":
        return False
    return ctx.kb.entry(span.hits[0].kb_id).kind is ActorKind.STATE


def _modifier_spans(ctx: Context, noun: Token) -> Iterator[tuple[int, int]]:
    """Token spans of the modifiers of a group noun that name a KB entry or person."""
    for child in noun.children:
        if child.dep_ in _MODIFIER_DEPS and child.i < noun.i:
            if child.i in ctx.person_at:
                yield child.i, child.i
            elif child.i in ctx.span_at and not ctx.owner[child.i]:
                span = ctx.span_at[child.i]
                yield span.start, span.end
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in ctx.span_at:
                    span = ctx.span_at[pobj.i]
                    yield span.start, span.end
        leads = child.lower_ in ctx.kb.leading_participles  # "the Saudi-led coalition"
        if leads and child.i < noun.i:
            for leader in child.children:
                if leader.i in ctx.span_at and not ctx.owner[leader.i]:
                    span = ctx.span_at[leader.i]
                    yield span.start, span.end


def _modified_group(
    ctx: Context, noun: Token, sector: str, first: int
) -> tuple[Spec, int] | None:
    for start, end in _modifier_spans(ctx, noun):
        if start == end:  # a person: "the Biden administration"
            person = ctx.person_at[start]
            return _group_spec(
                person.code,
                None,
                sector,
                f"{person.name} {noun.text}",
            ), first
        span = ctx.span_at[start]
        if span.hits[0].form == "person":
            continue
        entry = ctx.kb.entry(span.hits[0].kb_id)
        if entry.kind is ActorKind.ORGANIZATION:
            return None  # "the Stimson Centre think tank": the organisation alone
        if entry.kind in (ActorKind.IGO, ActorKind.GROUP):
            spec = entry_spec(ctx.kb, span.hits[0], ctx.published)
            return spec, min(start, first)
        words = ctx.doc[min(start, first) : noun.i + 1].text
        arm = span.hits[0].sector  # "FSB officers": the service's sector
        if arm in SECURITY_BODIES and sector in STATE_SECTORS:
            sector = arm
        if entry.kind is ActorKind.REGION:
            return _group_spec(None, entry.name, sector, words), min(start, first)
        return _group_spec(entry.code, entry.name, sector, words), min(start, first)
    before = _state_before(ctx, first)
    if before is not None:  # "a Nigerian army spokesman": the parse hangs it elsewhere
        code, start = before
        words = ctx.doc[start : noun.i + 1].text
        return _group_spec(code, None, sector, words), start
    place = _place_modifier(ctx, noun, first)
    if place is not None:
        code, start = place
        words = ctx.doc[start : noun.i + 1].text
        return _group_spec(code, None, sector, words, confidence=0.7), start
    located = located_in(ctx, noun)
    if located is not None:  # "security forces in Guinea", "protesters in Baghdad"
        return _group_spec(
            located, None, sector, ctx.doc[first : noun.i + 1].text
        ), first
    if noun.ent_type_ == "NORP" or (
        noun.i > 0
        and ctx.doc[noun.i - 1].ent_type_ == "NORP"
        and not ctx.owner[noun.i - 1]
    ):
        start = noun.i - 1 if ctx.doc[noun.i - 1].ent_type_ == "NORP" else noun.i
        words = ctx.doc[start : noun.i + 1].text
        return _affiliated_group(ctx, noun, sector, start, words), start
    return None


def _affiliated_group(
    ctx: Context, noun: Token, sector: str, start: int, words: str
) -> Spec:
    """A group a faith, people or camp modifies ("Islamic fundamentalists"): from its
    sentence's place or the dominant state when the word names no state, else none."""
    if ctx.texts[start].lower() in ctx.kb.affiliations:
        code = place_after(ctx, noun) or sentence_place(ctx, noun)
        if code is not None:
            return _group_spec(code, None, sector, words, confidence=0.5)
    return _group_spec(None, words, sector, words, confidence=0.5)


def _state_before(ctx: Context, first: int) -> tuple[str, int] | None:
    """A state name or demonym right before the group noun, and where it starts."""
    span = ctx.span_at.get(first - 1) if first > 0 else None
    if span is None or ctx.owner[first - 1] or span.end != first:
        return None
    hit = span.hits[0]
    if hit.form == "person":
        return None
    entry = ctx.kb.entry(hit.kb_id)
    if entry.kind is not ActorKind.STATE or entry.code is None:
        return None
    return entry.code, span.start


def _place_modifier(ctx: Context, noun: Token, first: int) -> tuple[str, int] | None:
    """A city, region or people before a group noun ("Lagos police", "Tigrayan fighters")
    and the first token of that modifier."""
    start = first
    while start > 0 and not ctx.owner[start - 1] and first - start < 3:
        before = ctx.doc[start - 1]
        if before.pos_ not in ("PROPN", "NOUN", "ADJ") or before.i in ctx.span_at:
            break
        start -= 1
    for begin in range(start, first):
        for end in range(first, begin, -1):
            code = ctx.kb.place_state(ctx.doc[begin:end].text)
            if code is not None:
                return code, start
    return None


def _group_spec(
    code: str | None,
    owner: str | None,
    sector: str,
    words: str,
    *,
    confidence: float = 0.8,
) -> Spec:
    ngo = sector == "NGO"  # "a human rights group": the kind is the code
    who = "NGO" if ngo else code or owner or "?"
    return Spec(
        identity=f"group:{who}:{sector}",
        name=words.removeprefix("the "),
        kind=ActorKind.GROUP,
        code="NGO" if ngo else code,
        sector=None if ngo else sector,
        confidence=confidence,
    )


def _bare_group(
    ctx: Context, noun: Token, sector: str, first: int
) -> tuple[Spec, int] | None:
    group = ctx.kb.group_noun(ctx.doc[first : noun.i + 1].text.lower())
    if group is None or not group.bare or noun.ent_type_:
        return None
    words = ctx.doc[first : noun.i + 1].text
    if not (_is_group_use(noun) or _is_one_body(ctx, noun, words)):
        return None
    code = None if _is_foreign(ctx, noun) else _state_of_place(ctx, noun)
    return _group_spec(
        code, None, group.sector, words, confidence=0.5 if code else 0.4
    ), first


def is_predicative(token: Token) -> bool:
    """A title or role said of someone, not an actor of its own: "he was a rebel",
    "to make him the next president", "known as a shock jock"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "known as a reformer and a former judge"
    if token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children):
        return False  # "there were 10 soldiers killed": the soldiers exist
    if token.dep_ in ("attr", "oprd") or any(c.dep_ == "nsubj" for c in token.children):
        return True  # "make him the next president": a noun with its own subject
    as_ = token.head
    return (
        token.dep_ == "pobj"
        and as_.lower_ == "as"
        and not (as_.i > 0 and token.doc[as_.i - 1].lower_ == "such")
    )  # "known as a shock jock", not "a host, such as Facebook"


def _state_of_place(ctx: Context, noun: Token) -> str | None:
    return place_after(ctx, noun) or sentence_place(ctx, noun)


def _is_foreign(ctx: Context, noun: Token) -> bool:
    """A group said to come from elsewhere ("foreign journalists", "Western
    diplomats"): no state of the article or of the sentence is its own."""
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in ctx.kb.foreign_modifiers
        for c in noun.lefts
    )


def _is_one_body(ctx: Context, noun: Token, words: str) -> bool:
    """A body named by its kind ("a human rights group said", "state media")."""
    return words.lower() in ctx.kb.single_bodies and noun.dep_ != "compound"


def _is_group_use(noun: Token) -> bool:
    """A plural ("protesters"), a collective with "the" ("the military"), police."""
    if noun.tag_ in ("NNS", "NNPS") or noun.lower_ == "police":
        return noun.dep_ != "compound"
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
