"""Pieces of the times and quotes suites: matching, speakers, offsets, annotations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad import dates
from dyad.evaluation.annotated import (
    SPLITS,
    Annotated,
    OffsetMap,
    Scores,
    load_set,
    match_spans,
)
from dyad.evaluation.quotes import baseline_quotes, speaker_matches
from dyad.evaluation.timex import score


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ("Sun", True),
        ("Yun Sun", True),
        ("UN spokesperson Yun Sun", True),
        ("he", False),
        (None, False),
        ("Biden", False),
    ],
)
def test_speaker_matches_by_name_words(predicted: str | None, expected: bool) -> None:
    assert speaker_matches(predicted, "Yun Sun", []) is expected


def test_speaker_matches_an_alias() -> None:
    assert speaker_matches(
        "the Emergencies Ministry", "Ministry of Emergency", ["Emergencies Ministry"]
    )


def test_spans_pair_one_to_one_by_largest_overlap() -> None:
    gold = [(0, 10), (20, 30)]
    system = [(5, 25), (22, 28), (40, 45)]
    pairs = match_spans(gold, system, lambda g: g, lambda s: s)
    assert sorted(pairs) == [((0, 10), (5, 25)), ((20, 30), (22, 28))]


def test_scores_give_f1_and_accuracy() -> None:
    s = Scores(gold=4, system=2, matched=2, correct=1, judged=2)
    assert (s.precision, s.recall, s.accuracy) == (1.0, 0.5, 0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_offsets_map_back_through_cleaning() -> None:
    raw = 'Title  \n\n  It said   "yes" on Monday.'
    clean = 'Title\nIt said "yes" on Monday.'
    mapping = OffsetMap(raw, clean)
    start = clean.index("Monday")
    raw_start, raw_end = mapping.span(start, start + 6)
    assert raw[raw_start:raw_end] == "Monday"


def test_time_score_counts_values_on_matched_spans() -> None:
    article = Annotated(
        "x",
        "dev",
        dt.date(2023, 6, 15),
        "On Monday and Tuesday.",
        (
            {"start": 3, "end": 9, "text": "Monday", "value": "2023-06-12"},
            {"start": 14, "end": 21, "text": "Tuesday", "value": "2023-06-13"},
        ),
        (),
    )
    result = score(
        article, [(3, 9, "2023-06-12"), (14, 21, "2023-06-20"), (0, 2, None)]
    )
    assert (result.gold, result.system, result.matched, result.correct) == (2, 3, 2, 1)


def test_baseline_pairs_marks_and_takes_the_name_next_to_the_cue() -> None:
    text = 'Rain fell.\n"We are ready," said Jane Doe, a minister.'
    article = Annotated("x", "dev", None, text, (), ())
    ((start, end, names),) = baseline_quotes(article)
    assert text[start:end] == "We are ready,"
    assert names == ("Jane Doe",)


def test_annotated_set_matches_the_shared_texts(shared: Path) -> None:
    articles = load_set(shared)
    assert len(articles) >= 30
    assert {a.split for a in articles} == set(SPLITS)
    for article in articles:
        for time in article.times:
            assert dates.is_valid_value(time["value"]), time
        for quote in article.quotes:
            assert article.text[quote["start"] : quote["end"]] == quote["text"]
