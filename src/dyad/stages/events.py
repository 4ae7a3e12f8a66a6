"""The events stage: find event triggers, code their PLOVER type, roles and modality.

Per sentence, every token whose lemma is a trigger of the lexicon becomes a candidate
(one dictionary lookup per token): verbs ("met", "accused"), verbs restricted to certain
objects ("imposed sanctions", "signed a treaty"; the object is absorbed), and nouns
("talks", "Blinken's visit"), which take the subject of a light verb governing them
("held talks with", "launched strikes"). Roles come from the dependency parse
(``events_roles``), modality from the trigger's clause and the clauses above it
(``events_modality``). An event needs at least one actor: nominal events with no
participant of their own take those of the same kind of event just before ("a meeting"
after "Biden-Xi meeting"), and others are dropped. See ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dyad.ids import event_id
from dyad.knowledge.events import ANY_ACTOR, EventLexicon, TriggerRule
from dyad.records import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Mention,
    Modality,
    Problem,
    StageResult,
)
from dyad.stages.events_modality import read_modality
from dyad.stages.events_roles import Cast
from dyad.stages.nlp import Parsed

VERSION = "events.rules.v1"
CODER = "events.rules.v1"

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp"})
_CLIMB_DEPS = _INHERIT_DEPS | {"dobj", "pobj", "prep", "compound", "acomp"}
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp"})
_COMPLEMENT_PREPS = frozenset({"to", "against", "on", "with", "from", "for"})
_VISITOR_KINDS = frozenset({ActorKind.PERSON, ActorKind.STATE, ActorKind.IGO})
# words a phrasal verb's preposition may stand after the verb ("spoke by phone with");
# farther ones belong to the clause ("send a bill to Congress in ten days")
_PARTICLE_REACH = 2
_NOMINAL_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
_PARTNER_PREPS = frozenset({"with", "between", "among"})
_NOMINAL_ACTOR_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_CARRY_WINDOW = (
    1  # sentences back an indefinite nominal event may take participants from
)
_DEFINITE_WINDOW = 6  # … and a definite one ("the visit") from the same rule
_ONE_SIDED = 0.9  # confidence factor for an event with no recipient
_CARRIED = 0.7  # … whose participants were carried from earlier text
_NO_ACTOR = 0.6  # … with a recipient but no actor ("three civilians were killed")
_DEPTH_DECAY = 0.97  # … per level below the sentence root (main events rank first)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A trigger found in the text before roles are read."""

    trigger: Token
    rule: TriggerRule
    anchor: Token  # the clause verb whose subject is the actor (a light verb for nouns)
    kind: str  # verb | noun | light
    absorbed: int | None = None  # token index of an object the rule consumed


