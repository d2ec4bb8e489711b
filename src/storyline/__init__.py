"""Storyline: raw news articles in, a clean, dated, linked and source-cited picture out."""

__version__ = "0.1.0"
