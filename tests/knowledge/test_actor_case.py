"""Restoring capitals to lower-cased text (knowledge/actor_case.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.knowledge.actor_case import is_caseless, recase


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "officials in india said antony blinken would visit new delhi soon.",
            "Officials in India said Antony Blinken would visit New Delhi soon.",
        ),
        (
            "emily spanton said spanton would appeal the ruling of the court.",
            "Emily Spanton said Spanton would appeal the ruling of the court.",
        ),
        (
            "the minister said the senator bernie sanders had left on monday.",
            "The minister said the senator Bernie Sanders had left on Monday.",
        ),
        (
            "they told us that the us and the u.s. navy would leave by then.",
            "They told us that the US and the U.S. Navy would leave by then.",
        ),
    ],
    ids=["kb-names", "given-name-and-surname", "after-title", "ambiguous-us"],
)
def test_recase_restores_names_and_sentence_starts(text: str, expected: str) -> None:
    assert recase(text) == expected


def test_cased_text_is_returned_unchanged() -> None:
    text = "Officials in India said on Monday that talks would resume in the spring."
    assert not is_caseless(text)
    assert recase(text) is text


@given(st.text(max_size=300))
def test_recase_keeps_length_and_letters(text: str) -> None:
    out = recase(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower() or out == text
