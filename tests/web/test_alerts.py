"""The Alerts page, its JSON twin and the Atom feed of alerts, over a corpus whose watchlist
raised alerts (stored as a round of `watch` stores them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
from fastapi.testclient import TestClient

from storyline.follow.alerts import find_alerts
from storyline.store import Store
from storyline.web import create_app


def test_alerts_page_twin_and_atom_feed(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "alerts.db"
    shutil.copy(demo_db, db)
    with Store(db) as store:
        store.alerts.watch("entity", "Ilse Varga", "2024-05-02T00:00:00Z")
        store.alerts.watch("query", "dam", "2024-05-02T00:00:00Z")
        ids = [a["id"] for a in store.articles.page(limit=100)]
        raised = store.alerts.add(find_alerts(store, ids), "2024-05-02T10:00:00Z")
        assert {a["kind"] for a in raised} >= {"entity", "quote", "query"}
        assert store.alerts.add(find_alerts(store, ids), "2024-05-02T11:00:00Z") == []  # once each
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    data = client.get("/api/alerts").json()
    assert len(data["items"]) == min(len(raised), 50) and data["watches"][0]["value"] == "Ilse Varga"
    page = client.get("/alerts").text
    assert "New article about Ilse Varga" in page and "/feeds/alerts.atom" in page
    feed = client.get("/feeds/alerts.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and len(parsed.entries) == min(len(raised), 200)
    assert parsed.entries[0].link.startswith("http://127.0.0.1/articles/")
