"""Sentences not in English, by the function words of ``data/actors/non-mentions.yaml``.

Private helper of ``stages/actor_nonmentions.py``. English news quotes blog posts,
tweets and statements in their own language; the English parser tags their words as
names ("Si el", "Centenas morrem de") and the actors stage would code them. A sentence
or a line is taken as not English when

- most of its words are written in another script than the Latin alphabet, or
- it has at least ``MIN_FOREIGN`` function words of other Latin-alphabet languages and
  more of them than English function words (spaCy's English stop words).

Counting works on the text with one regular expression, not on tokens, and an article
without enough foreign words at all is not looked at sentence by sentence.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

MIN_FOREIGN = 3  # fewer is a borrowed phrase or a name ("en route", "de facto")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_END = "\u02af"  # Basic Latin to IPA Extensions
_LATIN_EXTRA = ("\u1e00", "\u1eff")  # Latin Extended Additional (Vietnamese)


def foreign_sentence_tokens(doc: Doc, foreign: frozenset[str]) -> set[int]:
    """Return the tokens of every sentence of ``doc`` that is not in English: foreign
    itself, or in a foreign paragraph (line) and with no more English function words
    than foreign ones (a short line of a quoted post: "O que é isso?"). ``foreign`` is
    the function words of other languages (``ActorKB.foreign_words``)."""
    text = doc.text
    if not _may_hold_foreign(text, foreign):
        return set()
    lines = _foreign_lines(text, foreign)
    out: set[int] = set()
    for sent in doc.sents:
        theirs, ours, other = _counts(text[sent.start_char : sent.end_char], foreign)
        if _judge(theirs, ours, other) or (
            _in_any(sent.start_char, lines) and theirs >= ours
        ):
            out.update(range(sent.start, sent.end))
    return out


def is_foreign(text: str, foreign: frozenset[str]) -> bool:
    """Whether ``text`` (a sentence or a paragraph) is in another language than
    English."""
    return _judge(*_counts(text, foreign))


def _judge(theirs: int, ours: int, other: int) -> bool:
    return other > 0 or (theirs >= MIN_FOREIGN and theirs > ours)


def _counts(text: str, foreign: frozenset[str]) -> tuple[int, int, int]:
    """Foreign and English function words of ``text``, and 1 when most words are in
    another script (else 0). A foreign word right before a capitalised word is a
    particle of a name ("Miguel de la Madrid", "Hernández del Castillo") and does not
    count."""
    words = _WORD.findall(text)
    if not words:
        return 0, 0, 0
    other = int(sum(not _latin(w[0]) for w in words) * 2 > len(words))
    theirs = ours = 0
    for i, word in enumerate(words):
        low = word.lower()
        if low in STOP_WORDS:
            ours += 1
        elif low in foreign and not (i + 1 < len(words) and words[i + 1][0].isupper()):
            theirs += 1
    return theirs, ours, other


def _foreign_lines(text: str, foreign: frozenset[str]) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the lines of ``text`` that are foreign."""
    found, start = [], 0
    for line in text.split("\n"):
        if is_foreign(line, foreign):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _in_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _may_hold_foreign(text: str, foreign: frozenset[str]) -> bool:
    """Cheap test of the whole article: another script, or enough foreign words."""
    if not text.isascii() and any(not _latin(c) for c in text if c.isalpha()):
        return True
    words = _WORD.findall(text.lower())
    return sum(w in foreign for w in words) >= MIN_FOREIGN


def _latin(ch: str) -> bool:
    return ch <= _LATIN_END or _LATIN_EXTRA[0] <= ch <= _LATIN_EXTRA[1]


__all__ = ["foreign_sentence_tokens", "is_foreign"]