@dataclass(frozen=True, slots=True)
class _Roles:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    how: str = ""  # rule suffix: "", ".carried", ".host", ".third-party"
    mode: str | None = None  # overrides the rule's mode (a hosted meeting)


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def _of_objects(noun: Token) -> list[Token]:
    """Return the objects of "of" after ``noun`` ("a suspension of air links")."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _object_of(
    token: Token, rule: TriggerRule, actor_tokens: Container[int]
) -> Token | None:
    """Return the object satisfying ``rule.objects`` (direct, passive or particle).

    The word ``@actor`` in ``rule.objects`` accepts any object that names an actor
    ("released six Americans").
    """
    pool = _children(token, _OBJECTS | _PASSIVE_SUBJECTS)
    for child in token.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in rule.extra:
            pool.extend(_children(child, frozenset({"pobj"})))
    for candidate in pool:
        measured = _of_objects(candidate)  # "700 kg of medicine", "a shipment of arms"
        for head in (
            candidate,
            *_children(
                candidate, frozenset({"conj", "compound"})
            ),  # "mediation efforts"
            *measured,
        ):
            if head.lemma_.lower() in rule.objects or (
                ANY_ACTOR in rule.objects and head.i in actor_tokens
            ):
                return head
    return None


def _has_extra(token: Token, extra: tuple[str, ...], pos: str) -> bool:
    if not extra:
        return True
    if pos == "noun":
        before = token.doc[max(token.i - len(extra), 0) : token.i]
        return [t.lemma_.lower() for t in before] == list(extra)
    # a particle, or a preposition or object right after the verb ("called on",
    # "open fire"), not any preposition of the clause ("send a bill … in ten days")
    near = [
        c
        for c in token.children
        if c.dep_ == "prt" or 0 < c.i - token.i <= len(extra) + _PARTICLE_REACH
    ]
    words = {c.lower_ for c in near} | {c.lemma_.lower() for c in near}
    return all(word in words for word in extra)


def _match(
    token: Token, rules: Sequence[TriggerRule], actor_tokens: Container[int]
) -> tuple[TriggerRule, int | None] | None:
    """Pick the most specific rule for ``token``: objects, then extras, then plain."""
    best: tuple[int, TriggerRule, int | None] | None = None
    for rule in rules:
        if not _has_extra(token, rule.extra, rule.pos):
            continue
        absorbed = None
        if rule.complement_aux:
            clause = _obligation(token, rule.complement_aux)
            if clause is None:
                continue
            absorbed = clause.i
        elif rule.intransitive and _children(token, _OBJECTS):
            continue
        elif rule.objects:
            obj = _object_of(token, rule, actor_tokens)
            if obj is None:
                continue
            absorbed = obj.i
        score = 2 * bool(rule.objects) + len(rule.extra)
        if best is None or score > best[0]:
            best = (score, rule, absorbed)
    return None if best is None else (best[1], best[2])


def _obligation(verb: Token, auxiliaries: frozenset[str]) -> Token | None:
    """Return the complement clause of ``verb`` that says someone must do something."""
    for clause in _children(verb, frozenset({"ccomp"})):
        has_subject = any(
            c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS for c in clause.children
        )
        if has_subject and any(
            c.dep_ == "aux" and c.lower_ in auxiliaries for c in clause.children
        ):
            return clause
    return None


def _governing_light_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    """Return the light verb of "held talks", "launched days of war games"."""
    if noun.dep_ == "compound":  # "undertook a mediation mission"
        noun = noun.head
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ == "NOUN"
    ):
        noun = noun.head.head  # "launched ten days of war games"
    head = noun.head
    if (
        noun.dep_ in ("dobj", "nsubjpass", "attr")
        and head.lemma_.lower() in lexicon.light_verbs
    ):
        return head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "into")  # "engaged in talks", "took part in talks"
        and head.head.lemma_.lower() in lexicon.light_verbs
    ):
        return head.head
    return None


def _rules_for(token: Token, lexicon: EventLexicon) -> tuple[TriggerRule, ...] | None:
    pos, lemma = token.pos_, token.lemma_.lower()
    if pos == "ADJ" and token.dep_ in _NOMINAL_ROLES:  # "wants a bilateral with"
        return lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
    if pos in ("VERB", "ADJ"):
        return lexicon.verbs.get(lemma)
    if pos != "NOUN":
        return None
    previous = token.doc[token.i - 1] if token.i else None
    if previous is not None and previous.lower_ == "to" and token.dep_ == "compound":
        # the small model tags some infinitives as nouns ("a push to court others")
        return lexicon.verbs.get(lemma) or lexicon.nouns.get(lemma)
    return lexicon.nouns.get(lemma)


def _is_setting(noun: Token, lexicon: EventLexicon) -> bool:
    """Tell whether a nominal trigger only frames another event ("at the summit")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if head.lower_ == "of":
        return head.head.lemma_.lower() in lexicon.setting_nouns
    return head.lower_ in lexicon.setting_preps


