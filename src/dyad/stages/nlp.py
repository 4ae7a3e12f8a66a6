"""The nlp stage: run spaCy over cleaned articles and cut them into sentences.

Paragraph breaks are always sentence breaks: a newline in the cleaned text forces the
next token to start a sentence, so headlines and crossheads stay sentences of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from dyad.knowledge.actor_case import recase
from dyad.records import Article, Sentence
from dyad.settings import Settings

VERSION = "nlp.spacy.v1"

C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Parsed:
    """An article with its spaCy ``doc`` and sentences; lives only inside the pipeline."""

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence containing character ``offset``."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo].index if self.sentences else 0


def _force_paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after any newline as a sentence start (before the parser runs)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or "\n" in previous.text:
            token.is_sent_start = True
    return doc


PARAGRAPH_COMPONENT = "dyad_paragraphs"


def add_paragraph_breaker(nlp: Language) -> Language:
    """Insert the paragraph-break component before the parser, once (``Resources``
    does this when it loads the model)."""
    name = PARAGRAPH_COMPONENT
    if name not in nlp.pipe_names:
        if not Language.has_factory(name):
            Language.component(name, func=_force_paragraph_breaks)
        nlp.add_pipe(name, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def build_sentences(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """Return the sentences of ``doc`` with surrounding whitespace trimmed from the spans."""
    sentences: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            sentences.append(
                Sentence(
                    article_id=article.article_id,
                    index=len(sentences),
                    start=start,
                    end=end,
                )
            )
    return tuple(sentences)


_SHOUTED_SHARE = 0.8  # share of upper-case letters above which a line is "ALL CAPS"


_SHOUTED_MIN_LETTERS = 12  # … counted only on lines with this many letters


def text_for_parsing(text: str) -> str:
    """Return ``text`` with ALL-CAPS lines lower-cased, offsets unchanged (#11).

    The tagger reads a shouted line as a row of proper nouns ("IMPOSED/ADJ"); in lower
    case it parses as well as any lower-cased news. A line whose lower-cased form would
    change length is kept as it is, so character offsets stay those of the article.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        letters = [c for c in line if c.isalpha()]
        if len(letters) < _SHOUTED_MIN_LETTERS:
            continue
        upper = sum(c.isupper() for c in letters)
        lowered = line.lower()
        if upper >= _SHOUTED_SHARE * len(letters) and len(lowered) == len(line):
            lines[index] = lowered
    return "\n".join(lines)


def parsing_copy(
    text: str, data_dir: Path | None = None, actor_files: Sequence[Path] = ()
) -> str:
    """Return the same-length copy of ``text`` that the parser reads.

    A lower-cased or ALL-CAPS article gets its capitals restored (#10); otherwise a
    shouted line inside a cased article is lower-cased (#11). Offsets stay the article's,
    and records keep the article's own text. The names to restore come from the data
    files of ``data_dir`` and ``actor_files`` (``Settings``) when given.
    """
    restored = recase(text, data_dir, actor_files)
    return restored if restored is not text else text_for_parsing(text)


def parse_articles(
    nlp: Language,
    items: Iterable[tuple[Article, C]],
    *,
    batch_size: int = 32,
    settings: Settings | None = None,
) -> Iterator[tuple[Parsed, C]]:
    """Parse articles in batches, yielding each with its context in input order.

    ``nlp`` is used as it is, never changed (#9); it must hold the paragraph-break
    component, as ``Resources.nlp`` does. A lower-cased article is recased with the
    data files of ``settings`` (the packaged ones without).

    Raises:
        ValueError: the component is missing (this is a bug in the caller).
    """
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        raise ValueError(
            "the spaCy pipeline lacks the paragraph-break component; pass "
            "Resources.nlp or call add_paragraph_breaker once first (a bug)"
        )
    data_dir = settings.data_dir if settings else None
    actor_files = settings.actor_files if settings else ()
    pairs = (
        (parsing_copy(article.text, data_dir, actor_files), (article, context))
        for article, context in items
    )
    for doc, (article, context) in nlp.pipe(
        pairs, as_tuples=True, batch_size=batch_size
    ):
        parsed = Parsed(
            article=article, doc=doc, sentences=build_sentences(article, doc)
        )
        yield parsed, context
