"""The quotes stage: find quotations and reported speech, attribute each to a speaker.

Direct quotes are found from the quote marks, paragraph by paragraph, so an unbalanced
mark never runs past its paragraph (it becomes a ``quotes.unbalanced`` problem). A quote
that runs on into a paragraph opening with a new mark continues there. The speaker is
the subject of the nearest speech verb outside the quote in the quote's sentences ("…,"
said Sun; the US officials said); a quote with no cue inherits the speaker of the quote
before it in the same paragraph, or in the previous paragraph when it opens its own
paragraph. Indirect speech is the finite complement clause of a speech verb outside
quote marks ("officials said on Wednesday that …"). Speakers become actor ids through
the actor mentions: by offsets, then pronouns to the last speaker, then role nouns to an
actor with that title.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dyad import ids
from dyad.knowledge.quotes import QuoteCues, load_quote_cues
from dyad.records import (
    Actor,
    ActorKind,
    Event,
    Mention,
    Problem,
    Quote,
    QuoteKind,
    StageResult,
)
from dyad.stages.nlp import Parsed

VERSION = "quotes.rules.v1"
CODER = VERSION
# A quote with no speech verb near it and no speaker to inherit is kept only when it is
# this long (in words); shorter ones are scare quotes or titles. Calibrated on Wikinews
# dev articles.
MIN_UNATTRIBUTED_WORDS = 6
# A quote of at most this many words, all capitalised, is a name or title ("The Lion
# Man", "Hurricane Hunters"), even next to a speech verb.
NAME_WORDS = 4
# How many paragraphs back a pronoun may look for the last speaker.
PRONOUN_PARAGRAPHS = 2
_OPENING = {"“", "„"}
_CLOSING = {"”"}
_EITHER = {'"'}
_TRAILING = {",", ";", ":"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OWNER_DEPS = {"acl", "prep", "pobj", "poss", "compound", "agent"}
_PUBLISHING = {"issue", "release", "publish", "post", "put"}
_FINITE = {"VBD", "VBZ", "VBP", "IN"}  # IN: "according (to)"
_PARTITIVE = {"part", "portion", "section", "excerpt"}


@dataclass(frozen=True, slots=True)
class _Marked:
    """A quoted stretch: ``[start, end)`` inside the marks, and where the marks are."""

    start: int
    end: int
    open_mark: int
    close_mark: int  # position just after the closing mark (or the paragraph end)
    paragraph: int
    runs_on: bool  # no closing mark: the quote continues in the next paragraph
    opens_paragraph: bool


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who a quote is attributed to, as written, with the cue verb."""

    text: str | None
    start: int
    end: int
    cue: str | None
    actor_id: str | None
    paragraph: int


def extract_quotes(
    parsed: Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    cues: QuoteCues | None = None,
) -> StageResult[Quote]:
    """Find quotations and attribute each to a speaker."""
    vocab = cues or load_quote_cues()
    text = parsed.article.text
    marked, problems = _find_marked(text, parsed.article.article_id)
    resolver = _Resolver(parsed, actors, mentions, vocab)
    resolver.marked = marked
    indirect = list(_indirect_quotes(parsed, marked, resolver))
    resolver.reported = [
        (q.start, q.speaker_id) for q in indirect if q.speaker_id is not None
    ]
    records: list[Quote] = []
    previous: _Speaker | None = None
    for index, span in enumerate(marked):
        speaker = _direct_speaker(parsed, span, marked, resolver)
        if speaker is None:
            speaker = _inherited(span, marked[index - 1] if index else None, previous)
        if speaker is None:
            speaker = _attribution_before(parsed, span, marked, resolver)
        quoted = text[span.start : span.end]
        if _is_name(parsed, span) or _is_mentioned_word(parsed, span, vocab):
            continue
        if speaker is None and not _is_unattributed_quote(quoted):
            continue
        if speaker is not None:
            resolver.last_speaker = speaker
            previous = speaker
        records.append(_quote(parsed, span.start, span.end, QuoteKind.DIRECT, speaker))
    records.extend(indirect)
    records.sort(key=lambda q: (q.sentence_index, q.start))
    problems.extend(_no_speaker(records))
    return StageResult(records=tuple(records), problems=tuple(problems))


