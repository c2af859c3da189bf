"""What each page shows, as plain dicts: the HTML template and the JSON view render the same dict.

Every function takes a read-only `Store` and the request's filters and calls the
read queries of `communique.query`; nothing here writes or knows about HTTP.
Every layer may be empty (an older pipeline, a quiet corpus): pages then fall
back to what there is (actor mentions when no event is coded yet).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..store import Store, summaries
from .highlight import LAYERS, records, segments

STORY_WINDOW_DAYS = 30  # the stories page's default window, back from the newest article
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@lru_cache(maxsize=4096)
def actor_label(code: str | None) -> str:
    """A readable name for an actor code: the country's common name, else the code (NATO, EU...)."""
    if not code:
        return "?"
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    except (ImportError, LookupError):
        country = None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """Rows of one page (the query fetched limit + 1 to know whether another page follows)."""
    return {
        "rows": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) > limit else None,
        "prev_offset": max(0, offset - limit) if offset else None,
    }


def upcoming(store: Store, *, as_of: str | None, limit: int) -> dict[str, Any]:
    """Plans still to come on `as_of`; by default on today, or on the newest article's day when the
    corpus ends before today (an archive: what its last news said was next)."""
    newest = store.newest_day()
    day = as_of or min(date.today().isoformat(), (newest or "9999")[:10])
    rows = store.upcoming(as_of=day, limit=limit)
    return {"as_of": day, "newest": newest, "rows": rows, "filters": {"as_of": as_of}}


def stats(store: Store) -> dict[str, Any]:
    return {"counts": store.stats(), "sources": sources(store)}


def sources(store: Store) -> list[dict[str, Any]]:
    """Outlets with their article counts, from the summary kept at write time."""
    return summaries.sources(store.conn)


