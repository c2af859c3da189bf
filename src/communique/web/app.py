"""The web app: `create_app(settings or db path)` builds a FastAPI app over one SQLite store.

No module-level database handle: each app instance holds its own path, and every
request opens a read-only, time-limited connection (many readers; only `store`
writes). Pages and JSON share their data functions (`web.data`), see `web.routes`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..errors import StoreError
from ..settings import Settings
from ..store import Store

HERE = Path(__file__).parent
QUERY_TIME_LIMIT = 5.0  # seconds; a runaway query is cut off rather than holding a worker

# Scripts only from this server (article text can never run as code); charts need inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class QueryTimeout(Exception):
    """A query ran longer than the app's time limit."""


def create_app(settings: Settings | str | os.PathLike[str] | None = None, *, check: bool = True) -> FastAPI:
    """A FastAPI app over the database of `settings` (or a database path).

    With `check`, a missing or unmigrated database fails here, once, with a clear
    message, instead of on every request.
    """
    if settings is None or isinstance(settings, Settings):
        db_path = (settings or Settings.load()).db
    else:
        db_path = str(settings)
    if check:
        Store(db_path, readonly=True).close()

    from .. import __version__
    from .routes import router

    app = FastAPI(
        title="communique",
        version=__version__,
        description="Events, quotes, actors, positions and dates extracted from news, with their sources. "
        "Every HTML page is also JSON: add `.json` to its path, or use the `/api/` routes below.",
        docs_url=None,  # served below with the vendored Swagger UI: no CDN
        redoc_url=None,
    )
    app.state.db_path = db_path
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="communique API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(QueryTimeout, _timeout_error)
    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True  # article text is untrusted: every {{ }} is escaped
    from .data import QUAD_NAMES, actor_label

    env.globals["actor_label"] = actor_label
    env.globals["quad_names"] = QUAD_NAMES
    env.filters["cut"] = lambda text, n=160: (text or "") if len(text or "") <= n else (text or "")[: n - 1] + "…"
    env.filters["marked"] = _marked
    env.filters["count"] = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"
    env.globals["url_with"] = _url_with
    return templates


def _marked(snippet: str | None) -> Markup:
    """A search snippet with its match marks as <mark>, escaped first so article text stays text."""
    from .data import MARKS

    escaped = str(escape(snippet or ""))
    return Markup(escaped.replace(MARKS[0], "<mark>").replace(MARKS[1], "</mark>"))


def _url_with(query: dict[str, str], **changes: Any) -> str:
    """This page's query string with some parameters changed (pagination links)."""
    merged = {**query, **{k: v for k, v in changes.items()}}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request, with a time limit on its queries."""
    store = Store(request.app.state.db_path, readonly=True)
    deadline = time.monotonic() + QUERY_TIME_LIMIT
    # sqlite calls this every 10k VM steps; a true value interrupts the running query
    store.conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield store
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout() from None
        raise
    finally:
        store.close()


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def error_page(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_page(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return JSONResponse({"detail": _jsonable(exc.errors())}, status_code=422)
    problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())[1:]))}: {e.get('msg')}" for e in exc.errors())
    return error_page(request, 422, f"bad request: {problems}")


async def _store_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 503, str(exc))


async def _timeout_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 503, f"the query took longer than {QUERY_TIME_LIMIT:g}s; narrow the filters")


def _jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str, bytes: lambda b: b.decode("utf-8", "replace")})
