"""Participants for the events stage: actor and recipient sides from the parse.

Subjects (through control, coordination, participles and passives), objects and the
type's recipient prepositions, reciprocal partners ("talks between A and B"), hosted
meetings, possessives and compounds of nominal events, and recipients borrowed from
the event or clause a trigger governs ("refused to allow talks with X", "demanded that
X …").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dyad.knowledge.events import EventLexicon, TriggerRule
from dyad.knowledge.grammar import Grammar
from dyad.records import Actor, ActorKind, EventType, Mention
from dyad.stages.events_joint import foreign_first, is_mutual, joint_subject
from dyad.stages.events_passives import (
    by_agents,
    is_passive,
    raised_passive,
    shared_objects,
)
from dyad.stages.events_roles import Cast
from dyad.stages.events_roles_aims import (
    aimed_recipients,
    names_no_recipient,
    participle_origins,
)
from dyad.stages.events_roles_anaphora import is_anaphor
from dyad.stages.events_roles_coactors import co_actors, without_codes
from dyad.stages.events_triggers import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    Candidate,
    children,
    of_objects,
    prep_objects,
)

_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp"})


_CLIMB_DEPS = _INHERIT_DEPS | {"dobj", "pobj", "prep", "compound", "acomp"}


_OWNERS = frozenset({"poss", "compound"})


_VISITOR_KINDS = frozenset({ActorKind.PERSON, ActorKind.STATE, ActorKind.IGO})


NOMINAL_ACTOR_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


_ISSUER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    how: str = ""  # rule suffix: "", ".carried", ".host", ".third-party"
    mode: str | None = None  # overrides the rule's mode (a hosted meeting)
    mutual: bool = False  # "accused each other": every party is an actor


def subject_token(verb: Token, lexicon: EventLexicon) -> tuple[Token | None, bool]:
    """Return the subject of ``verb`` (through control, coordination) and if passive."""
    own_passive = is_passive(verb) or raised_passive(verb)
    current = verb
    for _ in range(6):
        subjects = children(current, SUBJECTS)
        if subjects:  # "civilians were injured" (an adjectival passive) is passive
            adjectival = verb.tag_ == "VBN" and verb.dep_ == "acomp"
            return subjects[0], adjectival or (current.i != verb.i and own_passive)
        passive = children(current, PASSIVE_SUBJECTS)
        if passive:  # "X was questioned while speaking": X speaks (active)
            return passive[0], current.i == verb.i or own_passive
        head = current.head
        if head.i == current.i or current.dep_ not in _CLIMB_DEPS:
            return None, False
        if current.dep_ == "pcomp" and head.lower_ in lexicon.gerund_prepositions:
            # "accused Somalia of violating", "praised Kenya for hosting": the object
            objects = children(head.head, frozenset({"dobj"}))
            if objects and not is_mutual(objects[0]):
                return objects[0], False
            if _named_object(head.head):
                return head.head, False  # "accused X's army of shelling": on the object
        if current.dep_ == "xcomp" and head.lemma_.lower() in lexicon.object_control:
            objects = children(head, frozenset({"dobj"}))
            if objects:
                return objects[0], False
        if current.dep_ == "acl" and head.lemma_.lower() in lexicon.issuer_nouns:
            # "a resolution condemning X": the issuer, named on the text or by the
            # verb that adopts it ("the council approved a resolution condemning X")
            if children(head, _ISSUER_DEPS) or (
                head.dep_ == "pobj" and head.head.lower_ in lexicon.gerund_prepositions
            ):  # "slammed X for a report alleging Y": the report's, not the critic's
                return head, False
            current = head
            continue
        if current.dep_ == "acl" and head.lemma_.lower() in lexicon.transparent_nouns:
            owner = _owner(head)  # "Chile's decision to expel X", "a bid by Chile to …"
            if owner is not None:
                return owner, False
        if (
            current.dep_ in ("acl", "relcl")
            and head.pos_ in ("NOUN", "PROPN", "PRON")
            and head.lemma_.lower() not in lexicon.transparent_nouns
        ):
            # "troops attacking the city"; "Americans detained in China" is passive
            return head, current.tag_ == "VBN" and current.dep_ == "acl"
        current = head
    return None, False


def _named_object(noun: Token) -> bool:
    """Tell whether ``noun`` is a direct object that names someone ("Uganda's army",
    "the Kenyan police"), not a thing ("instituted a policy of confiscating …")."""
    return (
        noun.dep_ == "dobj"
        and not is_mutual(noun)
        and (noun.pos_ == "PROPN" or bool(children(noun, NOMINAL_ACTOR_DEPS)))
    )


def _owner(noun: Token) -> Token | None:
    """Return the possessor of ``noun`` or the object of its "by" phrase, if any."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    agents = prep_objects(noun, frozenset({"by"}))
    return agents[0] if agents else None


