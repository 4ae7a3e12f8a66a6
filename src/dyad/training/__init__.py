"""Training of dyad's learned parts (``dyad train``): the event model."""
