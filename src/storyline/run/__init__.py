"""Runs: the per-article stages over many inputs, in this process, in worker processes or on a cluster."""
