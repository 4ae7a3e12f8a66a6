"""Named registries of swappable parts (output formats, input readers).

Built-in parts register themselves exactly as a user's part would: by calling
``register`` on the registry with an object that satisfies the registry's protocol.
Names are listed in registration order, so built-ins come first and CLI choices are
stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, Protocol, TypeVar

from dyad.errors import ConfigError


class Named(Protocol):
    """Anything with a name to register under."""

    @property
    def name(self) -> str:
        """The name users choose it by (a CLI choice)."""
        ...


T = TypeVar("T", bound=Named)


class Registry(Generic[T]):
    """Parts of one kind by name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, item: T, *, replace: bool = False) -> T:
        """Add ``item`` under ``item.name`` and return it.

        Raises:
            ConfigError: the name is taken and ``replace`` is not set.
        """
        if item.name in self._items and not replace:
            raise ConfigError(f"{self.kind} {item.name!r} is already registered")
        self._items[item.name] = item
        return item

    def unregister(self, name: str) -> None:
        """Remove the part called ``name`` (if any)."""
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        """Return the part called ``name``.

        Raises:
            ConfigError: no part has that name; the message lists those that do.
        """
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self._items)
            raise ConfigError(
                f"unknown {self.kind} {name!r}; use one of {known}"
            ) from None

    def names(self, where: Callable[[T], bool] | None = None) -> tuple[str, ...]:
        """Return the names registered, in order, optionally only those ``where`` keeps."""
        return tuple(
            n for n, item in self._items.items() if where is None or where(item)
        )

    def __iter__(self) -> Iterator[T]:
        return iter(tuple(self._items.values()))