def _objects_and_holders(
    c: Candidate, cast: Cast, lexicon: EventLexicon
) -> tuple[list[Token], list[Token], tuple[str, ...]]:
    """Return the objects of a verbal candidate, the tokens whose prepositions may hold
    its parties, and the actors of an absorbed object ("released six Americans")."""
    rule, anchor = c.rule, c.anchor
    absorbed: tuple[str, ...] = ()
    objects = [
        o for o in children(anchor, OBJECTS) if o.i != c.absorbed and o.i != c.trigger.i
    ]
    if c.kind == "verb" and not objects:  # "shot and killed three men"
        objects = shared_objects(anchor)
    if c.kind == "verb" and c.trigger.dep_ == "compound":  # mis-tagged infinitive
        objects.append(c.trigger.head)
    if rule.complement_aux and c.absorbed is not None:  # "said X must …": X
        clause = c.trigger.doc[c.absorbed]
        objects.extend(children(clause, SUBJECTS | PASSIVE_SUBJECTS))
    holders = [anchor] + ([c.trigger] if c.trigger.i != anchor.i else [])
    if c.absorbed is not None:
        holders.append(c.trigger.doc[c.absorbed])
        if not rule.complement_aux:  # "released six Americans": the object is an actor
            absorbed = cast.of(c.trigger.doc[c.absorbed])
    # "action against Russia"; but in "condemned Iran's attacks on Jordan" the "on"
    # phrase belongs to the attacks, an event with a participant of its own
    holders.extend(
        o for o in objects if o.pos_ == "NOUN" and not _own_event(o, cast, lexicon)
    )
    if c.kind == "light":
        holders.extend(of_objects(c.trigger))
    return objects, holders, absorbed


def theme_recipients(
    holders: Sequence[Token], rule: TriggerRule, cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return the recipients named inside what an event is about: "lifted its ban on
    exports to X", "imposed curbs on the sale of arms to X", "a suspension of aid to X".

    The things are the objects of a holder's theme prepositions (of a verb with an
    object or a passive one: the verb ones) that name no actor and no event of their
    own; their phrases with the type's recipient prepositions name the recipient.
    """
    grammar = cast.grammar
    preps = (
        (rule.preps | lexicon.types[rule.type].recipient_preps)
        - grammar.partner_prepositions
        - grammar.theme_prepositions
    )
    seen: set[int] = set()
    found: list[str] = []
    for holder in holders:
        themes = grammar.verb_theme_prepositions
        if holder.pos_ in ("NOUN", "PROPN") or not (
            is_passive(holder) or children(holder, OBJECTS)
        ):  # "warned of retaliation against X"; not "accused X of crimes against Y"
            themes = grammar.theme_prepositions
        for thing in prep_objects(holder, themes):
            if (
                thing.i in seen
                or thing.pos_ != "NOUN"
                or thing.i in cast.by_token
                or _own_event(thing, cast, lexicon)
            ):
                continue
            seen.add(thing.i)
            for pobj in prep_objects(thing, preps, cast.by_token):
                found.extend(cast.of(pobj))
            if not found:  # "tariffs on goods imported from X"
                found.extend(participle_origins((thing, holder), cast))
    return tuple(found)


def _visitors(anchor: Token, cast: Cast) -> tuple[str, ...]:
    """Return the visitors a "received" verb names: its objects that can visit."""
    return tuple(
        a
        for o in children(anchor, frozenset({"dobj"}))
        # the object itself or its list, not its modifiers ("received his PhD")
        for a in (cast.of(o) if o.i in cast.by_token else cast.listed(o))
        if cast.actors[a].kind in _VISITOR_KINDS
    )


def verbal_roles(c: Candidate, cast: Cast, lexicon: EventLexicon) -> Roles:
    rule, anchor = c.rule, c.anchor
    subject, passive = subject_token(anchor, lexicon)
    actors = _passive_agents(anchor, cast) if passive else cast.of(subject)
    recipients: tuple[str, ...] = cast.of(subject) if passive else ()
    if not actors and not passive and c.kind == "verb":
        actors = _possessor_actors(anchor, cast)
    companions = co_actors(anchor, subject, cast) if actors and not passive else ()
    partners: list[str] = []
    objects, holders, absorbed = _objects_and_holders(c, cast, lexicon)
    recipients += absorbed
    partner = cast.grammar.partner_prepositions
    preps = [
        o for h in holders for o in prep_objects(h, rule.preps - partner, cast.by_token)
    ]
    partner_preps = [
        o for h in holders for o in prep_objects(h, rule.preps & partner, cast.by_token)
    ]
    if c.kind == "light":  # "held talks between A and B", "a mediation mission between"
        for holder in (
            (c.trigger, c.trigger.head)
            if c.trigger.dep_ == "compound"
            else (c.trigger,)
        ):
            between = prep_objects(holder, partner - rule.preps, cast.by_token)
            (partner_preps if rule.reciprocal else preps).extend(between)
    if rule.reciprocal and lexicon.types[rule.type].partner_object:
        partner_preps.extend(objects)
        objects = []
    for token in objects + preps:
        with cast.avoiding(actors if is_anaphor(token, cast) else cast.avoid):
            recipients += cast.of(token)  # "X's attacks on the country": not X
    recipients += theme_recipients(holders, rule, cast, lexicon)
    if names_no_recipient(recipients, actors, cast):  # "fire to disperse X"
        recipients += aimed_recipients(c, holders, actors, cast, lexicon)
    found = tuple(a for token in partner_preps for a in cast.of(token))
    if rule.reciprocal:
        partners.extend(found)
    else:
        recipients += found
    if c.kind == "light" and anchor.lemma_.lower() in lexicon.host_verbs and partners:
        return _third_party(rule, tuple(partners), actors, cast)
    actors = _beside_pair(c, actors, cast, lexicon) + tuple(partners)
    if any(is_mutual(o) for o in children(anchor, OBJECTS)) or any(
        is_mutual(o)
        for h in holders
        for o in prep_objects(h, rule.preps, cast.by_token)
    ):  # "China and Russia accused each other", "clashed with one another"
        return Roles(tuple(dict.fromkeys(actors + recipients)), (), mutual=True)
    if joint_subject(anchor, actors, recipients, cast):  # "A and B swapped"
        return Roles(tuple(dict.fromkeys(actors)), (), mutual=True)
    if rule.swap:  # "X received Y": Y is the visitor; without a Y it is no visit
        visitors = _visitors(anchor, cast)
        if not visitors:
            return Roles((), ())
        actors, recipients = visitors, actors
    return finish(actors + without_codes(companions, recipients, cast), recipients, cast)


def _third_party(
    rule: TriggerRule, partners: tuple[str, ...], hosts: tuple[str, ...], cast: Cast
) -> Roles:
    """Return the sides of an event a third party hosts: "Egypt hosted talks between
    Israel and Hamas" is a meeting of the two with Egypt as recipient; "Qatar brokered
    a deal between A and B" is an accord of A and B, to which Qatar is no party."""
    if rule.type == EventType.AGREE:
        return replace(finish(partners, (), cast), how=".third-party")
    return replace(finish(partners, hosts, cast), how=".third-party", mode="third-party")