def _find_candidates(
    sent: Span, lexicon: EventLexicon, actor_tokens: Container[int]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in sent:
        rules = _rules_for(token, lexicon)
        if not rules:
            continue
        matched = _match(token, rules, actor_tokens)
        if matched is None:
            continue
        rule, absorbed = matched
        if any(
            o.lemma_.lower() in lexicon.ignore_objects
            for o in _children(token, _OBJECTS | {"xcomp"})
        ):
            continue  # "seized the opportunity", "withdrew her name"
        if rule.pos == "noun":
            light = _governing_light_verb(token, lexicon)
            if light is None and _is_setting(token, lexicon):
                continue
            found.append(
                _Candidate(token, rule, light or token, "light" if light else "noun")
            )
        else:
            found.append(_Candidate(token, rule, token, "verb", absorbed))
    consumed = {c.absorbed for c in found if c.absorbed is not None}
    return [c for c in found if c.trigger.i not in consumed]


def _subject_token(verb: Token, lexicon: EventLexicon) -> tuple[Token | None, bool]:
    """Return the subject of ``verb`` (through control, coordination) and if passive."""
    own_passive = any(c.dep_ == "auxpass" for c in verb.children)
    current = verb
    for _ in range(6):
        subjects = _children(current, _SUBJECTS)
        if subjects:  # "civilians were injured" (an adjectival passive) is passive
            adjectival = verb.tag_ == "VBN" and verb.dep_ == "acomp"
            return subjects[0], adjectival or (current.i != verb.i and own_passive)
        passive = _children(current, _PASSIVE_SUBJECTS)
        if passive:  # "X was questioned while speaking": X speaks (active)
            return passive[0], current.i == verb.i or own_passive
        head = current.head
        if head.i == current.i or current.dep_ not in _CLIMB_DEPS:
            return None, False
        if current.dep_ == "xcomp" and head.lemma_.lower() in lexicon.object_control:
            objects = _children(head, frozenset({"dobj"}))
            if objects:
                return objects[0], False
        if (
            current.dep_ in ("acl", "relcl")
            and head.pos_ in ("NOUN", "PROPN", "PRON")
            and head.lemma_.lower() not in lexicon.transparent_nouns
        ):
            # "troops attacking the city"; "Americans detained in China" is passive
            return head, current.tag_ == "VBN" and current.dep_ == "acl"
        current = head
    return None, False


def _verbal_roles(c: _Candidate, cast: Cast, lexicon: EventLexicon) -> _Roles:
    rule, anchor = c.rule, c.anchor
    subject, passive = _subject_token(anchor, lexicon)
    actors = () if passive else cast.of(subject)
    recipients: tuple[str, ...] = cast.of(subject) if passive else ()
    agents = [t for t in _prep_objects(anchor, frozenset({"by"})) if passive]
    actors = actors or tuple(a for t in agents for a in cast.of(t))
    partners: list[str] = []
    objects = [
        o
        for o in _children(anchor, _OBJECTS)
        if o.i != c.absorbed and o.i != c.trigger.i
    ]
    if c.kind == "verb" and c.trigger.dep_ == "compound":  # mis-tagged infinitive
        objects.append(c.trigger.head)
    if rule.complement_aux and c.absorbed is not None:  # "said X must …": X
        clause = c.trigger.doc[c.absorbed]
        objects.extend(_children(clause, _SUBJECTS | _PASSIVE_SUBJECTS))
    holders = [anchor] + ([c.trigger] if c.trigger.i != anchor.i else [])
    if c.absorbed is not None:
        holders.append(c.trigger.doc[c.absorbed])
        if not rule.complement_aux:  # "released six Americans": the object is an actor
            recipients += cast.of(c.trigger.doc[c.absorbed])
    holders.extend(o for o in objects if o.pos_ == "NOUN")  # "action against Russia"
    if c.kind == "light":
        holders.extend(_of_objects(c.trigger))
    preps = [o for h in holders for o in _prep_objects(h, rule.preps - _PARTNER_PREPS)]
    partner_preps = [
        o for h in holders for o in _prep_objects(h, rule.preps & _PARTNER_PREPS)
    ]
    if c.kind == "light":  # "held talks between A and B", "a mediation mission between"
        for holder in (
            (c.trigger, c.trigger.head)
            if c.trigger.dep_ == "compound"
            else (c.trigger,)
        ):
            between = _prep_objects(holder, _PARTNER_PREPS - rule.preps)
            (partner_preps if rule.reciprocal else preps).extend(between)
    info = lexicon.types[rule.type]
    if rule.reciprocal and info.partner_object:
        partner_preps.extend(objects)
        objects = []
    for token in objects + preps:
        recipients += cast.of(token)
    found = tuple(a for token in partner_preps for a in cast.of(token))
    if rule.reciprocal:
        partners.extend(found)
    else:
        recipients += found
    if c.kind == "light" and anchor.lemma_.lower() in lexicon.host_verbs and partners:
        # "Egypt hosted talks between Israel and Hamas": a meeting with a third party
        return replace(
            _finish(tuple(partners), actors), how=".third-party", mode="third-party"
        )
    actors = actors + tuple(partners)
    if rule.swap:  # "X received Y": Y is the visitor; without a Y it is no visit
        visitors = tuple(
            a
            for o in _children(anchor, frozenset({"dobj"}))
            # the object itself or its list, not its modifiers ("received his PhD")
            for a in (cast.of(o) if o.i in cast.by_token else cast.listed(o))
            if cast.actors[a].kind in _VISITOR_KINDS
        )
        if not visitors:
            return _Roles((), ())
        actors, recipients = visitors, actors
    return _finish(actors, recipients)


def _nominal_roles(c: _Candidate, cast: Cast, lexicon: EventLexicon) -> _Roles:
    if c.kind == "light":
        verbal = _verbal_roles(c, cast, lexicon)
        if verbal.actors:
            return verbal
    noun, rule = c.trigger, c.rule
    actors: tuple[str, ...] = ()
    for child in _children(noun, _NOMINAL_ACTOR_DEPS):
        actors += cast.of(child) if child.dep_ == "poss" else cast.subtree(child)
    # "a mediation mission between A and B": the phrase hangs on the compound's head
    holders = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    holders.extend(_of_objects(noun))  # "suspension of air links with Serbia"
    by_agent = [t for h in holders for t in _prep_objects(h, frozenset({"by"}))]
    actors += tuple(a for t in by_agent for a in cast.of(t))
    between = [t for h in holders for t in _prep_objects(h, _PARTNER_PREPS)]
    partners = tuple(a for t in between for a in cast.of(t))
    recipients = tuple(
        a
        for h in holders
        for t in _prep_objects(h, rule.preps - _PARTNER_PREPS)
        for a in cast.of(t)
    )
    with_partner = any(_prep_objects(h, frozenset({"with"})) for h in holders)
    if rule.reciprocal and with_partner and not actors and noun.dep_ == "dobj":
        # "he wants a bilateral with Biden", "Iran proposed talks with Riyadh": the
        # subject of the verb governing the meeting is its other party
        subject, passive = _subject_token(noun.head, lexicon)
        actors = () if passive else cast.of(subject)
    if rule.reciprocal:
        actors += partners
    else:
        recipients += partners
    return _finish(actors, recipients)


def _finish(actors: tuple[str, ...], recipients: tuple[str, ...]) -> _Roles:
    actors = tuple(dict.fromkeys(actors))
    recipients = tuple(r for r in dict.fromkeys(recipients) if r not in actors)
    return _Roles(actors, recipients)


@dataclass
class _Memory:
    """Events already coded in this article, for carrying participants forward."""

    by_type: dict[str, tuple[int, _Roles]]
    by_lemma: dict[str, tuple[int, _Roles]]


def _carry(c: _Candidate, sentence: int, memory: _Memory) -> _Roles | None:
    """Participants for a singular nominal event with none: "the visit", "a meeting"."""
    noun = c.trigger
    if noun.tag_ != "NN":
        return None
    determiners = {child.lower_ for child in noun.children if child.dep_ == "det"}
    lemma = noun.lemma_.lower()
    if determiners & {"the", "this", "that"} and lemma in memory.by_lemma:
        seen, roles = memory.by_lemma[lemma]
        if sentence - seen <= _DEFINITE_WINDOW:
            return replace(roles, how=".carried")
    if determiners & {"a", "an", "the"} and c.rule.type in memory.by_type:
        seen, roles = memory.by_type[c.rule.type]
        if 0 < sentence - seen <= _CARRY_WINDOW:
            return replace(roles, how=".carried")
    return None


def _sides(roles: _Roles, cast: Cast) -> int:
    """Count the distinct participants; an intergovernmental body counts as several."""
    ids = set(roles.actors) | set(roles.recipients)
    bodies = sum(1 for a in ids if a in cast.actors and cast.actors[a].kind == "igo")
    return len(ids) + bodies


def _is_agentless(c: _Candidate, lexicon: EventLexicon) -> bool:
    """Tell whether a verbal event leaves its actor unsaid ("civilians were killed")."""
    if c.kind != "verb":
        return False
    subject, passive = _subject_token(c.anchor, lexicon)
    return subject is None or passive


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def _embedding(
    candidates: Sequence[_Candidate], lexicon: EventLexicon
) -> dict[int, Modality]:
    imposed: dict[int, Modality] = {}
    for c in candidates:
        embeds = lexicon.types[c.rule.type].embeds
        if embeds is not None:
            imposed[c.trigger.i] = embeds
            imposed[c.anchor.i] = embeds
    return imposed


def _build(
    parsed: Parsed,
    c: _Candidate,
    roles: _Roles,
    sentence: int,
    lexicon: EventLexicon,
    cast: Cast,
    embedding: dict[int, Modality],
) -> Event:
    reading = read_modality(c.trigger, c.anchor, lexicon.modality, embedding)
    speakers = (
        cast.of(reading.speech_subject) if reading.speech_subject is not None else ()
    )
    rule = c.rule
    confidence = rule.confidence * (_DEPTH_DECAY ** _depth(c.anchor))
    confidence *= 1.0 if roles.recipients else _ONE_SIDED
    confidence *= _CARRIED if roles.how == ".carried" else 1.0
    confidence *= _NO_ACTOR if not roles.actors else 1.0
    article = parsed.article.article_id
    start = c.trigger.idx
    return Event(
        article_id=article,
        event_id=event_id(
            article, sentence, start, rule.type.value, roles.actors, roles.recipients
        ),
        type=rule.type,
        mode=roles.mode or rule.mode,
        cameo=lexicon.types[rule.type].modes.get(roles.mode, rule.cameo)
        if roles.mode
        else rule.cameo,
        quad=rule.quad,
        intensity=rule.intensity,
        actor_ids=roles.actors,
        recipient_ids=roles.recipients,
        trigger_text=c.trigger.text,
        trigger_start=start,
        trigger_end=start + len(c.trigger),
        sentence_index=sentence,
        modality=reading.modality,
        rule=f"{'noun' if c.kind == 'noun' else c.kind}.{rule.rule}{roles.how}",
        confidence=round(confidence, 3),
        reported_by=speakers[0] if speakers else None,
        coder=CODER,
    )


def _other_side(
    participants: Sequence[str], roles: _Roles, cast: Cast
) -> tuple[str, ...]:
    """Return the participants that are not on the actor side (by id or by country)."""
    codes = {cast.actors[a].code for a in roles.actors if a in cast.actors}
    codes.discard(None)
    return tuple(
        p
        for p in participants
        if p not in roles.actors
        and (p not in cast.actors or cast.actors[p].code not in codes)
    )


def _as_intent(
    event: Event, c: _Candidate, lexicon: EventLexicon, agreeing: dict[int, int]
) -> tuple[Event | None, int | None]:
    """Recode a future event as PLOVER's statement of intent (AGREE or THREATEN).

    "Finland will give Tanzania a grant" is an AGREE; "Iran said it would attack
    Israel" or "Iran vowed to retaliate" a THREATEN (only when the actor says it, not
    when the writer or others predict it). Returns the event (None when an AGREE
    trigger above it already codes the same intent: "pledged to provide aid") and the
    trigger index of an AGREE the threat supersedes ("vowed to retaliate" is one
    THREATEN, not an AGREE as well).
    """
    info = lexicon.types[event.type]
    if info.intent is None or event.modality != Modality.FUTURE:
        return event, None
    threat = info.intent_type != EventType.AGREE
    above = next((agreeing[t.i] for t in c.anchor.ancestors if t.i in agreeing), None)
    if above is not None and not threat:
        return None, None
    if threat and above is None and event.reported_by not in event.actor_ids:
        return event, None  # narrated or predicted by others: a future attack
    recoded = replace(
        event,
        type=info.intent_type,
        mode=None,
        modality=Modality.ASSERTED,  # the statement of intent itself was made
        cameo=info.intent,
        quad=lexicon.quad_of(info.intent),
        intensity=lexicon.types[info.intent_type].intensity,
        rule=event.rule + ".intent",
    )
    return recoded, above


def _complement_actors(anchor: Token, cast: Cast) -> tuple[str, ...]:
    """Return who the complement of ``anchor`` is about, for its missing recipient.

    "demanded that Hamas renounce …" → Hamas; "threatened to cut off electricity to X"
    → X: the subject of a that-clause, and the objects and prepositional objects of an
    infinitive complement, at most two clauses down.
    """
    found: list[str] = []
    frontier = [anchor]
    for _ in range(2):
        clauses = [
            child
            for token in frontier
            for child in token.children
            if child.dep_ in ("xcomp", "ccomp")
        ]
        for clause in clauses:
            for child in clause.children:
                is_subject = child.dep_ in ("nsubj", "nsubjpass")
                if (is_subject and clause.dep_ == "ccomp") or child.dep_ in (
                    "dobj",
                    "dative",
                ):
                    found.extend(cast.of(child))
            for pobj in _prep_objects(clause, _COMPLEMENT_PREPS):
                found.extend(cast.of(pobj))
        frontier = clauses
    return tuple(dict.fromkeys(found))


def _embedded_participants(
    c: _Candidate, resolved: dict[int, _Roles]
) -> tuple[str, ...]:
    """Return participants of events in the complement of ``c`` (for its recipient)."""
    found: list[str] = []
    for token_i, roles in resolved.items():
        if _is_complement(c.trigger.doc[token_i], c.trigger):
            found.extend(roles.actors + roles.recipients)
    return tuple(found)


def _is_complement(token: Token, governor: Token) -> bool:
    """Tell whether ``token`` is in the complement of ``governor`` (not an adjunct)."""
    current = token
    for _ in range(8):
        if current.head.i == current.i or current.dep_ not in _COMPLEMENT_DEPS:
            return False
        current = current.head
        if current.i == governor.i:
            return True
    return False


def code_events(
    parsed: Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    lexicon: EventLexicon,
) -> StageResult[Event]:
    """Find events and code their type, roles and modality."""
    doc = parsed.doc
    cast = Cast.build(doc, actors, mentions, lexicon.modality.speech_verbs)
    memory = _Memory(by_type={}, by_lemma={})
    events: list[Event] = []
    for sentence in parsed.sentences:
        sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if sent is None:
            continue
        events.extend(
            _code_sentence(parsed, sent, sentence.index, cast, memory, lexicon)
        )
    events.sort(key=lambda e: (e.sentence_index, e.trigger_start, e.event_id))
    problems: tuple[Problem, ...] = ()
    if not events and parsed.sentences:
        problems = (
            Problem(
                code="events.none_found",
                message="no event was found",
                stage="events",
                article_id=parsed.article.article_id,
            ),
        )
    return StageResult(records=tuple(events), problems=problems)


def _code_sentence(
    parsed: Parsed,
    sent: Span,
    index: int,
    cast: Cast,
    memory: _Memory,
    lexicon: EventLexicon,
) -> list[Event]:
    candidates = _find_candidates(sent, lexicon, cast.by_token)
    if not candidates:
        return []
    embedding = _embedding(candidates, lexicon)
    resolved: dict[int, _Roles] = {}
    ordered = sorted(candidates, key=lambda c: (-_depth(c.trigger), c.trigger.i))
    for c in ordered:  # deepest first: governing events may borrow their participants
        roles = (_nominal_roles if c.kind != "verb" else _verbal_roles)(
            c, cast, lexicon
        )
        if (
            not roles.actors
            and not roles.recipients
            and c.kind == "noun"
            and lexicon.types[c.rule.type].carry
        ):
            roles = _carry(c, index, memory) or roles
        if (
            roles.actors
            and not roles.recipients
            and c.rule.mode == "visit"
            and not roles.how
            and not _children(c.trigger, _OBJECTS)  # "visit all of them": not a state
        ):
            host = cast.host_for(roles.actors)
            roles = replace(roles, recipients=host, how=".host" if host else "")
        if roles.actors and not roles.recipients and lexicon.types[c.rule.type].embeds:
            embedded = _embedded_participants(c, resolved) or _complement_actors(
                c.anchor, cast
            )
            embedded = _other_side(embedded, roles, cast)
            roles = _finish(roles.actors, embedded) if embedded else roles
        resolved[c.trigger.i] = roles
    events = []
    agreeing = {
        i: c.trigger.i
        for c in candidates
        if c.rule.type == EventType.AGREE
        for i in (c.trigger.i, c.anchor.i)
    }
    superseded: set[int] = set()
    for c in sorted(candidates, key=lambda c: c.trigger.i):
        roles = resolved[c.trigger.i]
        if not roles.actors and not (roles.recipients and _is_agentless(c, lexicon)):
            continue
        if _sides(roles, cast) < max(
            c.rule.min_participants, lexicon.types[c.rule.type].min_participants
        ):
            continue
        built = _build(parsed, c, roles, index, lexicon, cast, embedding)
        event, above = _as_intent(built, c, lexicon, agreeing)
        if above is not None:
            superseded.add(above)
        if event is None:
            continue
        events.append(event)
        if not roles.actors:
            continue
        memory.by_type[c.rule.type] = (index, roles)
        if roles.how != ".carried":
            memory.by_lemma[c.trigger.lemma_.lower()] = (index, roles)
        if len(roles.actors) > 1:
            cast.previous, cast.previous_start = roles.actors, sent.start
    doc = sent.doc
    dropped = {doc[i].idx for i in superseded}
    return [e for e in events if e.trigger_start not in dropped]
