"""People for the actors stage: names, titles before them, appositions after them.

Private helper of ``stages/actors.py`` (no other stage imports it). Given a span of name
tokens, it reads the title words and affiliations in front of the name ("US Treasury
Secretary Janet Yellen", "UN spokesperson Stephane Dujarric", "Russia's Putin"), the
apposition after it ("Yun Sun, director of the China Program at the Stimson Centre think
tank in Washington") and resolves the name against the office holders of the KB (exact,
short form, or fuzzy for misspellings), coding the person as of the publication date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dyad.knowledge.actors import (
    FAMILY_NAME_FIRST,
    ActorKB,
    Hit,
    Person,
    TitleInfo,
    name_key,
)
from dyad.records import ActorKind

# Confidence of a person coded only from a title without a state, taking the article's
# dominant state; set low because the guess is wrong whenever a foreigner is quoted.
DOMINANT_STATE_CONFIDENCE = 0.5
# Sectors of titles that belong to a state (a bare "Health Minister" takes the dominant
# state of the article).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_OBJECT_PREPOSITIONS = frozenset({"for", "to", "on", "against", "with", "toward"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "\u2014"})
_SKIP_POS = frozenset(
    {
        "VERB",
        "AUX",
        "ADP",
        "DET",
        "ADV",
        "PRON",
        "SCONJ",
        "CCONJ",
        "PART",
        "NUM",
        "PUNCT",
        "SPACE",
        "SYM",
        "INTJ",
    }
)


@dataclass(frozen=True, slots=True)
class Spec:
    """How one actor is coded; ``identity`` says which mentions are the same actor."""

    identity: str
    name: str
    kind: ActorKind
    code: str | None = None
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    kb_id: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class KbSpan:
    """A run of tokens ``[start, end)`` that names a KB entry."""

    start: int
    end: int
    hits: tuple[Hit, ...]


@dataclass
class Context:
    """Per-article state shared by the actor finders (built once per article)."""

    doc: Doc
    kb: ActorKB
    published: dt.date | None
    span_at: dict[int, KbSpan]
    dominant: str | None
    owner: list[bool] = field(default_factory=list)
    surnames: dict[str, Spec] = field(default_factory=dict)
    person_at: dict[int, Spec] = field(default_factory=dict)
    ent_at: dict[int, Span] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # token texts, read once
    pos: list[str] = field(default_factory=list)  # token coarse tags, read once


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A state or organisation a person or group belongs to."""

    code: str | None
    org: str | None
    sector: str | None
    is_state: bool
    start: int


def entry_spec(kb: ActorKB, hit: Hit) -> Spec:
    """Return the spec of a non-person KB hit (a capital or seat names a state arm)."""
    entry = kb.entry(hit.kb_id)
    if entry.kind is ActorKind.STATE and hit.sector:
        return Spec(
            identity=f"{entry.kb_id}:{hit.sector}",
            name=f"{entry.name} ({_ARM.get(hit.sector, hit.sector)})",
            kind=entry.kind,
            code=entry.code,
            sector=hit.sector,
            kb_id=entry.kb_id,
            confidence=0.9,
        )
    return Spec(
        identity=entry.kb_id,
        name=entry.name,
        kind=entry.kind,
        code=entry.code,
        sector=entry.sector,
        org=entry.org,
        kb_id=entry.kb_id,
    )


_ARM = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "SPY": "intelligence",
    "COP": "police",
}


def affiliation_of(ctx: Context, span: KbSpan) -> Affiliation | None:
    """Return the affiliation a KB span gives (states and organisations, not people)."""
    hit = span.hits[0]
    if hit.form == "person":
        return None
    entry = ctx.kb.entry(hit.kb_id)
    if entry.kind is ActorKind.REGION:
        return None
    return Affiliation(
        code=entry.code,
        org=entry.org,
        sector=entry.sector or hit.sector,
        is_state=entry.kind is ActorKind.STATE,
        start=span.start,
    )


def name_tokens(
    doc: Doc, start: int, end: int, kb: ActorKB | None = None
) -> tuple[int, int]:
    """Trim title words, verbs and possessives off a PERSON entity's edges."""
    while start < end and (_not_name(doc[start]) or _is_title_word(kb, doc, start)):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _is_title_word(kb: ActorKB | None, doc: Doc, i: int) -> bool:
    """True for "Prince" or "Crown" in "Crown Prince" at the start of a name."""
    if kb is None:
        return False
    word = doc[i].lower_
    following = f"{word} {doc[i + 1].lower_}" if i + 1 < len(doc) else word
    return kb.title_info(word) is not None or kb.title_info(following) is not None


def _not_name(token: Token) -> bool:
    return (
        not token.text[:1].isupper()
        or token.pos_ in _SKIP_POS
        or token.lower_ in _TITLE_STARTS
    )


