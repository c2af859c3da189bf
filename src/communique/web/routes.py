"""Routes: each view computes one dict, served as JSON (`/api/...` and `PAGE.json`) and as HTML (`PAGE`).

`view(path, template)` registers a data function three times: under `/api/`
(documented in OpenAPI), under the page's path plus `.json`, and as the HTML page
rendering the same dict with `template` (which links to its JSON in a `Link`
header). Lists are also CSV (`PATH.csv`, spreadsheet-safe) for download. Lengths and
page bounds are checked here; dates, types, modalities and actor names by the queries
(`communique.filters`), whose errors become a page naming the filter and the nearest
valid value. An empty form field means "no filter".
"""

import inspect
import io
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..store import Store
from . import data
from .deps import get_store

router = APIRouter()

StoreDep = Annotated[Store, Depends(get_store)]
Day = Annotated[str | None, Query(max_length=40, description="A day, YYYY-MM-DD.")]
Code = Annotated[
    str | None,
    Query(max_length=100, description="An actor: a code (RUS), a name or an alias (Russia, Putin)."),
]
Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=10_000, description="Rows per page (up to 10,000 for a download).")]
Modality = Annotated[
    str | None,
    Query(max_length=60, description="asserted, future, hypothetical, negated, a comma list, or all."),
]
EventType = Annotated[str | None, Query(max_length=40, description="PLOVER type: CONSULT, REQUEST...")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Key = Annotated[str, Path(min_length=1, max_length=200)]


def view(
    path: str, template: str, *, api: str | None = None, summary: str = "", csv: bool = False
) -> Callable:
    """Register `func` as JSON at /api/... and PATH.json, and as the HTML page PATH.

    The page's rows are also served as PATH.csv.
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        api_path = api or "/api" + path
        json_path = (path if path != "/" else "/index") + ".json"
        router.add_api_route(api_path, func, methods=["GET"], summary=summary or None, response_model=None)
        router.add_api_route(json_path, func, methods=["GET"], include_in_schema=False, response_model=None)
        if csv:
            router.add_api_route(path + ".csv", _as_csv(func, path), methods=["GET"], include_in_schema=False)

        signature = inspect.signature(func)
        takes_request = "request" in signature.parameters

        def html(**kwargs: Any) -> Response:
            request: Request = kwargs["request"] if takes_request else kwargs.pop("request")
            result = func(**kwargs)
            # the path comes decoded ("/actors/Erdoğan"): a header holds Latin-1 only, so it is quoted again
            suffix = quote(("/index" if request.url.path == "/" else request.url.path) + ".json", safe="/")
            json_url = suffix + (f"?{request.url.query}" if request.url.query else "")
            context = {
                "data": result,
                "query": dict(request.query_params),
                "json_url": json_url,
                "download_links": _downloads(request.url.path, dict(request.query_params)) if csv else None,
            }
            response = request.app.state.templates.TemplateResponse(request, template, context)
            response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
            return response

        extra = (
            []
            if takes_request
            else [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
        )
        html.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *extra])  # type: ignore[attr-defined]
        html.__name__ = func.__name__ + "_page"
        router.add_api_route(
            path, html, methods=["GET"], include_in_schema=False, response_class=HTMLResponse
        )
        return func

    return register


DOWNLOAD_ROWS = 10_000


def _downloads(path: str, query: dict[str, str]) -> dict[str, str]:
    """Links to the whole filtered list (not only this page) as CSV and as JSON."""
    from urllib.parse import urlencode

    kept = {k: v for k, v in query.items() if k not in ("limit", "offset") and v}
    params = kept | {"limit": str(DOWNLOAD_ROWS)}
    return {"csv": f"{path}.csv?{urlencode(params)}", "json": f"{path}.json?{urlencode(params)}"}


def _as_csv(func: Callable[..., Any], path: str) -> Callable[..., Response]:
    """The view's rows as a CSV download (cells a spreadsheet would run as formulas are escaped)."""
    from ..export import write_csv

    def download(**kwargs: Any) -> Response:
        result = func(**kwargs)
        rows = result["rows"] if isinstance(result, dict) else result
        buffer = io.StringIO()
        write_csv(iter(rows), buffer, fieldnames=None if rows else ["nothing found"])
        name = path.strip("/").replace("/", "-") or "rows"
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})

    download.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    download.__name__ = func.__name__ + "_csv"
    return download


