"""Speakers of the quotes stage: cue verbs to speakers, speakers to actor ids.

By offsets of the actor mentions, then pronouns to the last speaker, then role nouns to
an actor with that title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.knowledge.grammar import Grammar
from dyad.knowledge.quotes import QuoteCues
from dyad.records import (
    Actor,
    ActorKind,
    Mention,
)
from dyad.stages.nlp import Parsed
from dyad.stages.quote_marks import Marked, inside
from dyad.stages.quote_syntax import (
    SUBJECT_DEPS,
    best_mention,
    cue_subject,
    name_region,
    person_near,
    person_phrase,
    phrase,
)

# How many paragraphs back a pronoun may look for the last speaker.
PRONOUN_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to, as written, with the cue verb."""

    text: str | None
    start: int
    end: int
    cue: str | None
    actor_id: str | None
    paragraph: int


class Resolver:
    """Turns cue verbs into speakers and speakers into actor ids (one per article)."""

    def __init__(
        self,
        parsed: Parsed,
        actors: Sequence[Actor],
        mentions: Sequence[Mention],
        cues: QuoteCues,
        grammar: Grammar,
    ) -> None:
        self.parsed = parsed
        self.cues = cues
        self.grammar = grammar
        self.actors = {a.actor_id: a for a in actors}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.last_speaker: Speaker | None = None
        self.reported: list[tuple[int, str]] = []  # indirect speech: (start, actor)
        self.marked: Sequence[Marked] = ()

    def speaker(self, cue: Token, paragraph: int, marked: Sequence[Marked]) -> Speaker:
        subject = cue_subject(cue, self.cues)
        attribution = self.cues.attribution_at(cue)
        cue_text = cue.text if attribution is None else attribution.text.lower()
        if subject is None or inside(subject, marked):
            return Speaker(None, cue.idx, cue.idx, cue_text, None, paragraph)
        person = person_near(subject, self.cues) or self._person_mention(subject)
        if person is None and subject.i > cue.i:
            person = self._person_after(cue)
        if person is not None and not inside(person.root, marked):
            subject = person.root
        span = person if person is not None else phrase(subject)
        actor_id = self.actor_for(span, subject, paragraph)
        if subject.lower_ in self.grammar.third_person_pronouns:
            unnamed = self._unnamed_antecedent(subject)
            if unnamed is not None:
                span, actor_id = unnamed, None
        return Speaker(
            span.text, span.start_char, span.end_char, cue_text, actor_id, paragraph
        )

    def _unnamed_antecedent(self, pronoun: Token) -> Span | None:
        """Return the unnamed person ("One of the victims") that "he"/"she" stands for.

        Only a subject in the pronoun's sentence or the one before, later than every
        person named or quoted before the pronoun, and headed by a person noun.
        """
        doc = self.parsed.doc
        sent = pronoun.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        latest = max(
            [
                m.start
                for m in self.mentions
                if m.end <= pronoun.idx
                and not self._quoted(m.start)
                and (actor := self.actors.get(m.actor_id)) is not None
                and actor.kind is ActorKind.PERSON
            ]
            + [self.last_speaker.start if self.last_speaker is not None else -1],
            default=-1,
        )
        for token in reversed(doc[start : pronoun.i]):
            if token.idx <= latest:
                return None
            if token.dep_ not in SUBJECT_DEPS or self._quoted(token.idx):
                continue
            phrase = person_phrase(token, self.cues, self.grammar)
            if phrase is not None and not any(
                m.start < phrase.end_char and m.end > phrase.start_char
                for m in self.mentions
            ):
                return phrase
        return None

    def _person_after(self, cue: Token) -> Span | None:
        """Return the first person named after an inverted cue, before any comma.

        "…," said study co-author and Research Fellow Martin How: the parse may split
        the long subject, but the person's name still ends it.
        """
        doc = self.parsed.doc
        end = cue.sent.end
        for token in doc[cue.i + 1 : cue.sent.end]:
            if token.is_punct and token.text not in {"-", "\u2013"}:
                end = token.i
                break
        if end <= cue.i + 1:
            return None
        first, last = doc[cue.i + 1].idx, doc[end - 1].idx + len(doc[end - 1])
        for m in self.mentions:
            actor = self.actors.get(m.actor_id)
            if (
                first <= m.start
                and m.end <= last
                and actor is not None
                and actor.kind is ActorKind.PERSON
            ):
                return doc.char_span(m.start, m.end, alignment_mode="expand")
        return None

    def _person_mention(self, head: Token) -> Span | None:
        """Return the span of a person actor named beside the subject's head word."""
        region = [head, *name_region(head, self.cues)]
        first = min(t.idx for t in region)
        last = max(t.idx + len(t) for t in region)
        found = [
            m
            for m in self.mentions
            if first <= m.start
            and m.end <= last
            and not m.start <= head.idx < m.end
            and self.actors.get(m.actor_id) is not None
            and self.actors[m.actor_id].kind is ActorKind.PERSON
        ]
        if not found:
            return None
        best = max(found, key=lambda m: m.start)
        return self.parsed.doc.char_span(best.start, best.end, alignment_mode="expand")

    def actor_for(self, span: Span, head: Token, paragraph: int) -> str | None:
        inside = [
            m
            for m in self.mentions
            if m.start < span.end_char and m.end > span.start_char
        ]
        if inside:
            return best_mention(inside, head, self.actors).actor_id
        if head.lower_ in self.cues.pronouns:
            return self._antecedent(head, paragraph)
        if head.lemma_.lower() in self.cues.role_nouns:
            return self._by_title(head, span)
        return self._by_name(head)

    def _by_name(self, head: Token) -> str | None:
        """Return the one person actor whose name ends with ``head`` ("Radmall")."""
        if not head.is_title:
            return None
        found = {
            a.actor_id
            for a in self.actors.values()
            if a.kind is ActorKind.PERSON and a.name.split()[-1:] == [head.text]
        }
        return found.pop() if len(found) == 1 else None

    def _antecedent(self, pronoun: Token, paragraph: int) -> str | None:
        """Return the actor a pronoun stands for: the latest speaker or named subject.

        The last quote's speaker (within ``PRONOUN_PARAGRAPHS``) competes with the last
        person named as a grammatical subject; the later of the two wins.
        """
        personal = pronoun.lower_ in self.grammar.personal_pronouns
        before = [
            m
            for m in self.mentions
            if m.end <= pronoun.idx
            and not self._quoted(m.start)
            and not self._channel(m)
        ]
        if pronoun.lower_ == "it":
            return self._last_thing(before)
        subject = self._last_person(before, strict=True) if personal else None
        reported = [r for r in self.reported if r[0] < pronoun.idx]
        if reported and (subject is None or subject.start < reported[-1][0]):
            last_said = self.last_speaker
            if last_said is None or last_said.start < reported[-1][0]:
                return reported[-1][1]
        last = self.last_speaker
        if (
            last is not None
            and last.actor_id is not None
            and paragraph - last.paragraph <= PRONOUN_PARAGRAPHS
            and (subject is None or subject.start < last.start)
        ):
            return last.actor_id
        if subject is not None:
            return subject.actor_id
        if not personal:
            return before[-1].actor_id if before else None
        found = self._last_person(before, strict=False)
        return found.actor_id if found is not None else None

    def _channel(self, mention: Mention) -> bool:
        """Return True when the mention is where words were said, not who said them:
        the object of a preposition on a speech verb ("confirming on Twitter", "said
        in Parliament"). The agent of a passive ("was confirmed by the board") is not
        a preposition here and still counts."""
        span = self.parsed.doc.char_span(
            mention.start, mention.end, alignment_mode="expand"
        )
        if span is None:
            return False
        root = span.root
        prep = root.head
        return (
            root.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.head.lemma_.lower() in self.cues.speech_verbs
        )

    def _quoted(self, position: int) -> bool:
        return any(m.open_mark <= position < m.close_mark for m in self.marked)

    def _last_thing(self, before: Sequence[Mention]) -> str | None:
        """Return the actor "it" stands for: the last non-person, a subject first."""
        things = [
            m
            for m in before
            if (actor := self.actors.get(m.actor_id)) is not None
            and actor.kind is not ActorKind.PERSON
        ]
        subjects = [m for m in things if self._named(m, True)]
        found = (subjects or things)[-1:]
        return found[0].actor_id if found else None

    def _last_person(
        self, before: Sequence[Mention], *, strict: bool
    ) -> Mention | None:
        for mention in reversed(before):
            actor = self.actors.get(mention.actor_id)
            is_person = actor is not None and actor.kind is ActorKind.PERSON
            if is_person and self._named(mention, strict):
                return mention
        return None

    def _named(self, mention: Mention, as_subject: bool) -> bool:
        """Return True when the mention is a subject (if asked), else a PERSON name."""
        span = self.parsed.doc.char_span(
            mention.start, mention.end, alignment_mode="expand"
        )
        if span is None:
            return False
        if as_subject:
            return span.root.dep_ in SUBJECT_DEPS
        return any(t.ent_type_ == "PERSON" for t in span)

    def _by_title(self, head: Token, span: Span) -> str | None:
        """Return the last actor whose title has the role word and its named parts.

        "the spokesperson" finds any spokesperson; "First Minister" never finds a
        "Prime Minister": capitalised words before the role word must be in the title.
        """
        word = head.lemma_.lower()
        qualifiers = [
            t.lower_ for t in span if t.i < head.i and t.is_title and t.is_alpha
        ]
        for mention in reversed(self.mentions):
            actor = self.actors.get(mention.actor_id)
            title = actor.title.lower() if actor is not None and actor.title else ""
            if mention.end > head.idx or word not in title:
                continue
            if all(q in title.split() for q in qualifiers):
                return mention.actor_id
        return None
