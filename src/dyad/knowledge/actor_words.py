"""The word lists of ``data/actors/given-names.yaml``: given names, words that are no
names after a title, day and month names (read once per process)."""

from __future__ import annotations

import functools

from dyad.knowledge.files import data_path, fail, read_yaml


@functools.cache
def word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, words that are no names after a title, day and month names."""
    path = data_path("actors", "given-names.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, None, "expected a mapping of word lists")
    lists = []
    for key in ("given_names", "not_names", "calendar"):
        words = data.get(key)
        if not isinstance(words, list):
            raise fail(path, data.get("__line__"), f"'{key}' must be a list of words")
        lists.append(frozenset(str(word).lower() for word in words))
    return lists[0], lists[1], lists[2]


def given_names() -> frozenset[str]:
    """Return the common given names (lower case)."""
    return word_lists()[0]


__all__ = ["given_names", "word_lists"]