def _beside_pair(
    c: Candidate, actors: tuple[str, ...], cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return the light verb's own actors, none when its noun names two parties of its
    own ("the White House announced a deal between Morocco and Israel") or when it
    brokers a one-sided act ("the ceasefire was brokered by Qatar")."""
    if c.kind != "light":
        return actors
    if c.anchor.lemma_.lower() in lexicon.broker_verbs and not c.rule.reciprocal:
        return ()
    pair = {
        a
        for t in prep_objects(c.trigger, lexicon.pair_prepositions, cast.by_token)
        for a in cast.of(t)
    }
    return () if len(pair) >= 2 and not pair & set(actors) else actors


def _passive_agents(verb: Token, cast: Cast) -> tuple[str, ...]:
    """Return the actors of a passive verb's "by" agents, else of those of a passive
    verb coordinated after it ("X was killed and Y injured by Z": Z did both), else of
    the event nouns in its instrument phrases ("killed in Israeli shelling", "wounded
    in a Ghanaian airstrike"), which act like an agent."""
    agents = tuple(a for t in by_agents(verb) for a in cast.of(t)) or tuple(
        a
        for conj in children(verb, frozenset({"conj"}))
        if is_passive(conj)
        for t in by_agents(conj)
        for a in cast.of(t)
    )
    return agents or tuple(
        a
        for t in prep_objects(verb, cast.grammar.instrument_prepositions)
        if t.lemma_.lower() in cast.eventive
        for a in cast.of(t)
    )


def _possessor_actors(anchor: Token, cast: Cast) -> tuple[str, ...]:
    """A verb tagged as a noun has its subject as possessor ("Peru's ministry summons")."""
    owners = children(anchor, _OWNERS) if anchor.pos_ == "NOUN" else []
    return tuple(a for t in owners for a in cast.subtree(t))


def _own_event(noun: Token, cast: Cast, lexicon: EventLexicon) -> bool:
    """Tell whether ``noun`` is an event noun that names its own actor ("Iran's attacks")."""
    return noun.lemma_.lower() in lexicon.nouns and any(
        cast.subtree(child) for child in children(noun, NOMINAL_ACTOR_DEPS)
    )


def finish(
    actors: tuple[str, ...], recipients: tuple[str, ...], cast: Cast | None = None
) -> Roles:
    """Return the sides without repeats; a recipient that is an actor is dropped, and
    with ``cast`` so is one of an actor's country beside a foreign one ("Spain expels
    Nicaragua's envoy over its removal of Spain's": Nicaragua, not Spain)."""
    actors = tuple(dict.fromkeys(actors))
    recipients = tuple(r for r in dict.fromkeys(recipients) if r not in actors)
    if cast is not None:
        recipients = foreign_first(actors, recipients, cast)
    return Roles(actors, recipients)


def build_cast(
    doc: Doc,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    lexicon: EventLexicon,
    grammar: Grammar | None = None,
) -> Cast:
    """Return the ``Cast`` of one article, as the events stage builds it (``grammar``
    defaults to the packaged one)."""
    return Cast.build(
        doc,
        actors,
        mentions,
        lexicon.modality.speech_verbs,
        eventive=frozenset(lexicon.nouns) | lexicon.instrument_nouns,
        grammar=grammar,
    )
