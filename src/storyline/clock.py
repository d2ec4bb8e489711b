"""The moment, as the corpus writes it: UTC to the second, ISO 8601 with a ``Z`` (runs,
rejects, followed sources' polls, alerts)."""

from __future__ import annotations

from datetime import UTC, datetime


def now_text() -> str:
    """Now, as ``2026-12-07T19:18:18Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
