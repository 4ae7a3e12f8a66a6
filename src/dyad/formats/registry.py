"""The output-format protocol and registry behind ``dyad extract`` and ``dyad export``.

A format is one object with a name, a one-line summary, flags saying which commands
offer it, and two writers. Add one by writing a module that builds the object and calls
``register_format``; the built-ins in this package do exactly that.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, TextIO, cast

from dyad.registry import Registry

if TYPE_CHECKING:
    from dyad.records import ArticleResult
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store


class OutputFormat(Protocol):
    """A view of coded records: of one result (``extract``) or of a store (``export``)."""

    @property
    def name(self) -> str:
        """The ``--format`` choice."""
        ...

    @property
    def summary(self) -> str:
        """One line for ``--help`` and the docs."""
        ...

    @property
    def extract(self) -> bool:
        """Whether ``dyad extract`` offers it (``write_result`` works)."""
        ...

    @property
    def export(self) -> bool:
        """Whether ``dyad export`` offers it (``write_store`` works)."""
        ...

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Write one article's records to ``stream`` (stdout for ``dyad extract``)."""
        ...

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Write the records ``filters`` selects from ``store`` to ``out``; return rows.

        ``out`` is a file path or a binary stream (``sys.stdout.buffer`` for
        ``--out -``). ``OSError`` from writing ``out`` propagates; the caller words it.
        """
        ...


@contextlib.contextmanager
def open_text(out: Path | BinaryIO) -> Iterator[TextIO]:
    """Open ``out`` (a path or a binary stream) for UTF-8 text; a stream stays open."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield text
    finally:
        text.flush()
        text.detach()


FORMATS: Registry[OutputFormat] = Registry("output format")


def configured(fmt: OutputFormat, data_dir: Path | None) -> OutputFormat:
    """Return ``fmt`` reading its data files from ``data_dir`` (the user's copies).

    A format that reads data files offers ``with_data_dir(data_dir)``, returning a copy
    of itself bound to that folder; any other format is returned as it is.
    """
    bind = getattr(fmt, "with_data_dir", None)
    return (
        fmt if bind is None or data_dir is None else cast(OutputFormat, bind(data_dir))
    )


def register_format(fmt: OutputFormat, *, replace: bool = False) -> OutputFormat:
    """Make ``fmt`` available to ``dyad extract``/``dyad export`` by its name."""
    return FORMATS.register(fmt, replace=replace)


def extract_formats() -> tuple[str, ...]:
    """Return the names ``dyad extract --format`` accepts."""
    return FORMATS.names(lambda f: f.extract)


def export_formats() -> tuple[str, ...]:
    """Return the names ``dyad export --format`` accepts."""
    return FORMATS.names(lambda f: f.export)
