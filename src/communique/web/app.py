"""The web app: `create_app(settings or db path)` builds a FastAPI app over one SQLite store.

No module-level database handle: each app instance holds its own path, and every
request opens a read-only, time-limited connection (many readers; only `store`
writes). Pages and JSON share their data functions (`web.data`), see `web.routes`.
"""

from __future__ import annotations

import os
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
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StoreError
from ..filters import FilterError
from ..settings import Settings
from ..store import Store
from .deps import QUERY_TIME_LIMIT, QueryTimeout

HERE = Path(__file__).parent

# Scripts only from this server (article text can never run as code); charts need inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


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

    from .._version import __version__
    from . import threads  # noqa: F401  (registers the actors' positions page on the router)
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
    app.add_exception_handler(StarletteHTTPException, _http_error)  # no route: the same friendly 404
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(QueryTimeout, _timeout_error)
    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True  # article text is untrusted: every {{ }} is escaped
    from ..display import actor_label as side_label
    from ..display import human_date, human_span
    from .data import QUAD_NAMES, actor_label, side_view

    env.globals["actor_label"] = actor_label
    env.globals["side_view"] = side_view
    env.globals["side_label"] = side_label
    env.filters["human_date"] = human_date
    env.globals["human_span"] = human_span
    env.globals["quad_names"] = QUAD_NAMES
    env.filters["cut"] = lambda text, n=160: (
        (text or "") if len(text or "") <= n else (text or "")[: n - 1] + "…"
    )
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


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


TITLES = {400: "Bad request", 404: "Not found", 405: "Not allowed", 422: "A filter needs fixing", 503: "Busy"}


def error_page(
    request: Request, status: int, message: str, *, suggestions: list[dict[str, str]] | None = None
) -> Response:
    """The error as JSON for the API, else a page that says what went wrong and where to go instead."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    context = {"status": status, "title": TITLES.get(status, "Error"), "message": message,
               "suggestions": suggestions or [], "path": request.url.path}
    return request.app.state.templates.TemplateResponse(request, "error.html", context, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, dict) else {"message": str(exc.detail)}
    if exc.status_code == 404 and detail["message"] == "Not Found":
        detail = {"message": f"There is no page at {request.url.path}."}
    return error_page(request, exc.status_code, detail["message"], suggestions=detail.get("suggestions"))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return JSONResponse({"detail": _jsonable(exc.errors())}, status_code=422)
    problems = "; ".join(_plain_problem(e) for e in exc.errors())
    return error_page(request, 422, problems)


def _plain_problem(error: dict[str, Any]) -> str:
    """A validation error in words: the parameter, what was given and what is expected (no regex)."""
    name = ".".join(map(str, error.get("loc", ())[1:])) or "request"
    given = error.get("input")
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    expected = {
        "int_parsing": "a whole number",
        "bool_parsing": "true or false",
        "greater_than_equal": f"a number of at least {ctx.get('ge')}",
        "less_than_equal": f"a number of at most {ctx.get('le')}",
        "string_too_long": f"at most {ctx.get('max_length')} characters",
        "string_too_short": f"at least {ctx.get('min_length')} characters",
        "literal_error": f"one of {ctx.get('expected')}",
        "string_pattern_mismatch": "a value of another form",
    }.get(kind, "another value")
    shown = f"{str(given)[:60]!r} " if given not in (None, "") else ""
    return f"{name}: {shown}is not valid here; expected {expected}"


async def _filter_error(request: Request, exc: Exception) -> Response:
    """A filter the store cannot read ("since=2025-02-30", "type=REQUESTS").

    Answered with 422 and the nearest valid value.
    """
    assert isinstance(exc, FilterError)
    if wants_json(request):
        error = {"loc": ["query", exc.name], "msg": exc.detail, "type": "value_error"}
        return JSONResponse({"detail": [error]}, status_code=422)
    return error_page(request, 422, f"{exc.name}: {exc.detail}")


async def _store_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 503, str(exc))


async def _timeout_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 503, f"the query took longer than {QUERY_TIME_LIMIT:g}s; narrow the filters")


def _jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(
        errors, custom_encoder={Exception: str, bytes: lambda b: b.decode("utf-8", "replace")}
    )
