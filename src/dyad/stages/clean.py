"""The clean stage: raw text in, cleaned article text out.

Cleaning works line by line, so that every decision is local and cleaning twice changes
nothing (``clean_text(clean_text(x).text) == clean_text(x)``):

1. normalise Unicode (NFC) and whitespace: line breaks become ``\\n``, other spaces one
   blank, zero-width and control characters go (quote characters are kept as written:
   the quotes stage relies on curly and straight quotes alike);
2. unwrap hard-wrapped paragraphs (only when the text separates paragraphs by blank
   lines);
3. cut over-long text at a line break before ``max_chars``;
4. move wire-credit lines ("Reuters, Bloomberg", "(AP)") into ``credits`` and drop page
   debris (the patterns of ``data/clean/boilerplate.yaml``, and lines with no letters);
5. join the remaining lines with ``\\n``: each line is a paragraph, headline or
   crosshead, and the nlp stage starts a new sentence at every ``\\n``.

Each removal is a ``Problem`` (``clean.boilerplate_removed``, ``clean.credit_moved``,
…); the language check adds ``language.not_english``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from dyad import dates, ids
from dyad.knowledge.clean import CleanRules
from dyad.records import Article, Problem, RawDocument

VERSION = "clean.lines.v1"
STAGE = "clean"
# Hard-wrapped text: share of a block's lines (all but its last) that must be 30-100
# characters long and not end a sentence before the block is unwrapped; calibrated on
# 72-column plain-text mail and wire copy versus one-paragraph-per-line web text.
WRAP_SHARE = 0.75
WRAP_MIN, WRAP_MAX = 30, 100
# How many characters of a line a problem message quotes.
QUOTE_CHARS = 80
# Characters of text the script check looks at (enough to tell, cheap to count).
SCRIPT_SAMPLE = 3000

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_BLANKS = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")
_CREDIT_SPLIT = re.compile(r"\s*(?:,|/|;|&|\band\b|\bwith\b)\s*", re.IGNORECASE)
_CREDIT_FRAME = " \t()[]-\u2013\u2014.:|"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The outcome of cleaning a text: the text, the credits moved out, the problems."""

    text: str
    credits: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    language: str = "en"


def clean_document(
    raw: RawDocument, *, rules: CleanRules, max_chars: int
) -> tuple[Article, tuple[Problem, ...]]:
    """Return the cleaned article of ``raw`` and the problems met (``raw``'s first).

    Never raises on any text.
    """
    cleaned = clean_text(raw.text, rules=rules, max_chars=max_chars)
    published, date_problems = _checked_published(raw.published)
    article = Article(
        article_id=ids.article_id(url=raw.url, text=cleaned.text, given=raw.doc_id),
        text=cleaned.text,
        title=raw.title,
        published=published,
        source=raw.source,
        url=raw.url,
        credits=cleaned.credits,
        language=cleaned.language,
    )
    return article, raw.problems + date_problems + cleaned.problems


def _checked_published(
    published: dt.date | None,
) -> tuple[dt.date | None, tuple[Problem, ...]]:
    """Drop a publication date no news report can have (#12: 0001-01-01, 9999-12-31)."""
    if published is None or dates.is_plausible_published(published):
        return published, ()
    message = (
        f"publication date {published.isoformat()} is outside "
        f"{dates.EARLIEST_PUBLISHED.year}-{dates.LATEST_PUBLISHED.year}; kept without date"
    )
    return None, (_problem("clean.date_out_of_range", message),)


def clean_text(text: str, *, rules: CleanRules, max_chars: int) -> CleanedText:
    """Return ``text`` cleaned, with the credits found and the problems met."""
    problems: list[Problem] = []
    text, removed = normalize_text(text)
    if removed:
        problems.append(
            _problem(
                "clean.control_characters", f"removed {removed} control character(s)"
            )
        )
    lines = _unwrap(text.split("\n")) if "\n\n" in text else text.split("\n")
    lines = _truncate(lines, max_chars, problems)
    kept: list[str] = []
    credits: list[str] = []
    for line in lines:
        if line:
            _sort_line(line, rules, kept, credits, problems)
    cleaned = "\n".join(kept)
    if not cleaned:
        problems.append(_problem("clean.empty_text", "no text is left after cleaning"))
    language = detect_language(cleaned, rules)
    if language != "en":
        problems.append(
            Problem(
                code="language.not_english",
                stage=STAGE,
                message=f"the text looks like '{language}', not "
                "English; results will be poor",
            )
        )
    return CleanedText(
        text=cleaned,
        credits=tuple(dict.fromkeys(credits)),
        problems=tuple(problems),
        language=language,
    )


def normalize_text(text: str) -> tuple[str, int]:
    """Return ``text`` with normalised Unicode and whitespace, and how many control
    characters were removed. Lines are stripped; blank lines are kept (as empty)."""
    text = _BREAKS.sub("\n", text).translate(_ZERO_WIDTH)
    text, removed = _CONTROL.subn("", text)
    text = unicodedata.normalize("NFC", text)
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines), removed


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs (blocks separated by blank lines)."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if _is_wrapped(block):
            out.append(" ".join(block))
        else:
            out.extend(block)
        out.append("")
        block = []
    return out


