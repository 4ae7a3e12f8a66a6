"""Ingest engines beyond the local one (``dyad.corpus``): the Dask cluster engine (#14)."""