_TITLE_STARTS = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "prime",
        "premier",
        "chancellor",
        "general",
        "king",
        "queen",
        "prince",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "judge",
        "former",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "gen",
        "sen",
        "rep",
        "gov",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "sen.",
        "rep.",
        "gov.",
        "vice",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "pope",
        "commander",
        "colonel",
        "admiral",
        "director",
    }
)


@dataclass(frozen=True, slots=True)
class TitleFacts:
    """What the words around a name say: title, affiliation and whether it is former."""

    title: str | None = None
    info: TitleInfo | None = None
    affiliation: Affiliation | None = None
    former: bool = False
    first: int = -1  # first token index of the title words (owned by the person)
    last: int = -1  # end of an apposition's title words (owned by the person)


def pre_title(ctx: Context, start: int) -> TitleFacts:
    """Read the title and affiliation in front of a name starting at ``start``."""
    doc, i = ctx.doc, start - 1
    first = start
    while i >= 0 and _is_title_token(ctx, doc[i]):
        span = ctx.span_at.get(i)
        first = span.start if span else i
        i = first - 1
    if first == start:
        return TitleFacts()
    if (
        first > 0
        and doc[first - 1].lower_ in _OBJECT_PREPOSITIONS
        and first in ctx.span_at
        and ctx.span_at[first].end == start
    ):
        return TitleFacts()  # "an envoy for Iran Brian Hook": Iran is not his state
    affiliation, cut, former = None, first, False
    for j in range(first, start):
        token = doc[j]
        span = ctx.span_at.get(j)
        if span is not None and span.start == j:
            found = affiliation_of(ctx, span)
            object_of = j > 0 and doc[j - 1].lower_ in _OBJECT_PREPOSITIONS
            if found is not None and affiliation is None and not object_of:
                affiliation = found
            cut = max(cut, span.end) if not object_of else cut
        elif token.text in _POSSESSIVE or token.lower_ in ("ex", "-"):
            cut = j + 1
        if _is_former(ctx.kb, token.lower_):
            former, cut = True, max(cut, j + 1)
    title = doc[cut:start].text.strip() or None if cut < start else None
    return TitleFacts(
        title=title,
        info=title_info(ctx.kb, title),
        affiliation=affiliation,
        former=former,
        first=first,
    )


def _is_former(kb: ActorKB, word: str) -> bool:
    info = kb.title_info(word)
    return info is not None and info.former


def _is_capital_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _is_title_token(ctx: Context, token: Token) -> bool:
    if "\n" in token.text or "\n" in token.whitespace_:
        return False
    if token.i in ctx.span_at:
        return ctx.span_at[token.i].hits[0].form != "person"
    if token.text in _POSSESSIVE or token.text == "-":
        return True
    if (
        token.lower_ in ("for", "of")
        and token.i > 0
        and _is_capital_word(token.doc[token.i - 1])
    ):
        return True  # "Special Representative for Iran", "Minister of Defence"
    low = token.lower_
    if ctx.kb.title_info(low) is not None or low in _TITLE_STARTS:
        return True
    if token.dep_ in ("compound", "amod") and token.head.i > token.i and token.is_alpha:
        return True  # "Chinese foreign ministry spokesman": modifiers inside the title
    return (
        token.text[:1].isupper()
        and token.pos_ in ("PROPN", "NOUN", "ADJ")
        and (
            token.ent_type_ not in ("PERSON", "GPE", "DATE") and not token.is_sent_start
        )
    )


def title_info(kb: ActorKB, title: str | None) -> TitleInfo | None:
    """Return the info of the longest known title at the end of ``title`` (its head)."""
    if not title:
        return None
    words = title.lower().replace("\u2019", "'").split()
    info = _suffix_title(kb, words)
    for i, word in enumerate(words):
        if info is None and word in ("of", "for") and i > 0:
            info = _suffix_title(kb, words[:i])  # "Special Representative for Iran"
    return info


def _suffix_title(kb: ActorKB, words: list[str]) -> TitleInfo | None:
    for size in range(min(len(words), kb.max_title_words), 0, -1):
        info = kb.title_info(" ".join(words[-size:]))
        if info is not None and not info.former:
            return info
    return None


def apposition(ctx: Context, head: Token) -> TitleFacts:
    """Read "X, director of the Y Program at the Z think tank in W" after a name,
    "the president of Namibia, X" before it, or "X of the University of Y"."""
    for child in head.rights:
        if child.dep_ == "appos":
            return _apposition_facts(ctx, child)
    if head.dep_ == "appos" and head.head.i < head.i:
        title = _title_noun_above(ctx, head.head)
        if title is not None:
            return _apposition_facts(ctx, title)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "at"):
            found = _subtree_affiliation(ctx, child)
            if found is not None:
                return TitleFacts(affiliation=found)
    return TitleFacts()


