"""Read-side queries over the store, returning plain dicts.

The CLI, the web app and exports all call these. Every value from the user
goes in as a bound parameter, never into the SQL text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from . import stories as linked_stories

Row = dict[str, Any]


# Correlated, so SQLite walks events in day order (index events_day_order) and probes
# event_actors(code, event_id) per event: a page of a common actor's events costs a few ms,
# where "id IN (SELECT ...)" first collected every event id of that actor.
_HAS_ACTOR = "EXISTS (SELECT 1 FROM event_actors x WHERE x.code = ? AND x.event_id = e.id)"


def _rows(cur: sqlite3.Cursor) -> list[Row]:
    return [dict(r) for r in cur.fetchall()]


def articles(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Row]:
    """Stored articles, newest first, with annotation counts."""
    conditions, params = _conditions(*_article_filters(since, until, source))
    where = _where(conditions)
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
    partner: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Events with their evidence, filtered by actor code, PLOVER type and date range."""
    where, params = _conditions(
        (_HAS_ACTOR, actor and actor.upper()),
        (_HAS_ACTOR, partner and partner.upper()),  # a second actor code on either side: one dyad's events
        ("e.type = ?", type and type.upper()),
        ("e.day >= ?", since),
        ("e.day <= ?", until),
        ("a.source = ?", source),
        ("e.article_id = ?", article_id),
    )
    if not include_negated:
        where.append("e.modality != 'negated'")
    clause = _where(where)
    sql = f"""
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.url AS article_url,
               a.published AS article_published,
               (SELECT m.story_id FROM story_mentions m
                WHERE m.article_id = e.article_id AND m.idx = e.idx) AS story_id
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
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Quotes with speaker, source article and publication date."""
    where, params = _conditions(
        *_article_filters(since, until, source),
        ("q.speaker_name LIKE ? ESCAPE '\\'", speaker and f"%{_like_escape(speaker)}%"),
        ("q.speaker_country = ?", country and country.upper()),
        ("q.article_id = ?", article_id),
    )
    clause = _where(where)
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
    where, params = _conditions(
        ("country = ?", country and country.upper()),
        ("name LIKE ? ESCAPE '\\'", name and f"%{_like_escape(name)}%"),
    )
    clause = _where(where)
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
    where, params = _conditions(
        (_HAS_ACTOR, actor and actor.upper()), ("e.day >= ?", since), ("e.day <= ?", until)
    )
    where = ["e.day IS NOT NULL", "e.modality != 'negated'", *where]
    sql = f"""
        SELECT e.day AS day, {column} AS key, count(*) AS events
        FROM events e WHERE {" AND ".join(where)}
        GROUP BY e.day, {column} ORDER BY e.day, key"""
    return _rows(conn.execute(sql, params))


