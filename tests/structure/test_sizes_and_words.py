"""#9: small modules and functions, and no English word lists in stage code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from .modules import PACKAGE, module_files

pytestmark = pytest.mark.issue(9)

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Exceptions to the limits, while a module is being rewritten (empty: keep it so).
OVERSIZED_MODULES: set[str] = set()
LONG_FUNCTIONS: set[str] = set()
# spaCy's tag, dependency and entity labels are annotation codes, not English words.
_LABELS = set(GLOSSARY)


def _is_english_word(value: object) -> bool:
    if not isinstance(value, str):
        return False
    word = value.lower().lstrip("'")
    return (
        word.isalpha()
        and len(word) > 1
        and not value.isupper()  # codes: IGO, NGO, VBD
        and value not in _LABELS
    )


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    """Return the set, list and tuple literals of two or more English words in
    ``source``, with their line (``__all__`` is a list of names, not words)."""
    tree = ast.parse(source)
    skipped = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple) and id(node) not in skipped:
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and _is_english_word(e.value)
            ]
            if len(words) >= 2:
                found.append((node.lineno, words))
    return found


def _functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.name, (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def test_no_module_over_the_line_limit():
    over = {
        name: path.read_text(encoding="utf-8").count("\n")
        for name, path in module_files().items()
        if name not in OVERSIZED_MODULES
    }
    assert {n: lines for n, lines in over.items() if lines > MAX_MODULE_LINES} == {}


def test_no_function_over_the_line_limit():
    long = [
        f"{name}.{function} ({lines} lines)"
        for name, path in module_files().items()
        for function, lines in _functions(path)
        if lines > MAX_FUNCTION_LINES and f"{name}.{function}" not in LONG_FUNCTIONS
    ]
    assert long == []


def test_no_stage_module_holds_an_english_word_list():
    stages = {n: p for n, p in module_files().items() if n.startswith("dyad.stages.")}
    offending = {
        name: word_lists(path.read_text(encoding="utf-8"))
        for name, path in stages.items()
    }
    assert {n: found for n, found in offending.items() if found} == {}


def test_allow_lists_name_existing_modules():
    listed = set(OVERSIZED_MODULES)
    listed |= {f.rpartition(".")[0] for f in LONG_FUNCTIONS}
    assert sorted(listed - set(module_files())) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('_LOCATIVE = {"in", "at", "near"}', [(1, ["in", "at", "near"])]),
        ('_DEPS = {"nsubj", "nsubjpass", "dobj"}', []),
        ('_CODES = ("IGO", "NGO")', []),
        ('__all__ = ["find_times", "VERSION"]', []),
    ],
    ids=["words", "dependency-labels", "codes", "dunder-all"],
)
def test_word_list_finder(source, expected):
    assert word_lists(source) == expected


def test_package_path_is_the_source_tree():
    assert (PACKAGE / "pipeline.py").is_file()
