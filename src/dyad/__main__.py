"""``python -m dyad``: the same as the ``dyad`` command."""

from dyad.cli.main import main

main()
