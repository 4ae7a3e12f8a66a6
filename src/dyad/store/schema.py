"""Table columns, Arrow types and row conversion, all derived from the record dataclasses.

A table is a record type (field names equal column names, ``records.py``) plus, for a
few tables, columns the store adds (``origin`` on problems; codes and day on events).
A nested record field (``Event.date``, ``Event.location``) is flattened to columns named
``<field>_<subfield>`` (``date_value``, ``location_code``); it is ``None`` when all of its
columns are NULL. ``record_from_row`` is the one way rows become records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pyarrow as pa

from dyad.records import Actor, Event, Mention, Problem, Quote, Sentence, TimeExpr

R = TypeVar("R")

_ARROW: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int32(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDyad:
    """One directed pair of actor codes of an event (``event_dyads``); reciprocal
    events give each unordered pair once, with ``reciprocal`` set."""

    article_id: str
    event_id: str
    actor_code: str
    recipient_code: str
    reciprocal: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterMember:
    """An event's membership of a cross-article cluster (``event_cluster_members``)."""

    cluster_id: str
    article_id: str
    event_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """One column: its name, Python type (``None`` removed) and whether NULL is allowed."""

    name: str
    kind: type
    nullable: bool
    parent: str | None = None  # the nested record field it was flattened from

    @property
    def arrow(self) -> pa.DataType:
        """The Arrow type the store writes this column with."""
        if self.kind is tuple:
            return pa.list_(pa.string())
        if issubclass(self.kind, enum.Enum):
            return pa.string()
        return _ARROW[self.kind]


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A store table written from records of ``record`` (plus ``extra`` columns)."""

    name: str
    record: type
    extra: tuple[Column, ...] = ()
    sequenced: bool = False  # keeps each article's record order in a ``seq`` column

    @property
    def record_columns(self) -> tuple[Column, ...]:
        """The columns that come from the record's fields, in field order."""
        return _record_columns(self.record)

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column written, in order (``seq`` last when sequenced)."""
        seq = (Column(name="seq", kind=int, nullable=False),) if self.sequenced else ()
        return (*self.record_columns, *self.extra, *seq)

    @property
    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema of a batch of rows of this table."""
        return pa.schema([pa.field(c.name, c.arrow) for c in self.columns])


def _plain_type(hint: Any) -> tuple[Any, bool]:
    """Return ``(type, nullable)`` of a field's type hint (``X | None`` → ``X``)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"this is a bug: unsupported union {hint!r}")
        return args[0], True
    return hint, False


@functools.cache
def _record_columns(record: type) -> tuple[Column, ...]:
    return tuple(_columns(record))


_HINTS: dict[Any, dict[str, Any]] = {}  # the resolved field types of each record type


def _hints(record: Any) -> dict[str, Any]:
    if record not in _HINTS:
        _HINTS[record] = typing.get_type_hints(record)
    return _HINTS[record]


def _nested(kind: Any) -> type | None:
    """Return ``kind`` when it is a record type (flattened into columns), else None."""
    return kind if isinstance(kind, type) and dataclasses.is_dataclass(kind) else None


def _columns(record: type, prefix: str = "", parent: str | None = None) -> list[Column]:
    hints = _hints(record)
    found: list[Column] = []
    for f in dataclasses.fields(record):
        kind, nullable = _plain_type(hints[f.name])
        nested = _nested(kind)
        if nested is not None:
            found.extend(_columns(nested, f"{prefix}{f.name}_", parent=f.name))
            continue
        origin = typing.get_origin(kind) or kind
        found.append(
            Column(
                name=prefix + f.name,
                kind=origin,
                nullable=nullable or parent is not None,
                parent=parent,
            )
        )
    return found


def _cell(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def _flat_values(record: Any) -> list[Any]:
    values: list[Any] = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        nested = _nested(_plain_type(_hints(type(record))[f.name])[0])
        if nested is not None:
            if value is None:
                values.extend(None for _ in _columns(nested))
            else:
                values.extend(_flat_values(value))
        else:
            values.append(_cell(value))
    return values


def row_of(record: Any, *extra: Any) -> tuple[Any, ...]:
    """Return the row of ``record`` in its table's column order, then ``extra`` values
    (the table's extra columns, in order)."""
    return (*_flat_values(record), *(_cell(v) for v in extra))


def _value(column: Column, value: Any, default: Any) -> Any:
    if value is None:
        return default
    if column.kind is tuple:
        return tuple(value)
    if issubclass(column.kind, enum.Enum):
        return column.kind(value)
    return value


def _defaults(record: type) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found


def record_from_row(record: type[R], row: Mapping[str, Any]) -> R:
    """Build a ``record`` from a row given as ``{column: value}`` (extra keys ignored).

    A NULL column takes the field's default (``coder`` is ``""``); a nested record is
    ``None`` when all of its columns are NULL.
    """
    return _build(record, row, "")


def _build(record: type[R], row: Mapping[str, Any], prefix: str) -> R:
    hints = _hints(record)
    defaults = _defaults(record)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]  # R is a dataclass
        kind, nullable = _plain_type(hints[f.name])
        nested = _nested(kind)
        if nested is not None:
            sub = f"{prefix}{f.name}_"
            if all(row.get(sub + c.name) is None for c in _columns(nested)):
                values[f.name] = None
            else:
                values[f.name] = _build(nested, row, sub)
            continue
        column = Column(
            name=f.name, kind=typing.get_origin(kind) or kind, nullable=nullable
        )
        values[f.name] = _value(column, row.get(prefix + f.name), defaults.get(f.name))
    return record(**values)


def rows_as_dicts(
    description: Sequence[Any] | None, rows: Sequence[tuple[Any, ...]]
) -> list[dict[str, Any]]:
    """Pair each fetched row with the column names of a DuckDB cursor description."""
    names = [d[0] for d in description or ()]
    return [dict(zip(names, row, strict=True)) for row in rows]


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(name="sentences", record=Sentence),
        Table(
            name="problems",
            record=Problem,
            extra=(Column(name="origin", kind=str, nullable=True),),
        ),
        Table(name="actors", record=Actor, sequenced=True),
        Table(name="mentions", record=Mention, sequenced=True),
        Table(name="times", record=TimeExpr, sequenced=True),
        Table(
            name="events",
            record=Event,
            sequenced=True,
            extra=(
                Column(name="actor_codes", kind=tuple, nullable=True),
                Column(name="recipient_codes", kind=tuple, nullable=True),
                Column(name="event_day", kind=dt.date, nullable=True),
            ),
        ),
        Table(name="event_dyads", record=EventDyad),
        Table(name="quotes", record=Quote, sequenced=True),
        Table(name="event_cluster_members", record=ClusterMember),
    )
}

# Tables whose rows belong to one article and are replaced when it is re-processed.
ARTICLE_TABLES = (
    "sentences",
    "problems",
    "actors",
    "mentions",
    "times",
    "events",
    "event_dyads",
    "quotes",
    "failures",
)
# Tables ``dyad stats`` counts.
COUNTED_TABLES = (
    "articles",
    "sentences",
    "problems",
    "failures",
    "actors",
    "mentions",
    "times",
    "events",
    "quotes",
    "event_clusters",
    "event_cluster_members",
)