def _is_mentioned_word(parsed: Parsed, span: _Marked, vocab: QuoteCues) -> bool:
    """Return True for a word quoted as a word: the word "pandemic"."""
    if len(parsed.article.text[span.start : span.end].split()) > NAME_WORDS:
        return False
    before = parsed.article.text[: span.open_mark].split()
    return bool(before) and before[-1].lower() in vocab.mention_nouns


def _is_name(parsed: Parsed, span: _Marked) -> bool:
    """Return True for a short quote in title case: a name or title, not speech.

    One capitalised word is a name only inside a name (Edward "Eddie" Van Halen).
    """
    text = parsed.article.text
    words = text[span.start : span.end].split()
    if len(words) > NAME_WORDS or not all(w[:1].isupper() for w in words):
        return False
    if len(words) > 1:
        return True
    before = text[: span.open_mark].split()[-1:]
    after = text[span.close_mark :].split()[:1]
    return bool(before and after) and before[0][:1].isupper() and after[0][:1].isupper()


def _is_unattributed_quote(text: str) -> bool:
    """Return True when a quote with no speaker still looks like quoted speech."""
    words = text.split()
    if len(words) < MIN_UNATTRIBUTED_WORDS:
        return False
    return not all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def attribute_events(
    events: Sequence[Event], quotes: Sequence[Quote]
) -> tuple[Event, ...]:
    """Return ``events`` with ``reported_by`` set for those inside a quotation.

    Only events whose trigger lies inside a quote with a known speaker change, and only
    where ``reported_by`` is still None.
    """
    spoken = [q for q in quotes if q.speaker_id is not None]
    result = []
    for event in events:
        if event.reported_by is None:
            quote = next(
                (
                    q
                    for q in spoken
                    if q.start <= event.trigger_start and event.trigger_end <= q.end
                ),
                None,
            )
            if quote is not None:
                event = replace(event, reported_by=quote.speaker_id)
        result.append(event)
    return tuple(result)


def _quote(
    parsed: Parsed, start: int, end: int, kind: QuoteKind, speaker: _Speaker | None
) -> Quote:
    article = parsed.article
    return Quote(
        article_id=article.article_id,
        quote_id=ids.quote_id(article.article_id, start, end),
        kind=kind,
        text=article.text[start:end],
        start=start,
        end=end,
        sentence_index=parsed.sentence_of(start),
        speaker_id=speaker.actor_id if speaker else None,
        speaker_text=speaker.text if speaker else None,
        cue=speaker.cue if speaker else None,
        coder=CODER,
    )


def _no_speaker(records: Sequence[Quote]) -> Iterator[Problem]:
    for quote in records:
        if quote.speaker_text is None:
            yield Problem(
                code="quotes.no_speaker",
                message=f"no speaker found for quotation at {quote.start}",
                stage="quotes",
                start=quote.start,
                end=quote.end,
            )


# --- quote marks ----------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _starts_with_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in _OPENING | _EITHER


def _find_marked(text: str, article_id: str) -> tuple[list[_Marked], list[Problem]]:
    marked: list[_Marked] = []
    problems: list[Problem] = []
    paragraphs = _paragraphs(text)
    for number, (start, end) in enumerate(paragraphs):
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        runs_on = following is not None and _starts_with_mark(text, *following)
        found, unbalanced = _scan_paragraph(text, start, end, number, runs_on)
        marked.extend(found)
        problems.extend(_unbalanced(article_id, position) for position in unbalanced)
    return marked, problems


def _scan_paragraph(
    text: str, start: int, end: int, number: int, runs_on: bool
) -> tuple[list[_Marked], list[int]]:
    """Return the quoted stretches of one paragraph and the positions of stray marks."""
    found: list[_Marked] = []
    stray: list[int] = []
    open_at: int | None = None
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    for position in range(start, end):
        char = text[position]
        if char in _OPENING or (char in _EITHER and open_at is None):
            if open_at is not None:
                stray.append(open_at)
            open_at = position
        elif char in _CLOSING or char in _EITHER:
            if open_at is None:
                stray.append(position)
                continue
            found.extend(_stretch(text, open_at, position, number, first, False))
            open_at = None
    if open_at is not None:
        if runs_on:
            found.extend(_stretch(text, open_at, end, number, first, True))
        else:
            stray.append(open_at)
    return found, stray


