"""Output formats by name: the registry and the built-in formats.

Importing this package registers the built-ins (``json``, ``jsonl``, ``csv``,
``parquet``, ``plover``, ``gdelt``; the ``table`` view for people registers from
``dyad.cli.views``). A new format is one module that builds an ``OutputFormat`` and
calls ``register_format``.
"""

from __future__ import annotations

import importlib

from dyad.formats.registry import (
    FORMATS,
    OutputFormat,
    export_formats,
    extract_formats,
    register_format,
)

# Imported in this order, so the CLI lists the choices in this order.
BUILTIN_MODULES = (
    "dyad.formats.tables",
    "dyad.formats.contract",
    "dyad.formats.plover",
    "dyad.formats.gdelt",
)
for _module in BUILTIN_MODULES:
    importlib.import_module(_module)

__all__ = [
    "BUILTIN_MODULES",
    "FORMATS",
    "OutputFormat",
    "export_formats",
    "extract_formats",
    "register_format",
]
