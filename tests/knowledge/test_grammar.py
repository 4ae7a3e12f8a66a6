"""The grammar file: validated with file:line errors, replaceable by a user's copy (#9)."""

from __future__ import annotations

import dataclasses

import pytest

from dyad.errors import ResourceError
from dyad.knowledge.grammar import Grammar, load_grammar, parse_grammar
from dyad.resources import Resources
from dyad.settings import Settings

pytestmark = pytest.mark.issue(9)

_GOOD = """\
locative_prepositions: [in, at]
past_auxiliaries: [was]
perfect_auxiliaries: [has]
personal_pronouns: [he, she]
third_person_pronouns: [he]
quantifiers: [some]
"""
_GOOD += "".join(
    f"{f.name}: [word]\n" for f in dataclasses.fields(Grammar) if f.name not in _GOOD
)


def test_packaged_grammar_loads():
    assert "in" in load_grammar().locative_prepositions


def test_unknown_key_is_reported_with_its_line(tmp_path):
    path = tmp_path / "grammar.yaml"
    path.write_text("\n" + _GOOD + "adverbs: [very]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"{path}:2: unknown keys \['adverbs'\]"):
        parse_grammar(path)


def test_a_list_that_is_not_words_is_reported(tmp_path):
    path = tmp_path / "grammar.yaml"
    path.write_text(_GOOD.replace("[was]", "was"), encoding="utf-8")
    with pytest.raises(ResourceError, match="past_auxiliaries: expected a list"):
        parse_grammar(path)


def test_user_data_dir_replaces_the_packaged_file(tmp_path):
    (tmp_path / "grammar.yaml").write_text(_GOOD.replace("[in, at]", "[amid]"), "utf-8")
    resources = Resources(Settings(data_dir=tmp_path))
    assert resources.grammar.locative_prepositions == frozenset({"amid"})
    assert resources.data_file("quotes", "cues.yaml").name == "cues.yaml"


def test_validate_reports_a_broken_user_file_at_start_up(tmp_path):
    (tmp_path / "timex").mkdir()
    (tmp_path / "timex" / "lexicon.yaml").write_text("months: [\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"lexicon\.yaml:\d+"):
        Resources(Settings(data_dir=tmp_path)).validate()
