"""Finding knowledge-base names in a document, whatever its case, and the text around
articles that never names an actor (datelines, interview labels, bylines).

Private helper of ``stages/actors.py``.

Case: an article is *cased* (ordinary news), *lower* (lower-cased text, common in
scraped and archived corpora) or *upper* (ALL CAPS). In cased text names match on their
exact characters, and runs of ALL-CAPS words (headlines, "WASHINGTON") also match
case-insensitively; in lower and upper text every word matches case-insensitively.
A case-insensitive match of an ambiguous word (``ambiguous_lower``: "us", "who") counts
only after "the" or before a title, group noun or institution ("the us", "us officials").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum

from spacy.tokens import Doc

from dyad.knowledge.actor_case import is_caseless
from dyad.knowledge.actors import ActorKB, Hit, fold
from dyad.records import ActorKind
from dyad.stages.actor_context import KbSpan

# Share of alphabetic tokens starting with a capital below which an article counts as
# lower-cased: ordinary English news runs at 12-25 %, sentence-cased text without
# capitalised names at about 5 %; a whole lower-cased article at 0 %.
LOWER_CASE_SHARE = 0.04
# Share of alphabetic tokens written ALL CAPS above which an article counts as upper.
UPPER_CASE_SHARE = 0.6
_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<place>[A-Z][A-Z'.\u2019-]+(?:[ ][A-Z][A-Z'.\u2019-]+){0,3})   # NUSA DUA
    (?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+){0,2})?                       # , Indonesia
    (?:[ ]?\([^)\n]{1,40}\))?                                          # (Reuters)
    (?:,?[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?)?               # , May 5
    [ ]*(?:--|[-\u2013\u2014:])[ ]""",
    re.MULTILINE | re.VERBOSE,
)
_BYLINE = re.compile(r"^[ \t]*((?:By|BY)[ ][A-Z][^\n.!?]{1,50})$", re.MULTILINE)
# Interview transcripts mark the speaker of each answer "((WN))", "((Jimmy Wales))".
_SPEAKER = re.compile(r"^[ \t]*(\(\([^()\n]{1,40}\)\))", re.MULTILINE)
_LABEL = re.compile(
    r"^[ \t]*([A-Z][\w.'\u2019-]*(?:[ ][A-Z][\w.'\u2019-]*){0,3})[ ]?:[ ]", re.MULTILINE
)


class Casing(StrEnum):
    """How an article is written."""

    CASED = "cased"
    LOWER = "lower"
    UPPER = "upper"


def casing_of(texts: Sequence[str], text: str) -> Casing:
    """Return the casing of an article from its token texts and its own text (the
    parse may come from a recased copy, ``knowledge/actor_case.py``)."""
    if is_caseless(text):
        return Casing.LOWER
    alpha = [t for t in texts if t[:1].isalpha()]
    if not alpha:
        return Casing.CASED
    if sum(t[:1].isupper() for t in alpha) < LOWER_CASE_SHARE * len(alpha):
        return Casing.LOWER
    if sum(t.isupper() and len(t) > 1 for t in alpha) > UPPER_CASE_SHARE * len(alpha):
        return Casing.UPPER
    return Casing.CASED


def kb_spans(
    doc: Doc, kb: ActorKB, words: Sequence[str], casing: Casing
) -> list[KbSpan]:
    """Longest non-overlapping runs of tokens whose joined text is a KB name."""
    folded = [fold(word) for word in words]
    spans = _scan(doc, folded, kb.lookup_key, kb.is_name_prefix, None)
    spans = [s for s in spans if not _in_other_place(doc, kb, s)]
    if casing is Casing.CASED:
        allowed = [_is_caps_word(w) for w in words]
        if not any(allowed):
            return spans
    else:
        allowed = [True] * len(words)
    for span in spans:
        for i in range(span.start, span.end):
            allowed[i] = False
    lower = [w.lower() for w in folded]
    extra = _scan(doc, lower, kb.lookup_lower_key, kb.is_lower_prefix, allowed)
    extra = [s for s in extra if not _is_ambiguous(doc, kb, lower, s)]
    extra = [s for s in extra if not _in_other_place(doc, kb, s)]
    found = (_in_context(doc, kb, s) for s in (*spans, *extra))
    kept = sorted((s for s in found if s.hits), key=lambda s: s.start)
    return _drop_name_tails(doc, kb, kept)


def _drop_name_tails(doc: Doc, kb: ActorKB, spans: list[KbSpan]) -> list[KbSpan]:
    """Drop organisation names that end a longer name the parser reads as one
    organisation, whose first words are no KB name ("Democratic Party" of "the Social
    Democratic Party"): that is another body. "Chinese Communist Party" keeps its
    "Communist Party" (the state word before it is a KB name)."""
    if not doc.ents:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    ent_of = {
        t: e for e in doc.ents if e.label_ == "ORG" for t in range(e.start, e.end)
    }
    out = []
    for span in spans:
        ent = ent_of.get(span.start)
        entry = kb.entries.get(span.hits[0].kb_id)
        first = ent.start + (doc[ent.start].pos_ == "DET") if ent is not None else 0
        if (
            ent is not None
            and entry is not None
            and entry.kind in (ActorKind.ORGANIZATION, ActorKind.GROUP)
            and first < span.start
            and ent.end == span.end
            and not any(i in covered for i in range(first, span.start))
            and all(
                t.text[:1].isupper() and t.pos_ == "PROPN"
                for t in doc[first : span.start]
            )
        ):
            continue
        out.append(span)
    return out


