"""Loaders and typed views of the linguistic knowledge in ``dyad/data``."""
