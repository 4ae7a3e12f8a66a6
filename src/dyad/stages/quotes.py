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
from dataclasses import replace

from spacy.tokens import Token

from dyad import ids
from dyad.knowledge.grammar import Grammar, load_grammar
from dyad.knowledge.quotes import QuoteCues, load_quote_cues
from dyad.records import (
    Actor,
    Event,
    Mention,
    Problem,
    Quote,
    QuoteKind,
    StageResult,
)
from dyad.stages.nlp import Parsed
from dyad.stages.quote_marks import Marked, find_marked, inside
from dyad.stages.quote_speakers import Resolver, Speaker
from dyad.stages.quote_syntax import SUBJECT_DEPS

VERSION = "quotes.rules.v1"
CODER = VERSION
# A quote with no speech verb near it and no speaker to inherit is kept only when it is
# this long (in words); shorter ones are scare quotes or titles. Calibrated on Wikinews
# dev articles.
MIN_UNATTRIBUTED_WORDS = 6
# A quote of at most this many words, all capitalised, is a name or title ("The Lion
# Man", "Hurricane Hunters"), even next to a speech verb.
NAME_WORDS = 4
_FINITE = {"VBD", "VBZ", "VBP", "IN"}  # IN: "according (to)"


def extract_quotes(
    parsed: Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    cues: QuoteCues | None = None,
    grammar: Grammar | None = None,
) -> StageResult[Quote]:
    """Find quotations and attribute each to a speaker.

    ``cues`` and ``grammar`` default to the packaged ones; the runner passes those of
    ``Resources``.
    """
    vocab = cues or load_quote_cues()
    text = parsed.article.text
    marked, problems = find_marked(text, parsed.article.article_id)
    resolver = Resolver(parsed, actors, mentions, vocab, grammar or load_grammar())
    resolver.marked = marked
    indirect = list(_indirect_quotes(parsed, marked, resolver))
    resolver.reported = [
        (q.start, q.speaker_id) for q in indirect if q.speaker_id is not None
    ]
    records: list[Quote] = []
    previous: Speaker | None = None
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


def _is_mentioned_word(parsed: Parsed, span: Marked, vocab: QuoteCues) -> bool:
    """Return True for a word quoted as a word: the word "pandemic"."""
    if len(parsed.article.text[span.start : span.end].split()) > NAME_WORDS:
        return False
    before = parsed.article.text[: span.open_mark].split()
    return bool(before) and before[-1].lower() in vocab.mention_nouns


def _is_name(parsed: Parsed, span: Marked) -> bool:
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
    parsed: Parsed, start: int, end: int, kind: QuoteKind, speaker: Speaker | None
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


# --- speakers -------------------------------------------------------------------------


def _frame(parsed: Parsed, span: Marked, marked: Sequence[Marked]) -> list[Token]:
    """Return the tokens of the quote's sentences that lie outside every quotation."""
    doc = parsed.doc
    region = doc.char_span(span.open_mark, span.close_mark, alignment_mode="expand")
    if region is None:
        return []
    sentences = {region[0].sent.start, region[-1].sent.start}
    first = doc[min(sentences)].sent.start
    last = max(doc[s].sent.end for s in sentences)
    return [t for t in doc[first:last] if not inside(t, marked)]


def _is_cue(token: Token, vocab: QuoteCues) -> bool:
    if vocab.attribution_at(token) is not None:
        return True
    lemma = token.lemma_.lower()
    naming = lemma in vocab.naming_verbs and token.dep_ in {"acl", "amod", "relcl"}
    if naming and not _calls_on(token, vocab):
        return False
    if lemma in vocab.publishing_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in vocab.document_nouns
        for c in token.children
    ):
        return True  # "the Department issued a statement: …"
    return token.pos_ in {"VERB", "AUX"} and lemma in vocab.speech_verbs


def _calls_on(token: Token, vocab: QuoteCues) -> bool:
    """Return True for "called on (drivers) to" or "called for": an appeal."""
    return token.lemma_.lower() == "call" and any(
        c.dep_ in {"prep", "prt"} and c.lower_ in vocab.appeal_particles
        for c in token.children
    )


def _direct_speaker(
    parsed: Parsed, span: Marked, marked: Sequence[Marked], resolver: Resolver
) -> Speaker | None:
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
    parsed: Parsed, span: Marked, cues: Sequence[Token]
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
    parsed: Parsed, span: Marked, marked: Sequence[Marked], resolver: Resolver
) -> Speaker | None:
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
        if t.i + 1 < len(t.doc) and _is_cue(t, resolver.cues) and not inside(t, marked)
    ]
    finite = [t for t in cues if _is_finite(t)]
    if not finite:
        return None
    speaker = resolver.speaker(finite[-1], span.paragraph, marked)
    return speaker if speaker.text is not None else None


def _distance(token: Token, span: Marked) -> int:
    if token.idx >= span.close_mark:
        return token.idx - span.close_mark
    return max(0, span.open_mark - token.idx)


def _inherited(
    span: Marked, before: Marked | None, previous: Speaker | None
) -> Speaker | None:
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


# --- indirect speech ------------------------------------------------------------------


def _indirect_quotes(
    parsed: Parsed, marked: Sequence[Marked], resolver: Resolver
) -> Iterator[Quote]:
    for token in parsed.doc:
        if (
            token.pos_ != "VERB"
            or token.lemma_.lower() not in resolver.cues.indirect_verbs
        ):
            continue
        if inside(token, marked):
            continue
        for clause in token.children:
            span = _reported_clause(clause, marked)
            if span is None:
                continue
            paragraph = parsed.article.text.count("\n", 0, token.idx)
            speaker = resolver.speaker(token, paragraph, marked)
            yield _quote(parsed, span[0], span[1], QuoteKind.INDIRECT, speaker)


def _reported_clause(clause: Token, marked: Sequence[Marked]) -> tuple[int, int] | None:
    """Return the character span of a finite complement clause outside quote marks."""
    if clause.dep_ != "ccomp" or clause.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(c.dep_ in SUBJECT_DEPS | {"csubj", "expl"} for c in clause.children):
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
