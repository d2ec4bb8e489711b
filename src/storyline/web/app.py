"""The server: FastAPI over a store, read-only unless ``--allow-ingest`` is given with a token.

Every page is registered once with its JSON twin: the twin (``/api/...``) returns the page's
data from the view layer (``web.pages``), the page renders the same data (the OpenAPI spec is
at ``/api/openapi.json``). Scraped content is hostile: templates escape everything, the
Content-Security-Policy forbids inline script and any other origin, ids are checked against
a strict pattern (no path reaches the file system), request bodies are capped and database
work per request is time-limited.
"""

from __future__ import annotations

import functools
import hmac
import json
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder as jsonable
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__, pages
from storyline.pages import shapes
from storyline.store import Store, interrupted
from storyline.web.errors import error_body
from storyline.web.guard import HEADERS, Guard, host_names
from storyline.web.limits import Admission, Capacity
from storyline.web.render import Links, render

Limit = Annotated[int, Query(ge=1, le=pages.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Words = Annotated[str, Query(max_length=500)]
T = TypeVar("T")
MAX_BODY = 5_000_000  # bytes a request may send (ingest only; pages take none)
QUERY_SECONDS = 10.0  # database work one request may do


class Problem(BaseModel):
    """What an error answer says."""

    detail: str


COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Host not served, or control characters in the address"},
    413: {"model": Problem, "description": "Request body over 5 MB"},
    503: {
        "model": Problem,
        "description": "No corpus, more database work than one request may do, or the server busy "
        "(with Retry-After)",
    },
}
"""Answers any operation can give besides its own (the guard's, the store's)."""


def search_params(
    q: Words = "",
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    entity: Text = None,
) -> dict[str, Any]:
    """The search page's parameters."""
    return {
        "q": q,
        "limit": limit,
        "offset": offset,
        "outlet": outlet,
        "since": since,
        "until": until,
        "entity": entity,
    }


SearchParams = Annotated[dict[str, Any], Depends(search_params)]


@contextmanager
def _store(request: Request) -> Iterator[Store]:
    """The corpus, opened read-only for one request, time-limited: no page ever writes."""
    db = request.app.state.db
    if not Path(db).exists():
        raise HTTPException(503, f"no database at {db}")
    with Store(db, readonly=True, time_limit=QUERY_SECONDS) as s:
        yield s


def _page(request: Request, make: Callable[..., T], *args: Any) -> T:
    """A page's data from the view layer; what the corpus does not hold is a 404, work cut
    off by the time limit a 503."""
    try:
        with _store(request) as s:
            return make(s, *args)
    except pages.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except Exception as exc:
        if not interrupted(exc):
            raise
        raise HTTPException(
            503, f"this request needed more than {QUERY_SECONDS:g} s of database work"
        ) from None


# --- the pages' data: each is a JSON twin, and its page renders what it returns -------------
def overview(request: Request) -> shapes.Overview:
    """Outlets, date range, counts, rejects, newest stories."""
    return _page(request, pages.overview)


def stories(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    order: Annotated[Literal["rank", "newest", "oldest", "size"], Query()] = "rank",
    min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> shapes.StoriesPage:
    """Stories ranked by size and recency (``order=rank``), or newest, oldest, largest first;
    ``min_articles=2`` hides single-article stories."""
    return _page(request, pages.stories, limit, offset, order, min_articles)


def story(request: Request, story_id: str) -> shapes.StoryPage:
    """A story: timeline, summary, events, quote board, conflicts, coverage."""
    return _page(request, pages.story, story_id)


def event(request: Request, event_id: str) -> shapes.EventPage:
    """An event: its articles side by side, wire-copy diffs, summary, what one outlet alone reports."""
    return _page(request, pages.event, event_id)


def event_compare(request: Request, event_id: str) -> shapes.ComparePage:
    """An event's outlets side by side: headline, first seen, whom each quotes and leaves
    out, what one alone reports, what several share, the numbers they disagree on."""
    return _page(request, pages.event_comparison, event_id)


def story_compare(request: Request, story_id: str) -> shapes.StoryComparePage:
    """A story's outlets over its events, over time: who reported each first, who did not."""
    return _page(request, pages.story_comparison, story_id)


def entities(
    request: Request, limit: Limit = 50, offset: Offset = 0, label: Text = None, name: Text = None
) -> shapes.EntitiesPage:
    """Entities, most reported first."""
    return _page(request, pages.entities, limit, offset, label, name)


def entity(request: Request, entity_id: str) -> shapes.EntityPage:
    """An entity: aliases with evidence, roles, quotes, mentions by month."""
    return _page(request, pages.entity, entity_id)


def article(request: Request, article_id: str, hl: Text = None) -> shapes.ArticlePage:
    """An article: clean text with annotations, removed boilerplate with reasons, origin."""
    return _page(request, pages.article, article_id, hl)


def alerts(request: Request, since: Text = None, limit: Limit = 50) -> shapes.AlertsPage:
    """Alerts of the watchlist, newest first (``since`` a date or time)."""
    return _page(request, pages.alerts, since, limit)


def search(request: Request, query: SearchParams) -> shapes.SearchPage:
    """Full-text search (FTS5 syntax or plain words) with filters and snippets."""
    return _page(request, lambda s: pages.search(s, **query))


PAGES: list[tuple[str, str, Callable[..., Mapping[str, object]]]] = [
    ("/overview", "index.html", overview),
    ("/stories", "stories.html", stories),
    ("/stories/{story_id}", "story.html", story),
    ("/events/{event_id}", "event.html", event),
    ("/events/{event_id}/compare", "compare.html", event_compare),
    ("/stories/{story_id}/compare", "compare_story.html", story_compare),
    ("/entities", "entities.html", entities),
    ("/entities/{entity_id}", "entity.html", entity),
    ("/articles/{article_id}", "article.html", article),
    ("/search", "search.html", search),
    ("/alerts", "alerts.html", alerts),
]
"""(path of the JSON twin under /api, template, the page's data). The overview's page is /."""


def _register(app: FastAPI, path: str, template: str, data: Callable[..., Mapping[str, object]]) -> None:
    """The JSON twin at ``/api{path}`` and the page at ``path`` (``/`` for the overview), both
    over ``data``: the page takes the same parameters and renders what the twin returns."""
    answers = dict(COMMON_ERRORS)
    if "{" in path:
        answers[404] = {"model": Problem, "description": "No such item in the corpus"}
    # the page's data as it is (no response model: a page's typed shape documents it, and
    # nothing it holds is filtered or revalidated on the way out)
    app.get("/api" + path, tags=["api"], name=f"api_{data.__name__}", responses=answers, response_model=None)(
        data
    )
    links = Links()

    @functools.wraps(data)
    def page(request: Request, **params: Any) -> HTMLResponse:
        twin = "/api" + (request.url.path.rstrip("/") or path)
        if request.url.query:
            twin += "?" + request.url.query
        return HTMLResponse(render(template, data(request, **params), links, twin))

    page.__annotations__ = {**data.__annotations__, "return": HTMLResponse}
    route = "/" if path == "/overview" else path
    app.get(
        route, response_class=HTMLResponse, include_in_schema=False, name=data.__name__, response_model=None
    )(page)


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    body, kind = error_body(request.url.path, status, detail)
    return Response(body, status_code=status, media_type=kind, headers=headers)


def _errors(app: FastAPI) -> None:
    """Errors as JSON under /api and as pages elsewhere; a server error carries the security
    headers too (it is answered outside the guard) and says nothing of the code."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return Response(
                json.dumps({"detail": jsonable(exc.errors())}), status_code=422, media_type="application/json"
            )
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, problems)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        headers = {k.decode(): v.decode() for k, v in HEADERS}
        return _error(request, 500, "internal error (see the server's log)", headers)


def create_app(
    db: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    bind: str = "127.0.0.1",
    allowed_hosts: tuple[str, ...] = (),
    capacity: Capacity | None = None,
) -> FastAPI:
    """The web app over the store at ``db``. ``allow_ingest`` (with a ``token``) opens
    ``POST /api/ingest``; without it nothing writes. Requests must name
    the server in their Host header: loopback names, ``bind`` and ``allowed_hosts``.
    ``capacity``: how many requests run at once, how many wait and how long."""
    db = str(db)
    if allow_ingest and not token:
        raise ValueError("--allow-ingest needs a token")
    app = FastAPI(
        title="Storyline",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        description="Read-only JSON twin of every Storyline page: corpus, stories, events, "
        "entities, articles, search. Lists take limit (≤ 200) and offset.",
    )
    app.state.db = db
    static = resources.files("storyline.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    # inside the guard: a request it refuses takes no turn
    app.add_middleware(Admission, capacity=capacity or Capacity())
    app.add_middleware(
        Guard,
        hosts=host_names(bind, allowed_hosts),
        max_body=MAX_BODY,
        writable=allow_ingest,
        token=token,
    )
    _errors(app)

    for path, template, data in PAGES:
        _register(app, path, template, data)

    @app.get("/feeds/alerts.atom", include_in_schema=False)
    def alerts_feed(request: Request) -> Response:
        """The alerts as an Atom feed, for any feed reader."""
        from storyline.web.feeds import alerts_atom

        data = _page(request, pages.alerts, None, pages.MAX_LIMIT)
        base = str(request.base_url).rstrip("/")
        return Response(alerts_atom(data["items"], base), media_type="application/atom+xml")

    @app.post(
        "/api/ingest",
        tags=["api"],
        include_in_schema=allow_ingest,
        responses={
            **COMMON_ERRORS,
            401: {"model": Problem, "description": "Wrong or missing token"},
            403: {"model": Problem, "description": "Read-only server"},
        },
    )
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
        from storyline.run.embedded import Ingest

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "posted.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
            with Store(db) as s:
                report = Ingest(s).run([str(path)])
        return {"stored": len(report.stored), "rejected": len(report.rejects)}

    return app
