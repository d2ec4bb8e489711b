"""Error answers: JSON (``{"detail": ...}``) under ``/api``, an HTML page elsewhere, so a
reader who follows a bad link sees a page of the site and not raw JSON."""

from __future__ import annotations

import json
from http import HTTPStatus

from storyline.web.render import Links, render


def wants_json(path: str) -> bool:
    """Whether a path is the JSON API's (its errors are JSON)."""
    return path == "/api" or path.startswith("/api/")


def error_body(path: str, status: int, detail: str) -> tuple[bytes, str]:
    """(body, content type) of an error answer for ``path``."""
    if wants_json(path):
        return json.dumps({"detail": detail}).encode(), "application/json"
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    html = render("error.html", {"status": status, "title": title, "detail": detail}, Links(), "")
    return html.encode(), "text/html; charset=utf-8"