def _stretch(
    text: str, open_at: int, close_at: int, number: int, first: int, runs_on: bool
) -> Iterator[_Marked]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    if end > start:
        yield _Marked(
            start=start,
            end=end,
            open_mark=open_at,
            close_mark=close_at if runs_on else close_at + 1,
            paragraph=number,
            runs_on=runs_on,
            opens_paragraph=open_at == first,
        )


def _unbalanced(article_id: str, position: int) -> Problem:
    return Problem(
        code="quotes.unbalanced",
        message=f"quotation mark at {position} has no partner in its paragraph",
        stage="quotes",
        article_id=article_id,
        start=position,
        end=position + 1,
    )


# --- speakers -------------------------------------------------------------------------


def _inside(token: Token, marked: Sequence[_Marked]) -> bool:
    return any(m.open_mark <= token.idx < m.close_mark for m in marked)


def _frame(parsed: Parsed, span: _Marked, marked: Sequence[_Marked]) -> list[Token]:
    """Return the tokens of the quote's sentences that lie outside every quotation."""
    doc = parsed.doc
    region = doc.char_span(span.open_mark, span.close_mark, alignment_mode="expand")
    if region is None:
        return []
    sentences = {region[0].sent.start, region[-1].sent.start}
    first = doc[min(sentences)].sent.start
    last = max(doc[s].sent.end for s in sentences)
    return [t for t in doc[first:last] if not _inside(t, marked)]


def _is_cue(token: Token, vocab: QuoteCues) -> bool:
    if token.lower_ == "according":
        return token.nbor(1).lower_ == "to"
    lemma = token.lemma_.lower()
    naming = lemma in vocab.naming_verbs and token.dep_ in {"acl", "amod", "relcl"}
    if naming and not _calls_on(token):
        return False
    if lemma in _PUBLISHING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in vocab.document_nouns
        for c in token.children
    ):
        return True  # "the Department issued a statement: …"
    return token.pos_ in {"VERB", "AUX"} and lemma in vocab.speech_verbs


def _calls_on(token: Token) -> bool:
    """Return True for "called on (drivers) to" or "called for": an appeal."""
    return token.lemma_.lower() == "call" and any(
        c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for", "upon"}
        for c in token.children
    )


def _direct_speaker(
    parsed: Parsed, span: _Marked, marked: Sequence[_Marked], resolver: _Resolver
) -> _Speaker | None:
    frame = _frame(parsed, span, marked)
    cues = [t for t in frame if t.i + 1 < len(t.doc) and _is_cue(t, resolver.cues)]
    if not cues:
        return None
    own = _own_clause_cues(parsed, span, cues)
    if own:
        cue = max(own, key=lambda t: (_depth(t), -_distance(t, span)))
    else:
        finite = [t for t in cues if _is_finite(t)] or cues
        cue = min(finite, key=lambda t: _distance(t, span))
    return resolver.speaker(cue, span.paragraph, marked)


def _own_clause_cues(
    parsed: Parsed, span: _Marked, cues: Sequence[Token]
) -> list[Token]:
    """Return the cues whose dependency subtree holds the quote's words.

    With two speech verbs in a sentence ("A said B, who described it as "…""), the verb
    governing the quotation is the one it belongs to, however near the other is.
    """
    region = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return []
    inside = {t.i for t in region if not t.is_punct}
    return [cue for cue in cues if any(t.i in inside for t in cue.subtree)]


def _depth(token: Token) -> int:
    """Return how many heads lie above ``token`` (the root has depth 0)."""
    depth = 0
    while token.head.i != token.i and depth < 100:
        token = token.head
        depth += 1
    return depth


def _is_finite(token: Token) -> bool:
    """Return True for a finite speech verb ("said", "has said"), not "saying"."""
    if token.tag_ in _FINITE:
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "aux" for c in token.children)


