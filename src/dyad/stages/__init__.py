"""Pipeline stages: pure functions over typed records (see ``dyad.pipeline.STAGES``)."""
