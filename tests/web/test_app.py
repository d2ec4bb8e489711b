"""The web app in-process against real SQLite files: every page and its JSON twin, paging,
errors, read-only by default, limits, and escaping of hostile content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.store import Store
from storyline.web import create_app


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db), base_url="http://127.0.0.1")


def _ids(client: TestClient) -> dict[str, list[str]]:
    stories = client.get("/api/stories", params={"limit": 200}).json()["items"]
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    entities = client.get("/api/entities", params={"limit": 5}).json()["items"]
    return {
        "stories": [s["id"] for s in stories],
        "events": [e["id"] for e in story["events"]],
        "entities": [e["id"] for e in entities],
        "articles": story["article_ids"],
    }


def test_every_page_and_its_json_twin(client: TestClient) -> None:
    ids = _ids(client)
    paths = ["/", "/stories", "/entities", "/search?q=harbour"]
    paths += [f"/stories/{i}" for i in ids["stories"]] + [f"/events/{i}" for i in ids["events"]]
    paths += [f"/entities/{i}" for i in ids["entities"]] + [f"/articles/{i}" for i in ids["articles"]]
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        twin = re.search(r'href="(/api/[^"]*)">JSON of this page', page.text)
        assert twin, path
        data = client.get(twin.group(1).replace("&amp;", "&"))
        assert data.status_code == 200 and data.headers["content-type"] == "application/json"


def test_story_page_shows_timeline_summary_and_citations_to_exact_spans(client: TestClient) -> None:
    sid = _ids(client)["stories"][0]
    story = client.get(f"/api/stories/{sid}").json()
    html = client.get(f"/stories/{sid}").text
    assert story["timeline"] and story["summary"]
    for entry in story["timeline"]:
        assert entry["text"].replace("'", "&#39;").replace('"', "&#34;")[:40] in html
    cite = story["timeline"][0]["citations"][0]
    link = f"/articles/{cite['article_id']}?hl={cite['start']}-{cite['end']}#hl"
    assert link in html
    article = client.get(link.split("#")[0])
    marked = re.findall(r'<span data-s="(\d+)" data-e="(\d+)" class="[^"]*\bhl\b', article.text)
    assert marked and int(marked[0][0]) == cite["start"] and int(marked[-1][1]) == cite["end"]
    assert 'id="hl"' in article.text


def test_paging_filters_and_limits(client: TestClient, demo_db: Path) -> None:
    first = client.get("/api/entities", params={"limit": 3}).json()
    second = client.get("/api/entities", params={"limit": 3, "offset": 3}).json()
    assert len(first["items"]) == 3 and first["total"] > 6
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert client.get("/api/stories", params={"limit": 201}).status_code == 422
    assert client.get("/api/stories", params={"offset": -1}).status_code == 422
    hits = client.get("/api/search", params={"q": "dam"}).json()["items"]
    assert hits and all(any(p["hit"] for p in h["parts"]) for h in hits)
    outlet = hits[0]["outlet"]
    only = client.get("/api/search", params={"q": "dam", "outlet": outlet}).json()["items"]
    assert only and all(h["outlet"] == outlet for h in only)
    with Store(demo_db) as store:
        person = store.views.entities_page(1, 0, "PERSON")[1][0]
    mentioning = client.get("/api/search", params={"q": person.name.split()[-1], "entity": person.id})
    assert mentioning.status_code == 200 and mentioning.json()["items"]


def test_unknown_ids_traversal_and_bad_input_are_clean_errors(client: TestClient) -> None:
    for path in ["/stories/S999", "/events/V999", "/entities/E999", "/articles/ffffffff",
                 "/stories/..%2F..%2Fetc%2Fpasswd", "/articles/..%2Fstoryline.db",
                 "/static/..%2F..%2Fstore%2F__init__.py"]:  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404, path
    assert client.get("/api/search", params={"q": '"unbalanced'}).status_code == 200
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422
    assert client.get("/api/articles/" + "a" * 65).status_code == 404


def test_read_only_unless_ingest_is_allowed_with_a_token(demo_db: Path, tmp_path: Path) -> None:
    client = TestClient(create_app(demo_db), base_url="http://127.0.0.1")
    record = [{"title": "New quay", "maintext": "The new quay at Port Selan opened on Monday. " * 5}]
    assert client.post("/api/ingest", json=record).status_code == 403
    assert "/api/ingest" not in client.get("/api/openapi.json").json()["paths"]
    big = client.post("/api/ingest", content=b"x" * 6_000_001, headers={"content-type": "application/json"})
    assert big.status_code == 413
    db = tmp_path / "w.db"
    Store(db).close()
    writer = TestClient(create_app(db, allow_ingest=True, token="s3cret"), base_url="http://127.0.0.1")
    assert writer.post("/api/ingest", json=record).status_code == 401
    bad = writer.post("/api/ingest", json=record, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    ok = writer.post("/api/ingest", json=record, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    with pytest.raises(ValueError):
        create_app(db, allow_ingest=True)


def test_hostile_content_is_escaped_everywhere(hostile_db: Path) -> None:
    client = TestClient(create_app(hostile_db), base_url="http://127.0.0.1")
    ids = _ids(client)
    pages = ["/", "/stories", "/entities", "/search?q=harbour"]
    pages += [f"/stories/{i}" for i in ids["stories"]] + [f"/events/{i}" for i in ids["events"]]
    pages += [f"/articles/{i}" for i in ids["articles"]]
    pages += [f"/entities/{i}" for i in ids["entities"]]
    for path in pages:
        html = client.get(path).text
        assert "__pwned" not in re.sub(r"&[#\w]+;", "", html) or "<script>window" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/app\.js\")", html), path
        assert not re.search(r"<(img|svg|iframe|style|b)\b[^>]*\bon\w+=", html, re.I), path
        assert 'href="javascript:' not in html.lower(), path
        assert "</textarea><script>" not in html
    article = client.get(f"/articles/{ids['articles'][0]}").text
    assert "&lt;script&gt;" in article  # shown as text, not run


def test_wire_copy_diffs_show_the_words_each_copy_changed(client: TestClient) -> None:
    from markupsafe import escape

    shown = 0
    for story_id in _ids(client)["stories"]:
        for ev in client.get(f"/api/stories/{story_id}").json()["events"]:
            data = client.get(f"/api/events/{ev['id']}").json()
            if not data["duplicates"]:
                continue
            page = client.get(f"/events/{ev['id']}").text
            assert "built-in method" not in page
            for d in data["duplicates"]:
                for op in d["diff"]:
                    if op["copy"]:
                        assert f"<ins>{escape(op['copy'])}</ins>" in page
                        shown += 1
                    if op["original"]:
                        assert f"<del>{escape(op['original'])}</del>" in page
    assert shown >= 1  # the demo corpus holds copies that insert words


def test_stories_rank_by_size_and_recency_and_hide_single_articles(client: TestClient) -> None:
    def items(**params: object) -> list[dict]:
        return client.get("/api/stories", params={"limit": 200, **params}).json()["items"]

    by_size = [s["articles"] for s in items(order="size")]
    assert by_size == sorted(by_size, reverse=True)
    newest = [s["last_date"] or "" for s in items(order="newest")]
    assert newest == sorted(newest, reverse=True)
    assert all(s["articles"] >= 2 for s in items(min_articles=2))
    assert len(items(min_articles=2)) < len(items())
    ranked = items()
    assert ranked[0]["articles"] >= 2 and ranked[0]["lede"]
    assert client.get("/api/stories", params={"order": "bogus"}).status_code == 422
    page = client.get("/stories", params={"order": "size", "min_articles": 2}).text
    assert "show single-article stories" in page and 'aria-current="true">largest</b>' in page


def test_search_counts_hits_groups_them_by_story_and_filters_by_entity_name(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "said", "limit": 5}).json()
    assert data["total"] >= len(data["items"]) and data["total"] > 5
    assert sum(len(g["hits"]) for g in data["groups"]) == len(data["items"])
    assert all(g["story_id"] for g in data["groups"])
    top = client.get("/api/entities", params={"limit": 1}).json()["items"][0]
    named = client.get("/api/search", params={"q": "the", "entity": top["name"]}).json()
    by_id = client.get("/api/search", params={"q": "the", "entity": top["id"]}).json()
    assert named["entity_id"] == top["id"] and named["total"] == by_id["total"] > 0
    nobody = client.get("/api/search", params={"q": "the", "entity": "Nobody Anywhere"}).json()
    assert nobody["total"] == 0 and nobody["entity_name"] is None
    page = client.get("/search", params={"q": "said", "limit": 5}).text
    assert f"{data['total']} articles found" in page and 'class="hit-group"' in page
    assert 'type="date" name="since"' in page


def test_story_page_shows_the_story_above_the_fold(client: TestClient) -> None:
    sid = client.get("/api/stories", params={"order": "size", "limit": 1}).json()["items"][0]["id"]
    data = client.get(f"/api/stories/{sid}").json()
    assert data["people"] and all(p["name"] and p["articles"] >= 1 for p in data["people"])
    assert any(p["said"] for p in data["people"])
    marks = data["chart"]["marks"]
    assert marks and all(data["chart"]["left"] <= m["x"] <= data["chart"]["right"] for m in marks)
    assert {m["entry"] for m in marks}.isdisjoint(data["chart"]["background"])
    assert sum(o["articles"] for o in data["outlet_mix"]) + data["unknown_articles"] == len(
        data["article_ids"]
    )
    page = client.get(f"/stories/{sid}").text
    assert page.index("Key people") < page.index("<h2>Timeline</h2>") < page.index("<h2>Summary</h2>")
    assert page.count('<circle class="mark') == len(marks)
    for m in marks:
        assert f'href="#t-{m["entry"]}"' in page and f'id="t-{m["entry"]}"' in page


def test_entity_page_months_roles_stories_neighbours_and_quote_kinds(client: TestClient) -> None:
    people = client.get("/api/entities", params={"label": "PERSON", "limit": 20}).json()["items"]
    seen_kinds: set[str] = set()
    for person in people:
        data = client.get(f"/api/entities/{person['id']}").json()
        months = [m["month"] for m in data["months"]]
        assert months == sorted(months) and len(months) == len(set(months))
        if months:  # every month of the span, the empty ones too
            y0, m0, y1, m1 = int(months[0][:4]), int(months[0][5:]), int(months[-1][:4]), int(months[-1][5:])
            assert len(months) == (y1 - y0) * 12 + m1 - m0 + 1
        roles = [r["role"].lower() for r in data["roles"]]
        assert len(roles) == len(set(roles))
        assert data["stories"] and all(s["articles"] >= 1 for s in data["stories"])
        assert person["id"] not in {o["id"] for o in data["co_mentioned"]}
        page = client.get(f"/entities/{person['id']}").text
        for q in data["quotes"]:
            kind = "reported speech" if q["kind"] == "indirect" else "quotation"
            seen_kinds.add(kind)
            assert f'<span class="badge">{kind}</span>' in page
    assert seen_kinds == {"quotation", "reported speech"}


def test_article_page_lists_its_annotations_and_links_its_story(client: TestClient) -> None:
    sid = client.get("/api/stories", params={"order": "size", "limit": 1}).json()["items"][0]["id"]
    aid = client.get(f"/api/stories/{sid}").json()["article_ids"][0]
    data = client.get(f"/api/articles/{aid}").json()
    assert data["story"]["id"] == sid and data["event_id"] and data["event_title"]
    panel = data["panel"]
    assert panel["entities"] and panel["dates"]
    page = client.get(f"/articles/{aid}").text
    for item in panel["entities"] + panel["dates"] + panel["quotes"] + panel["numbers"]:
        assert f'href="#{item["anchor"]}"' in page and f'id="{item["anchor"]}"' in page
    assert f'href="/stories/{sid}"' in page
    for n in panel["numbers"]:
        words = n["text"].lower().split()
        assert len(words) == len(set(words)), n  # "2 governments met", not "... met governments met"


def test_the_coverage_table_lists_events_down_and_outlets_across(client: TestClient) -> None:
    """A story of many events stays readable: one row per event (its date and title), one
    column per outlet, so the table grows downwards with the events, not sideways."""
    import re

    stories = client.get("/api/stories", params={"order": "size", "limit": 1}).json()["items"]
    sid = stories[0]["id"]
    data = client.get(f"/api/stories/{sid}").json()
    html = client.get(f"/stories/{sid}").text
    table = html[html.index('<table class="grid heat">') :]
    table = table[: table.index("</table>")]
    head, body = table.split("<tbody>")
    outlets = data["coverage"]["outlets"]
    assert head.count('<th scope="col">') == len(outlets) >= 2
    rows = re.findall(r'<th scope="row">.*?href="/events/(V\d+)"', body)
    assert rows == data["coverage"]["events"] and len(rows) >= 2