def _title_noun_above(ctx: Context, token: Token) -> Token | None:
    """The title noun an apposition hangs on, also through "of <place>"."""
    if _is_title_noun(ctx, token):
        return token
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        above = token.head.head
        return above if _is_title_noun(ctx, above) else None
    return None


def _is_title_noun(ctx: Context, token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        title_info(ctx.kb, token.lower_) is not None or token.lower_ in _TITLE_STARTS
    )


def _title_head(doc: Doc, token: Token) -> Token:
    """The last word of a hyphenated title ("vice-president" -> "president")."""
    while token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        token = doc[token.i + 2]
    return token


def _apposition_facts(ctx: Context, appos: Token) -> TitleFacts:
    doc = ctx.doc
    head = _title_head(doc, appos)
    start = min(appos.left_edge.i, head.left_edge.i)
    appos = head
    while start < appos.i and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    end = _title_end(doc, appos)
    title = doc[start:end].text.strip() or None
    info = title_info(ctx.kb, doc[start : appos.i + 1].text)
    former = any(_is_former(ctx.kb, t.lower_) for t in doc[start : appos.i + 1])
    return TitleFacts(
        title=title,
        info=info,
        affiliation=_subtree_affiliation(ctx, appos),
        former=former,
        first=start,
        last=end,
    )


def _title_end(doc: Doc, appos: Token) -> int:
    """End of "director of the China Program": before the next "at"/"in" or comma."""
    end = appos.i + 1
    for child in (*appos.rights, *doc[appos.i - 2].rights):
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > appos.i:
            end = child.right_edge.i + 1
            break
    for i in range(appos.i + 1, end):
        token = doc[i]
        if token.text in _CLAUSE_PUNCT or (
            token.dep_ == "prep" and token.lower_ != "of"
        ):
            return i
    return end


def _subtree_affiliation(ctx: Context, root: Token) -> Affiliation | None:
    """The best affiliation in a subtree: KB organisation, named body, else state."""
    organisation, state, institution = None, None, None
    for token in root.subtree:
        span = ctx.span_at.get(token.i)
        if span is not None and span.start == token.i:
            found = affiliation_of(ctx, span)
            if found is not None and not found.is_state and organisation is None:
                organisation = found
            elif found is not None and found.is_state and state is None:
                state = found
        sector = ctx.kb.institution_sector(token.lower_)
        if sector is not None and institution is None:
            institution = (sector, token)
    if organisation is not None:
        return organisation
    if institution is not None:
        return _named_body(ctx, institution[1], institution[0], state)
    return state


def _named_body(
    ctx: Context, token: Token, sector: str, state: Affiliation | None
) -> Affiliation:
    """An organisation known from its name and kind ("the X Centre think tank")."""
    name = None
    for ent in ctx.doc.ents:
        if (
            ent.label_ in ("ORG", "FAC")
            and ent.start <= token.i + 1
            and ent.end >= token.i - 2
        ):
            name = ent.text.removeprefix("the ").strip()
            name = name.removesuffix("'s").removesuffix("\u2019s")
            break
    code = state.code if state else ("NGO" if sector == "NGO" else None)
    return Affiliation(
        code=code,
        org=name,
        sector=None if sector == "NGO" else sector,
        is_state=False,
        start=token.i,
    )


def person_spec(ctx: Context, start: int, end: int) -> tuple[Spec, list[int]]:
    """Return the coded person named by tokens ``[start, end)`` and the tokens it owns.

    The owned tokens are the name plus the title words around it, so that "US" in
    "US Treasury Secretary Janet Yellen" is not coded again as a state.
    """
    doc = ctx.doc
    name = doc[start:end].text
    facts = pre_title(ctx, start)
    head = doc[start:end].root
    post = apposition(ctx, head)
    owned = list(range(facts.first if facts.first >= 0 else start, end))
    if post.first >= 0:
        owned.extend(range(post.first, post.last))
    if end - start == 1 and name in ctx.surnames:
        return ctx.surnames[name], owned
    known = _known_person(ctx, name, end - start, facts)
    if known is not None:
        person, score = known
        spec = _kb_person_spec(ctx, person, score, facts)
    else:
        spec = _unknown_person_spec(ctx, name, head, facts, post)
    return spec, owned


