"""Roles for the events stage: which actors a dependency-parse role points at.

A role is a token (a subject head, an object, a prepositional object); ``Cast`` turns it
into actor ids through the mentions of the actors stage, following coordination
("Hungarian and Romanian officials"), appositions and "including" lists, modifiers of a
head that is no actor itself ("US officials" → USA), "of" phrases ("leaders of
Romania"), relative pronouns, and pronouns resolved to a nearby earlier mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyad.knowledge.grammar import Grammar, load_grammar
from dyad.records import Actor, ActorKind, Mention
from dyad.stages.events_joint import listed_before, member_of
from dyad.stages.events_roles_anaphora import anaphor_actors, is_anaphor

# Dependents of a head that is no actor whose mentions name the actor ("US officials",
# "Romania's government", "the Chinese side").
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})
# clause links through which reported speech hangs on its verb of saying
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "conj", "xcomp", "advcl"})
# dependents that make a participle a clause of its own ("that X had ordered")
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})
_THING_KINDS = frozenset(
    {ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.IGO, ActorKind.GROUP}
)
_PRONOUN_REACH = 2  # sentences back a pronoun looks for its antecedent
_MAX_DEPTH = 6  # coordination / "of" nesting followed at most this deep


def _unique(ids: Iterator[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


@dataclass
class Cast:
    """Actor ids by token for one article, plus the memory pronouns need."""

    doc: Doc
    actors: dict[str, Actor]
    by_token: dict[int, str]
    # actor side of the last event with two or more actors
    previous: tuple[str, ...] = ()
    previous_start: int = -1  # … and the first token of its sentence
    speech_verbs: frozenset[str] = frozenset()
    group_memory: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # heads that name an event or a weapon: their "in"/"from" phrase is a place, not
    # the actor ("a US airstrike in Iraq" is no Iraqi strike)
    eventive: frozenset[str] = frozenset()
    people: frozenset[int] = frozenset()  # tokens of person mentions
    # actors a pronoun on the other side of an event does not stand for (``avoiding``)
    avoid: frozenset[str] = frozenset()
    grammar: Grammar = field(default_factory=load_grammar)
    # ``of`` by token, depth and each field above that changes while coding (pronoun
    # memory, actors avoided; a new such field joins the key): asked again and again
    _known: dict[tuple[object, ...], tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        doc: Doc,
        actors: Sequence[Actor],
        mentions: Sequence[Mention],
        speech_verbs: frozenset[str] = frozenset(),
        eventive: frozenset[str] = frozenset(),
        grammar: Grammar | None = None,
    ) -> Cast:
        """Map every token covered by a mention to its actor (longest mention wins).

        ``eventive`` lists lemmas of event and weapon nouns, whose "in"/"from" phrases
        are places rather than actors.
        """
        by_token: dict[int, str] = {}
        width: dict[int, int] = {}
        known = {a.actor_id for a in actors}
        for mention in mentions:
            if mention.actor_id not in known:
                continue  # a mention of no listed actor cannot be a participant
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if len(span) > width.get(token.i, 0):
                    by_token[token.i] = mention.actor_id
                    width[token.i] = len(span)
        by_id = {a.actor_id: a for a in actors}
        return cls(
            doc=doc,
            actors=by_id,
            by_token=by_token,
            speech_verbs=speech_verbs,
            grammar=grammar or load_grammar(),
            eventive=eventive,
            people=frozenset(
                i for i, a in by_token.items() if by_id[a].kind == ActorKind.PERSON
            ),
        )

    def of(self, token: Token | None, depth: int = 0) -> tuple[str, ...]:
        """Return the actor ids a role head stands for (empty when none is known)."""
        if token is None or depth > _MAX_DEPTH:
            return ()
        key = (token.i, depth, self.previous_start, self.previous, self.avoid)
        if key not in self._known:
            found = _unique(
                actor
                for head in self._heads(token)
                for actor in self._head_actors(head, depth)
            )
            self._known[key] = found or self._listed_after(token, depth)
        return self._known[key]

    def listed(self, token: Token) -> tuple[str, ...]:
        """Return the actors named by a noun's coordination and "including" lists only.

        "received several European leaders including Macron" → Macron; unlike ``of``,
        modifiers ("his PhD") do not count.
        """
        heads = [h for h in self._heads(token) if h.i != token.i]
        found = _unique(self.by_token[h.i] for h in heads if h.i in self.by_token)
        return found or self._listed_after(token, 0)

    def subtree(self, token: Token) -> tuple[str, ...]:
        """Return the actor ids of every mention inside ``token``'s subtree."""
        return _unique(
            self.by_token[t.i] for t in token.subtree if t.i in self.by_token
        )

    def _listed_after(self, token: Token, depth: int) -> tuple[str, ...]:
        """Return the actors of a list right after ``token`` (", including X and Y").

        The small model often attaches such a list to an earlier noun; the word order
        is more reliable than the attachment here.
        """
        doc = self.doc
        i = token.right_edge.i + 1
        while i < len(doc) and doc[i].text in (",", ";"):
            i += 1
        if (
            i >= len(doc)
            or doc[i].lower_ not in self.grammar.list_prepositions
            or doc[i].dep_ != "prep"
        ):
            return ()
        return _unique(
            actor
            for pobj in doc[i].children
            if pobj.dep_ == "pobj"
            for actor in self.of(pobj, depth + 1)
        )

    def _heads(self, token: Token) -> Iterator[Token]:
        yield token
        for child in token.children:
            if child.dep_ == "conj" or (
                child.dep_ == "appos" and child.i in self.by_token
            ):
                yield from self._heads(child)
            elif (
                child.dep_ == "prep" and child.lower_ in self.grammar.list_prepositions
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        yield from self._heads(pobj)

    def _head_actors(self, head: Token, depth: int) -> Iterator[str]:
        if head.i in self.by_token:
            actor_id = self.by_token[head.i]
            actor = self.actors[actor_id]
            generic = actor.code is None or actor.kind == ActorKind.GROUP
            if generic and head.pos_ == "NOUN":
                # "the leaders of France and Germany": an uncoded group head gives way
                # to the coded actors it is qualified by
                qualified = _unique(self._qualifiers(head, depth))
                coded = [a for a in qualified if self.actors[a].code is not None]
                if coded:
                    yield from coded
                    return
            yield actor_id
            return
        lower = head.lower_
        if (
            head.pos_ == "PRON"
            or lower in self.grammar.group_pronouns | self.grammar.pair_words
        ):
            yield from self._pronoun(head)
            return
        if self._is_recent(head) and any(
            c.lower_ in self.grammar.pair_words
            and c.dep_ in ("nummod", "det", "predet")
            for c in head.children
        ):  # "the two leaders", "both sides"
            yield from self.previous
            return
        if is_anaphor(head, self):  # "attacks on the country", "those countries"
            yield from anaphor_actors(head, self)
            return
        yield from self._qualifiers(head, depth)

    def _qualifiers(self, head: Token, depth: int) -> Iterator[str]:
        """Yield the actors of a head's modifiers and of/in/from phrases.

        An "in"/"from" phrase counts only when no modifier names the actor: "French
        troops in Rwanda" are French, "protesters in Baghdad" Iraqi. Without a modifier
        an agent ("the decision by Chile", "prisoners held by Chile") is the actor, and
        its "of" phrase is what it acts on ("the arrest of activists by Chile").
        """
        modified = False
        for child in head.children:
            backer = child.lemma_.lower() in self.grammar.backing_participles
            if child.dep_ in _MODIFIER_DEPS and not backer:  # not "Iran-backed"
                found = (
                    self.subtree(child)
                    if child.dep_ != "poss"
                    else self.of(child, depth + 1)
                )
                modified = modified or bool(found)
                yield from found
        agents = () if modified else _unique(self._agents(head, depth))
        if agents:
            yield from agents
            return
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in self.grammar.origin_prepositions
                and (
                    child.lower_ == "of"
                    or (not modified and head.lemma_.lower() not in self.eventive)
                )
            ):
                # "leaders of Romania", "protesters in Baghdad", "rebels from Darfur"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        yield from self.of(pobj, depth + 1)

    def _agents(self, head: Token, depth: int) -> Iterator[str]:
        """Yield the actors of a noun's "by" phrase and of the "by" phrase of a bare
        participle on a noun that names no event ("prisoners held by Chile"; not a
        backer: "rebels armed by Chile"; not "a deal signed by Chile", whose parties
        the deal's own event gives, nor a clause: "reports that X had been ordered")."""
        if head.pos_ != "NOUN":
            return
        for child in head.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                if (
                    child.lemma_.lower() in self.grammar.backing_participles
                    or head.lemma_.lower() in self.eventive
                    or any(c.dep_ in _CLAUSE_DEPS for c in child.children)
                ):
                    continue
                holders = [c for c in child.children if c.dep_ == "agent"]
            elif child.dep_ == "prep":
                holders = [child]
            else:
                continue
            for prep in holders:
                if prep.lower_ == "by":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            yield from self.of(pobj, depth + 1)

    @contextmanager
    def avoiding(self, actors: Iterable[str]) -> Iterator[None]:
        """Resolve pronouns past ``actors`` in the block ("Togo's criticism of its …")."""
        before, self.avoid = self.avoid, frozenset(actors)
        try:
            yield
        finally:
            self.avoid = before

    def _pronoun(self, token: Token) -> Iterator[str]:
        lower = token.lower_
        if lower in self.grammar.relative_pronouns and token.head.dep_ == "relcl":
            antecedent = token.head.head
            yield from self.of(antecedent, 1) or member_of(self, antecedent)
        elif lower in self.grammar.first_person_pronouns:
            yield from self.of(self.speaker_of(token), 1)
        elif lower in self.grammar.singular_person_pronouns:
            yield from self.nearest(token, {ActorKind.PERSON})
        elif (
            lower in self.grammar.thing_pronouns
            and token.head.lemma_ not in self.grammar.expletive_heads
        ):
            # "it" only within its sentence ("Iraq said it would …"); "its" further
            yield from self.nearest(token, _THING_KINDS, same_sentence=lower == "it")
        elif lower in self.grammar.pair_words and self._is_recent(token):
            yield from self.previous
        elif lower in self.grammar.group_pronouns:
            yield from self._group(token)

    def _group(self, token: Token) -> Iterator[str]:
        """Resolve "they"/"their": for an object a list of actors earlier in the sentence
        ("sanctions on X, his wife and Y, accusing them"), else an actor earlier in it,
        else the actors of the last event with several of them if it is recent ("The
        ministers met. They agreed …"), else the main subject of the sentence before,
        else the nearest group, state or body of the sentences before."""
        found = list(
            listed_before(self, token)
            or self.nearest(token, _THING_KINDS, same_sentence=True)
        )
        if (
            not found
            and self._is_recent(token)
            and self.previous_start < token.sent.start
        ):
            found = list(self.previous)
        yield from (
            found or self._previous_subject(token) or self.nearest(token, _THING_KINDS)
        )

    def _previous_subject(self, token: Token) -> tuple[str, ...]:
        """Return the actors of the main subject of the sentence before ``token``'s."""
        start = token.sent.start
        if start == 0:
            return ()
        root = self.doc[start - 1].sent.root
        for subject in root.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ != "PRON":
                found = self.of(subject, _MAX_DEPTH - 1)
                return tuple(a for a in found if self.actors[a].kind in _THING_KINDS)
        return ()

    def speaker_of(self, token: Token) -> Token | None:
        """Return the subject of the verb of saying whose report holds ``token``.

        '"We condemn the attack," the minister said' → minister; None outside
        reported speech.
        """
        current = token
        for _ in range(12):
            head = current.head
            if head.i == current.i:
                return None
            if head.lemma_.lower() in self.speech_verbs and (
                current.dep_ in _REPORTED_DEPS
            ):
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
                return subjects[0] if subjects and subjects[0].i != token.i else None
            current = head
        return None

    def _is_recent(self, token: Token) -> bool:
        """Tell whether the remembered group is from this or the previous sentence."""
        start = token.sent.start
        previous = self.doc[start - 1].sent.start if start > 0 else start
        return self.previous_start in (start, previous)

    def nearest(
        self,
        token: Token,
        kinds: set[ActorKind] | frozenset[ActorKind],
        *,
        same_sentence: bool = False,
    ) -> Iterator[str]:
        """Yield the closest earlier actor of ``kinds`` (this or the two before)."""
        sent_start = token.sent.start
        floor = sent_start
        for _ in range(0 if same_sentence else _PRONOUN_REACH):
            if floor > 0:  # earlier sentences, as short ones ("(Aside from)") occur
                floor = self.doc[floor - 1].sent.start
        for i in range(token.i - 1, floor - 1, -1):
            actor_id = self.by_token.get(i)
            if actor_id is None or actor_id in self.avoid:
                continue  # the other side's pronoun is not the actor (``avoiding``)
            if self.actors[actor_id].kind not in kinds:
                continue
            if self._is_attribution(self.doc[i]):
                continue  # "… ," said Sun. "He wants …": he is not the speaker
            yield actor_id
            return

    def _is_attribution(self, token: Token) -> bool:
        """Tell whether ``token`` belongs to the speaker of an inverted attribution."""
        head = token
        while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
            head = head.head
        verb = head.head
        return (
            head.dep_ == "nsubj"
            and verb.lemma_.lower() in self.speech_verbs
            and verb.i < head.i
        )
