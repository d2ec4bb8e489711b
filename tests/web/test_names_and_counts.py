"""Pages name things and count them the same way everywhere: no hex id shown as a name (an
article is "Outlet · date · headline"), outlets counted as distinct known outlets with
articles of unknown outlet counted apart, "1 event" not "1 events". On the demo corpus and
on real Timeline17 pages that carry no outlet or headline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.web import create_app

HEX = re.compile(r"\b[0-9a-f]{8,16}\b")
BAD_PLURAL = re.compile(r"\b1 (events|articles|outlets|passages|changes)\b")
REPORTED = re.compile(r"reported by (\d+) of (\d+) outlets?")


def visible(html: str) -> str:
    """The text a reader sees, without the elements that show an id as an id."""
    html = re.sub(r'<(span|dd) class="id">[^<]*</\1>', " ", html)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _pages(client: TestClient) -> list[tuple[str, dict]]:
    out = [("/", {}), ("/stories", {}), ("/entities", {})]
    for s in client.get("/api/stories", params={"limit": 200}).json()["items"]:
        story = client.get(f"/api/stories/{s['id']}").json()
        out.append((f"/stories/{s['id']}", story))
        out += [(f"/events/{e}", {}) for e in story["event_ids"][:3]]
        out += [(f"/articles/{a}", {}) for a in story["article_ids"][:2]]
    for e in client.get("/api/entities", params={"limit": 5}).json()["items"]:
        out.append((f"/entities/{e['id']}", {}))
    return out


@pytest.mark.parametrize("corpus", ["demo_db", "t17_db"])
def test_no_id_as_a_name_and_no_count_against_another(corpus: str, request: pytest.FixtureRequest) -> None:
    db: Path = request.getfixturevalue(corpus)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    checked = 0
    for path, story in _pages(client):
        html = client.get(path)
        assert html.status_code == 200, path
        text = visible(html.text)
        ids = [h for h in HEX.findall(text) if not h.isdigit()]
        assert not ids, (path, ids[:5])
        assert not BAD_PLURAL.search(text), (path, BAD_PLURAL.search(text))
        assert not re.search(r"\bof 0\b", text), path
        if story:
            known = story["known_outlets"]
            assert known == len([o for o in story["outlets"] if o != "unknown outlet"])
            for got, of in REPORTED.findall(text):
                assert int(of) == known and 1 <= int(got) <= known, (path, got, of)
            if known:
                assert re.search(rf"from {known} outlets?\b", text), path
            else:
                assert "of unknown outlet" in text, path
        checked += 1
    assert checked > 10