def _blank(value: str | None) -> str | None:
    """Forms send empty fields as ""; that means no filter."""
    return value.strip() or None if value is not None else None


# ---------------------------------------------------------------- pages (and their JSON)


@view(
    "/",
    "dashboard.html",
    api="/api/dashboard",
    summary="Dashboard: timeline, dyads, active actors, latest quotes",
)
def dashboard(store: StoreDep, since: Day = None, until: Day = None, modality: Modality = "asserted") -> dict:
    # charts count what happened: asserted events only, unless another modality is chosen
    return data.dashboard(
        store, since=_blank(since), until=_blank(until), modality=_blank(modality) or "asserted"
    )


@view(
    "/network", "network.html", summary="Actor network: nodes and edges with cooperation and conflict counts"
)
def network(store: StoreDep, since: Day = None, until: Day = None) -> dict:
    return data.network(store, since=_blank(since), until=_blank(until))


@view("/articles", "articles.html", summary="Stored articles, newest first", csv=True)
def articles(
    store: StoreDep,
    source: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    filters = {"source": _blank(source), "since": _blank(since), "until": _blank(until)}
    rows = store.articles(**filters, limit=limit + 1, offset=offset)
    return {"filters": filters, "sources": data.sources(store), **data.page(rows, limit, offset)}


@view("/articles/{article_id:path}", "article.html", summary="One article with all its annotations")
def article(store: StoreDep, article_id: Key) -> dict:
    result = data.article(store, article_id)
    if result is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return result


@view(
    "/events",
    "events.html",
    summary="Coded events with evidence; filter by actor, pair, type, modality, dates, outlet, place",
    csv=True,
)
def events(
    store: StoreDep,
    actor: Code = None,
    partner: Code = None,
    type: EventType = None,
    modality: Modality = None,
    since: Day = None,
    until: Day = None,
    source: Text = None,
    place: Text = None,
    article_id: Text = None,
    include_negated: bool = False,
    oldest_first: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    filters = {
        "actor": _blank(actor),
        "partner": _blank(partner),
        "type": _blank(type),
        "modality": _blank(modality),
        "since": _blank(since),
        "until": _blank(until),
        "source": _blank(source),
        "place": _blank(place),
        "article_id": _blank(article_id),
    }
    rows = store.events(**filters, include_negated=include_negated, oldest_first=oldest_first,
                        limit=limit + 1, offset=offset)
    store.attach_sides(rows)
    return {"filters": filters, "sources": data.sources(store), "types": data.type_names(),
            **data.page(rows, limit, offset)}


@view("/quotes", "quotes.html", summary="Quotes with speaker, article and date", csv=True)
def quotes(
    store: StoreDep,
    speaker: Text = None,
    country: Code = None,
    since: Day = None,
    until: Day = None,
    source: Text = None,
    article_id: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    filters = {
        "speaker": _blank(speaker),
        "country": _blank(country),
        "since": _blank(since),
        "until": _blank(until),
        "source": _blank(source),
        "article_id": _blank(article_id),
    }
    rows = store.quotes(**filters, limit=limit + 1, offset=offset)
    return {"filters": filters, "sources": data.sources(store), **data.page(rows, limit, offset)}


@view("/actors", "actors.html", summary="Actors across articles with mention counts", csv=True)
def actors(
    store: StoreDep, country: Code = None, name: Text = None, limit: Limit = 100, offset: Offset = 0
) -> dict:
    filters = {"country": _blank(country), "name": _blank(name)}
    rows = store.actors(**filters, limit=offset + limit + 1)[offset:]
    return {"filters": filters, **data.page(rows, limit, offset)}


@view(
    "/actors/{key}",
    "actor.html",
    summary="One actor, by code (RUS), name or alias (Putin): events, partners, quotes, places",
)
def actor(store: StoreDep, key: Key, limit: Limit = 50) -> dict:
    result = data.actor(store, key, limit=limit)
    if result is None or not (result["members"] or result["events"] or result["quotes"]):
        raise HTTPException(404, {"message": f"No actor called {key!r} in these articles.",
                                  "suggestions": data.actor_suggestions(store, key)})
    return result


@view(
    "/positions", "positions.html", summary="What each side demands, proposes, supports or rejects", csv=True
)
def positions(
    store: StoreDep,
    holder: Text = None,
    kind: Annotated[str | None, Query(max_length=40, description="demand, proposal, offer, ...")] = None,
    since: Day = None,
    until: Day = None,
    source: Text = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict:
    filters = {"holder": _blank(holder), "kind": _blank(kind), "since": _blank(since), "until": _blank(until),
               "source": _blank(source)}
    rows = store.positions(**filters, limit=offset + limit + 1)[offset:]
    return {"filters": filters, "sources": data.sources(store), **data.page(rows, limit, offset)}


@view(
    "/upcoming",
    "upcoming.html",
    summary="Planned meetings, talks, visits and releases still to come",
    csv=True,
)
def upcoming(store: StoreDep, as_of: Day = None, modality: Modality = None, limit: Limit = 200) -> dict:
    return data.upcoming(store, as_of=_blank(as_of), modality=_blank(modality), limit=limit)


@view(
    "/map",
    "map.html",
    summary="Where events happened: places with their event counts, on a world outline",
    csv=True,
)
def event_map(
    store: StoreDep,
    actor: Code = None,
    type: EventType = None,
    modality: Modality = "asserted",
    since: Day = None,
    until: Day = None,
    source: Text = None,
    limit: Limit = 500,
) -> dict:
    filters = {"actor": _blank(actor), "type": _blank(type), "modality": _blank(modality) or "asserted",
               "since": _blank(since), "until": _blank(until), "source": _blank(source)}
    return data.event_map(store, filters, limit=limit)


@view(
    "/stories",
    "stories.html",
    summary="One real-world event reported by several articles, with disagreements",
)
def stories(
    store: StoreDep,
    actor: Code = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type: its family's stories")] = None,
    since: Day = None,
    until: Day = None,
    min_articles: Annotated[
        int, Query(ge=1, le=1000, description="Reported by at least this many articles.")
    ] = 2,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    return data.stories(
        store, actor=_blank(actor), type=_blank(type), since=_blank(since), until=_blank(until),
        min_articles=min_articles, limit=limit, offset=offset,
    )


@view("/stories/{story_id}", "story.html", summary="One story: each outlet side by side, and disagreements")
def story(store: StoreDep, story_id: Key) -> dict:
    result = data.story(store, story_id)
    if result is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return result


@view("/search", "search.html", summary="Full-text search over article text and quotes")
def search(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "", limit: Limit = 30) -> dict:
    return data.search(store, q.strip(), limit=limit)


# ---------------------------------------------------------------- JSON only


@router.get(
    "/api/timeline", summary="Event counts per day, by PLOVER type or QuadClass (asserted events by default)"
)
def timeline(
    store: StoreDep,
    by: Literal["type", "quad_class"] = "type",
    actor: Code = None,
    since: Day = None,
    until: Day = None,
    modality: Modality = "asserted",
) -> list[dict]:
    return store.timeline(actor=_blank(actor), since=_blank(since), until=_blank(until), by=by,
                          modality=_blank(modality) or "asserted")


@router.get("/api/stats", summary="Counts of stored articles and annotations, and the outlets")
def stats(store: StoreDep) -> dict:
    return data.stats(store)
