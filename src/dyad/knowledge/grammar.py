"""Closed-class words the stages read the parse with (``data/grammar.yaml``).

Prepositions, auxiliaries, pronouns and quantifiers: one file, validated on load, so that
no stage module holds an English word list (#9).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from dyad.knowledge.files import data_path, fail, read_yaml

GRAMMAR_FILE = ("grammar.yaml",)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Lower-case closed-class word sets."""

    locative_prepositions: frozenset[str]
    past_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    personal_pronouns: frozenset[str]
    third_person_pronouns: frozenset[str]
    quantifiers: frozenset[str]
    place_prepositions: frozenset[str]
    not_in_names: frozenset[str]
    title_object_prepositions: frozenset[str]
    title_prepositions: frozenset[str]
    affiliation_prepositions: frozenset[str]
    singular_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    articles: frozenset[str]
    complement_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    origin_prepositions: frozenset[str]
    list_prepositions: frozenset[str]
    singular_person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    expletive_heads: frozenset[str]
    group_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    pair_words: frozenset[str]
    relative_pronouns: frozenset[str]
    party_noun_prepositions: frozenset[str]
    theme_prepositions: frozenset[str]
    verb_theme_prepositions: frozenset[str]
    partitive_prepositions: frozenset[str]
    party_verb_prepositions: frozenset[str]
    minority_words: frozenset[str]
    mutual_verbs: frozenset[str]
    mutual_others: frozenset[str]
    backing_participles: frozenset[str]
    harm_verbs: frozenset[str]
    answer_verbs: frozenset[str]
    answer_prepositions: frozenset[str]
    companion_adverbs: frozenset[str]
    condition_marks: frozenset[str]
    anaphor_nouns: frozenset[str]
    anaphor_determiners: frozenset[str]
    instrument_prepositions: frozenset[str]
    past_eras: frozenset[str]
    era_prepositions: frozenset[str]
    purpose_nouns: frozenset[str]
    mission_nouns: frozenset[str]
    mission_prepositions: frozenset[str]
    participle_origin_prepositions: frozenset[str]
    answer_marks: frozenset[str]


def parse_grammar(path: Path) -> Grammar:
    """Read and validate the grammar file at ``path``.

    Raises:
        ResourceError: the file is missing or malformed (``file:line: message``).
    """
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, 1, "expected a mapping of word lists")
    line = data.get("__line__")
    keys = [f.name for f in dataclasses.fields(Grammar)]
    unknown = sorted(set(data) - {*keys, "__line__"})
    if unknown:
        raise fail(path, line, f"unknown keys {unknown}; expected {keys}")
    values = {}
    for key in keys:
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise fail(path, line, f"{key}: expected a list of words")
        values[key] = frozenset(w.lower() for w in words)
    return Grammar(**values)


@functools.cache
def load_grammar() -> Grammar:
    """Return the packaged grammar words, read once per process."""
    return parse_grammar(data_path(*GRAMMAR_FILE))
