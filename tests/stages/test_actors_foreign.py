"""Telling English sentences from sentences in other languages (actor_foreign.py).

Sentences written for these tests; the word lists come from the packaged actor KB.
"""

from __future__ import annotations

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from dyad.knowledge.actor_files import build_actor_kb
from dyad.stages.actor_foreign import is_foreign

_KB = build_actor_kb()


@pytest.mark.parametrize(
    "text",
    [
        "La ministra dijo que el gobierno no firmará el acuerdo con las empresas.",
        "Os moradores da cidade não querem que a ponte seja fechada pelo governo.",
        "Le maire a dit que les écoles resteront fermées pendant toute la semaine.",
        "Die Regierung hat gesagt, dass sie das Gesetz nicht ändern wird.",
        "Warga desa mengatakan bahwa mereka tidak akan pindah dari tanah itu.",
        "सरकार ने कहा कि स्कूल अगले सप्ताह खुलेंगे।",
        "市政府表示学校下周将重新开放。",
    ],
)
def test_sentences_in_other_languages_are_foreign(text: str) -> None:
    assert is_foreign(text, _KB.foreign_words)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the government would not sign the deal with the companies.",
        "Luis de la Torre and Maria del Carmen Ruiz met the mayor in San José.",
        "The de facto ruler arrived en route to the summit, et al said nothing.",
        "Protesters marched outside the embassy of the Democratic Republic of the Congo.",
        "The BBC reported that 市政府 (the city government) closed the schools.",
        "",
    ],
)
def test_english_sentences_are_not_foreign(text: str) -> None:
    assert not is_foreign(text, _KB.foreign_words)


def test_the_word_lists_are_lower_case_and_not_english_stop_words() -> None:
    assert _KB.foreign_words
    assert _KB.feature_nouns
    assert not _KB.foreign_words & STOP_WORDS