def _in_other_place(doc: Doc, kb: ActorKB, span: KbSpan) -> bool:
    """True when a state's name or demonym is one word of a longer place name of
    another state ("British" of "British Columbia", "Mexico" of "New Mexico")."""
    entry = kb.entries.get(span.hits[0].kb_id)
    if entry is None or entry.kind is not ActorKind.STATE:
        return False
    for start, end in ((span.start, span.end + 1), (span.start - 1, span.end)):
        if start < 0 or end > len(doc):
            continue
        code = kb.place_state(doc[start:end].text)
        if code is not None and code != entry.code:
            return True
    return False


def _in_context(doc: Doc, kb: ActorKB, span: KbSpan) -> KbSpan:
    """Put first the hit whose ``context`` words the sentence holds, when a name has
    several ("RSF" near "journalists" is Reporters Without Borders). An acronym of an
    entry with ``context`` words counts as that entry only when the sentence holds one
    ("CCTV" near "broadcaster", not CCTV footage of a street): without, its hit is
    dropped, and the span with it when no other hit remains."""
    sentence = doc[span.start].sent if doc.has_annotation("SENT_START") else doc
    words = {t.lower_ for t in sentence}
    if _is_acronym(doc, span):
        kept = tuple(h for h in span.hits if _fits(kb, h, words))
        span = KbSpan(span.start, span.end, kept)
    for hit in span.hits[1:]:
        entry = kb.entries.get(hit.kb_id)
        if entry is not None and entry.context & words:
            rest = tuple(h for h in span.hits if h is not hit)
            return KbSpan(span.start, span.end, (hit, *rest))
    return span


def _is_acronym(doc: Doc, span: KbSpan) -> bool:
    text = doc[span.start : span.end].text
    return span.end - span.start == 1 and text.isalpha() and not text.istitle()


def _fits(kb: ActorKB, hit: Hit, words: set[str]) -> bool:
    entry = kb.entries.get(hit.kb_id)
    return entry is None or not entry.context or bool(entry.context & words)


def _after_indefinite(kb: ActorKB, lower: Sequence[str], span: KbSpan) -> bool:
    """A one-word name other than a state's, after "a" or "an", is an ordinary word."""
    if span.end - span.start != 1 or span.start == 0:
        return False
    if lower[span.start - 1] not in ("a", "an"):
        return False
    entry = kb.entries.get(span.hits[0].kb_id)
    return entry is None or entry.kind is not ActorKind.STATE


def _is_caps_word(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 3


def _scan(
    doc: Doc,
    keys: Sequence[str],
    lookup: Callable[[str], tuple[Hit, ...]],
    is_prefix: Callable[[str], bool],
    allowed: Sequence[bool] | None,
) -> list[KbSpan]:
    spans: list[KbSpan] = []
    i, n = 0, len(keys)
    while i < n:
        if allowed is not None and not allowed[i]:
            i += 1
            continue
        best, key, j = None, keys[i], i
        while is_prefix(key):
            hits = lookup(key)
            if hits:
                best = KbSpan(i, j + 1, hits)
            j += 1
            if j >= n or "\n" in doc[j - 1].whitespace_:
                break
            if allowed is not None and not allowed[j]:
                break
            key += (" " if doc[j - 1].whitespace_ else "") + keys[j]
        if best is not None:
            spans.append(best)
            i = best.end
        else:
            i += 1
    return spans


def _is_ambiguous(doc: Doc, kb: ActorKB, lower: Sequence[str], span: KbSpan) -> bool:
    """An ordinary word matched without its capitals and without supporting context."""
    key = " ".join(lower[span.start : span.end])
    if _after_indefinite(kb, lower, span):
        return True  # "a total of", "a shell": a name takes no "a"; "an Australian" may
    if key not in kb.ambiguous_lower:
        return False
    if span.start > 0 and lower[span.start - 1] == "the":
        return False
    if span.end < len(lower):
        after = lower[span.end]
        if (
            after in ("'s", "-led", "-backed")
            or kb.title_info(after) is not None
            or kb.modified_group_sector(after) is not None
            or kb.institution_sector(after) is not None
        ):
            return False
    return True


def furniture_tokens(doc: Doc, casing: Casing) -> set[int]:
    """Tokens of datelines, interview speaker labels and bylines: never actors.

    A dateline is a line-initial ALL-CAPS place with an optional state, agency and date
    before a dash ("NUSA DUA, Indonesia (Reuters) - ", "WASHINGTON -"); the places
    stage reads it as the place of the report. A label is up to four words at the start
    of a line before a colon ("WN:", "Jimmy Wales:") or in double parentheses ("((WN))").
    In lower-cased text the same shapes are read without their capitals.
    """
    flags = re.IGNORECASE if casing is Casing.LOWER else 0
    text = doc.text
    spans = [
        (m.start("place"), m.end())
        for m in re.finditer(_DATELINE.pattern, text, _DATELINE.flags | flags)
    ]
    for pattern in (_BYLINE, _LABEL, _SPEAKER):
        found = re.finditer(pattern.pattern, text, pattern.flags | flags)
        spans += [(m.start(1), m.end(1)) for m in found]
    out: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


__all__ = ["Casing", "casing_of", "furniture_tokens", "kb_spans"]