def _attribution_before(
    parsed: Parsed, span: _Marked, marked: Sequence[_Marked], resolver: _Resolver
) -> _Speaker | None:
    """Return the speaker of the last speech verb before ``span`` in its paragraph.

    For a quote standing as its own sentence after "…, Zapata said, adding …".
    """
    text = parsed.article.text
    start = text.rfind("\n", 0, span.open_mark) + 1
    region = parsed.doc.char_span(start, span.open_mark, alignment_mode="contract")
    if region is None:
        return None
    cues = [
        t
        for t in region
        if t.i + 1 < len(t.doc) and _is_cue(t, resolver.cues) and not _inside(t, marked)
    ]
    finite = [t for t in cues if _is_finite(t)]
    if not finite:
        return None
    speaker = resolver.speaker(finite[-1], span.paragraph, marked)
    return speaker if speaker.text is not None else None


def _distance(token: Token, span: _Marked) -> int:
    if token.idx >= span.close_mark:
        return token.idx - span.close_mark
    return max(0, span.open_mark - token.idx)


def _inherited(
    span: _Marked, before: _Marked | None, previous: _Speaker | None
) -> _Speaker | None:
    """Return the speaker a cue-less quote continues, if any."""
    if previous is None or before is None:
        return None
    same_paragraph = before.paragraph == span.paragraph
    next_paragraph = before.paragraph == span.paragraph - 1 and span.opens_paragraph
    if (same_paragraph or next_paragraph or before.runs_on) and (
        previous.paragraph >= before.paragraph
    ):
        return replace(previous, paragraph=span.paragraph)
    return None


