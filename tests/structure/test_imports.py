"""#9: every module imports on its own, and no two modules import each other (even lazily)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .modules import cycles, import_graph, module_files

pytestmark = pytest.mark.issue(9)


def test_no_import_cycle_among_modules():
    assert cycles(import_graph()) == []


def test_cycle_finder_sees_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_every_module_imports_in_a_fresh_interpreter():
    modules = [m for m in module_files() if m != "dyad.__main__"]
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("import_each.py")), *modules],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")


def test_fresh_import_reports_a_broken_module(tmp_path):
    (tmp_path / "broken_mod.py").write_text("import broken_mod_missing\n")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("import_each.py")), "broken_mod"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode == 1
    assert done.stdout.startswith("broken_mod: ModuleNotFoundError")
