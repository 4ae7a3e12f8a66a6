"""The ``dyad`` command line, one module per command group.

``main`` holds the root group; ``common`` the helpers the command modules share;
``views`` the ``dyad extract --format`` views of one result.
"""

from __future__ import annotations

from dyad.cli.main import cli, main

__all__ = ["cli", "main"]