class _Resolver:
    """Turns cue verbs into speakers and speakers into actor ids (one per article)."""

    def __init__(
        self,
        parsed: Parsed,
        actors: Sequence[Actor],
        mentions: Sequence[Mention],
        cues: QuoteCues,
    ) -> None:
        self.parsed = parsed
        self.cues = cues
        self.actors = {a.actor_id: a for a in actors}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.last_speaker: _Speaker | None = None
        self.reported: list[tuple[int, str]] = []  # indirect speech: (start, actor)
        self.marked: Sequence[_Marked] = ()

    def speaker(
        self, cue: Token, paragraph: int, marked: Sequence[_Marked]
    ) -> _Speaker:
        subject = _subject(cue, self.cues)
        cue_text = "according to" if cue.lower_ == "according" else cue.text
        if subject is None or _inside(subject, marked):
            return _Speaker(None, cue.idx, cue.idx, cue_text, None, paragraph)
        person = _person_near(subject) or self._person_mention(subject)
        if person is None and subject.i > cue.i:
            person = self._person_after(cue)
        if person is not None and not _inside(person.root, marked):
            subject = person.root
        span = person if person is not None else _phrase(subject)
        actor_id = self.actor_for(span, subject, paragraph)
        if subject.lower_ in {"he", "she"}:
            unnamed = self._unnamed_antecedent(subject)
            if unnamed is not None:
                span, actor_id = unnamed, None
        return _Speaker(
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
            if token.dep_ not in _SUBJECT_DEPS or self._quoted(token.idx):
                continue
            phrase = _person_phrase(token, self.cues)
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
        region = [head, *_name_region(head)]
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
            return _best_mention(inside, head, self.actors).actor_id
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
        personal = pronoun.lower_ in {"he", "she", "i", "him", "her"}
        before = [
            m
            for m in self.mentions
            if m.end <= pronoun.idx and not self._quoted(m.start)
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
            return span.root.dep_ in _SUBJECT_DEPS
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


def _best_mention(
    mentions: Sequence[Mention], head: Token, actors: dict[str, Actor]
) -> Mention:
    def rank(m: Mention) -> tuple[bool, bool, int]:
        actor = actors.get(m.actor_id)
        covers_head = m.start <= head.idx < m.end
        is_person = actor is not None and actor.kind is ActorKind.PERSON
        return covers_head, is_person, m.end - m.start

    return max(mentions, key=rank)


def _subject(cue: Token, cues: QuoteCues) -> Token | None:
    """Return the head word of who spoke, for a speech verb or "according to"."""
    if cue.lower_ == "according":
        return _object_of(cue.nbor(1), "pobj")
    quoted = _quoted_as(cue, cues)
    if quoted is not None:
        return quoted
    verb: Token | None = cue
    for _ in range(3):
        if verb is None:
            break
        agent = _object_of(verb, "agent")
        if agent is not None and _object_of(agent, "pobj") is not None:
            return _object_of(agent, "pobj")
        subjects = _subjects_of(verb)
        if subjects:
            subject = _main_subject(subjects)
            if subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                return verb.head
            return _author(subject, cues)
        if verb.dep_ == "relcl" or _describes(verb, cues):
            return verb.head
        inverted = _object_of(verb, "dobj")
        if verb.i == cue.i and _is_inverted(cue, inverted):
            return _author(inverted, cues)  # type: ignore[arg-type]  # checked
        verb = _clause_above(verb, cues)
    return _name_before(cue)


def _subjects_of(verb: Token) -> list[Token]:
    """Return a verb's subjects, also those the parser hung on its auxiliary."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        return subjects
    return [
        c
        for aux in verb.children
        if aux.dep_ in {"aux", "auxpass"}
        for c in aux.children
        if c.dep_ in _SUBJECT_DEPS
    ]


def _describes(verb: Token, cues: QuoteCues) -> bool:
    """Return True for a participle on the speaker ("Members … protested by …")."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.head.lemma_.lower() not in cues.document_nouns
        and verb.lemma_.lower() not in cues.naming_verbs
    )


def _clause_above(verb: Token, cues: QuoteCues) -> Token | None:
    """Return the verb whose subject a subjectless speech verb shares, if any.

    Coordinated and adverbial verbs share it ("…and added"), as do verbs under a
    preposition ("protested by shouting") and participles on a document noun ("the
    Ministry has, in a statement, called on drivers to …").
    """
    if verb.dep_ in {"conj", "xcomp", "advcl"}:
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return verb.head.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in cues.document_nouns:
        for above in verb.head.ancestors:
            if above.pos_ in {"VERB", "AUX"}:
                return above
    return None


def _person_phrase(token: Token, cues: QuoteCues) -> Span | None:
    """Return "a resident" or "One of the victims" when ``token`` heads one."""
    if token.lemma_.lower() in cues.person_nouns:
        return _phrase(token)
    if token.lower_ in {"one", "some", "many", "several"} or token.pos_ == "NUM":
        of = next((c for c in token.children if c.lower_ == "of"), None)
        whole = _object_of(of, "pobj") if of is not None else None
        if whole is not None and whole.lemma_.lower() in cues.person_nouns:
            return token.doc[token.i : whole.i + 1]
    return None


def _main_subject(subjects: Sequence[Token]) -> Token:
    """Return the subject that names the speaker when the parse gives several.

    "Early opponent MP Tanya Davies said": a PERSON entity first, else the proper noun
    nearest the verb, else the first subject.
    """
    named = [t for t in subjects if t.ent_type_ == "PERSON"]
    if named:
        return named[0]
    proper = [t for t in subjects if t.pos_ == "PROPN"]
    if proper and len(subjects) > 1:
        return proper[-1]
    return subjects[0]


# How many tokens before a speech verb with no parsed subject we look for a name.
NAME_WINDOW = 6


def _name_before(cue: Token) -> Token | None:
    """Return the last token of a person's name just before ``cue`` in its sentence."""
    start = max(cue.sent.start, cue.i - NAME_WINDOW)
    for token in reversed(cue.doc[start : cue.i]):
        if token.ent_type_ == "PERSON":
            return token
    return None


def _is_inverted(cue: Token, obj: Token | None) -> bool:
    """Return True for "…", reads a press release: the object right after the verb."""
    if obj is None or obj.left_edge.i != cue.i + 1:
        return False
    before = cue.doc[max(0, cue.i - 2) : cue.i]
    return any(t.text in _CLOSING | _EITHER for t in before)


def _object_of(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _quoted_as(cue: Token, cues: QuoteCues) -> Token | None:
    """Return X in "quoted X as saying", where the speech verb hangs under "as"."""
    head = cue.head
    if cue.dep_ == "pcomp" and head.lower_ == "as":
        verb = head.head
        if verb.lemma_.lower() in cues.quoting_verbs:
            return _object_of(verb, "dobj")
    return None


def _author(subject: Token, cues: QuoteCues) -> Token:
    """Return the possessor of a document subject ("the judge's statement reads")."""
    if subject.lemma_.lower() not in cues.document_nouns:
        return subject
    if subject.lemma_.lower() in _PARTITIVE:
        of = next((c for c in subject.children if c.lower_ == "of"), None)
        whole = _object_of(of, "pobj") if of is not None else None
        if whole is not None:
            return _author(whole, cues)
    before = subject.doc[subject.left_edge.i : subject.i]
    for token in before:
        if token.dep_ == "poss":
            return token
    names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return names[-1]
    return _owner_below(subject) or subject


def _owner_below(subject: Token) -> Token | None:
    """Return a named owner below a document ("a tweet sent from Biden's account")."""
    stack = [c for c in subject.rights if c.dep_ in {"acl", "prep"}]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "poss" and token.pos_ == "PROPN":
            return token
        stack.extend(c for c in token.children if c.dep_ in _OWNER_DEPS)
    return None


_NAME_DEPS = {"appos", "conj", "compound", "prep", "pobj", "nmod", "npadvmod"}


def _name_region(head: Token) -> list[Token]:
    """Return the tokens hanging off ``head`` by name-like relations, nearest first.

    Apposition, compounds and prepositions count, and "named"/"called" participles ("a
    student named Wong").
    """
    region: list[Token] = []
    stack = [c for c in head.children if _is_name_link(c)]
    while stack:
        token = stack.pop(0)
        region.append(token)
        stack.extend(c for c in token.children if _is_name_link(c))
    return region


def _is_name_link(token: Token) -> bool:
    if token.dep_ in _NAME_DEPS:
        return True
    if token.dep_ == "acl":
        return token.lemma_.lower() in {"name", "call"}
    return token.dep_ in {"oprd", "attr"} and token.head.lemma_.lower() in {
        "name",
        "call",
    }


def _person_near(head: Token) -> Span | None:
    """Return the PERSON entity naming the subject: its own, or one in apposition."""
    for token in [head, *_name_region(head)]:
        if token.ent_type_ == "PERSON":
            return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return None


def _phrase(head: Token) -> Span:
    """Return the name part of a subject: its left modifiers and itself, no "the"."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in {"det", "punct", "cc", "predet"}:
        start += 1
    if any(t.tag_ in {"``", "''"} for t in doc[start : head.i]):
        start = head.i
    return doc[start : head.i + 1]


# --- indirect speech ------------------------------------------------------------------


def _indirect_quotes(
    parsed: Parsed, marked: Sequence[_Marked], resolver: _Resolver
) -> Iterator[Quote]:
    for token in parsed.doc:
        if (
            token.pos_ != "VERB"
            or token.lemma_.lower() not in resolver.cues.indirect_verbs
        ):
            continue
        if _inside(token, marked):
            continue
        for clause in token.children:
            span = _reported_clause(clause, marked)
            if span is None:
                continue
            paragraph = parsed.article.text.count("\n", 0, token.idx)
            speaker = resolver.speaker(token, paragraph, marked)
            yield _quote(parsed, span[0], span[1], QuoteKind.INDIRECT, speaker)


def _reported_clause(
    clause: Token, marked: Sequence[_Marked]
) -> tuple[int, int] | None:
    """Return the character span of a finite complement clause outside quote marks."""
    if clause.dep_ != "ccomp" or clause.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(c.dep_ in _SUBJECT_DEPS | {"csubj", "expl"} for c in clause.children):
        return None
    tokens = [
        t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)
    ]
    tokens = [t for t in tokens if not t.is_punct or t.tag_ in {"-LRB-", "-RRB-"}]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if any(m.open_mark < end and m.close_mark > start for m in marked):
        return None
    if clause.head.i > clause.i and clause.head.idx - end > 3:
        return None
    return start, end
