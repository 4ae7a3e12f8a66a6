"""Load the spaCy model and the knowledge data files once per process, and validate them.

Each knowledge file is read by the loader of its subject in ``dyad.knowledge``; this module
owns the model, the shared YAML reader (which reports ``file:line: message``) and the
``Resources`` bundle the runner passes to the stages.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from dyad.errors import ResourceError
from dyad.settings import MODEL_PACKAGE, MODEL_VERSION, Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.knowledge.actors import ActorKB
    from dyad.knowledge.clean import CleanRules
    from dyad.knowledge.events import EventLexicon
    from dyad.knowledge.places import Gazetteer

logger = logging.getLogger(__name__)


@functools.cache
def load_model(name: str) -> Language:
    """Return the spaCy pipeline ``name``, loaded once per process.

    Raises:
        ResourceError: the model package is not installed; the message says what to install.
    """
    import spacy  # imported here so that commands which never parse start fast

    try:
        return spacy.load(name)
    except OSError as e:
        raise ResourceError(
            f"spaCy model {MODEL_PACKAGE} {MODEL_VERSION} is not installed; "
            f"run: pip install {MODEL_PACKAGE}=={MODEL_VERSION}"
        ) from e


def data_path(*parts: str) -> Path:
    """Return the path of a packaged data file under ``dyad/data``."""
    root = importlib.resources.files("dyad") / "data"
    return Path(str(root.joinpath(*parts)))


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
            None, None, f"invalid date {node.value!r}: {e}", node.start_mark) from e


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


@dataclass
class Resources:
    """The model and knowledge a run needs, each loaded on first use and then kept.

    Build one per process with ``Resources(settings)`` and pass it to the runner.
    """

    settings: Settings = field(default_factory=Settings)

    @functools.cached_property
    def nlp(self) -> Language:
        """The pinned spaCy pipeline."""
        return load_model(self.settings.model)

    @functools.cached_property
    def clean_rules(self) -> CleanRules:
        """Boilerplate and credit patterns for the clean stage."""
        from dyad.knowledge.clean import load_clean_rules

        return load_clean_rules()

    @functools.cached_property
    def actor_kb(self) -> ActorKB:
        """The actor knowledge base: states, IGOs, office holders, titles, groups."""
        from dyad.knowledge.actors import load_actor_kb

        return load_actor_kb(self.settings.actor_files)

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        """The offline place gazetteer."""
        from dyad.knowledge.places import load_gazetteer

        return load_gazetteer()

    @functools.cached_property
    def event_lexicon(self) -> EventLexicon:
        """Event trigger lexicon and patterns."""
        from dyad.knowledge.events import load_event_lexicon

        return load_event_lexicon(self.settings.event_files)
