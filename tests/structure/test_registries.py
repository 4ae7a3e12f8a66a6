"""#9: a new output format or input reader is one file that registers itself."""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.builders import make_event, make_result, put

from dyad.cli import cli
from dyad.errors import ConfigError
from dyad.formats import FORMATS, export_formats, extract_formats
from dyad.readers import READERS, FileReport, ReadOptions, count_documents, read_paths
from dyad.records import EventType, RawDocument
from dyad.store.db import Store

pytestmark = pytest.mark.issue(9)


def _import_afresh(name: str) -> None:
    """Import a plugin module as a user would; again after a test unregistered it."""
    sys.modules.pop(name, None)
    importlib.import_module(name)


@pytest.fixture
def typecount() -> Iterator[None]:
    _import_afresh("structure.dyad_format_typecount")
    yield
    FORMATS.unregister("typecount")


@pytest.fixture
def memo() -> Iterator[None]:
    _import_afresh("structure.dyad_reader_memo")
    yield
    READERS.unregister("memo")


def test_registered_format_is_a_choice_of_both_commands(typecount):
    assert "typecount" in extract_formats()
    assert "typecount" in export_formats()
    help_text = CliRunner().invoke(cli, ["export", "--help"]).stdout
    assert "typecount" in help_text


def test_registered_format_writes_one_result(typecount):
    result = make_result(
        "a1",
        (make_event("a1", "e1"), make_event("a1", "e2", EventType.ACCUSE)),
    )
    stream = io.StringIO()
    FORMATS.get("typecount").write_result(result, stream)
    assert stream.getvalue() == "ACCUSE\t1\nCONSULT\t1\n"


def test_registered_format_exports_a_store(typecount, tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        put(store, make_result("a1", (make_event("a1", "e1"),)))
    out = tmp_path / "counts.tsv"
    done = CliRunner().invoke(
        cli,
        [
            "export",
            "--db",
            str(tmp_path / "s.duckdb"),
            "--format",
            "typecount",
            "--out",
            str(out),
        ],
    )
    assert done.exit_code == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "CONSULT\t1\n"


def test_unknown_format_is_a_usage_error():
    done = CliRunner().invoke(cli, ["export", "--format", "typecount", "--out", "x"])
    assert done.exit_code == 2


def test_format_name_cannot_be_taken_twice():
    with pytest.raises(ConfigError, match="already registered"):
        FORMATS.register(FORMATS.get("json"))


def test_registered_reader_reads_its_suffix(memo, tmp_path):
    path = tmp_path / "note.memo"
    path.write_text("TITLE: Talks resume\nThe two ministers met.\n", encoding="utf-8")
    items = list(read_paths([path], options=ReadOptions(max_bytes=10_000)))
    assert items[0] == RawDocument(
        text="The two ministers met.\n", title="Talks resume", origin=str(path)
    )
    assert isinstance(items[1], FileReport)
    assert count_documents([path]) == 1


def test_registered_reader_is_sniffed_without_a_suffix(memo, tmp_path):
    path = tmp_path / "note"
    path.write_text("Title: Talks resume\nBody.\n", encoding="utf-8")
    first = next(read_paths([path], options=ReadOptions(max_bytes=10_000)))
    assert isinstance(first, RawDocument)
    assert first.title == "Talks resume"


def test_builtin_readers_are_registered_like_any_other():
    assert [r.name for r in READERS][:6] == [
        "text",
        "html",
        "feed",
        "jsonl",
        "json",
        "warc",
    ]
    assert Path("x.txt").suffix in READERS.get("text").suffixes
