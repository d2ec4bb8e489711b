"""The server: FastAPI over a store, read-only unless ``--allow-ingest`` is given with a token.

Every HTML page has a JSON twin under ``/api`` (same data; the OpenAPI spec is at
``/api/openapi.json``). Scraped content is hostile: templates escape everything, the
Content-Security-Policy forbids inline script and any other origin, ids are checked against
a strict pattern (no path reaches the file system), request bodies are capped and database
work per request is time-limited.
"""

from __future__ import annotations

import contextlib
import hmac
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from storyline import __version__
from storyline.store import Store, StoreError
from storyline.web import pages
from storyline.web.render import Links, render

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
Limit = Annotated[int, Query(ge=1, le=pages.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Words = Annotated[str, Query(max_length=500)]
MAX_BODY = 5_000_000  # bytes a request may send (ingest only; pages take none)
QUERY_SECONDS = 10.0  # database work one request may do


def search_params(
    q: Words = "",
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    entity: Text = None,
) -> dict[str, Any]:
    """The search page's parameters (shared by the page and its JSON twin)."""
    return {"q": q, "limit": limit, "offset": offset, "outlet": outlet, "since": since,
            "until": until, "entity": entity}  # fmt: skip


def create_app(db: str | Path, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``. ``allow_ingest`` (with a ``token``) opens
    ``POST /api/ingest``; without it nothing writes except cached views."""
    db = str(db)
    if allow_ingest and not token:
        raise ValueError("--allow-ingest needs a token")
    if Path(db).exists():  # bring an older corpus file up to this version's schema once
        with contextlib.suppress(StoreError), Store(db):
            pass
    app = FastAPI(
        title="Storyline", version=__version__, docs_url=None, redoc_url=None,
        openapi_url="/api/openapi.json",
        description="Read-only JSON twin of every Storyline page: corpus, stories, events, "
        "entities, articles, search. Lists take limit (≤ 200) and offset.",
    )  # fmt: skip
    static = resources.files("storyline.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    links = Links()

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Any]) -> Response:
        size = request.headers.get("content-length")
        if size and (not size.isdigit() or int(size) > MAX_BODY):
            return JSONResponse({"detail": "request body too large"}, status_code=413)
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    @contextmanager
    def store(write: bool = False) -> Iterator[Store]:
        if not Path(db).exists():
            raise HTTPException(503, f"no database at {db}")
        with Store(db, readonly=not write, time_limit=QUERY_SECONDS) as s:
            yield s

    def views(kind: str, item: str) -> None:
        """Compute a story's or event's views the first time they are asked for."""
        with store() as s:
            stale = item in set(s.views.stale(kind))
        if stale:
            from storyline.link import Linker

            with store(write=True) as s:
                Linker(s).refresh_views(kind, [item])

    def page(make: Callable[[Store], dict[str, Any]]) -> dict[str, Any]:
        try:
            with store() as s:
                return make(s)
        except pages.NotFound as exc:
            raise HTTPException(404, str(exc)) from None

    def html(template: str, data: dict[str, Any], request: Request) -> HTMLResponse:
        twin = "/api" + request.url.path.rstrip("/") if request.url.path != "/" else "/api/overview"
        if request.url.query:
            twin += "?" + request.url.query
        return HTMLResponse(render(template, data, links, twin))

    # --- JSON API ------------------------------------------------------------------------
    @app.get("/api/overview", tags=["api"])
    def api_overview() -> dict[str, Any]:
        """Outlets, date range, counts, rejects, newest stories."""
        return page(pages.overview)

    @app.get("/api/stories", tags=["api"])
    def api_stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return page(lambda s: pages.stories(s, limit, offset))

    @app.get("/api/stories/{story_id}", tags=["api"])
    def api_story(story_id: str) -> dict[str, Any]:
        """A story: timeline, summary, events, quote board, conflicts, coverage."""
        if pages.ID.match(story_id):
            views("story", story_id)
        return page(lambda s: pages.story(s, story_id))

    @app.get("/api/events/{event_id}", tags=["api"])
    def api_event(event_id: str) -> dict[str, Any]:
        if pages.ID.match(event_id):
            views("event", event_id)
        return page(lambda s: pages.event(s, event_id))

    @app.get("/api/entities", tags=["api"])
    def api_entities(
        limit: Limit = 50, offset: Offset = 0, label: Text = None, name: Text = None
    ) -> dict[str, Any]:
        return page(lambda s: pages.entities(s, limit, offset, label, name))

    @app.get("/api/entities/{entity_id}", tags=["api"])
    def api_entity(entity_id: str) -> dict[str, Any]:
        return page(lambda s: pages.entity(s, entity_id))

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(article_id: str, hl: Text = None) -> dict[str, Any]:
        return page(lambda s: pages.article(s, article_id, hl))

    @app.get("/api/search", tags=["api"])
    def api_search(query: Annotated[dict[str, Any], Depends(search_params)]) -> dict[str, Any]:
        """Full-text search (FTS5 syntax or plain words) with filters and snippets."""
        return page(lambda s: pages.search(s, **query))

    @app.post("/api/ingest", tags=["api"], include_in_schema=allow_ingest)
    def api_ingest(
        records: Annotated[list[dict[str, Any]], Body(max_length=1000)],
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        """Ingest news-please style records (title, maintext, url, date_publish); only with
        ``--allow-ingest`` and ``Authorization: Bearer TOKEN``."""
        if not allow_ingest or token is None:
            raise HTTPException(403, "this server is read-only (start it with --allow-ingest)")
        if not hmac.compare_digest(authorization or "", f"Bearer {token}"):
            raise HTTPException(401, "wrong or missing token")
        import json

        from storyline.ingest.run import Ingest

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "posted.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
            with Store(db) as s:
                report = Ingest(s).run([str(path)])
        return {"stored": len(report.stored), "rejected": len(report.rejects)}

    # --- pages ---------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return html("index.html", page(pages.overview), request)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        return html("stories.html", page(lambda s: pages.stories(s, limit, offset)), request)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        return html("story.html", api_story(story_id), request)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        return html("event.html", api_event(event_id), request)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(
        request: Request, limit: Limit = 50, offset: Offset = 0, label: Text = None,
        name: Text = None,
    ) -> HTMLResponse:  # fmt: skip
        return html("entities.html", api_entities(limit, offset, label, name), request)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        return html("entity.html", api_entity(entity_id), request)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, hl: Text = None) -> HTMLResponse:
        return html("article.html", api_article(article_id, hl), request)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, query: Annotated[dict[str, Any], Depends(search_params)]
    ) -> HTMLResponse:
        return html("search.html", api_search(query), request)

    return app
