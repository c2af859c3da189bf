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

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@lru_cache(maxsize=4096)
def actor_label(code: str | None) -> str:
    """A readable name for an actor code: the state's everyday name, else the code (NATO, EU...)."""
    from ..display import short_name

    return short_name(code) if code else "?"


def side_view(code: str | None, name: str | None) -> dict[str, str]:
    """How a page shows one side of an event: a group by its name beside its state's code, a state by
    its code and short name, an actor without a code by its name."""
    from ..display import _groups

    if code and name and name in _groups():
        return {"kind": "group", "state": actor_label(code)}
    if code:
        return {"kind": "code", "state": actor_label(code)}
    return {"kind": "name", "state": ""}


def type_names() -> list[str]:
    from ..filters import event_types

    return list(event_types())


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """Rows of one page (the query fetched limit + 1 to know whether another page follows)."""
    return {
        "rows": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) > limit else None,
        "prev_offset": max(0, offset - limit) if offset else None,
    }


def upcoming(store: Store, *, as_of: str | None, modality: str | None = None, limit: int) -> dict[str, Any]:
    """Plans still to come on `as_of`, from articles published by then; by default on today, or on the
    newest article's day when the corpus ends before today (an archive: what its last news said was next)."""
    newest = store.newest_day()
    day = as_of or min(date.today().isoformat(), (newest or "9999")[:10])
    rows = store.attach_sides(store.upcoming(as_of=day, modality=modality, limit=limit))
    return {"as_of": day, "newest": newest, "rows": rows, "filters": {"as_of": as_of, "modality": modality}}


def event_map(store: Store, filters: dict[str, Any], *, limit: int = 500) -> dict[str, Any]:
    """Places of events with coordinates, for the map (x = longitude, y = -latitude on the outline)."""
    rows = store.event_places(**filters, limit=limit)
    view = map_view(rows)
    top = max((r["events"] for r in rows), default=1)
    scale = view["width"] / 360
    for r in rows:
        r["radius"] = round(scale * (1.5 + 5 * (r["events"] / top) ** 0.5), 3)  # area grows with the count
    return {"filters": filters, "types": type_names(), "sources": sources(store), "rows": rows, "view": view}


def map_view(rows: list[dict[str, Any]], margin: float = 12.0, least: float = 50.0) -> dict[str, float]:
    """The part of the world the map shows: the places with a margin, at least `least` degrees wide,
    twice as wide as high (the outline's proportions); the whole world when there is no place."""
    if not rows:
        return {"x": -180, "y": -90, "width": 360, "height": 180}
    lons, lats = [r["lon"] for r in rows], [r["lat"] for r in rows]
    width = min(
        360.0, max(least, max(lons) - min(lons) + 2 * margin, 2 * (max(lats) - min(lats) + 2 * margin))
    )
    height = width / 2
    x = min(max((min(lons) + max(lons)) / 2 - width / 2, -180), 180 - width)
    y = min(max(-(min(lats) + max(lats)) / 2 - height / 2, -90), 90 - height)
    return {"x": round(x, 2), "y": round(y, 2), "width": round(width, 2), "height": round(height, 2)}


def stats(store: Store) -> dict[str, Any]:
    return {"counts": store.stats(), "sources": sources(store)}


def sources(store: Store) -> list[dict[str, Any]]:
    """Outlets with their article counts, from the summary kept at write time."""
    return summaries.sources(store.conn)


