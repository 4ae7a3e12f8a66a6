"""Tests of the event lexicon loader: packaged data, user files, malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import ResourceError
from dyad.knowledge.events import load_event_lexicon
from dyad.records import EventType, Modality


def test_packaged_lexicon_covers_all_plover_types() -> None:
    lexicon = load_event_lexicon()
    types = {r.type for rules in lexicon.verbs.values() for r in rules}
    types |= {r.type for rules in lexicon.nouns.values() for r in rules}
    assert types == set(EventType)


def test_cameo_codes_keep_leading_zeros_and_give_the_quad() -> None:
    lexicon = load_event_lexicon()
    (meet,) = [r for r in lexicon.verbs["meet"] if r.rule == "meet"]
    assert (meet.cameo, meet.quad) == ("040", 1)
    assert lexicon.quad_of("163") == 3
    assert lexicon.quad_of("190") == 4


def test_refusal_embeds_negation() -> None:
    lexicon = load_event_lexicon()
    assert lexicon.types[EventType.REJECT].embeds == Modality.NEGATED


def test_user_file_adds_a_trigger(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "triggers:\n"
        "  - {rule: upbraid, type: ACCUSE, mode: disapprove, verbs: [upbraid]}\n",
        encoding="utf-8",
    )
    (rule,) = load_event_lexicon([extra]).verbs["upbraid"]
    assert (rule.type, rule.cameo) == (EventType.ACCUSE, "111")


def test_user_rule_replaces_the_packaged_rule_of_that_name(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "triggers:\n  - {rule: meet, type: CONSULT, verbs: [huddle], cameo: '040'}\n",
        encoding="utf-8",
    )
    lexicon = load_event_lexicon([extra])
    assert "huddle" in lexicon.verbs
    assert all(r.rule != "meet" for r in lexicon.verbs.get("meet", ()))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "triggers:\n  - {rule: x, type: FIGHTING, verbs: [x]}\n",
            "mine.yaml:2: unknown PLOVER type",
            id="unknown-type",
        ),
        pytest.param(
            "triggers:\n  - {rule: x, type: ASSAULT}\n",
            "mine.yaml:2: trigger needs `verbs` or `nouns`",
            id="no-words",
        ),
        pytest.param(
            "triggers:\n  - {rule: x, type: ASSAULT, verbs: [x], cameo: 190}\n",
            "mine.yaml:2: cameo must be a quoted string",
            id="unquoted-cameo",
        ),
        pytest.param(
            "triggers:\n  - {rule: x, type: ASSAULT, verbs: [x], preps: [on]}\n",
            "quote on/off/yes/no",
            id="yaml-boolean",
        ),
        pytest.param("colour: [red]\n", "unknown section(s): colour", id="section"),
        pytest.param("triggers: [\n", "mine.yaml:", id="bad-yaml"),
    ],
)
def test_malformed_user_file_names_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(text, encoding="utf-8")
    with pytest.raises(
        ResourceError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        load_event_lexicon([extra])
