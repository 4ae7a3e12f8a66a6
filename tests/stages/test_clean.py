"""The clean stage: debris and credit lines, normalisation, language, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.knowledge.clean import CleanRules, load_clean_rules
from dyad.records import Problem, RawDocument
from dyad.stages.clean import (
    clean_document,
    clean_text,
    credit_names,
    debris_kind,
    detect_language,
    normalize_text,
)

RULES: CleanRules = load_clean_rules()
LIMIT = 200_000
BODY = (
    "The foreign ministers of the two countries met in Geneva on Monday and agreed "
    "to hold further talks on the border dispute, officials said."
)


def clean(text: str, max_chars: int = LIMIT) -> str:
    return clean_text(text, rules=RULES, max_chars=max_chars).text


@pytest.mark.parametrize(
    "line",
    [
        "Loading",
        "Loading...",
        "Advertisement",
        "ADVERTISEMENT",
        "Sign up for the weekly What in the World newsletter here.",
        "Get a note direct from our foreign correspondents on what\u2019s making "
        "headlines around the world. Sign up for the weekly What in the World "
        "newsletter here.",
        "Subscribe to our daily briefing",
        "Share this article",
        "Facebook Twitter Email",
        "Related: China warns Taiwan",
        "Read more",
        "Photo: Getty Images",
        "Image: Nicholas Moreau.",
        "Art: Luciano Matsuzaki and Mariana Lettis",
        "(Photo by John Smith/AFP via Getty Images)",
        "© 2023 Example News",
        "Reporting by Jane Doe; Editing by John Roe",
        "https://example.com/story",
        "Skip to content",
        "(Reporting by David Brunnstrom; Editing by Leslie Adler)",
        "Advertisement - Scroll to continue",
        "Image caption, Protesters gathered outside",
        "By John Smith and Jane Doe",
        "Tags: China, US",
        "* * *",
    ],
    ids=lambda s: s[:30],
)
def test_debris_line_is_recognised(line: str) -> None:
    assert debris_kind(line, RULES) is not None


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Eyeing Biden-Xi meeting",
        "Friday, January 4, 2019",
        "Advertisement revenues fell sharply in the third quarter, the company said.",
        "Protesters signed up in large numbers for the march on Sunday.",
        "Copyright law in the EU changed this year.",
        "Sections of the wall collapsed after the quake.",
        "Topics discussed included trade and security.",
        "By Friday, the troops had left the city.",
        "“Xi does want to come to San Francisco,” said Sun.",
    ],
    ids=lambda s: s[:30],
)
def test_article_line_is_kept(line: str) -> None:
    assert debris_kind(line, RULES) is None
    assert credit_names(line, RULES) == ()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Reuters, Bloomberg", ("Reuters", "Bloomberg")),
        ("AP", ("AP",)),
        ("AFP", ("AFP",)),
        ("(Reuters)", ("Reuters",)),
        ("— AFP", ("AFP",)),
        ("Additional reporting by Reuters", ("Reuters",)),
        ("Reuters and AFP", ("Reuters", "AFP")),
        ("with AP", ("AP",)),
        ("Source: Reuters", ("Reuters",)),
        ("With reporting from Reuters and AP", ("Reuters", "AP")),
        ("The Associated Press contributed to this report.", ("The Associated Press",)),
    ],
)
def test_credit_line_names_agencies(line: str, names: tuple[str, ...]) -> None:
    assert credit_names(line, RULES) == names


def test_credits_move_out_of_the_text() -> None:
    result = clean_text(f"{BODY}\nReuters, Bloomberg", rules=RULES, max_chars=LIMIT)
    assert result.text == BODY
    assert result.credits == ("Reuters", "Bloomberg")
    assert [p.code for p in result.problems] == ["clean.credit_moved"]


def test_each_removed_line_is_a_problem() -> None:
    result = clean_text(f"Loading\n{BODY}\nAdvertisement", rules=RULES, max_chars=LIMIT)
    assert result.text == BODY
    assert [p.code for p in result.problems] == ["clean.boilerplate_removed"] * 2
    assert all(p.stage == "clean" for p in result.problems)


def test_paragraphs_and_crossheads_become_single_lines() -> None:
    text = f"  {BODY}  \n\n\nEyeing  Biden-Xi\tmeeting\n\n{BODY}"
    assert clean(text) == f"{BODY}\nEyeing Biden-Xi meeting\n{BODY}"


def test_curly_quotes_are_kept() -> None:
    text = "“Anything that would lead to greater cooperation,” he said. It\u2019s fine."
    assert clean(text) == text


def test_unicode_spaces_and_zero_width_characters_are_normalised() -> None:
    assert clean("Talks\u00a0began\u200b in\u2009Doha.\r\nThey ended.") == (
        "Talks began in Doha.\nThey ended."
    )


def test_control_characters_are_removed_with_a_problem() -> None:
    result = clean_text(f"{BODY}\x07\x00", rules=RULES, max_chars=LIMIT)
    assert result.text == BODY
    assert "clean.control_characters" in [p.code for p in result.problems]


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    text = (
        "The ministers met in Geneva on Monday to discuss the\n"
        "border dispute between the two countries, which has\n"
        "lasted for decades.\n\nA second paragraph follows here."
    )
    assert clean(text) == (
        "The ministers met in Geneva on Monday to discuss the border "
        "dispute between the two countries, which has lasted for "
        "decades.\nA second paragraph follows here."
    )


def test_long_text_is_cut_at_a_line_break() -> None:
    result = clean_text(
        f"{BODY}\n{BODY}\n{BODY}", rules=RULES, max_chars=2 * len(BODY) + 10
    )
    assert result.text == f"{BODY}\n{BODY}"
    assert "clean.truncated" in [p.code for p in result.problems]


def test_empty_text_is_a_problem() -> None:
    result = clean_text("Loading\n\n   \n", rules=RULES, max_chars=LIMIT)
    assert result.text == ""
    assert "clean.empty_text" in [p.code for p in result.problems]


SPANISH = (
    "El presidente del gobierno se reunió el lunes con los ministros de la región "
    "para hablar de la crisis, y dijo que las conversaciones fueron muy útiles "
    "para todos los países que participan en el acuerdo de paz con sus vecinos."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SPANISH, "es"),
        (
            "Президент России провёл переговоры с министрами иностранных дел в Москве "  # noqa: RUF001 - Russian on purpose
            "и обсудил ситуацию в регионе.",
            "ru",
        ),
        (f"{BODY} {BODY} {BODY}", "en"),
        ("Too short to tell.", "en"),
    ],
)
def test_language_is_detected(text: str, language: str) -> None:
    assert detect_language(text, RULES) == language


def test_non_english_text_gets_a_problem() -> None:
    article, problems = clean_document(
        RawDocument(text=SPANISH), rules=RULES, max_chars=LIMIT
    )
    assert article.language == "es"
    assert "language.not_english" in [p.code for p in problems]


def test_clean_document_keeps_raw_problems_and_metadata() -> None:
    earlier = Problem(code="input.encoding", message="bad bytes", stage="ingest")
    raw = RawDocument(
        text=f"{BODY}\nAP",
        title="T",
        published=dt.date(2023, 6, 15),
        url="https://example.com/a",
        problems=(earlier,),
    )
    article, problems = clean_document(raw, rules=RULES, max_chars=LIMIT)
    assert problems[0] == earlier
    assert (article.title, article.published, article.credits) == (
        "T",
        dt.date(2023, 6, 15),
        ("AP",),
    )
    assert article.article_id.startswith("u")


def test_seed_article_is_cleaned(shared) -> None:  # type: ignore[no-untyped-def]
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = clean_text(text, rules=RULES, max_chars=LIMIT)
    lines = result.text.split("\n")
    assert "Loading" not in lines
    assert "Eyeing Biden-Xi meeting" in lines
    assert lines[-1].startswith("“Xi does want to come to San Francisco,”")
    assert "newsletter" not in result.text
    assert result.credits == ("Reuters", "Bloomberg")


# ---- properties


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text, rules=RULES, max_chars=500)
    twice = clean_text(once.text, rules=RULES, max_chars=500)
    assert twice.text == once.text
    assert len(once.text) <= 500


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Loading",
                "Advertisement",
                "Reuters, Bloomberg",
                "AP",
                "",
                "Eyeing Biden-Xi meeting",
                BODY,
                "Sign up for our newsletter here",
                "  spaced   out\tline ",
                "“Quoted,” he said.",
                "\u00a0\u200b",
            ]
        ),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_cleaning_lines_is_idempotent(lines: list[str]) -> None:
    once = clean("\n".join(lines))
    assert clean(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalized_text_has_no_stray_whitespace(text: str) -> None:
    normal, _ = normalize_text(text)
    for line in normal.split("\n"):
        assert line == line.strip()
        assert "  " not in line
        assert "\t" not in line


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_problem_offsets_are_valid(text: str, title: str) -> None:
    article, problems = clean_document(
        RawDocument(text=text, title=title), rules=RULES, max_chars=300
    )
    for p in problems:
        if p.start is not None:
            assert 0 <= p.start < (p.end or 0) <= len(article.text)
    assert article.article_id