def dashboard(
    store: Store, *, since: str | None = None, until: str | None = None, modality: str = "asserted"
) -> dict[str, Any]:
    """The dashboard's charts count asserted events unless `modality` says otherwise (a plan or a denial
    is not something that happened). Counts come from the summaries kept at write time (a large
    store answers as fast as a small one), with the latest quotes and articles."""
    timeline = summaries.timeline(store.conn, since=since, until=until, by="type", modality=modality)
    quads = summaries.timeline(store.conn, since=since, until=until, by="quad_class", modality=modality)
    return {
        "counts": store.stats(),
        "filters": {"since": since, "until": until, "modality": modality},
        "timeline": time_axis(timeline),
        "quad_totals": _quad_totals(quads),
        "dyads": [
            _dyad(r)
            for r in summaries.dyads(store.conn, since=since, until=until, modality=modality, limit=12)
        ],
        "actors": active_actors(store, since=since, until=until, modality=modality, limit=12),
        "quotes": store.quotes(since=since, until=until, limit=8),
        "articles": store.articles(since=since, until=until, limit=8),
    }


def time_axis(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts per type on a real time axis: every day (or week, or month, for a long span) between the
    first and the last event, empty ones included, each with the days it covers (a bar's click target)."""
    if not rows:
        return {"unit": "day", "days": [], "buckets": [], "series": []}
    first, last = date.fromisoformat(rows[0]["day"][:10]), date.fromisoformat(rows[-1]["day"][:10])
    span = (last - first).days
    unit = "day" if span <= 120 else "week" if span <= 3 * 366 else "month"
    buckets = _buckets(first, last, unit)
    index = {b["since"]: i for i, b in enumerate(buckets)}
    types = sorted({r["key"] for r in rows})
    counts = {t: [0] * len(buckets) for t in types}
    for r in rows:
        counts[r["key"]][index[_bucket_start(date.fromisoformat(r["day"][:10]), unit).isoformat()]] += r[
            "events"
        ]
    return {"unit": unit, "days": [b["label"] for b in buckets], "buckets": buckets,
            "series": [{"type": t, "counts": counts[t]} for t in types]}


def _bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _buckets(first: date, last: date, unit: str) -> list[dict[str, str]]:
    from ..display import human_span

    out = []
    start = _bucket_start(first, unit)
    while start <= last:
        if unit == "day":
            end = start
        elif unit == "week":
            end = start + timedelta(days=6)
        else:
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        label = start.isoformat() if unit == "day" else human_span(start.isoformat(), end.isoformat())
        out.append({"since": start.isoformat(), "until": end.isoformat(), "label": label})
        start = end + timedelta(days=1)
    return out


def _quad_totals(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    totals: dict[Any, int] = {}
    for r in rows:
        totals[r["key"]] = totals.get(r["key"], 0) + r["events"]
    return [
        {"quad_class": k, "name": QUAD_NAMES.get(k, "uncoded"), "events": v}
        for k, v in sorted(totals.items(), key=str)
    ]


def _dyad(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "a_name": actor_label(row["a"]), "b_name": actor_label(row["b"])}


def active_actors(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    modality: str = "asserted",
    limit: int = 20,
) -> list[dict]:
    """Actor codes by events, with their mentions; by mentions alone when no event is coded (summaries)."""
    mentions = {r["code"]: r for r in summaries.actor_mentions(store.conn, limit=500)}
    active = summaries.actor_activity(store.conn, since=since, until=until, modality=modality, limit=limit)
    rows = [{**r, "mentions": mentions.get(r["code"], {}).get("mentions", 0)} for r in active]
    if len(rows) < limit:
        seen = {r["code"] for r in rows}
        for code, m in mentions.items():
            if code not in seen and len(rows) < limit:
                rows.append({"code": code, "events": 0, "cooperation": 0, "conflict": 0, "names": None,
                             "mentions": m["mentions"]})
    return [{**r, "label": _code_label(r["code"], r.get("names"))} for r in rows]


def _code_label(code: str, names: str | None) -> str:
    """A code's label; when every actor behind it is a group (Hamas), the group's own name."""
    from ..display import _groups

    members = [n for n in (names or "").split(",") if n]
    if members and all(n in _groups() for n in members):
        return ", ".join(members)
    return actor_label(code)


def network(
    store: Store, *, since: str | None = None, until: str | None = None, limit: int = 60
) -> dict[str, Any]:
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
        "stories": article_stories(store, article_id),
    }


def article_stories(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The stories an article's events report (or look back at), each once, with the events in it."""
    from ..stories import article_stories as by_event

    out: dict[str, dict[str, Any]] = {}
    for idx, s in sorted(by_event(store.conn, article_id).items()):
        entry = out.setdefault(s["id"], s | {"events": []})
        entry["events"].append(idx)
    return list(out.values())


def actor(store: Store, key: str, *, limit: int = 50) -> dict[str, Any] | None:
    """An actor by code (RUS), name or alias (Putin, "Vladimir Putin", Hamas): a state or body with its
    people, or one person or group; its events, partners, quotes and articles. None when not found."""
    from ..filters import FilterError, resolve_actor

    try:
        found = resolve_actor(store.conn, key, "actor")
    except FilterError:
        return None
    if found is None:
        return None
    code, name = found.code, found.name
    if name:
        members = [m for m in store.actors(name=name, limit=limit) if m["name"] == name]
        quotes = [
            q
            for q in store.quotes(speaker=name, limit=limit)
            if q["speaker_name"] in (name, name.split()[-1])
        ]
        events = store.events(actor=name, limit=limit)
        label = name
    else:
        members = [m for m in store.actors(country=code, limit=limit) if m["country"] == code]
        quotes = store.quotes(country=code, limit=limit)
        events = store.events(actor=code, limit=limit)
        label = actor_label(code)
    partners = [
        _dyad(r) | {"partner": r["b"] if r["a"] == code else r["a"]}
        for r in store.dyads(limit=1000, modality="all")
        if code in (r["a"], r["b"])
    ] if code and not name else []
    for p in partners:
        p["partner_name"] = actor_label(p["partner"])
    return {
        "key": key,
        "code": code,
        "name": name,
        "label": label,
        "members": members,
        "events": store.attach_sides(events),
        "partners": partners,
        "quotes": quotes,
        "articles": store.actor_articles(name or code, limit=limit),
    }


def actor_suggestions(store: Store, key: str, limit: int = 6) -> list[dict[str, str]]:
    """Actors whose name is near `key` (for the not-found page): links to their pages."""
    from urllib.parse import quote

    from rapidfuzz import fuzz, process

    names = [r["name"] for r in store.actors(limit=2000)]
    found = process.extract(key, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [{"href": "/actors/" + quote(name, safe=""), "label": name} for name, _, _ in found]


def stories(
    store: Store,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 2,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Stories: one real-world event reported by several articles, newest report first (stored, so a page
    costs the same on any size of store)."""
    filters = {"actor": actor, "type": type, "since": since, "until": until, "min_articles": min_articles}
    rows = store.stories(**filters, limit=limit + 1, offset=offset)
    for row in rows:
        _label_sides(row)
    return {"filters": filters, **page(rows, limit, offset)}


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story, its reports grouped by outlet to be read side by side, and where they disagree."""
    row = store.story(story_id)
    if row is None:
        return None
    _label_sides(row)
    outlets: dict[str, list[dict[str, Any]]] = {}
    for m in row["mentions"]:
        outlets.setdefault(m["source"] or m["article_id"], []).append(m)
    row["outlets"] = [{"outlet": name, "mentions": ms} for name, ms in outlets.items()]
    return row


def _label_sides(row: dict[str, Any]) -> None:
    row["source_names"] = [actor_label(c) for c in (row.get("source_codes") or "").split(",") if c]
    row["target_names"] = [actor_label(c) for c in (row.get("target_codes") or "").split(",") if c]


MARKS = ("\x02", "\x03")  # around matched words in snippets: control characters never in cleaned text


def search(store: Store, q: str, *, limit: int = 30) -> dict[str, Any]:
    return {
        "q": q,
        "articles": store.search(q, limit=limit, marks=MARKS) if q else [],
        "quotes": store.search_quotes(q, limit=limit) if q else [],
    }
