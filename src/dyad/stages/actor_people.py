"""People for the actors stage: resolve a name to a known or unknown person and code it.

Private helper of ``stages/actors.py``. Resolves a span of name tokens against the
office holders of the KB (exact, short form, or fuzzy for misspellings) and codes the
person as of the publication date, or codes an unknown person from the title and
apposition read by ``actor_titles``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyad.knowledge.actor_words import given_names
from dyad.knowledge.actors import (
    FAMILY_NAME_FIRST,
    ActorKB,
    Hit,
    Person,
    TitleInfo,
    name_key,
)
from dyad.records import ActorKind
from dyad.stages.actor_context import (
    SECURITY_BODIES,
    STATE_SECTORS,
    Affiliation,
    Context,
    Spec,
)
from dyad.stages.actor_states import sentence_state, title_place
from dyad.stages.actor_titles import TitleFacts, apposition, name_tokens, pre_title

# A given name like "Won-soon" or "Jae-in": the family name comes first.
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
# Confidence of a person coded only from a title without a state, taking the article's
# dominant state; set low because the guess is wrong whenever a foreigner is quoted.
DOMINANT_STATE_CONFIDENCE = 0.5
# Sectors of the titles a province or city in front of them codes ("Ontario Premier").
_PLACE_SECTORS = frozenset({"GOV", "LEG"})
# Sectors of a titled person with no state who takes the one state their sentence names
# ("Lt. Gen. X resigned to allow Haiti's first elections"): state offices and "former".
_SENTENCE_STATE_SECTORS = STATE_SECTORS | {"ELI"}
# Sector of a named person whom nothing in the text gives a title or a body: PLOVER
# codes private individuals as civilians (checked on the actors dev split).
PRIVATE_SECTOR = "CVL"


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
    earlier = surname_of(ctx, name) if " " not in name else None
    if earlier is not None:  # "Ratana", "Glawischnig-Piesczek"
        return earlier, owned
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


def namesakes_spec(ctx: Context, token: Token) -> Spec | None:
    """For a surname several known people share, all of one state ("Bush", "Castro"),
    a person of that state (sector only when they all hold one on the article's day):
    whichever of them the text means, the code is the same."""
    people = ctx.kb.short_form_people(token.text)
    codes = {ctx.kb.role_of(p, ctx.published).code for p in people}
    if len(people) < 2 or len(codes) != 1 or None in codes:
        return None
    sectors = {ctx.kb.role_of(p, ctx.published).sector for p in people}
    return Spec(
        identity=f"person:{name_key(token.text)}",
        name=token.text,
        kind=ActorKind.PERSON,
        code=codes.pop(),
        sector=sectors.pop() if len(sectors) == 1 else None,
        confidence=0.6,
    )


def _kb_person_spec(
    ctx: Context, person: Person, score: float, facts: TitleFacts
) -> Spec:
    role = ctx.kb.role_of(person, ctx.published)
    sector = role.sector
    if sector is None and facts.info is not None:
        sector = facts.info.sector  # no dated office: the text's title says it
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
    # an apposition only codes a person when it names a role ("director of ..."), not
    # when it describes a thing ("formerly a Greek Orthodox church"); a body the name
    # hangs on by "of"/"at" does ("X of the University of Y")
    affiliation = facts.affiliation or (
        post.affiliation
        if post.info or _body_after(post) or (facts.info and post.first < 0)
        else None
    )  # "King Hassan of Morocco": a title before, the state after
    info = facts.info or post.info
    title = facts.title or (post.title if post.info else None)
    confidence = 0.7 if affiliation or info else 0.5
    if info is None and affiliation is None:
        title = None  # capitalised words before a name are not always a title
    code = affiliation.code if affiliation else None
    if code is None and title:
        code = ctx.kb.title_state(title)
    if code is None and title and info is not None and info.sector in _PLACE_SECTORS:
        code = title_place(ctx, title)  # "Ontario Premier", not "Toronto lawyer"
    if code is None:
        code = _conjunct_code(ctx, head)
    sector = _person_sector(info, affiliation, facts.former or post.former)
    if sector is None and info is None and affiliation is None:
        sector = PRIVATE_SECTOR  # a named person with no title or body: a civilian
    if code is None and ctx.dominant and (affiliation is None or not affiliation.org):
        code, confidence = ctx.dominant, DOMINANT_STATE_CONFIDENCE
    if code is None and affiliation is None and sector in _SENTENCE_STATE_SECTORS:
        code = sentence_state(ctx, head)
        confidence = DOMINANT_STATE_CONFIDENCE
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


def _body_after(post: TitleFacts) -> bool:
    """True when the words after a name are "of"/"at" + an organisation, no title."""
    found = post.affiliation
    return post.first < 0 and found is not None and not found.is_state


# Sectors of the titles whose past holders are ex-officials (ELI): "former mayor" and
# "ex-minister" are, "former lyricist" and "ex-Muslim" are not.
_OFFICE_SECTORS = STATE_SECTORS | {"ELI", "PTY", "OPP"}


def _is_office(info: TitleInfo | None) -> bool:
    """True when a "former" title is a public office: a title of a state or party
    sector, or one with no sector of its own ("former leader"); not a word that is no
    title at all ("ex-Muslim")."""
    return info is not None and (info.sector is None or info.sector in _OFFICE_SECTORS)


def _person_sector(
    info: TitleInfo | None, affiliation: Affiliation | None, former: bool
) -> str | None:
    if former and _is_office(info):
        return "ELI"
    if info is not None and info.sector is not None:
        if _body_sector_wins(info.sector, affiliation):
            return affiliation.sector if affiliation else None
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
        # a generic title of a state or IGO ("UN spokesperson", "Kremlin aide") is an
        # official; a bare place before a name ("South Jerusalem X") says nothing
        return (affiliation.sector or "GOV") if info is not None else None
    return affiliation.sector


def _body_sector_wins(sector: str, affiliation: Affiliation | None) -> bool:
    """True when a state title or rank inside a security body takes the body's sector:
    a police sergeant is police, an intelligence service's officer is intelligence."""
    return (
        affiliation is not None
        and affiliation.sector in SECURITY_BODIES
        and sector in STATE_SECTORS
        and sector != affiliation.sector
    )


def _conjunct_code(ctx: Context, head: Token) -> str | None:
    """A coordinated name shares its partner's state ("US X and Commerce Sec. Y")."""
    if head.dep_ == "conj" and head.head.i in ctx.person_at:
        return ctx.person_at[head.head.i].code
    return None


def register_surnames(ctx: Context, spec: Spec, name: str) -> None:
    """Let later lone surnames ("Sun", "Blinken") refer to this person, and their given
    name ("Brenton" after "Brenton Tarrant") while no other person of the article has
    it."""
    parts = name.split()
    if len(parts) < 2:
        return
    keys = [parts[-1]]
    family_first = spec.code in FAMILY_NAME_FIRST or _HYPHENATED_GIVEN.search(parts[-1])
    if family_first:
        keys.append(parts[0])  # "Xi" for Xi Jinping, "Park" for Park Won-soon
    for key in keys:
        if _only_organisations(ctx, ctx.kb.lookup_name(key)):  # "Cairo" stays a city
            key = key.rstrip(".,")
            ctx.surnames.setdefault(key.lower() if ctx.casing != "cased" else key, spec)
    if not family_first and len(parts) == 2:
        _register_given_name(ctx, spec, parts[0])


def _register_given_name(ctx: Context, spec: Spec, given: str) -> None:
    """Keep ``given`` for ``spec`` unless another person of the article has it; in
    lower-cased text only a listed given name ("don" may be the verb)."""
    key = given.lower() if ctx.casing != "cased" else given
    if not given[:1].isalpha() or (
        ctx.casing != "cased" and key not in given_names()
    ):
        return
    if not _only_organisations(ctx, ctx.kb.lookup_name(given)):
        return  # "Jordan Peterson": "Jordan" stays the state
    if key not in ctx.given:
        ctx.given[key] = spec
        return
    other = ctx.given[key]
    if other is not None and other.identity != spec.identity:
        ctx.given[key] = None


def surname_of(ctx: Context, word: str) -> Spec | None:
    """The person named earlier whose family name ``word`` is, else the one whose given
    name it is (``register_surnames``); in a recased text any case matches (the recaser
    may restore a name in one place and not another)."""
    key = word.lower() if ctx.casing != "cased" else word
    return ctx.surnames.get(key) or ctx.given.get(key)


def _only_organisations(ctx: Context, hits: Sequence[Hit]) -> bool:
    """True when no KB name is this word, or only organisations' ("Forbes" after
    "Daniel Forbes" is the person again)."""
    for hit in hits:
        entry = ctx.kb.entries.get(hit.kb_id)
        if entry is None or entry.kind is not ActorKind.ORGANIZATION:
            return False
    return True


def split_person_entity(
    doc: Doc, start: int, end: int, kb: ActorKB
) -> Sequence[tuple[int, int]]:
    """Split "Biden-Xi" or "Putin and Xi" entities into one span per name."""
    parts, first = [], start
    for i in range(start, end):
        text = doc[i].text
        if text in ("'s", "\u2019s"):  # "Donald Trump's Liberation Day": the owner only
            end = i
            break
        if text in ("-", "\u2013") and (
            not (
                i > start
                and i + 1 < end
                and doc[i - 1].text[:1].isupper()
                and doc[i + 1].text[:1].isupper()
            )
            or _hyphenated_name(doc, i, kb)
        ):
            continue  # "Bashar al-Assad", "Jean-Pierre Mbala": one name; "Biden-Xi": two
        if doc[i].is_quote and _nickname_quote(doc, i, start, end):
            continue  # Matiu "Matt" Ratana: one name
        if text in ("-", "\u2013", "and", "&", "/") or (
            doc[i].is_punct and text not in (".", "'", "\u2019")
        ):
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    return [name_tokens(doc, s, e, kb) for s, e in parts if e > s]


def _hyphenated_name(doc: Doc, i: int, kb: ActorKB) -> bool:
    """True when the hyphen at ``i`` joins the halves of one name, written without
    spaces ("Jean-Pierre Mbala", "Eva Glawischnig-Piesczek"), not two known people
    ("Biden-Xi")."""
    if doc[i - 1].whitespace_ or doc[i].whitespace_:
        return False
    left, right = doc[i - 1].text, doc[i + 1].text
    return not (kb.short_form_people(left) and kb.short_form_people(right))


def _nickname_quote(doc: Doc, i: int, start: int, end: int) -> bool:
    """True when the quote mark at ``i`` opens or closes a one-word nickname between a
    given name and a family name (Matiu "Matt" Ratana)."""
    opens = i > start and i + 3 < end and doc[i + 2].is_quote
    closes = i - 2 > start and i + 1 < end and doc[i - 2].is_quote
    word = doc[i + 1] if opens else doc[i - 1]
    return (opens or closes) and word.is_alpha and word.text[:1].isupper()


def nickname_end(doc: Doc, start: int, end: int) -> int:
    """The end of a name ``[start, end)`` that goes on after a quoted nickname the
    parser cut it at (Matiu "Matt" Ratana), else ``end``."""
    for q in range(start + 1, min(end + 1, len(doc) - 3)):
        if (
            doc[q].is_quote
            and doc[q + 2].is_quote
            and doc[q + 1].is_alpha
            and doc[q + 1].text[:1].isupper()
            and (
                (doc[q + 3].pos_ == "PROPN" and doc[q + 3].text[:1].isupper())
                or doc[q + 3].ent_type_ == "PERSON"  # a recased text's "ratana"
            )
        ):
            return max(end, q + 4)
    return end
