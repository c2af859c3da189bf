"""Engines sequence read -> annotate -> store: in-process (`local`) or on Dask (`dask`)."""
