"""Worker processes end when the process that started them is gone (#12).

A pool worker blocked on its task queue does not notice that the parent was killed
(``kill -9``); it would hold its model (hundreds of MB) for minutes. ``watch_parent``
starts a daemon thread that checks the parent every ``PARENT_CHECK_SECONDS`` and ends
the worker at once when the parent has changed (the orphan was adopted by init).
"""

from __future__ import annotations

import os
import threading
import time

# How often a worker looks for its parent; a second is quick for a person and costs
# nothing measurable.
PARENT_CHECK_SECONDS = 1.0


def watch_parent(interval: float = PARENT_CHECK_SECONDS) -> threading.Thread:
    """Start a daemon thread that ends this process when its parent process ends."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)  # no cleanup: the parent that would use our results is gone

    thread = threading.Thread(target=watch, name="dyad-parent-watch", daemon=True)
    thread.start()
    return thread
