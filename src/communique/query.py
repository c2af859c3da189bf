"""Read-side queries over the store, returning plain dicts.

The CLI, the web app and exports all call these. Every value from the user
goes in as a bound parameter, never into the SQL text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

Row = dict[str, Any]


def _rows(cur: sqlite3.Cursor) -> list[Row]:
    return [dict(r) for r in cur.fetchall()]


def articles(conn: sqlite3.Connection, *, source: str | None = None, limit: int = 100, offset: int = 0) -> list[Row]:
    """Stored articles, newest first, with annotation counts."""
    where, params = ("WHERE a.source = ?", [source]) if source else ("", [])
    sql = f"""
        SELECT a.id, a.title, a.source, a.url, a.published, a.ingested_at, length(a.text) AS chars,
            (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
            (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
            (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,
            (SELECT count(*) FROM timexes t WHERE t.article_id = a.id) AS timexes
        FROM articles a {where}
        ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, [*params, limit, offset]))


def article_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def events(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    article_id: str | None = None,
    include_negated: bool = False,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Events with their evidence, filtered by actor code, PLOVER type and date range."""
    where, params = [], []
    if actor:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        params.append(actor.upper())
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if since:
        where.append("e.day >= ?")
        params.append(since)
    if until:
        where.append("e.day <= ?")
        params.append(until)
    if source:
        where.append("a.source = ?")
        params.append(source)
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    if not include_negated:
        where.append("e.modality != 'negated'")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.url AS article_url,
               a.published AS article_published
        FROM events e JOIN articles a ON a.id = e.article_id
        {clause}
        ORDER BY e.day, e.article_id, e.idx LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, [*params, limit, offset]))


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    country: str | None = None,
    article_id: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Quotes with speaker, source article and publication date."""
    where, params = [], []
    if speaker:
        where.append("q.speaker_name LIKE ? ESCAPE '\\'")
        params.append(f"%{_like_escape(speaker)}%")
    if country:
        where.append("q.speaker_country = ?")
        params.append(country.upper())
    if article_id:
        where.append("q.article_id = ?")
        params.append(article_id)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT q.*, a.title AS article_title, a.source AS article_source, a.published
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {clause}
        ORDER BY a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, [*params, limit, offset]))


def actors(
    conn: sqlite3.Connection, *, country: str | None = None, name: str | None = None, limit: int = 1000
) -> list[Row]:
    """Actors across articles with mention and article counts, most mentioned first."""
    where, params = [], []
    if country:
        where.append("country = ?")
        params.append(country.upper())
    if name:
        where.append("name LIKE ? ESCAPE '\\'")
        params.append(f"%{_like_escape(name)}%")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT name, country, sector, max(role) AS role, max(kind) AS kind,
               sum(mention_count) AS mentions, count(DISTINCT article_id) AS articles
        FROM actors {clause}
        GROUP BY name, country, sector
        ORDER BY mentions DESC, name LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def timeline(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = "type",
) -> list[Row]:
    """Event counts per day, by PLOVER type or QuadClass."""
    column = {"type": "e.type", "quad_class": "e.quad_class"}.get(by)
    if column is None:
        raise ValueError("by must be 'type' or 'quad_class'")
    where, params = ["e.day IS NOT NULL", "e.modality != 'negated'"], []
    if actor:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        params.append(actor.upper())
    if since:
        where.append("e.day >= ?")
        params.append(since)
    if until:
        where.append("e.day <= ?")
        params.append(until)
    sql = f"""
        SELECT e.day AS day, {column} AS key, count(*) AS events
        FROM events e WHERE {" AND ".join(where)}
        GROUP BY e.day, {column} ORDER BY e.day, key"""
    return _rows(conn.execute(sql, params))


def positions(
    conn: sqlite3.Connection, *, holder: str | None = None, kind: str | None = None, limit: int = 1000
) -> list[Row]:
    """Positions (demands, proposals, ...) with their article's date, newest first."""
    where, params = [], []
    if holder:
        where.append("(p.holder = ? OR p.holder_name LIKE ? ESCAPE '\\')")
        params += [holder.upper(), f"%{_like_escape(holder)}%"]
    if kind:
        where.append("p.kind = ?")
        params.append(kind)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT p.*, a.published, a.source AS article_source, a.title AS article_title,
               min(a.published) OVER (PARTITION BY p.holder, p.kind, lower(p.content)) AS first_seen
        FROM positions p JOIN articles a ON a.id = p.article_id
        {clause}
        ORDER BY p.holder, p.addressee, a.published DESC LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def upcoming(conn: sqlite3.Connection, *, as_of: str, limit: int = 200) -> list[Row]:
    """Planned events (with a planned date on or after `as_of`), soonest first."""
    sql = """
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.published AS article_published
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.planned_date >= ? ORDER BY e.planned_date LIMIT ?"""
    return _rows(conn.execute(sql, (as_of, limit)))


def search(conn: sqlite3.Connection, text: str, *, limit: int = 50) -> list[Row]:
    """Full-text search over article titles and text (words, not FTS syntax)."""
    match = fts_query(text)
    if not match:
        return []
    sql = """
        SELECT a.id, a.title, a.source, a.published,
               snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
    return _rows(conn.execute(sql, (match, limit)))


def search_quotes(conn: sqlite3.Connection, text: str, *, limit: int = 50) -> list[Row]:
    match = fts_query(text)
    if not match:
        return []
    sql = """
        SELECT q.article_id, q.idx, q.text, q.speaker_name, q.speaker_country, a.published, a.title AS article_title
        FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
        WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"""
    return _rows(conn.execute(sql, (match, limit)))


def stats(conn: sqlite3.Connection) -> Row:
    counts = {}
    for table in ("articles", "actors", "timexes", "quotes", "events", "positions"):
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # table names are constants
    return counts


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms: no operator or syntax gets through."""
    words = re.findall(r"\w+", text or "")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:20])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


QUERIES: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (articles, article_count, events, quotes, actors, timeline, positions, upcoming, search, search_quotes, stats)
}
