"""User plugins: output formats and input readers from installed packages.

A package offers parts through Python entry points in group ``dyad.formats`` (an
``OutputFormat``) or ``dyad.readers`` (a ``Reader``), for example in its
``pyproject.toml``::

    [project.entry-points."dyad.formats"]
    count = "my_package.formats:EventCount"

The entry point names a part (an object with the protocol's attributes), a class or
other callable that makes one without arguments, or a module that registers its parts
itself when imported. ``load_plugins`` registers them all, once per process; a plugin
that cannot be imported, made or registered is skipped with a one-line warning.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any

from dyad.formats import FORMATS
from dyad.readers import READERS
from dyad.registry import Registry

# What each group's parts must have, from the protocols ``OutputFormat`` and ``Reader``.
GROUPS: dict[str, tuple[Registry[Any], tuple[str, ...]]] = {
    "dyad.formats": (
        FORMATS,
        ("name", "summary", "extract", "export", "write_result", "write_store"),
    ),
    "dyad.readers": (READERS, ("name", "suffixes", "sniff", "read", "count")),
}


@functools.cache
def load_plugins() -> tuple[str, ...]:
    """Register the parts of every installed plugin; return one warning per bad one.

    Runs once per process (the command line calls it at start); later calls return
    the warnings of the first.
    """
    warnings: list[str] = []
    for group, (registry, needs) in GROUPS.items():
        for point in _points(group):
            try:
                _register(point, registry, needs)
            except Exception as e:  # any fault of a third-party module is its own
                warnings.append(_warning(point, group, e))
    return tuple(warnings)


def _points(group: str) -> Iterable[EntryPoint]:
    """The entry points of ``group``, in name order (a stable order of CLI choices)."""
    return sorted(entry_points(group=group), key=lambda p: (p.name, p.value))


def _register(
    point: EntryPoint, registry: Registry[Any], needs: tuple[str, ...]
) -> None:
    loaded = point.load()
    if isinstance(loaded, ModuleType):
        return  # the module registered its parts when it was imported
    part = (
        loaded if hasattr(loaded, "name") and not isinstance(loaded, type) else loaded()
    )
    missing = [attr for attr in needs if not hasattr(part, attr)]
    if missing:
        raise TypeError(f"{type(part).__name__} lacks {', '.join(missing)}")
    if part.name in registry.names() and registry.get(part.name) is part:
        return  # registered by its own module on import
    registry.register(part)


def _warning(point: EntryPoint, group: str, error: Exception) -> str:
    """One line: which plugin, and what went wrong."""
    message = str(error).strip().splitlines()
    detail = (
        f"{type(error).__name__}: {message[0]}" if message else type(error).__name__
    )
    return f"plugin {point.name!r} ({group}, {point.value}) not loaded: {detail}"


__all__ = ["GROUPS", "load_plugins"]