def _is_wrapped(block: list[str]) -> bool:
    if len(block) < 2:
        return False
    body = block[:-1]
    wrapped = sum(
        1
        for line in body
        if WRAP_MIN <= len(line) <= WRAP_MAX and not _SENTENCE_END.search(line)
    )
    return wrapped / len(body) >= WRAP_SHARE


def _truncate(lines: list[str], max_chars: int, problems: list[Problem]) -> list[str]:
    total, out = 0, list[str]()
    for line in lines:
        if total + len(line) > max_chars:
            room = max_chars - total
            if room > 0 and not out:  # one huge line: cut it at a space
                cut = line[:room].rsplit(" ", 1)[0] if " " in line[:room] else ""
                if cut:
                    out.append(cut)
            problems.append(
                _problem(
                    "clean.truncated",
                    f"the text was cut at {max_chars:,} characters (the size limit)",
                )
            )
            break
        out.append(line)
        total += len(line) + 1
    return out


def _sort_line(
    line: str,
    rules: CleanRules,
    kept: list[str],
    credits: list[str],
    problems: list[Problem],
) -> None:
    """Put ``line`` into the text, the credits, or the bin (with a problem)."""
    names = credit_names(line, rules)
    if names:
        credits.extend(names)
        problems.append(
            _problem(
                "clean.credit_moved", f"moved credit line {_quote(line)} into credits"
            )
        )
        return
    debris = debris_kind(line, rules)
    if debris is not None:
        problems.append(
            _problem(
                "clean.boilerplate_removed", f"removed {debris} line {_quote(line)}"
            )
        )
        return
    kept.append(line)


def credit_names(line: str, rules: CleanRules) -> tuple[str, ...]:
    """Return the agencies a credit line names ("Reuters, Bloomberg"), else ``()``."""
    if len(line) > 120:
        return ()
    body = line.strip(_CREDIT_FRAME)
    low = body.lower()
    for prefix in rules.credit_prefixes:
        if low.startswith(prefix + " ") or low.startswith(prefix + ":"):
            body = body[len(prefix) :].strip(_CREDIT_FRAME)
            break
    low = body.lower()
    for suffix in rules.credit_suffixes:
        if low.endswith(" " + suffix):
            body = body[: -len(suffix)].strip(_CREDIT_FRAME)
            break
    parts = [p.strip(_CREDIT_FRAME) for p in _CREDIT_SPLIT.split(body)]
    parts = [p for p in parts if p]
    if not parts:
        return ()
    found = [rules.agencies.get(p.lower()) for p in parts]
    if any(name is None for name in found):
        return ()
    unnamed = rules.unnamed_credits
    return tuple(name for name in found if name and name.lower() not in unnamed)


def debris_kind(line: str, rules: CleanRules) -> str | None:
    """Return the kind of page debris ``line`` is, or ``None`` for article text."""
    if not any(c.isalpha() for c in line):
        return "no_text"
    words = len(line.split())
    for pattern in rules.debris:
        if pattern.matches(line, words):
            return pattern.name
    return None


def detect_language(text: str, rules: CleanRules) -> str:
    """Return "en" when ``text`` reads as English (or is too short to tell), else the
    code of the language it most looks like ("und" when unknown)."""
    script = _main_script(text[:SCRIPT_SAMPLE], rules)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < rules.min_words:
        return "en"
    counts = Counter(words)
    shares = {
        lang: sum(counts[w] for w in vocab) / len(words)
        for lang, vocab in rules.function_words.items()
    }
    if shares.get("en", 0.0) >= rules.english_share:
        return "en"
    best = max(shares, key=lambda lang: shares[lang])
    return best if best != "en" and shares[best] >= rules.english_share else "und"


def _main_script(sample: str, rules: CleanRules) -> str | None:
    """The language of the sample's main non-Latin script, if most letters use one."""
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    non_latin: Counter[str] = Counter()
    for c in letters:
        if c.isascii():
            continue
        name = unicodedata.name(c, "")
        if not name.startswith("LATIN"):
            non_latin[name.split(" ")[0]] += 1
    if not non_latin:
        return None
    script, count = non_latin.most_common(1)[0]
    if count * 2 < len(letters):
        return None
    return rules.scripts.get(script, "und")


def _quote(line: str) -> str:
    return repr(line if len(line) <= QUOTE_CHARS else line[:QUOTE_CHARS] + "…")


def _problem(code: str, message: str) -> Problem:
    return Problem(code=code, message=message, stage=STAGE)


__all__ = [
    "VERSION",
    "CleanedText",
    "clean_document",
    "clean_text",
    "credit_names",
    "debris_kind",
    "detect_language",
    "normalize_text",
]
