"""Cached aggregates for the overview and dyad pages, invalidated by any write (#12).

The overview runs a dozen aggregate queries; under many clients it dominated response
times. Results are kept per store file and per arguments, keyed by the file's state
(size and modification time of the database and its write-ahead log): every committed
write changes that state, so an ingest invalidates the cache without telling it. A hit
never opens the database (the store connects lazily), so it costs a ``stat``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from dyad.store.dashboard import ViewFilter
from dyad.store.db import Store
from dyad.web import dashboard

T = TypeVar("T")
# Entries kept: the overview plus the dyad pages people are looking at.
MAX_ENTRIES = 128


def store_state(path: Path) -> tuple[tuple[int, int], ...]:
    """Return what changes whenever the store at ``path`` is written."""
    state = []
    for part in (path, path.with_name(path.name + ".wal")):
        try:
            info = part.stat()
        except FileNotFoundError:
            state.append((0, 0))
            continue
        state.append((info.st_mtime_ns, info.st_size))
    return tuple(state)


class AggregateCache:
    """A bounded, thread-safe map from (store, state, name, arguments) to a result."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(
        self, store: Store, name: str, args: Hashable, compute: Callable[[], T]
    ) -> T:
        """Return the cached result for ``name(args)`` on ``store``, computing it once.

        Clients asking for the same missing entry wait for the one computing it
        instead of all running the same queries at once.
        """
        path = store.path.resolve()
        key = (str(path), store_state(path), name, args)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[no-any-return]  # stored as T
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self._lock:
                if key in self._entries:
                    return self._entries[key]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                self._entries[key] = value
                self._computing.pop(key, None)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value


# One cache per process: entries carry the state they were computed from, so a stale
# entry is never returned, only evicted.
CACHE = AggregateCache()


def cached_overview(store: Store, f: ViewFilter | None = None) -> dashboard.Overview:
    """Return ``dashboard.build_overview(store, f)``, cached while the store is unchanged."""
    return CACHE.get(store, "overview", f, lambda: dashboard.build_overview(store, f))


def cached_dyad(
    store: Store, a: str, b: str, *, by: str = "month", f: ViewFilter | None = None
) -> dashboard.DyadView:
    """Return ``dashboard.build_dyad(store, a, b, by=by, f=f)``, cached likewise."""
    return CACHE.get(
        store,
        "dyad",
        (a, b, by, f),
        lambda: dashboard.build_dyad(store, a, b, by=by, f=f),
    )
