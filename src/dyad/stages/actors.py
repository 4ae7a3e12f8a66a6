"""The actors stage: find and code every state, person, organisation, group, region.

Finders run in a fixed order over the spaCy ``Doc``; each claims the tokens it uses so a
later finder never codes them twice:

1. people (PERSON entities and known full names), with the titles in front of them and
   the appositions after them (``actor_people.py``);
2. lone surnames of people already named ("Sun" after "Yun Sun"), and of well-known
   office holders ("Xi", "Biden");
3. groups named by a noun and a modifier ("US officials", "Houthi rebels", "the Biden
   administration", "China's foreign ministry");
4. names from the knowledge base: states, demonyms, capitals and seats of power used as
   actors ("Beijing agreed" -> CHN GOV), organisations, regions;
5. other organisations the parser finds (coded from their name, else uncoded);
6. bare group nouns ("protesters", "officials"), coded with the dominant state.

One ``Actor`` per identity (a KB id, or code/sector for groups, or a name), a
``Mention`` per occurrence; actors come out in order of first mention, mentions by
start offset.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from spacy.tokens import Span, Token

from dyad import ids
from dyad.knowledge.actors import ActorKB, fold
from dyad.knowledge.grammar import Grammar, load_grammar
from dyad.records import Actor, ActorKind, Mention, Problem, ResolvedActors
from dyad.stages.actor_context import Context, KbSpan, Spec
from dyad.stages.actor_dominant import dominant_state, given_name_starts
from dyad.stages.actor_groups import claim, find_groups
from dyad.stages.actor_merge import merge_state_words
from dyad.stages.actor_names import kb_actors
from dyad.stages.actor_nonmentions import non_mention_tokens
from dyad.stages.actor_offices import find_offices
from dyad.stages.actor_orgs import other_organizations
from dyad.stages.actor_people import (
    namesakes_spec,
    nickname_end,
    person_spec,
    pick_short_form,
    register_surnames,
    split_person_entity,
    surname_of,
)
from dyad.stages.actor_predicates import predicate_sectors
from dyad.stages.actor_scan import Casing, casing_of, furniture_tokens, kb_spans
from dyad.stages.actor_titles import title_noun_above
from dyad.stages.nlp import Parsed

VERSION = "actors.kb.v2"
# Highest confidence of a person coded only by the article's dominant state: a lone
# word with no more support than that is dropped (usually a tagging slip).
DOMINANT_GUESS = 0.5


def resolve_actors(
    parsed: Parsed, *, kb: ActorKB, grammar: Grammar | None = None
) -> ResolvedActors:
    """Find and code every actor mentioned in the article.

    ``grammar`` defaults to the packaged one; the runner passes ``Resources.grammar``.
    """
    doc = parsed.doc
    texts, pos = [], []
    for token in doc:  # one pass: spaCy builds a Token object per access
        texts.append(token.text)
        pos.append(token.pos_)
    casing = casing_of(texts, parsed.article.text)
    spans = kb_spans(doc, kb, texts, casing)
    ctx = Context(
        doc=doc,
        kb=kb,
        published=parsed.article.published,
        span_at={i: s for s in spans for i in range(s.start, s.end)},
        dominant=dominant_state(doc, kb, spans),
        grammar=grammar or load_grammar(),
        owner=[False] * len(doc),
        texts=texts,
        pos=pos,
        casing=casing,
        given_name_states=given_name_starts(doc, spans),
    )
    cased = casing is Casing.CASED
    for i in furniture_tokens(doc, casing) | non_mention_tokens(doc, spans, kb, cased):
        ctx.owner[i] = True
    found: list[tuple[Spec, int, int]] = []
    found.extend(_people(ctx))
    found.extend(_surnames(ctx))
    found.extend(find_groups(ctx, modified=True))
    found.extend(find_offices(ctx))
    found.extend(kb_actors(ctx, spans))
    found.extend(other_organizations(ctx))
    found.extend(find_groups(ctx, modified=False))
    return _build(parsed, predicate_sectors(ctx, merge_state_words(ctx, found)))


# ---- step 1 and 2: people
def _person_spans(ctx: Context) -> list[tuple[int, int]]:
    doc = ctx.doc
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if (
            ent.label_ == "PERSON" or _is_titled_org(ctx, ent)
        ) and "\n" not in ent.text:
            ent_end = _extend_name(ctx, nickname_end(doc, ent.start, ent.end))
            known = ctx.span_at.get(ent.start)
            if known and known.hits[0].form == "person" and known.end >= ent_end:
                spans.append((known.start, known.end))  # "Ursula von der" + "Leyen"
                continue
            for start, end in split_person_entity(doc, ent.start, ent_end, ctx.kb):
                spans.extend(_split_at_kb_names(ctx, start, end))
    taken = {i for s, e in spans for i in range(s, e)}
    for span in {s.start: s for s in ctx.span_at.values()}.values():
        if span.hits[0].form == "person" and span.start not in taken:
            spans.append((span.start, span.end))
    # full names first, so that lone surnames can refer back to them
    return sorted(spans, key=lambda se: (se[1] - se[0] == 1, se[0]))


def _is_titled_org(ctx: Context, ent: Span) -> bool:
    """An ORG-tagged name that a title introduces is a person ("the president of
    Namibia, Hage Geingob"; "President Hage Geingob")."""
    if ent.label_ != "ORG" or ent.start in ctx.span_at or len(ent) < 2:
        return False
    if not all(t.pos_ == "PROPN" for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and title_noun_above(ctx, root.head) is not None:
        return True
    before = ctx.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.text[:1].isupper()
        and (ctx.kb.title_info(before.lower_) is not None)
    )


def _split_at_kb_names(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a PERSON entity at known non-person names ("Obama Cairo")."""
    whole = ctx.span_at.get(start)
    if whole is not None and whole.hits[0].form != "person" and whole.end >= end:
        return []  # "Burkina Faso" tagged as a person is still the state
    parts, first = [], start
    for i in range(start, end):
        span = ctx.span_at.get(i)
        if span is None or span.hits[0].form == "person":
            continue
        if span.hits[0].form == "demonym" or (
            span.start > start and not _is_org_span(ctx, span)
        ):  # not "Jordan Peterson"; "Michael Bloomberg" is one name
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    return [(s, e) for s, e in parts if e > s]


def _extend_name(ctx: Context, end: int) -> int:
    """Take in name words the parser left out ("Amy Berman" + "Jackson")."""
    doc = ctx.doc
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ in ("", "PERSON")
        and end not in ctx.span_at
        and "\n" not in doc[end - 1].whitespace_
        and doc[end - 1].whitespace_ != ""
        and not _is_role_word(ctx.kb, doc[end].lower_)
    ):
        end += 1
    return end


def _is_role_word(kb: ActorKB, word: str) -> bool:
    """Words that follow a name without being part of it ("Biden Administration")."""
    return (
        kb.modified_group_sector(word) is not None
        or kb.institution_sector(word) is not None
        or kb.title_info(word) is not None
    )


def _people(ctx: Context) -> Iterator[tuple[Spec, int, int]]:
    for start, end in _person_spans(ctx):
        if any(ctx.owner[start:end]):
            continue
        spec, owned = person_spec(ctx, start, end)
        if _is_unsupported(ctx, spec, end - start):
            continue
        for i in owned:
            ctx.owner[i] = True
        for i in range(start, end):
            ctx.person_at[i] = spec
        register_surnames(ctx, spec, ctx.doc[start:end].text)
        yield spec, start, end


def _is_unsupported(ctx: Context, spec: Spec, size: int) -> bool:
    """An unknown "person" that is more often a tagging slip: a lone word with no title,
    a place name ("Belgorod Oblast"), or a name whose only title is a state ("Iznik,
    Turkey")."""
    if spec.kb_id is not None or not spec.identity.startswith("person:"):
        return False
    if spec.name.split()[-1].lower() in ctx.kb.place_words:
        return True
    if ctx.kb.is_thing(spec.name):
        return True  # "Typhoon Haiyan", "Flight 610"
    if spec.title is None and ctx.kb.place_state(spec.name) is not None:
        return True  # "Khan Younis", a city the parser took for a person
    if not _is_latin(spec.name):
        return True  # a run of another script inside English text, not a name
    if spec.title is not None and ctx.kb.lookup_state(spec.title) is not None:
        return True
    return size == 1 and spec.title is None and spec.confidence <= DOMINANT_GUESS


def _is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin (accents allowed)."""
    return all(
        not c.isalpha() or c.isascii() or unicodedata.name(c, "").startswith("LATIN")
        for c in name
    )


def _surnames(ctx: Context) -> Iterator[tuple[Spec, int, int]]:
    short_forms = ctx.kb.short_forms
    caseless = ctx.casing == "lower"
    for i, text in enumerate(ctx.texts):
        if ctx.owner[i] or _in_other_name(ctx, i):
            continue
        joined = _hyphenated_surname(ctx, i)
        if joined is not None:  # "Brunner-Kessel" after "Eva Brunner-Kessel"
            claim(ctx, i, i + 3)
            ctx.person_at.update(dict.fromkeys(range(i, i + 3), joined))
            yield joined, i, i + 3
            continue
        spec = surname_of(ctx, text)
        if spec is None and (
            ctx.pos[i] != "PROPN" or not text[:1].isupper() or caseless
        ):
            continue  # in lower-cased text only names the article introduced
        if spec is None and fold(text) not in short_forms:
            continue
        if spec is not None and ctx.pos[i] not in ("PROPN", "NOUN"):
            continue
        token = ctx.doc[i]
        if spec is None:
            spec = _known_short_form(ctx, token)
        if spec is not None:
            claim(ctx, token.i, token.i + 1)
            ctx.person_at[token.i] = spec
            yield spec, token.i, token.i + 1


def _hyphenated_surname(ctx: Context, i: int) -> Spec | None:
    """The person whose hyphenated family name starts at token ``i``, when the
    article named them in full before."""
    if i + 2 >= len(ctx.texts) or ctx.texts[i + 1] != "-" or any(ctx.owner[i : i + 3]):
        return None
    span = ctx.doc[i : i + 3]
    return surname_of(ctx, span.text) if span.text.count(" ") == 0 else None


def _in_other_name(ctx: Context, i: int) -> bool:
    """True when token ``i`` lies in a KB name of a non-person ("Hong" in Hong Kong),
    unless that name is one word naming an organisation and the article named a person
    with it as surname ("Bloomberg" after "Michael Bloomberg")."""
    span = ctx.span_at.get(i)
    if span is None or span.hits[0].form == "person":
        return False
    return not (
        span.end - span.start == 1
        and surname_of(ctx, ctx.texts[i]) is not None
        and _is_org_span(ctx, span)
    )


def _is_org_span(ctx: Context, span: KbSpan) -> bool:
    entry = ctx.kb.entries.get(span.hits[0].kb_id)
    return entry is not None and entry.kind is ActorKind.ORGANIZATION


def _known_short_form(ctx: Context, token: Token) -> Spec | None:
    """A KB person called by one name the article never gave in full: when the parser
    reads it as a person ("Xi said"), or, for someone in office on the article's day,
    also as an organisation or nothing ("Trump's tariffs", "the Trump administration");
    never when it reads a place."""
    if token.ent_type_ not in ("PERSON", "ORG", ""):
        return None
    if _next_to_name(ctx, token.i - 1) or _next_to_name(ctx, token.i + 1):
        return None  # part of a longer name ("Omar Bongo Odinma"), not a surname
    person = pick_short_form(ctx.kb, token.text, ctx.published, strict=True)
    namesakes = namesakes_spec(ctx, token)
    if person is None and namesakes is not None:  # namesakes of one state: the one
        person = pick_short_form(ctx.kb, token.text, ctx.published, strict=False)
    if person is None:
        return namesakes if token.ent_type_ == "PERSON" else None
    if (
        token.ent_type_ != "PERSON"
        and not ctx.kb.role_of(person, ctx.published).in_office
    ):
        return None
    return person_spec(ctx, token.i, token.i + 1)[0]


def _next_to_name(ctx: Context, i: int) -> bool:
    if i < 0 or i >= len(ctx.texts):
        return False
    return (
        ctx.pos[i] == "PROPN"
        and ctx.texts[i][:1].isupper()
        and (ctx.owner[i] or i not in ctx.span_at)
    )


# ---- building records
def _build(parsed: Parsed, found: list[tuple[Spec, int, int]]) -> ResolvedActors:
    doc, article = parsed.doc, parsed.article
    found.sort(key=lambda f: doc[f[1]].idx)
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for spec, start, end in found:
        span = doc[start:end]
        text = article.text[span.start_char : span.end_char]  # the doc may be recased
        if not text.strip():
            continue
        actor = actors.get(spec.identity)
        if actor is None:
            actor = _actor(article.article_id, spec)
            actors[spec.identity] = actor
        begin = span.start_char
        mentions.append(
            Mention(
                article_id=article.article_id,
                actor_id=actor.actor_id,
                text=text,
                start=begin,
                end=span.end_char,
                sentence_index=parsed.sentence_of(begin),
            )
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    problems: tuple[Problem, ...] = ()
    if not actors and article.text.strip():
        problems = (
            Problem(
                code="actors.none_found",
                stage="actors",
                message="no actor was found in the article",
                article_id=article.article_id,
            ),
        )
    return ResolvedActors(
        actors=tuple(actors.values()), mentions=tuple(mentions), problems=problems
    )


def _actor(article_id: str, spec: Spec) -> Actor:
    return Actor(
        article_id=article_id,
        actor_id=ids.actor_id(article_id, spec.identity),
        name=spec.name,
        kind=spec.kind,
        code=spec.code,
        sector=spec.sector,
        org=spec.org,
        title=spec.title,
        kb_id=spec.kb_id,
        confidence=spec.confidence,
        coder=VERSION,
    )


__all__ = ["VERSION", "resolve_actors"]
