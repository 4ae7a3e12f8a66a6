"""Recipients a verbal event names outside its own phrases: in its purpose clause, as
the host of the diplomatic post it acts on, and in the phrases of the event it acts on.

- A purpose clause ("opened fire to disperse protesters", "sent troops to help Chile",
  "imposed sanctions in order to punish Peru") names whom the act is aimed at: the
  object of the infinitive, when the infinitive has no subject of its own.
- A diplomatic post ("closed its embassy in Lima", "opened a consulate in Chile") is
  hosted by the state its "in" phrase names: opening or closing it is done to that state.
- An event noun as the object ("halted funding for Peru", "froze its aid to Chile")
  names the recipient with the prepositions of its own type (AID: "for", "to"), when it
  names no actor of its own.
- A speech act in a clause of time ("after Chile demanded their release") was
  addressed to the subject of the clause it comes before.
- The goods or people a measure is about may name their origin through a participle
  ("tariffs on goods imported from Peru"): ``participle_origins``, for the themes of
  ``events_parties.theme_recipients``.

All are asked only for an event whose own phrases named no recipient.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon
from dyad.records import ActorKind
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import SUBJECTS, Candidate, children, prep_objects

_PURPOSE_DEPS = frozenset({"advcl", "acl"})
_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def names_no_recipient(
    recipients: Sequence[str], actors: Sequence[str], cast: Cast
) -> bool:
    """Tell whether ``recipients`` hold no coded actor other than the ``actors``."""
    return all(r in actors or cast.actors[r].code is None for r in recipients)


def aimed_recipients(
    c: Candidate,
    holders: Sequence[Token],
    actors: Sequence[str],
    cast: Cast,
    lexicon: EventLexicon,
) -> tuple[str, ...]:
    """Return the recipients of the purpose clause of the verbal candidate ``c``, of the
    diplomatic posts and event nouns among its ``holders`` (its objects, also one
    absorbed into the trigger: "declared war on X"); none for a two-sided event ("met
    to discuss X"). An event noun's phrase naming the state of one of the ``actors``
    is taken for a misread attachment ("a tariff on imports to the US" by the US);
    a group of the same country is not ("accepted demands from its rebels")."""
    if c.rule.reciprocal:
        return ()
    own = {cast.actors[a].code for a in actors} - {None}
    verb = c.anchor
    events = [
        a
        for a in _object_events(holders, cast, lexicon)
        if cast.actors[a].kind != ActorKind.STATE or cast.actors[a].code not in own
    ]
    return tuple(
        dict.fromkeys(
            [
                *_purpose(verb, cast, lexicon),
                *_post_hosts(verb, holders, cast),
                *events,
                *_answerer(c, cast, lexicon),
            ]
        )
    )


def _answerer(c: Candidate, cast: Cast, lexicon: EventLexicon) -> Iterator[str]:
    """Yield the subject of the clause a speech act comes before: "Peru freed them after
    Chile demanded their release" (Chile asked Peru). Only speech acts (types with
    ``speaker_preps``), in a clause of time marked by an ``answer_marks`` word."""
    verb = c.anchor
    if (
        not lexicon.types[c.rule.type].speaker_preps
        or verb.dep_ != "advcl"
        or not any(
            m.dep_ == "mark" and m.lower_ in cast.grammar.answer_marks
            for m in verb.children
        )
    ):
        return
    for subject in children(verb.head, frozenset({"nsubj"})):
        yield from cast.of(subject)


def _infinitives(verb: Token, cast: Cast) -> Iterator[Token]:
    """Yield the subjectless infinitives of purpose on ``verb``: its "to" clause, or
    the clause of its "in order to" phrase."""
    for child in verb.children:
        if child.dep_ == "advcl":
            yield child
        elif child.dep_ == "prep":
            for noun in children(child, frozenset({"pobj"})):
                if noun.lower_ in cast.grammar.purpose_nouns:
                    yield from children(noun, _PURPOSE_DEPS)


def _purpose(verb: Token, cast: Cast, lexicon: EventLexicon) -> Iterator[str]:
    """Yield the actors of a purpose infinitive's objects and, for an event noun object,
    of its recipient phrases ("blocked a road to show their anger at Peru")."""
    for clause in _infinitives(verb, cast):
        if (
            clause.tag_ != "VB"
            or not any(c.tag_ == "TO" and c.dep_ == "aux" for c in clause.children)
            or children(clause, SUBJECTS)
        ):
            continue
        # named in the clause: "to reinforce its presence" is no aim at whoever "its" is
        objects = [o for o in children(clause, frozenset({"dobj"})) if cast.subtree(o)]
        yield from _object_events(objects, cast, lexicon)
        for obj in objects:
            yield from cast.of(obj)


def _post_hosts(verb: Token, objects: Sequence[Token], cast: Cast) -> Iterator[str]:
    """Yield the host named on a diplomatic post or, as the parser often attaches it,
    on the verb acting on it ("closed [its consulate] [in Lima]")."""
    grammar = cast.grammar
    posts = [o for o in objects if o.lemma_.lower() in grammar.mission_nouns]
    hosts = [
        a
        for holder in posts + ([verb] if posts else [])
        for place in prep_objects(holder, grammar.mission_prepositions)
        for a in cast.of(place)
    ]
    # a place the actors stage took into the post's mention ("the embassy in Tehran"
    # coded as Iran's) leaves the post's own actor as the host
    yield from hosts or (
        cast.by_token[p.i]
        for p in posts
        if p.i in cast.by_token and prep_objects(p, grammar.mission_prepositions)
    )


def _object_events(
    objects: Sequence[Token], cast: Cast, lexicon: EventLexicon
) -> Iterator[str]:
    partners = cast.grammar.partner_prepositions
    for obj in objects:
        rules = lexicon.nouns.get(obj.lemma_.lower(), ())
        if (
            obj.pos_ != "NOUN"
            or not rules
            or any(c.dep_ in _OWNER_DEPS and cast.subtree(c) for c in obj.children)
        ):
            continue  # "froze Peru's aid to Chile": Peru's own event
        preps = (
            frozenset().union(*(lexicon.types[r.type].recipient_preps for r in rules))
            - partners
        )
        for pobj in prep_objects(obj, preps, cast.by_token):
            yield from cast.of(pobj)


def participle_origins(nouns: Sequence[Token], cast: Cast) -> tuple[str, ...]:
    """Return the actors whose goods or people a measure is about through a bare
    participle: "tariffs on goods imported from Peru", "a tariff on goods coming from
    Peru" (the parser often hangs the participle on the measure noun)."""
    preps = cast.grammar.participle_origin_prepositions
    return tuple(
        a
        for noun in nouns
        for acl in children(noun, frozenset({"acl"}))
        if acl.tag_ in ("VBN", "VBG") and not children(acl, SUBJECTS)
        for place in prep_objects(acl, preps, cast.by_token)
        for a in cast.of(place)
    )
