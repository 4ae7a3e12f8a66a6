"""Picture captions and credit lines are no article text, so give no events (#11)."""

from __future__ import annotations

import pytest

from dyad.knowledge.clean import load_clean_rules
from dyad.stages.clean import clean_text, debris_kind

pytestmark = pytest.mark.issue(11)

RULES = load_clean_rules()


@pytest.mark.parametrize(
    "line",
    [
        "The mayor of Lyon (left) shakes hands with the envoy of Chile Image: Jane Roe.",
        "Protesters outside the embassy.Image: City Council.",
        "Leaders at the signing of the Lome AccordsImage: The Presidency.",
        "The two ministers meet in Accra. (Photo: A. N. Other)",
        "Image: Jane Roe.",
        "File:Mayor of Lyon (cropped).jpg",
    ],
)
def test_a_caption_with_its_credit_is_debris(line: str) -> None:
    assert debris_kind(line, RULES) in ("caption", "photo_credit")


@pytest.mark.parametrize(
    "line",
    [
        "The ministry released an image: a map of the new border, drawn in 1920.",
        "Ghana and Togo signed a trade pact on Monday, officials said.",
        "The picture was clear: both sides wanted a deal.",
    ],
)
def test_article_text_with_a_colon_is_kept(line: str) -> None:
    assert debris_kind(line, RULES) is None


def test_a_caption_between_paragraphs_leaves_the_text() -> None:
    body = "Ghana and Togo signed a trade pact on Monday."
    text = f"{body}\n\nThe two presidents stand with the envoys Image: Jane Roe.\n\n{body}"
    assert "Image" not in clean_text(text, rules=RULES, max_chars=10_000).text
