"""Analyses of stories and events, computed after linking: timelines, summaries, quote boards,
conflicts, coverage, key people."""
