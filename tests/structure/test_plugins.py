"""#9: formats and readers of installed packages, found through entry points.

A real distribution (a ``*.dist-info`` folder with ``entry_points.txt``, and its
modules) is put on ``sys.path`` in a temporary folder, as pip would install it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.formats import FORMATS
from dyad.plugins import load_plugins
from dyad.readers import READERS, ReadOptions, read_paths
from dyad.records import RawDocument
from dyad.store.db import Store

pytestmark = pytest.mark.issue(9)

_FORMAT = '''
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LineCount:
    name: str = "linecount"
    summary: str = "one line: how many events"
    extract: bool = True
    export: bool = True

    def write_result(self, result, stream):
        stream.write(f"{len(result.events)}\\n")

    def write_store(self, store, filters, out):
        Path(out).write_text("0\\n", encoding="utf-8")
        return 1
'''

_READER = '''
from dataclasses import dataclass

from dyad.records import RawDocument


@dataclass(frozen=True)
class NoteReader:
    name: str = "note"
    suffixes: frozenset = frozenset({".note"})

    def sniff(self, head):
        return False

    def read(self, source):
        yield RawDocument(text=source.data().decode("utf-8"), origin=source.origin)

    def count(self, path):
        return 1


NOTE = NoteReader()
'''

_ENTRY_POINTS = """\
[dyad.formats]
linecount = dyad_test_plugin.formats:LineCount
missing = dyad_test_plugin.absent:Nothing

[dyad.readers]
note = dyad_test_plugin.readers:NOTE
notareader = dyad_test_plugin.formats:LineCount
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the distribution ``dyad-test-plugin`` into a folder on sys.path."""
    site = tmp_path / "site"
    package = site / "dyad_test_plugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "formats.py").write_text(_FORMAT, encoding="utf-8")
    (package / "readers.py").write_text(_READER, encoding="utf-8")
    info = site / "dyad_test_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: dyad-test-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(_ENTRY_POINTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    load_plugins.cache_clear()
    yield tmp_path
    FORMATS.unregister("linecount")
    READERS.unregister("note")
    load_plugins.cache_clear()
    for name in [m for m in sys.modules if m.startswith("dyad_test_plugin")]:
        monkeypatch.delitem(sys.modules, name)


def test_plugin_format_is_a_choice_and_exports(installed: Path) -> None:
    with Store(installed / "s.duckdb"):
        pass
    out = installed / "n.txt"
    args = ["export", "--db", str(installed / "s.duckdb"), "--format", "linecount"]
    done = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert done.exit_code == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "0\n"
    assert "linecount" in CliRunner().invoke(cli, ["extract", "--help"]).stdout


def test_broken_plugins_are_one_line_warnings(installed: Path) -> None:
    done = CliRunner().invoke(cli, ["export", "--help"])
    assert done.exit_code == 0
    warnings = [line for line in done.stderr.splitlines() if line.startswith("dyad: ")]
    assert len(warnings) == len(done.stderr.splitlines()) == 2
    assert "'missing' (dyad.formats" in warnings[0]
    assert "ModuleNotFoundError" in warnings[0]
    assert "'notareader' (dyad.readers" in warnings[1]
    assert "lacks suffixes, sniff, read, count" in warnings[1]
    assert "Traceback" not in done.stderr


def test_plugin_reader_reads_its_suffix(installed: Path) -> None:
    assert CliRunner().invoke(cli, ["export", "--help"]).exit_code == 0
    path = installed / "a.note"
    path.write_text("The ministers met.", encoding="utf-8")
    first = next(read_paths([path], options=ReadOptions(max_bytes=1000)))
    assert first == RawDocument(text="The ministers met.", origin=str(path))
