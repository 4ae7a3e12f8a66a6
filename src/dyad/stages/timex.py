"""The timex stage: find time expressions, normalise them against the publication date.

Candidates come from one precompiled pattern (``knowledge/timex.py``); the spaCy parse
decides what the pattern cannot: whether a bare year or an ambiguous month name ("May")
is a date, and whether an underspecified expression ("on Wednesday", "in February", "a
September meeting") points to the past or the future, from the tense and modality of the
clause that governs it. In a lower-cased or ALL-CAPS article month and weekday names are
taken in any case; a lower-case "may" or "march" that the parse reads as a verb is not a
month. Values follow DESIGN.md; with no publication date, relative
expressions get ``value=None`` and the clock is never read.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from dyad import dates, ids
from dyad.knowledge.actor_case import is_caseless, is_shouting
from dyad.knowledge.grammar import Grammar, load_grammar
from dyad.knowledge.timex import (
    EXPLICIT_KINDS,
    MONTH_GROUPS,
    TimexLexicon,
    load_timex_lexicon,
)
from dyad.records import Precision, Problem, StageResult, TimeExpr
from dyad.stages.nlp import Parsed
from dyad.stages.timex_values import RESOLVERS, Context

VERSION = "timex.rules.v1"
CODER = VERSION
# How many clause heads above the expression we look at for future markers when the
# nearest verb is in the present tense ("when they attend a September meeting" under
# "could lead"); calibrated on the sample article and Wikinews dev articles.
MAX_CLAUSE_CLIMB = 3
_CLAUSE_DEPS = {"advcl", "xcomp", "ccomp", "conj", "relcl", "pcomp", "acl"}
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj"}


def find_times(
    parsed: Parsed,
    *,
    lexicon: TimexLexicon | None = None,
    grammar: Grammar | None = None,
) -> StageResult[TimeExpr]:
    """Find time expressions and normalise them against the publication date.

    ``lexicon`` and ``grammar`` default to the packaged ones; the runner passes those of
    ``Resources``.
    """
    lex = lexicon or load_timex_lexicon()
    words = grammar or load_grammar()
    article = parsed.article
    records: list[TimeExpr] = []
    problems: list[Problem] = []
    reference = article.published
    last_date = article.published
    caseless = is_caseless(article.text) or is_shouting(article.text)
    pattern = lex.caseless_pattern if caseless else lex.pattern
    for match in pattern.finditer(article.text):
        kind = match.lastgroup or ""
        start, end = _trimmed_span(match, kind)
        span = parsed.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _is_time(kind, match, span, lex):
            continue
        if caseless and _month_read_as_verb(match, span, lex):
            continue
        direction = _direction(span, lex, words)
        if _previous_word(span) in lex.open_prepositions:
            direction = "nearest"
        context = Context(article.published, direction, lex, reference, last_date)
        value, precision, covered = _resolve(kind, match, context)
        if precision is Precision.DAY and covered is not None:
            reference = covered[0]
        if covered is not None:
            last_date = covered[0]
        if precision is None:
            problems.append(_unparseable(match, start, end))
            continue
        records.append(_record(parsed, start, end, value, precision))
    return StageResult(records=tuple(records), problems=tuple(problems))


def _resolve(
    kind: str, match: re.Match[str], context: Context
) -> tuple[str | None, Precision | None, tuple[dt.date, dt.date] | None]:
    """Return the value, precision and covered days of one candidate.

    Arithmetic that leaves the calendar (``99999 years ago``, or any shift from a
    publication date near year 1 or 9999) resolves to nothing, never raises (#12).
    """
    try:
        value, precision = RESOLVERS[kind](match, context)
        covered = dates.value_range(value) if value is not None else None
    except (OverflowError, ValueError):
        return None, None, None
    if value is not None and not dates.is_valid_value(value):
        return None, None, None
    return value, precision, covered


def _record(
    parsed: Parsed, start: int, end: int, value: str | None, precision: Precision
) -> TimeExpr:
    article = parsed.article
    return TimeExpr(
        article_id=article.article_id,
        time_id=ids.time_id(article.article_id, start, end),
        text=article.text[start:end],
        start=start,
        end=end,
        sentence_index=parsed.sentence_of(start),
        value=value,
        precision=precision,
        anchor=article.published,
        coder=CODER,
    )


def _unparseable(match: re.Match[str], start: int, end: int) -> Problem:
    return Problem(
        code="timex.unparseable",
        message=f"time expression {match.group()!r} names no real date",
        stage="timex",
        start=start,
        end=end,
    )


def _trimmed_span(match: re.Match[str], kind: str) -> tuple[int, int]:
    start, end = match.span(kind)
    text = match.string
    while end > start and text[end - 1] in ",. ":
        end -= 1
    return start, end


# --- which candidates are dates -------------------------------------------------------


def _previous_word(span: Span) -> str:
    if span.start == 0:
        return ""
    return span.doc[span.start - 1].lower_


def _is_time(kind: str, match: re.Match[str], span: Span, lex: TimexLexicon) -> bool:
    if kind not in EXPLICIT_KINDS and span.root.ent_type_ in lex.name_entities:
        return False
    if kind == "year":
        if _is_count(span) or _is_in_name(span, lex):
            return False
        return (
            span.root.ent_type_ == "DATE"
            or _previous_word(span) in lex.year_prepositions
        )
    if kind == "month":
        if not lex.is_ambiguous_month(match.group("month")):
            return True
        return (
            span.root.ent_type_ == "DATE"
            or _previous_word(span) in lex.month_prepositions
        )
    if kind == "season":
        has_detail = match.group("s_mod") or match.group("s_y")
        return (
            bool(has_detail)
            or _previous_word(span) == "the"
            or span.root.ent_type_ == "DATE"
        )
    if kind == "wday":
        return _previous_word(span) not in lex.weekday_name_words
    return True


def _month_read_as_verb(match: re.Match[str], span: Span, lex: TimexLexicon) -> bool:
    """Return True when an uncapitalised ambiguous month name of ``match`` is parsed as
    a modal or verb ("police may hold", "they march 3 km"): in caseless text only the
    parse tells "may" the month from "may" the modal."""
    for group in MONTH_GROUPS:
        name = match.group(group)
        if not name or name.istitle() or not lex.is_ambiguous_month(name):
            continue
        word = span.doc.char_span(
            match.start(group), match.end(group), alignment_mode="expand"
        )
        if word is not None and (word.root.tag_ == "MD" or word.root.pos_ == "VERB"):
            return True
    return False


def _is_in_name(span: Span, lex: TimexLexicon) -> bool:
    """Return True for a year inside a name ("Reform Bill 2019", "Expo 2020")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (
        before.is_title
        and not before.is_sent_start
        and before.text not in lex.months
        and before.text not in lex.weekdays
    )


def _is_count(span: Span) -> bool:
    """Return True for a number counting a plural noun ("1885 aftershocks")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].tag_ not in {"NNS", "NNPS"}:
        return False
    if span.start == 0:
        return True
    before = doc[span.start - 1]
    return before.pos_ not in {"DET", "ADP", "PRON"} and before.tag_ != "POS"


# --- past or future -------------------------------------------------------------------


def _verb_tense(verb: Token, via: Token, lex: TimexLexicon, grammar: Grammar) -> str:
    """Return past, present, future or nearest for a verb from its tag and auxiliaries.

    ``via`` is the child of ``verb`` the time expression hangs from. ``nearest`` is for
    modals and for plans stated in the past tense ("was expected to", "would"): they
    look forward from a moment that may itself lie before publication.
    """
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    past_marked = (
        bool(words & (grammar.past_auxiliaries | grammar.perfect_auxiliaries))
        or verb.tag_ == "VBD"
    )
    if words & lex.future_auxiliaries and not (verb.lower_ == "going" and past_marked):
        return "future"
    if words & lex.open_auxiliaries or "to" in words:
        return "nearest"  # modals and infinitives ("to be held on August 9")
    lemma = verb.lemma_.lower()
    scheduled = lemma in lex.schedule_verbs or verb.lower_ in lex.future_words
    planned = lemma in lex.future_verbs and via.dep_ in _COMPLEMENT_DEPS
    if scheduled or planned:
        return "nearest" if past_marked else "future"
    if past_marked or (verb.tag_ == "VBN" and not auxes):
        return "past"
    return "present"


def _marked_words(token: Token, lex: TimexLexicon) -> str | None:
    """Return future/past when a word on or beside ``token`` says so ("planned")."""
    words = [token.lower_] + [
        c.lower_ for c in token.children if c.dep_ in {"amod", "advmod"}
    ]
    if any(w in lex.future_words for w in words):
        return "future"
    if token.lemma_.lower() in lex.plan_nouns:
        return "future"
    if any(w in lex.past_words for w in words[1:]):
        return "past"
    return None


def _direction(span: Span, lex: TimexLexicon, grammar: Grammar) -> str:
    """Return past, present or future for the clause governing ``span``."""
    token: Token = span.root
    climbed = 0
    result = "present"
    while True:
        head = token.head
        if head.i == token.i:
            return result
        via, token = token, head
        if token.pos_ not in {"VERB", "AUX"}:
            marked = _marked_words(token, lex)
            if marked is not None:
                return marked
            continue
        tense = _verb_tense(token, via, lex, grammar)
        if tense != "present" or climbed >= MAX_CLAUSE_CLIMB:
            return tense if tense != "present" else result
        climbed += 1
        if token.dep_ not in _CLAUSE_DEPS:
            return result
