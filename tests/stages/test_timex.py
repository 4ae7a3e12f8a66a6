"""The timex stage on hand-built parses, plain tokenised text and the seed article."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from dyad import dates
from dyad.records import Article, Precision, RawDocument
from dyad.stages.nlp import Parsed, build_sentences
from dyad.stages.timex import find_times

JUNE_15 = dt.date(2023, 6, 15)  # a Thursday
NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")

# A token: (text, head offset, dep, pos, tag, lemma); heads are relative (0 = itself).
Tok = tuple[str, int, str, str, str, str]


def parse(tokens: list[Tok], published: dt.date | None = JUNE_15) -> Parsed:
    """Build a Parsed article from tokens with relative heads, as a parser would."""
    words = [t[0] for t in tokens]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))
    ]
    doc = Doc(
        NLP.vocab,
        words=words,
        spaces=spaces,
        heads=[i + t[1] for i, t in enumerate(tokens)],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        tags=[t[4] for t in tokens],
        lemmas=[t[5] for t in tokens],
    )
    article = Article(article_id="h1", text=doc.text, published=published)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def plain(text: str, published: dt.date | None = JUNE_15) -> Parsed:
    """Tokenise ``text`` without a parser (every token heads itself)."""
    doc = NLP(text)
    article = Article(article_id="h1", text=text, published=published)
    return Parsed(article=article, doc=doc, sentences=build_sentences(article, doc))


def values(parsed: Parsed) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(parsed).records]


def said_on(day: str, *, future: bool = False) -> Parsed:
    """ "Officials said on <day>." or "Officials will meet on <day>."."""
    if future:
        return parse(
            [
                ("Officials", 2, "nsubj", "NOUN", "NNS", "official"),
                ("will", 1, "aux", "AUX", "MD", "will"),
                ("meet", 0, "ROOT", "VERB", "VB", "meet"),
                ("on", -1, "prep", "ADP", "IN", "on"),
                (day, -1, "pobj", "PROPN", "NNP", day),
                (".", -3, "punct", "PUNCT", ".", "."),
            ]
        )
    return parse(
        [
            ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("on", -1, "prep", "ADP", "IN", "on"),
            (day, -1, "pobj", "PROPN", "NNP", day),
            (".", -3, "punct", "PUNCT", ".", "."),
        ]
    )


def test_weekday_in_past_reporting_is_the_most_recent_one() -> None:
    assert values(said_on("Wednesday")) == [("Wednesday", "2023-06-14")]


def test_weekday_equal_to_publication_day_is_that_day() -> None:
    assert values(said_on("Thursday")) == [("Thursday", "2023-06-15")]
    assert values(said_on("Thursday", future=True)) == [("Thursday", "2023-06-15")]


def test_weekday_in_future_context_is_the_next_one() -> None:
    assert values(said_on("Wednesday", future=True)) == [("Wednesday", "2023-06-21")]


def month_clause(month: str, *, aux: str | None, verb: tuple[str, str, str]) -> Parsed:
    """ "They <aux> <verb> in <month>."."""
    tokens: list[Tok] = [("They", 2 if aux else 1, "nsubj", "PRON", "PRP", "they")]
    if aux:
        tokens.append((aux, 1, "aux", "AUX", "MD", aux))
    tokens += [
        (verb[0], 0, "ROOT", "VERB", verb[1], verb[2]),
        ("in", -1, "prep", "ADP", "IN", "in"),
        (month, -1, "pobj", "PROPN", "NNP", month),
        (".", -3, "punct", "PUNCT", ".", "."),
    ]
    return parse(tokens)


@pytest.mark.parametrize(
    ("month", "aux", "verb", "expected"),
    [
        ("February", None, ("met", "VBD", "meet"), "2023-02"),
        ("November", None, ("met", "VBD", "meet"), "2022-11"),
        ("February", "will", ("meet", "VB", "meet"), "2024-02"),
        ("November", "will", ("meet", "VB", "meet"), "2023-11"),
        ("September", "could", ("meet", "VB", "meet"), "2023-09"),
        ("June", None, ("met", "VBD", "meet"), "2023-06"),
    ],
    ids=[
        "past-earlier",
        "past-later",
        "future-earlier",
        "future-later",
        "modal-nearest",
        "this-month",
    ],
)
def test_bare_month_direction_follows_the_tense(
    month: str, aux: str | None, verb: tuple[str, str, str], expected: str
) -> None:
    assert values(month_clause(month, aux=aux, verb=verb)) == [(month, expected)]


def test_month_under_a_plan_points_forward() -> None:
    parsed = parse(
        [
            ("They", 1, "nsubj", "PRON", "PRP", "they"),
            ("plan", 0, "ROOT", "VERB", "VBP", "plan"),
            ("a", 2, "det", "DET", "DT", "a"),
            ("February", 1, "compound", "PROPN", "NNP", "February"),
            ("summit", -3, "dobj", "NOUN", "NN", "summit"),
            (".", -4, "punct", "PUNCT", ".", "."),
        ]
    )
    assert values(parsed) == [("February", "2024-02")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        (
            "It fell on Jan. 4, 2019 at noon.",
            "Jan. 4, 2019",
            "2019-01-04",
            Precision.DAY,
        ),
        ("It fell on 4 January 2019.", "4 January 2019", "2019-01-04", Precision.DAY),
        ("It fell on 2019-01-04.", "2019-01-04", "2019-01-04", Precision.DAY),
        (
            "Friday, January 4, 2019\n\nA building fell.",
            "Friday, January 4, 2019",
            "2019-01-04",
            Precision.DAY,
        ),
        ("In January 2019 it fell.", "January 2019", "2019-01", Precision.MONTH),
        ("The deal is due by mid-2024.", "mid-2024", "2024", Precision.YEAR),
        ("Sales fell in Q3 2022.", "Q3 2022", "2022-Q3", Precision.QUARTER),
        ("It happened yesterday.", "yesterday", "2023-06-14", Precision.DAY),
        ("It happened two weeks ago.", "two weeks ago", "2023-W22", Precision.WEEK),
        ("It happened last week.", "last week", "2023-W23", Precision.WEEK),
        ("It happens next month.", "next month", "2023-07", Precision.MONTH),
        ("It happened last year.", "last year", "2022", Precision.YEAR),
        ("It happened earlier this year.", "earlier this year", "2023", Precision.YEAR),
        (
            "Talks in the coming months.",
            "the coming months",
            "FUTURE_REF",
            Precision.VAGUE,
        ),
        (
            "It rose in the second quarter.",
            "second quarter",
            "2023-Q2",
            Precision.QUARTER,
        ),
        ("Since 1997 it grew.", "1997", "1997", Precision.YEAR),
        (
            "He left in March of this year.",
            "March of this year",
            "2023-03",
            Precision.MONTH,
        ),
    ],
)
def test_common_forms_are_normalised(
    text: str, surface: str, value: str, precision: Precision
) -> None:
    found = find_times(plain(text)).records
    assert [(t.text, t.value, t.precision) for t in found] == [
        (surface, value, precision)
    ]


def test_without_publication_date_relative_values_stay_null() -> None:
    found = find_times(
        plain("On 4 January 2019 and yesterday.", published=None)
    ).records
    assert [(t.text, t.value) for t in found] == [
        ("4 January 2019", "2019-01-04"),
        ("yesterday", None),
    ]
    assert all(t.anchor is None for t in found)


def test_modal_may_is_not_a_month_but_in_may_is() -> None:
    assert values(plain("Officials may meet.")) == []
    assert values(plain("They met in May.", published=dt.date(2023, 6, 1))) == [
        ("May", "2023-05")
    ]


def test_counts_are_not_years() -> None:
    assert values(plain("Some 2019 people came, 1,998 left.")) == []


def test_impossible_date_is_a_problem_not_a_record() -> None:
    result = find_times(plain("It fell on February 30, 2023."))
    assert result.records == ()
    assert [p.code for p in result.problems] == ["timex.unparseable"]


def test_records_carry_ids_sentences_and_anchor() -> None:
    (time,) = find_times(plain("Rain.\nIt fell yesterday.")).records
    assert time.sentence_index == 1
    assert time.time_id.startswith("t")
    assert time.anchor == JUNE_15


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcdeMJFWTSonyrgu0123456789 ,.-\n",
                "May ",
                "2019",
                "last ",
                "Monday",
                "January",
                "ago",
                "week",
                "the coming months",
                "mid-",
                "Q",
            ]
        ),
        max_size=60,
    ).map("".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))),
)
def test_normaliser_never_raises_and_gives_valid_values(
    text: str, published: dt.date | None
) -> None:
    if not text.strip():
        return
    for time in find_times(plain(text, published)).records:
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.text
        assert time.value is None or dates.is_valid_value(time.value)


@pytest.mark.model
def test_seed_article_times(resources, shared) -> None:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article

    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = run_article(RawDocument(text=text, published=JUNE_15), resources)
    found = [(t.text, t.value) for t in result.times]  # type: ignore[union-attr]
    assert found.count(("Wednesday", "2023-06-14")) == 2
    for expected in [
        ("last November", "2022-11"),
        ("February", "2023-02"),
        ("September", "2023-09"),
        ("November", "2023-11"),
    ]:
        assert expected in found


def test_units_and_pattern_words_come_from_the_lexicon(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A user's lexicon adds a unit and a day part; the pattern is built from it (#9)."""
    from dyad.knowledge.files import data_path
    from dyad.knowledge.timex import parse_timex_lexicon

    text = data_path("timex", "lexicon.yaml").read_text(encoding="utf-8")
    text = text.replace("  year: [year, 1]\n", "  year: [year, 1]\n  decade: [year, 10]\n")
    text = text.replace("day_parts: [morning,", "day_parts: [dawn, morning,")
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    mine = parse_timex_lexicon(path)
    parsed = plain("The war ended two decades ago. They met on Friday dawn.")
    found = [(t.text, t.value) for t in find_times(parsed, lexicon=mine).records]
    assert found == [("two decades ago", "2003"), ("Friday dawn", "2023-06-09")]
    assert ("two decades ago", "2003") not in values(parsed)


def test_a_unit_without_a_precision_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dyad.errors import ResourceError
    from dyad.knowledge.files import data_path
    from dyad.knowledge.timex import parse_timex_lexicon

    text = data_path("timex", "lexicon.yaml").read_text(encoding="utf-8")
    path = tmp_path / "lexicon.yaml"
    path.write_text(text.replace("  year: [year, 1]\n", "  year: [century, 1]\n"), "utf-8")
    with pytest.raises(ResourceError, match=r"lexicon\.yaml:\d+: unit 'year'"):
        parse_timex_lexicon(path)
