"""The alerts as an Atom feed (``/feeds/alerts.atom``), so any feed reader follows them:
one entry per alert, linking to the first article it cites."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from storyline import __version__
from storyline.model.follow import Alert


def alerts_atom(alerts: list[Alert], base: str) -> str:
    """The Atom document of ``alerts`` (newest first), with links under ``base``."""
    updated = alerts[0].get("at", "") if alerts else "1970-01-01T00:00:00Z"
    entries = []
    for a in alerts:
        cited = a.get("articles") or []
        href = f"{base}/articles/{cited[0]['id']}" if cited else f"{base}/alerts"
        lines = "; ".join(
            " · ".join(
                [
                    c["outlet"] or "unknown outlet",
                    c["published"] or "undated",
                    c["headline"] or "",
                ]
            )
            for c in cited
        )
        entries.append(
            "<entry>"
            f"<id>{escape(base)}/alerts#{a.get('id')}</id><title>{escape(a['title'])}</title>"
            f"<updated>{escape(a.get('at', ''))}</updated><link href={quoteattr(href)}/>"
            f"<category term={quoteattr(a['kind'])}/><summary>{escape(a['watch'] + ': ' + lines)}</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{escape(base)}/feeds/alerts.atom</id><title>Storyline alerts</title>"
        f"<updated>{escape(updated)}</updated>"
        f"<generator version={quoteattr(__version__)}>Storyline</generator>"
        f'<link rel="self" href={quoteattr(base + "/feeds/alerts.atom")}/>' + "".join(entries) + "</feed>\n"
    )