def positions(
    conn: sqlite3.Connection,
    *,
    holder: str | None = None,
    kind: str | None = None,
    addressee: str | None = None,
    limit: int = 1000,
) -> list[Row]:
    """Positions (demands, proposals, ...) grouped by holder and addressee, newest first in each group.

    `first_seen` is the earliest day the same holder took the same kind of stance on the same content."""
    where, params = _conditions(
        # a compound holder is stored as "CHN,USA": either code finds it
        ("(p.holder = ? OR ',' || p.holder || ',' LIKE ? ESCAPE '\\' OR p.holder_name LIKE ? ESCAPE '\\')",
         holder and (holder.upper(), f"%,{_like_escape(holder.upper())},%", f"%{_like_escape(holder)}%")),
        ("p.kind = ?", kind),
        ("(p.addressee = ? OR ',' || p.addressee || ',' LIKE ? ESCAPE '\\')",
         addressee and (addressee.upper(), f"%,{_like_escape(addressee.upper())},%")),
    )
    clause = _where(where)
    sql = f"""
        SELECT p.*, coalesce(p.date, a.published) AS day, a.published, a.source AS article_source,
               a.title AS article_title,
               min(coalesce(p.date, a.published)) OVER (PARTITION BY p.holder, p.kind, lower(p.content)) AS first_seen
        FROM positions p JOIN articles a ON a.id = p.article_id
        {clause}
        ORDER BY p.holder IS NULL, p.holder, p.addressee IS NULL, p.addressee, day DESC, p.article_id, p.idx
        LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def upcoming(conn: sqlite3.Connection, *, as_of: str, limit: int = 200) -> list[Row]:
    """Planned events still to come on `as_of` (a week or month plan until its last day), soonest first,
    with days to go (0 for a plan whose week or month has begun)."""
    sql = """
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.published AS article_published,
               max(0, CAST(julianday(e.planned_date) - julianday(?) AS INTEGER)) AS days_ahead,
               CASE WHEN coalesce(e.planned_until, e.planned_date) = e.planned_date THEN e.planned_date
                    ELSE e.planned_date || ' to ' || e.planned_until END AS planned_for
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.planned_date >= date(?, '-31 days') AND coalesce(e.planned_until, e.planned_date) >= ?
              AND e.modality != 'negated'
        ORDER BY e.planned_date, e.planned_location, a.published DESC LIMIT ?"""
    # (a plan spans a month at most, so the index on planned_date still finds the candidates)
    return _rows(conn.execute(sql, (as_of, as_of, as_of, limit)))


def newest_day(conn: sqlite3.Connection) -> str | None:
    """The publication day of the newest stored article."""
    return conn.execute("SELECT max(published) FROM articles").fetchone()[0]


def stories(conn: sqlite3.Connection, **filters: Any) -> list[Row]:
    """The same event reported by several articles: the stored stories (see `communique.stories`)."""
    return linked_stories.stories(conn, **filters)


def story(conn: sqlite3.Connection, story_id: str) -> Row | None:
    """One story with every report and background mention, and where the outlets disagree."""
    return linked_stories.story(conn, story_id)


def search(
    conn: sqlite3.Connection, text: str, *, limit: int = 50, marks: tuple[str, str] = ("[", "]")
) -> list[Row]:
    """Full-text search over article titles and text (words, not FTS syntax).

    `marks` enclose the matched words in the snippet (the web view uses characters
    that cannot occur in article text, so it can highlight them after escaping).
    """
    match = fts_query(text)
    if not match:
        return []
    sql = """
        SELECT a.id, a.title, a.source, a.published,
               snippet(articles_fts, 1, ?, ?, ' … ', 12) AS snippet
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
    return _rows(conn.execute(sql, (*marks, match, limit)))


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


