"""Titles and affiliations around a name, for the actors stage.

Private helper of ``stages/actors.py``. Reads the title words and affiliations in front
of a name ("US Treasury Secretary Janet Yellen", "UN spokesperson Stephane Dujarric",
"Russia's Putin") and the apposition after or before it ("Yun Sun, director of the China
Program at the Stimson Centre think tank in Washington"; "the president of Namibia, X").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyad.knowledge.actors import ActorKB, TitleInfo
from dyad.stages.actor_context import Affiliation, Context, affiliation_of

_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
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


def name_tokens(doc: Doc, start: int, end: int, kb: ActorKB) -> tuple[int, int]:
    """Trim title words, verbs and possessives off a PERSON entity's edges."""
    while start < end and (_not_name(doc[start], kb) or _is_title_word(kb, doc, start)):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].like_num  # "Sinn Féin - 7" in a results table
    ):
        end -= 1
    return start, end


def _is_title_word(kb: ActorKB, doc: Doc, i: int) -> bool:
    """True for "Prince" or "Crown" in "Crown Prince" at the start of a name."""
    word = doc[i].lower_
    following = f"{word} {doc[i + 1].lower_}" if i + 1 < len(doc) else word
    return kb.title_info(word) is not None or kb.title_info(following) is not None


def _not_name(token: Token, kb: ActorKB) -> bool:
    return (
        not (token.text[:1].isupper() or _lower_name(token))
        or token.pos_ in _SKIP_POS
        or token.lower_ in kb.name_prefixes
    )


def _lower_name(token: Token) -> bool:
    """A name the recaser of a lower-cased text left in lower case, which the parser
    still reads as a person's ("zhukovskyy"): all letters, none of them capital."""
    return (
        token.ent_type_ == "PERSON"
        and token.is_alpha
        and token.is_lower
        and token.pos_ in ("PROPN", "NOUN")
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
        and doc[first - 1].lower_ in ctx.grammar.title_object_prepositions
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
            object_of = (
                j > first and doc[j - 1].lower_ in ctx.grammar.title_object_prepositions
            )
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
        info=title_info(ctx, title),
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
    if token.dep_ == "cc" and token.i > 0:  # "party leader and Prime Minister X"
        before = token.doc[token.i - 1]
        return (
            before.i not in ctx.span_at and ctx.kb.title_info(before.lower_) is not None
        )
    if token.i in ctx.span_at:
        return ctx.span_at[token.i].hits[0].form != "person"
    if token.text in _POSSESSIVE or token.text == "-":
        return True
    if (
        token.lower_ in ctx.grammar.title_prepositions
        and token.i > 0
        and _is_capital_word(token.doc[token.i - 1])
    ):
        return True  # "Special Representative for Iran", "Minister of Defence"
    low = token.lower_
    if ctx.kb.title_info(low) is not None or low in ctx.kb.name_prefixes:
        return True
    if (
        token.dep_ in ("compound", "amod")
        and token.head.i > token.i
        and token.text.replace("'", "").replace("\u2019", "").isalpha()
    ):  # "Chinese foreign ministry spokesman", "chargé d'affaires": inside the title
        return True
    return (
        token.text[:1].isupper()
        and token.pos_ in ("PROPN", "NOUN", "ADJ")
        and (
            token.ent_type_ not in ("PERSON", "GPE", "DATE") and not token.is_sent_start
        )
    )


def title_info(ctx: Context, title: str | None) -> TitleInfo | None:
    """Return the info of the longest known title at the end of ``title`` (its head)."""
    if not title:
        return None
    kb = ctx.kb
    words = title.lower().replace("\u2019", "'").split()
    info = _suffix_title(kb, words)
    for i, word in enumerate(words):
        if info is None and word in ctx.grammar.title_prepositions and i > 0:
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
        title = title_noun_above(ctx, head.head)
        if title is not None:
            return _apposition_facts(ctx, title)
        role = ctx.kb.role_sector(head.head.lemma_)
        if role is not None and head.head.pos_ == "NOUN":  # "the suspect, X"
            return TitleFacts(info=TitleInfo(role))
    for child in head.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in ctx.grammar.affiliation_prepositions
        ):
            found = _subtree_affiliation(ctx, child)
            if found is not None:
                return TitleFacts(affiliation=found)
    return TitleFacts()


def title_noun_above(ctx: Context, token: Token) -> Token | None:
    """The title noun an apposition hangs on, also through "of <place>"."""
    if _is_title_noun(ctx, token):
        return token
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        above = token.head.head
        return above if _is_title_noun(ctx, above) else None
    return None


def _is_title_noun(ctx: Context, token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        title_info(ctx, token.lower_) is not None
        or token.lower_ in ctx.kb.name_prefixes
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
    info = title_info(ctx, doc[start : appos.i + 1].text)
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
    name, place = None, None
    for ent in ctx.doc.ents:
        if (
            ent.label_ in ("ORG", "FAC")
            and ent.start <= token.i + 1
            and ent.end >= token.i - 2
        ):
            name = ent.text.removeprefix("the ").strip()
            name = name.removesuffix("'s").removesuffix("\u2019s")
            # a city or region in the name places the body ("University of Leeds")
            place = next(
                (c for t in ent if (c := ctx.kb.place_state(t.text)) is not None), None
            )
            break
    code = state.code if state else ("NGO" if sector == "NGO" else place)
    return Affiliation(
        code=code,
        org=name,
        sector=None if sector == "NGO" else sector,
        is_state=False,
        start=token.i,
    )
