"""Import each named module in a fresh child process; print ``module: error`` for failures.

Run as a script. The parent imports the heavy third-party libraries once (never a ``dyad``
module), then forks one child per module, so every child starts with no ``dyad`` module
loaded, as a fresh interpreter would, without paying for spaCy's import each time.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

HEAVY = (
    "spacy",
    "duckdb",
    "pyarrow",
    "fastapi",
    "rapidfuzz",
    "trafilatura",
    "dateparser",
)


def _import_in_child(module: str) -> str:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        message = ""
        try:
            importlib.import_module(module)
        except BaseException as e:
            message = "".join(traceback.format_exception_only(e)).strip()
        os.write(write_end, message.encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


def main(modules: list[str]) -> int:
    for name in HEAVY:
        importlib.import_module(name)
    loaded = [m for m in sys.modules if m == "dyad" or m.startswith("dyad.")]
    if loaded:
        sys.stdout.write(f"parent already holds {loaded}\n")
        return 1
    failed = 0
    for module in modules:
        error = _import_in_child(module)
        if error:
            failed += 1
            sys.stdout.write(f"{module}: {error}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
