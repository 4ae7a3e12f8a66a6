"""Where the packaged data files are, and the one YAML reader for all of them.

Every knowledge loader reads its files through ``read_yaml``, which records each mapping's
line so that a loader can report a mistake as ``file:line: message`` (``fail``).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import ResourceError


def data_path(*parts: str) -> Path:
    """Return the path of a packaged data file under ``dyad/data``."""
    root = importlib.resources.files("dyad") / "data"
    return Path(str(root.joinpath(*parts)))


def data_file(data_dir: Path | None, *parts: str) -> Path:
    """Return the data file ``parts``: the user's copy under ``data_dir`` when there is
    one (same relative path), else the packaged file."""
    if data_dir is not None:
        mine = data_dir.joinpath(*parts)
        if mine.is_file():
            return mine
    return data_path(*parts)


def iter_data_files(folder: str, suffix: str = ".yaml") -> Iterator[Path]:
    """Yield the packaged data files of ``folder`` with ``suffix``, sorted by name."""
    base = data_path(folder)
    if base.is_dir():
        yield from sorted(p for p in base.iterdir() if p.name.endswith(suffix))


# libyaml's parser is ~7x faster on the people files; fall back to pure Python without it.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc]  # PyYAML's loaders are untyped
    """A YAML loader that records the line of every mapping as key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    """Read a date, turning an impossible one (2020-13-01) into a marked YAML error."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as e:
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid date {node.value!r}: {e}", node.start_mark
        ) from e


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def read_yaml(path: Path) -> Any:
    """Return the parsed YAML of ``path``; every mapping carries its line as ``__line__``.

    Raises:
        ResourceError: the file is missing or not valid YAML (``file:line: message``).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"{path}: cannot read: {e}") from e
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        line = mark.line + 1 if mark is not None else 0
        raise ResourceError(f"{path}:{line}: {e.problem or e}") from e
    except yaml.YAMLError as e:
        raise ResourceError(f"{path}: {e}") from e


def fail(path: Path, line: int | None, message: str) -> ResourceError:
    """Return a ResourceError worded ``file:line: message`` for a data-file mistake."""
    where = f"{path}:{line}" if line else str(path)
    return ResourceError(f"{where}: {message}")
