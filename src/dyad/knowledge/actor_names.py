"""Unknown words in lower-cased text that stand where names stand (#10).

The recaser (``actor_case.py``) restores the names it knows: the actor files and the
common given names. A lower-cased article also names people and groups it has never
heard of ("police held brelo matsunde, 41"). This module tells such words by what they
are not, English words: a word the lemma tables of the spaCy model do not hold, in no
inflected form, is "unknown". ``unknown_names`` returns the indices of the unknown words
that stand in a name's place (``recase.yaml`` says which) and of the organisation words
after them; every later and earlier repeat of such a word is returned too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from dyad.knowledge.files import data_file, fail, read_yaml
from dyad.settings import MODEL_NAME

_AGE = re.compile(r", \d{1,3},")
_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
    ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", ""), ("'s", ""),
)  # fmt: skip


@functools.cache
def english_words() -> frozenset[str]:
    """The words of the spaCy model's lemma tables (base and irregular forms); empty
    when the model or its tables are missing (then no word counts as unknown)."""
    import spacy.util
    from spacy.lookups import Lookups

    try:
        base = spacy.util.get_package_path(MODEL_NAME)
    except (OSError, ImportError):
        return frozenset()
    folders = sorted(base.glob("*/lemmatizer/lookups")) or sorted(
        base.glob("lemmatizer/lookups")
    )
    if not folders:
        return frozenset()
    lookups = Lookups().from_disk(folders[0])
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        if lookups.has_table(name):
            for part in lookups.get_table(name).values():
                words.update(str(w).lower() for w in part)  # index: lists; exc: dicts
    return frozenset(words)


def is_unknown(low: str, known: frozenset[str]) -> bool:
    """Tell whether the lower-case word ``low`` is neither English (in any inflected
    form) nor in ``known``; words under three letters never are."""
    if len(low) < 3 or low in STOP_WORDS or low in known:
        return False
    return _not_english(low)


@functools.lru_cache(maxsize=65536)
def _not_english(low: str) -> bool:
    english = english_words()
    if not english or low in english:
        return False
    return not any(
        low.endswith(end) and low[: len(low) - len(end)] + add in english
        for end, add in _SUFFIXES
    )


class RecaseWords(NamedTuple):
    """The word lists of ``actors/recase.yaml``."""

    speech: frozenset[str]
    orgs: frozenset[str]
    modern: frozenset[str]
    plain_after_a: frozenset[str]
    kin: frozenset[str]


@functools.cache
def recase_words(data_dir: Path | None = None) -> RecaseWords:
    """The word lists of ``actors/recase.yaml`` (the user's copy in ``data_dir`` when
    there is one)."""
    path = data_file(data_dir, "actors", "recase.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, None, "expected a mapping of word lists")
    lists = []
    keys = ("speech_verbs", "org_words", "modern_words", "plain_after_a", "kin_words")
    for key in keys:
        words = data.get(key) or []
        if not isinstance(words, list):
            raise fail(path, data.get("__line__"), f"'{key}' must be a list of words")
        lists.append(frozenset(str(w).lower() for w in words))
    return RecaseWords(*lists)


def unknown_names(
    words: Sequence[re.Match[str]],
    capital: Sequence[bool],
    known: frozenset[str],
    roles: frozenset[str] = frozenset(),
    data_dir: Path | None = None,
) -> set[int]:
    """The indices of the words to capitalise: unknown words in a name's place and the
    organisation words after them, with every repeat of those unknown words.

    ``capital`` tells which words the recaser has already capitalised as names (not
    sentence starts); ``known`` holds words never to treat as unknown; ``roles`` the
    one-word roles ("lawyer", "farmer") after which an unknown word is a name, as after
    the ``kin_words`` ("her husband wendowski")."""
    lists = recase_words(data_dir)
    speech, orgs, before_name = lists.speech, lists.orgs, lists.kin | roles
    lows = [w.group(0).lower().rstrip(".") for w in words]
    unknown = [is_unknown(low, known) for low in lows]
    found: set[int] = set()
    for k in range(len(lows)):
        if not unknown[k]:
            continue
        before = k > 0 and _joined(words[k - 1], words[k])
        after = k + 1 < len(words) and _joined(words[k], words[k + 1])
        if (
            (before and (unknown[k - 1] or capital[k - 1]))
            or (after and (unknown[k + 1] or capital[k + 1]))
            or (
                k > 0
                and (lows[k - 1] in speech or lows[k - 1] in before_name)
                and _gap(words, k - 1) == " "
            )
            or (k + 1 < len(words) and lows[k + 1] in speech and _gap(words, k) == " ")
            or (k + 1 < len(words) and _AGE.match(_gap(words, k)))
        ):
            found.add(k)
        elif after and lows[k + 1] in orgs:
            found.update((k, k + 1))
    names = {lows[k] for k in found if unknown[k]}
    found.update(k for k, low in enumerate(lows) if unknown[k] and low in names)
    return found


def _gap(words: Sequence[re.Match[str]], k: int) -> str:
    """The text between word ``k`` and the next."""
    return words[k].string[words[k].end() : words[k + 1].start()]


def _joined(left: re.Match[str], right: re.Match[str]) -> bool:
    return left.string[left.end() : right.start()] in (" ", "-")


__all__ = [
    "RecaseWords",
    "english_words",
    "is_unknown",
    "recase_words",
    "unknown_names",
]
