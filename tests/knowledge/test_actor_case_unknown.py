"""Unknown names in lower-cased and ALL-CAPS text (knowledge/actor_names.py, #10).

Sentences and names written for these tests (the names are made up, so that no actor
file or given-name list holds them); real parses with the pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.knowledge.actor_case import recase
from dyad.knowledge.actor_names import english_words, is_unknown
from dyad.pipeline import clean_raw
from dyad.records import RawDocument
from dyad.resources import Resources
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import parse_articles

# Enough lower-case letters after each phrase for the text to count as lower-cased.
PAD = " and the talks went on for a long while in the capital afterwards."


def _recased(phrase: str) -> str:
    return recase(phrase + PAD)[: len(phrase)]


def test_the_model_vocabulary_tells_names_from_words() -> None:
    assert len(english_words()) > 50_000
    for word in ("lawyer", "lawyers", "arrested", "carrying", "cities", "happily"):
        assert not is_unknown(word, frozenset())
    for word in ("matsunde", "kuratsi", "tarasenne"):
        assert is_unknown(word, frozenset())
    assert not is_unknown("matsunde", frozenset({"matsunde"}))


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            '"we will stay," said brelo matsunde, a farmer from the valley.',
            '"We will stay," said Brelo Matsunde, a farmer from the valley.',
        ),
        (
            "according to the police, matsunde said he had been driving home.",
            "According to the police, Matsunde said he had been driving home.",
        ),
        (
            "officers detained obiku, 41, at his home. later obiku was freed.",
            "Officers detained Obiku, 41, at his home. Later Obiku was freed.",
        ),
        (
            "the kuratsi party won the vote and the matsunde university shut.",
            "The Kuratsi Party won the vote and the Matsunde University shut.",
        ),
        (
            "she was with her husband tomasz wendowski at the market.",
            "She was with her husband Tomasz Wendowski at the market.",
        ),
        (
            "her husband wendowski and the lawyer matsunde were at the court.",
            "Her husband Wendowski and the lawyer Matsunde were at the court.",
        ),
        (
            "an snp candidate met a nato official who owns a spa in the town.",
            "An SNP candidate met a NATO official who owns a spa in the town.",
        ),
        (
            'the party won 42. the rival lost 13. "we lost," it said. "it hurts."',
            'The party won 42. The rival lost 13. "We lost," it said. "It hurts."',
        ),
    ],
    ids=[
        "after-said",
        "before-said",
        "age-and-repeat",
        "org-word",
        "next-to-given-name",
        "after-kin-and-role",
        "acronym-after-an",
        "sentence-starts",
    ],
)
def test_unknown_names_in_name_places_get_capitals(phrase: str, expected: str) -> None:
    assert _recased(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "the farmers said the rains came late and the crops failed this year.",
        "the new covid rules and the tiktok app were discussed by the members.",
        "the ruling party said on monday that the city council would meet.",
    ],
    ids=["plain-prose", "modern-words", "org-word-after-english"],
)
def test_english_words_stay_lower_case(phrase: str) -> None:
    recased = _recased(phrase)
    assert recased[1:] == phrase[1:].replace("monday", "Monday").replace(
        "tiktok", "TikTok"
    )


STORY = """\
Police in Nairobi arrested Brelo Matsunde, 41, on Monday after a protest.
"He did nothing wrong," said Wendo Kuratsi, a lawyer for the Kenyan farmer.
The Kuratsi Party said on Tuesday that an SNP candidate had visited Kenya.
"""


def _codings(
    resources: Resources, text: str
) -> dict[str, tuple[str | None, str | None]]:
    item = clean_raw(RawDocument(text=text, published=dt.date(2024, 6, 3)), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    result = resolve_actors(parsed, kb=resources.actor_kb)
    by_id = {a.actor_id: a for a in result.actors}
    return {
        m.text.lower(): (by_id[m.actor_id].code, by_id[m.actor_id].sector)
        for m in result.mentions
    }


@pytest.mark.issue(10)
@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_unknown_names_code_as_in_cased_text(resources: Resources, casing: str) -> None:
    cased = _codings(resources, STORY)
    other = _codings(resources, STORY.lower() if casing == "lower" else STORY.upper())
    for mention in ("wendo kuratsi", "snp", "kenyan farmer", "police"):
        assert mention in cased
        assert other.get(mention) == cased[mention]
