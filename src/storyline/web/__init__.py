"""The face of Storyline: a read-only web UI with a JSON twin for every page
(``storyline serve``), and the same pages as a static site (``storyline report``)."""

from storyline.web.app import create_app

__all__ = ["create_app"]
