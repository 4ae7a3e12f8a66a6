"""Quote marks: the quoted stretches of a text, paragraph by paragraph (quotes stage).

An unbalanced mark never runs past its paragraph; it becomes a ``quotes.unbalanced``
problem. A quote that runs on into a paragraph opening with a new mark continues there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from dyad.records import Problem

_OPENING = {"“", "„"}
CLOSING = {"”"}
EITHER = {'"'}
_TRAILING = {",", ";", ":"}


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: ``[start, end)`` inside the marks, and where the marks are."""

    start: int
    end: int
    open_mark: int
    close_mark: int  # position just after the closing mark (or the paragraph end)
    paragraph: int
    runs_on: bool  # no closing mark: the quote continues in the next paragraph
    opens_paragraph: bool


# --- quote marks ----------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _starts_with_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in _OPENING | EITHER


def find_marked(text: str, article_id: str) -> tuple[list[Marked], list[Problem]]:
    marked: list[Marked] = []
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
) -> tuple[list[Marked], list[int]]:
    """Return the quoted stretches of one paragraph and the positions of stray marks."""
    found: list[Marked] = []
    stray: list[int] = []
    open_at: int | None = None
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    for position in range(start, end):
        char = text[position]
        if char in _OPENING or (char in EITHER and open_at is None):
            if open_at is not None:
                stray.append(open_at)
            open_at = position
        elif char in CLOSING or char in EITHER:
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
) -> Iterator[Marked]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    if end > start:
        yield Marked(
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


def inside(token: Token, marked: Sequence[Marked]) -> bool:
    return any(m.open_mark <= token.idx < m.close_mark for m in marked)