def dashboard(store: Store, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Counts, timeline, dyads and active actors from the summaries kept at write time (a large
    store answers as fast as a small one), with the latest quotes and articles."""
    timeline = summaries.timeline(store.conn, since=since, until=until, by="type")
    quads = summaries.timeline(store.conn, since=since, until=until, by="quad_class")
    days = sorted({r["day"] for r in timeline})
    types = sorted({r["key"] for r in timeline})
    counts = {(r["day"], r["key"]): r["events"] for r in timeline}
    return {
        "counts": store.stats(),
        "filters": {"since": since, "until": until},
        "timeline": {
            "days": days,
            "series": [{"type": t, "counts": [counts.get((d, t), 0) for d in days]} for t in types],
        },
        "quad_totals": _quad_totals(quads),
        "dyads": [_dyad(r) for r in summaries.dyads(store.conn, since=since, until=until, limit=12)],
        "actors": active_actors(store, since=since, until=until, limit=12),
        "quotes": store.quotes(since=since, until=until, limit=8),
        "articles": store.articles(since=since, until=until, limit=8),
    }


def _quad_totals(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    totals: dict[Any, int] = {}
    for r in rows:
        totals[r["key"]] = totals.get(r["key"], 0) + r["events"]
    return [{"quad_class": k, "name": QUAD_NAMES.get(k, "uncoded"), "events": v} for k, v in sorted(totals.items(), key=str)]


def _dyad(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "a_name": actor_label(row["a"]), "b_name": actor_label(row["b"])}


def active_actors(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 20) -> list[dict]:
    """Actor codes by events, with their mentions; by mentions alone when no event is coded (summaries)."""
    mentions = {r["code"]: r for r in summaries.actor_mentions(store.conn, limit=500)}
    active = summaries.actor_activity(store.conn, since=since, until=until, limit=limit)
    rows = [{**r, "mentions": mentions.get(r["code"], {}).get("mentions", 0)} for r in active]
    if len(rows) < limit:
        seen = {r["code"] for r in rows}
        for code, m in mentions.items():
            if code not in seen and len(rows) < limit:
                rows.append({"code": code, "events": 0, "cooperation": 0, "conflict": 0, "names": None,
                             "mentions": m["mentions"]})
    return [{**r, "label": actor_label(r["code"])} for r in rows]


def network(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 60) -> dict[str, Any]:
    """Actors as nodes, event counts as edges (cooperation share for colour).

    Before any event is coded, edges are co-mentions in the same article (kind "mentions").
    """
    pairs = summaries.dyads(store.conn, since=since, until=until, limit=limit * 3)
    edges = [_dyad(r) | {"kind": "events"} for r in pairs]
    if not edges:
        edges = [
            _dyad(r) | {"kind": "mentions", "events": 0, "cooperation": 0, "conflict": 0, "goldstein": None}
            for r in store.comentions(limit=limit * 3)
        ]
    nodes = {r["code"]: r for r in active_actors(store, since=since, until=until, limit=limit)}
    codes = {e["a"] for e in edges} | {e["b"] for e in edges}
    if codes:  # actors with no link would only float at the edges of the picture
        nodes = {code: n for code, n in nodes.items() if code in codes}
    for code in codes - set(nodes):
        nodes[code] = {"code": code, "label": actor_label(code), "events": 0, "cooperation": 0, "conflict": 0,
                       "mentions": 0, "names": None}
    return {"filters": {"since": since, "until": until}, "nodes": list(nodes.values()), "edges": edges}


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with every annotation, and the highlighted text for the reader."""
    meta = store.article(article_id)
    doc = store.document(article_id) if meta else None
    if doc is None:
        return None
    recs = records(doc)
    return {
        "article": meta,
        "document": doc.to_dict(),
        "layers": {layer: sum(1 for r in recs if r.layer == layer) for layer in LAYERS},
        "records": [asdict(r) for r in recs],
        "segments": [asdict(s) | {"css": s.css} for s in segments(doc.text, recs)],
    }


def actor(store: Store, key: str, *, limit: int = 50) -> dict[str, Any]:
    """An actor code (RUS) or a name without code: its people, events, partners, quotes and articles."""
    code = key.upper()
    members = [r for r in store.actors(country=code, limit=limit)] or store.actors(name=key, limit=limit)
    members = [m for m in members if m["country"] == code or m["name"] == key]
    quotes = store.quotes(country=code, limit=limit) or [
        q for q in store.quotes(speaker=key, limit=limit) if q["speaker_name"] == key
    ]
    partners = [
        _dyad(r) | {"partner": r["b"] if r["a"] == code else r["a"]}
        for r in store.dyads(limit=1000)
        if code in (r["a"], r["b"])
    ]
    for p in partners:
        p["partner_name"] = actor_label(p["partner"])
    return {
        "key": key,
        "code": code,
        "label": actor_label(code) if members and members[0]["country"] == code else key,
        "members": members,
        "events": store.events(actor=code, limit=limit),
        "partners": partners,
        "quotes": quotes,
        "articles": store.actor_articles(key, limit=limit),
    }


def stories(
    store: Store,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 2,
    method: str = "lexical",
    limit: int = 100,
) -> dict[str, Any]:
    """Stories: one real-world event reported by several articles, with the sources' disagreements."""
    from .. import query

    if "stories" not in query.QUERIES:  # an installation without story linking
        return {"available": False, "filters": {"actor": actor, "type": type, "since": since, "until": until,
                                                "min_articles": min_articles}, "rows": []}
    default_window = None
    if since is None and until is None:
        # linking compares events pairwise in Python: on a large store, all of it would hold the worker
        # for long, so with no dates asked the page shows the corpus's last weeks (the form says which)
        newest = store.newest_day()
        if newest:
            since = (date.fromisoformat(newest[:10]) - timedelta(days=STORY_WINDOW_DAYS)).isoformat()
            default_window = STORY_WINDOW_DAYS
    filters = {"actor": actor, "type": type, "since": since, "until": until, "min_articles": min_articles}
    rows = store.stories(**filters, method=method, limit=limit)
    for row in rows:
        row["source_names"] = [actor_label(c) for c in (row.get("source_codes") or "").split(",") if c]
        row["target_names"] = [actor_label(c) for c in (row.get("target_codes") or "").split(",") if c]
    return {"available": True, "filters": filters, "default_window": default_window, "method": method, "rows": rows}


MARKS = ("\x02", "\x03")  # around matched words in snippets: control characters never in cleaned text


def search(store: Store, q: str, *, limit: int = 30) -> dict[str, Any]:
    return {
        "q": q,
        "articles": store.search(q, limit=limit, marks=MARKS) if q else [],
        "quotes": store.search_quotes(q, limit=limit) if q else [],
    }
