"""Participants of nominal events: "Blinken's visit", "US sanctions on Iran", "talks
between A and B", "threats from Trump", "after talks with X".

Possessors, compounds and adjectives name the actor, as do "by" phrases and, for speech
acts with nothing else naming one, "from" phrases (``speaker_preps`` of the type); the
type's recipient prepositions name the recipient; "with"/"between" partners join the
actor side of a reciprocal event, and a meeting governed by a verb ("proposed talks with
Riyadh", "pledged aid after talks with X") takes that verb's subject as its other party.
A noun under a light verb ("held talks") takes the verb's roles first. ``roles_for``
gives the sides of an event at any token, for coders that choose their own triggers.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.knowledge.events import EventLexicon, TriggerRule
from dyad.records import EventType
from dyad.stages.events_joint import harmed
from dyad.stages.events_parties import (
    NOMINAL_ACTOR_DEPS,
    Roles,
    finish,
    subject_token,
    theme_recipients,
    verbal_roles,
)
from dyad.stages.events_passives import is_passive
from dyad.stages.events_roles import Cast
from dyad.stages.events_triggers import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    Candidate,
    candidate_for,
    children,
    of_objects,
    prep_objects,
)


def participles(noun: Token) -> list[Token]:
    """Return the bare past participles after an event noun ("sanctions imposed by X on
    Y", "an agreement reached with X"): their phrases name the noun's parties."""
    return [
        child
        for child in noun.children
        if child.dep_ == "acl"
        and child.tag_ == "VBN"
        and not children(child, SUBJECTS | PASSIVE_SUBJECTS)
    ]


def party_objects(noun: Token, lexicon: EventLexicon) -> list[Token]:
    """Return the objects (and their conjuncts) of a party participle after ``noun``:
    "the army" and "rebels" in "clashes involving the army and rebels"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in lexicon.party_participles:
            # "a battle pitting troops against rebels": the "against" side too
            objs = children(child, frozenset({"dobj"}))
            objs += prep_objects(child, frozenset({"against"}))
            for obj in objs:
                found.append(obj)
                found.extend(t for t in obj.subtree if t.dep_ == "conj")
    return found


def _meeting_governor(noun: Token, lexicon: EventLexicon) -> Token | None:
    """Return the verb whose subject meets in "proposed talks with X" (the object) or
    "pledged aid after talks with X" (a framing preposition of the clause)."""
    if noun.dep_ == "dobj":
        return noun.head
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in lexicon.setting_preps
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return prep.head
    return None


def _joint_subject(noun: Token, cast: Cast, lexicon: EventLexicon) -> tuple[str, ...]:
    """Return the actors of a joint subject that frames a meeting with no parties of its
    own: "Chile and Peru signed a deal after years of talks" (both met). A subject of
    one actor is no party ("Chile signed after talks": with whom is not said). Only for
    meetings: "agreed to a truce after days of fighting" is left to the fighting's own
    words."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "after nine years of negotiations", "rounds of talks"
    governor = _meeting_governor(noun, lexicon) if noun.dep_ == "pobj" else None
    if governor is None:
        return ()
    subject, passive = subject_token(governor, lexicon)
    found = () if passive else cast.of(subject)
    return found if len(found) >= 2 else ()


def _undergoer(
    noun: Token, cast: Cast, lexicon: EventLexicon
) -> tuple[Token | None, tuple[str, ...]]:
    """Return the verb through which ``noun`` is undergone ("received aid", "faced
    criticism", "came under attack") and the actors of its subject, or nothing."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lexicon.receiver_verbs:
        verb = head
    elif (
        noun.dep_ == "pobj"
        and head.lower_ in lexicon.receiver_preps
        and head.head.pos_ in ("VERB", "AUX")
        and not children(head.head, frozenset({"dobj"}))  # not "placed X under arrest"
    ):
        verb = head.head
    else:
        return None, ()
    subject, passive = subject_token(verb, lexicon)
    return verb, () if passive else cast.of(subject)


def _undergone(
    noun: Token,
    holders: list[Token],
    sides: tuple[tuple[str, ...], tuple[str, ...]],
    cast: Cast,
    lexicon: EventLexicon,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the sides of an event noun undergone by a verb's subject: "Peru received
    aid from Chile", "came under attack from X" (the subject is the recipient; "from",
    on the noun or on the verb, names the actor). Other sides are returned as given."""
    actors, recipients = sides
    verb, undergoer = _undergoer(noun, cast, lexicon)
    if verb is None or not undergoer:
        return sides
    sources = tuple(
        a
        for h in [*holders, verb]
        for t in prep_objects(h, frozenset({"from"}), cast.by_token)
        for a in cast.of(t)
    )
    return actors or sources, undergoer + tuple(
        r for r in recipients if r not in sources
    )


def _answerer(
    c: Candidate, has_actor: bool, cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return who answers the speech act ``noun``, the one it was addressed to: the
    subject of "Peru accepted Chile's offer", "Peru extended the truce upon Chile's
    request", "citing Chile's request" (an active verb of answering). Speech acts are
    the types whose nominal speaker may stand in a "from" phrase (``speaker_preps``);
    "citing his mediation" names no addressee."""
    noun, grammar = c.trigger, cast.grammar
    if not has_actor or not lexicon.types[c.rule.type].speaker_preps:
        return ()
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in grammar.answer_prepositions:
        verb = verb.head  # "upon Chile's request"; "at the request of Chile"
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in grammar.answer_verbs:
        return ()
    if verb.pos_ != "VERB":
        return ()
    subject, passive = subject_token(verb, lexicon)
    return () if passive else cast.of(subject)


def _reported(c: Candidate, cast: Cast, lexicon: EventLexicon) -> tuple[str, ...]:
    """Return whom a statement noun's that-clause is about: "amid accusations from X
    that Y armed the rebels" → Y (the subject of an active clause). Only for speech acts
    (types with ``speaker_preps``) whose clause is no embedded event (no ``embeds``: in
    "threats that X would strike" X is the speaker)."""
    info = lexicon.types[c.rule.type]
    if not info.speaker_preps or info.embeds is not None:
        return ()
    return tuple(
        a
        for clause in c.trigger.children
        if clause.dep_ in ("acl", "ccomp")
        and any(m.dep_ == "mark" for m in clause.children)
        for subject in children(clause, SUBJECTS)
        for a in cast.of(subject)
    )


def _victims(noun: Token, cast: Cast, lexicon: EventLexicon) -> tuple[str, ...]:
    """Return who died or was harmed in the attack ``noun``: "two soldiers died in an
    attack by rebels", "ten villagers were killed during a raid by X"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in lexicon.victim_preps:
        return ()
    verb = prep.head
    lemma = verb.lemma_.lower()
    if lemma in lexicon.victim_verbs and not is_passive(verb):
        undergoers = children(verb, SUBJECTS)
    elif lemma in cast.grammar.harm_verbs and is_passive(verb):
        undergoers = children(verb, PASSIVE_SUBJECTS)
    else:
        return ()
    return tuple(a for t in undergoers for a in cast.of(t))


def _implied(
    c: Candidate, has_actor: bool, cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return the recipient of a one-sided event noun that names none in its phrases:
    whom it harms, the one who answers it, or whom its that-clause is about."""
    victims = _victims(c.trigger, cast, lexicon) if c.rule.type == EventType.ASSAULT else ()
    return (
        harmed(c.trigger, cast)
        or victims
        or _answerer(c, has_actor, cast, lexicon)
        or _reported(c, cast, lexicon)
    )


def _partners(
    noun: Token, holders: list[Token], rule: TriggerRule, cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return the actors of a noun's partner phrases ("talks with X", "between A and B")
    and, for a reciprocal event, of a party participle ("clashes involving X and Y")."""
    partner = cast.grammar.partner_prepositions
    between = [t for h in holders for t in prep_objects(h, partner, cast.by_token)]
    if rule.reciprocal:
        between += party_objects(noun, lexicon)
    return tuple(a for t in between for a in cast.of(t))


def _agents(
    holders: list[Token], cast: Cast, lexicon: EventLexicon
) -> tuple[str, ...]:
    """Return the actors of the holders' "by" phrases, not a go-between's ("a truce
    brokered by Egypt" is not Egypt's truce)."""
    return tuple(
        a
        for h in holders
        if h.lemma_.lower() not in lexicon.broker_verbs
        for t in prep_objects(h, frozenset({"by"}), cast.by_token)
        for a in cast.of(t)
    )


def nominal_roles(c: Candidate, cast: Cast, lexicon: EventLexicon) -> Roles:
    if c.kind == "light":
        verbal = verbal_roles(c, cast, lexicon)
        if verbal.actors:
            return verbal
    noun, rule = c.trigger, c.rule
    actors: tuple[str, ...] = ()
    for child in children(noun, NOMINAL_ACTOR_DEPS):
        if child.lemma_.lower() not in cast.grammar.backing_participles:  # "US-backed"
            actors += cast.of(child) if child.dep_ == "poss" else cast.subtree(child)
    # "a mediation mission between A and B": the phrase hangs on the compound's head
    holders = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    holders.extend(of_objects(noun))  # "suspension of air links with Serbia"
    holders.extend(participles(noun))  # "sanctions imposed by X on Y"
    actors += _agents(holders, cast, lexicon)
    speakers: tuple[str, ...] = ()
    if not actors:  # "threats from Trump", "a request from the United States"
        speaker_preps = lexicon.types[rule.type].speaker_preps
        speakers = tuple(
            a
            for t in prep_objects(noun, speaker_preps, cast.by_token)
            for a in cast.of(t)
        )
        actors = speakers
    partner = cast.grammar.partner_prepositions
    partners = _partners(noun, holders, rule, cast, lexicon)
    with cast.avoiding(actors):  # "Togo's criticism of its policy": not Togo's
        recipients = tuple(
            a
            for h in holders
            for t in prep_objects(h, rule.preps - partner, cast.by_token)
            for a in cast.of(t)
            if a not in speakers
        ) + theme_recipients(holders, rule, cast, lexicon)
    if not rule.reciprocal and not recipients:  # "airstrikes killed ten soldiers"
        recipients = _implied(c, bool(actors), cast, lexicon)
    if not rule.reciprocal:
        actors, recipients = _undergone(
            noun, holders, (actors, recipients), cast, lexicon
        )
    with_partner = any(
        prep_objects(h, frozenset({"with"}), cast.by_token) for h in holders
    )
    governor = _meeting_governor(noun, lexicon)
    if rule.reciprocal and with_partner and not actors and governor is not None:
        # "he wants a bilateral with Biden", "Iran proposed talks with Riyadh", "X
        # pledged aid after talks with Y": the subject of the verb governing the
        # meeting is its other party
        subject, passive = subject_token(governor, lexicon)
        actors = () if passive else cast.of(subject)
    if rule.type == EventType.CONSULT and rule.reciprocal and not (actors or partners):
        actors = _joint_subject(noun, cast, lexicon)
    if rule.reciprocal:
        actors += partners
    else:
        recipients += partners
    return finish(actors, recipients, cast)


def roles_for(
    trigger: Token,
    cast: Cast,
    lexicon: EventLexicon,
    event_type: EventType | None = None,
) -> Roles:
    """Return the actor and recipient sides of an event at any ``trigger`` token.

    The entry point for coders that choose triggers and types themselves (#11): the
    token's own lexicon rule is used when it has one of ``event_type`` (or any, when
    ``event_type`` is None); otherwise a plain rule of ``event_type`` with the type's
    recipient prepositions and reciprocity. Returns empty sides when neither is known.
    Nominal triggers take possessors, compounds, adjectives and by-phrases; verbal ones
    subjects (through control, passives, participles), objects and prepositions.
    """
    candidate = candidate_for(trigger, lexicon)
    if candidate is None or (event_type and candidate.rule.type != event_type):
        if event_type is None:
            return Roles((), ())
        candidate = candidate_for(
            trigger, lexicon, _plain_rule(trigger, event_type, lexicon)
        )
    if candidate is None:
        return Roles((), ())
    finder = verbal_roles if candidate.kind == "verb" else nominal_roles
    return finder(candidate, cast, lexicon)


def _plain_rule(
    trigger: Token, event_type: EventType, lexicon: EventLexicon
) -> TriggerRule:
    info = lexicon.types[event_type]
    noun = trigger.pos_ in ("NOUN", "PROPN")
    return TriggerRule(
        rule="model",
        pos="noun" if noun else "verb",
        lemma=trigger.lemma_.lower(),
        extra=(),
        type=event_type,
        mode=None,
        cameo=info.cameo,
        quad=lexicon.quad_of(info.cameo),
        intensity=info.intensity,
        objects=frozenset(),
        # the "of" phrase of a nominalisation is its object ("a rebuff of Chile")
        preps=info.recipient_preps | ({"of"} if noun else set()),
        complement_aux=frozenset(),
        intransitive=False,
        min_participants=info.min_participants,
        reciprocal=info.reciprocal,
        swap=False,
        confidence=0.5,
    )