def _known_person(
    ctx: Context, name: str, size: int, facts: TitleFacts
) -> tuple[Person, float] | None:
    kb = ctx.kb
    if size == 1:
        people = pick_short_form(kb, name, ctx.published, strict=False)
        return (people, 0.85) if people is not None else None
    found = kb.find_person(name)
    if found is None:
        return None
    person, score = found
    stated = facts.affiliation.code if facts.affiliation else None
    if score < 1.0 and stated and stated not in _person_codes(person):
        return None  # a near-miss spelling of someone from another state
    if (
        score < 1.0
        and ctx.published
        and kb.role_of(person, ctx.published).sector is None
    ):
        return (
            None  # a near-miss of someone not yet in any office: likely another person
        )
    return person, score


def _person_codes(person: Person) -> set[str | None]:
    return {person.code, *(o.code for o in person.offices)}


def pick_short_form(
    kb: ActorKB, token: str, day: dt.date | None, *, strict: bool
) -> Person | None:
    """Return the known person a lone surname means, if only one fits.

    ``strict`` demands a unique surname in the KB; otherwise a unique holder of an
    office on ``day`` among the namesakes is enough.
    """
    people = kb.short_form_people(token)
    if day is not None:  # nobody is called by surname alone before their first office
        people = tuple(p for p in people if kb.role_of(p, day).sector is not None)
    if len(people) == 1:
        return people[0]
    if strict or not people or day is None:
        return None
    serving = [p for p in people if kb.role_of(p, day).in_office]
    return serving[0] if len(serving) == 1 else None


def _kb_person_spec(
    ctx: Context, person: Person, score: float, facts: TitleFacts
) -> Spec:
    role = ctx.kb.role_of(person, ctx.published)
    sector = role.sector
    if facts.former and not (role.in_office and ctx.published is not None):
        sector = (
            "ELI"  # the text says "former"; trust it unless the dates say otherwise
        )
    return Spec(
        identity=person.kb_id,
        name=person.name,
        kind=ActorKind.PERSON,
        code=role.code,
        sector=sector,
        org=role.org,
        title=role.title or facts.title,
        kb_id=person.kb_id,
        confidence=round(0.95 * score, 3),
    )


def _unknown_person_spec(
    ctx: Context, name: str, head: Token, facts: TitleFacts, post: TitleFacts
) -> Spec:
    affiliation = facts.affiliation or post.affiliation
    info = facts.info or post.info
    title = facts.title or post.title
    confidence = 0.7 if affiliation or info else 0.5
    if info is None and affiliation is None:
        title = None  # capitalised words before a name are not always a title
    code = affiliation.code if affiliation else None
    if code is None and title:
        code = ctx.kb.title_state(title)
    if code is None:
        code = _conjunct_code(ctx, head)
    sector = _person_sector(info, affiliation, facts.former or post.former)
    if code is None and sector in STATE_SECTORS and ctx.dominant:
        code, confidence = ctx.dominant, DOMINANT_STATE_CONFIDENCE
    return Spec(
        identity=f"person:{name_key(name)}",
        name=name,
        kind=ActorKind.PERSON,
        code=code,
        sector=sector,
        org=affiliation.org if affiliation and not affiliation.is_state else None,
        title=title,
        confidence=confidence,
    )


def _person_sector(
    info: TitleInfo | None, affiliation: Affiliation | None, former: bool
) -> str | None:
    if former:
        return "ELI"
    if info is not None and info.sector is not None:
        if (
            info.sector == "GOV"
            and affiliation is not None
            and not (affiliation.is_state or affiliation.code == "IGO")
        ):
            return affiliation.sector  # the president of a society is not government
        return info.sector
    if affiliation is None:
        return None
    if affiliation.is_state or affiliation.code == "IGO":
        return affiliation.sector or ("GOV" if info is not None else None)
    return affiliation.sector


def _conjunct_code(ctx: Context, head: Token) -> str | None:
    """A coordinated name shares its partner's state ("US X and Commerce Sec. Y")."""
    if head.dep_ == "conj" and head.head.i in ctx.person_at:
        return ctx.person_at[head.head.i].code
    return None


def register_surnames(ctx: Context, spec: Spec, name: str) -> None:
    """Let later lone surnames ("Sun", "Blinken") refer to this person."""
    parts = name.split()
    if len(parts) < 2:
        return
    keys = [parts[-1]]
    if spec.code in FAMILY_NAME_FIRST:
        keys.append(parts[0])
    for key in keys:
        if not ctx.kb.lookup_name(key):  # "Cairo" stays a city
            ctx.surnames.setdefault(key.rstrip(".,"), spec)


def split_person_entity(
    doc: Doc, start: int, end: int, kb: ActorKB | None = None
) -> Sequence[tuple[int, int]]:
    """Split "Biden-Xi" or "Putin and Xi" entities into one span per name."""
    parts, first = [], start
    for i in range(start, end):
        if doc[i].text in ("-", "\u2013", "and", "&", "/"):
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    return [name_tokens(doc, s, e, kb) for s, e in parts if e > s]