def article(conn: sqlite3.Connection, article_id: str) -> Row | None:
    """One article's metadata (no annotations: see `Store.document`)."""
    row = conn.execute(
        "SELECT id, title, source, url, published, date_source, origin, ingested_at, pipeline_version,"
        " length(text) AS chars FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    return dict(row) if row else None


def sources(conn: sqlite3.Connection) -> list[Row]:
    """Outlets with their number of stored articles."""
    sql = """SELECT source, count(*) AS articles FROM articles WHERE source IS NOT NULL
             GROUP BY source ORDER BY articles DESC, source"""
    return _rows(conn.execute(sql))


# Cooperation or conflict of an event: its QuadClass, else the sign of its Goldstein score.
_QUAD = "coalesce(e.quad_class, CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)"


def _event_filters(since: str | None, until: str | None, source: str | None) -> tuple[list[str], list[Any]]:
    where, params = _conditions(
        ("e.day >= ?", since),
        ("e.day <= ?", until),
        ("e.article_id IN (SELECT id FROM articles WHERE source = ?)", source),
    )
    return ["e.modality != 'negated'", *where], params


def dyads(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 200,
) -> list[Row]:
    """Unordered actor-code pairs with their event counts, split into cooperation and conflict.

    A pair is a source and a target of one event, or two sources of a joint action
    with no target ("Russia and Ukraine agreed").
    """
    where, params = _event_filters(since, until, source)
    sql = f"""
        WITH pairs AS (
            SELECT DISTINCT e.id AS id, {_QUAD} AS quad, e.goldstein AS goldstein,
                   min(s.code, t.code) AS a, max(s.code, t.code) AS b
            FROM events e
            JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'
            JOIN event_actors t ON t.event_id = e.id AND (
                t.side = 'target' OR (t.side = 'source' AND t.code > s.code AND NOT EXISTS (
                    SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.side = 'target')))
            WHERE s.code IS NOT NULL AND t.code IS NOT NULL AND s.code != t.code AND {" AND ".join(where)}
        )
        SELECT a, b, count(DISTINCT id) AS events,
               count(DISTINCT CASE WHEN quad IN (1, 2) THEN id END) AS cooperation,
               count(DISTINCT CASE WHEN quad IN (3, 4) THEN id END) AS conflict,
               round(avg(goldstein), 2) AS goldstein
        FROM pairs GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def actor_activity(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 50,
) -> list[Row]:
    """Actor codes by number of events they take part in, with cooperation and conflict counts."""
    where, params = _event_filters(since, until, source)
    sql = f"""
        SELECT x.code AS code, count(DISTINCT e.id) AS events,
               count(DISTINCT CASE WHEN {_QUAD} IN (1, 2) THEN e.id END) AS cooperation,
               count(DISTINCT CASE WHEN {_QUAD} IN (3, 4) THEN e.id END) AS conflict,
               group_concat(DISTINCT x.name) AS names
        FROM event_actors x JOIN events e ON e.id = x.event_id
        WHERE x.code IS NOT NULL AND {" AND ".join(where)}
        GROUP BY x.code ORDER BY events DESC, x.code LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def actor_mentions(conn: sqlite3.Connection, *, limit: int = 50) -> list[Row]:
    """Actor codes by mentions across articles (works before any event is coded)."""
    sql = """
        SELECT country AS code, sum(mention_count) AS mentions, count(DISTINCT article_id) AS articles
        FROM actors WHERE country IS NOT NULL
        GROUP BY country ORDER BY mentions DESC, country LIMIT ?"""
    return _rows(conn.execute(sql, (limit,)))


def comentions(conn: sqlite3.Connection, *, limit: int = 200) -> list[Row]:
    """Pairs of actor codes mentioned in the same article, with the number of such articles."""
    sql = """
        SELECT x.country AS a, y.country AS b, count(DISTINCT x.article_id) AS articles
        FROM actors x JOIN actors y ON y.article_id = x.article_id AND x.country < y.country
        GROUP BY x.country, y.country ORDER BY articles DESC, a, b LIMIT ?"""
    return _rows(conn.execute(sql, (limit,)))


def actor_articles(conn: sqlite3.Connection, key: str, *, limit: int = 50, offset: int = 0) -> list[Row]:
    """Articles mentioning an actor, by code (RUS) or by exact name, newest first."""
    sql = """
        SELECT a.id, a.title, a.source, a.published, sum(x.mention_count) AS mentions
        FROM actors x JOIN articles a ON a.id = x.article_id
        WHERE x.country = ? OR x.name = ?
        GROUP BY a.id ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, (key.upper(), key, limit, offset)))


def _article_filters(since: str | None, until: str | None, source: str | None) -> tuple[tuple[str, Any], ...]:
    """Conditions on the joined `articles a`: publication day range and outlet (for `_conditions`)."""
    return ("a.published >= ?", since), ("a.published <= ?", until), ("a.source = ?", source)


def _conditions(*pairs: tuple[str, Any]) -> tuple[list[str], list[Any]]:
    """The SQL conditions whose value was given, and their values as bound parameters.

    A tuple value fills a condition with several placeholders."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in pairs:
        if value is None or value == "" or value == ():
            continue
        where.append(condition)
        params.extend(value if isinstance(value, tuple) else (value,))
    return where, params


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms: no operator or syntax gets through."""
    words = re.findall(r"\w+", text or "")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:20])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


QUERIES: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (articles, article_count, events, quotes, actors, timeline, positions, upcoming, newest_day, stories, search,
              search_quotes, stats)
} | {
    f.__name__: f
    for f in (article, story, sources, dyads, actor_activity, actor_mentions, comentions, actor_articles)
}
