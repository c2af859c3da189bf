"""Summary tables kept at write time, so the dashboard reads summaries, not every event.

On a store of 200,000 articles (a million events) the dashboard's aggregates over
the events table take seconds each (actors by activity 16 s, dyads 8 s). These
tables hold the same counts per day (and per actor code, pair, type) and are
updated in the transaction that writes or deletes an article: `add(conn, id, +1)`
after its rows are written, `add(conn, id, -1)` before they are deleted, each
computed by SQL from that article's own rows, the same way the full queries count.
The read side aggregates the summary rows of a day range: thousands of rows, not
millions. Negated events are left out, as in the full queries; an event without a
day is kept under the day '' (every day filter leaves it out, as `e.day >= ?` does).
"""

from __future__ import annotations

import sqlite3
from typing import Any

# Cooperation or conflict of an event: its QuadClass, else the sign of its Goldstein score (as in query.py).
_QUAD = "coalesce(e.quad_class, CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)"


def _dyads_statement(table: str, keys: tuple[str, ...]) -> str:
    """The statement adding one article's actor pairs to `table`, by `keys` (per day, or all time)."""
    group = ", ".join([*keys, "a", "b"])
    return f"""INSERT INTO {table} ({group}, events, cooperation, conflict, goldstein_sum, goldstein_n)
        WITH pairs AS (
            SELECT DISTINCT e.id AS id, coalesce(e.day, '') AS day, {_QUAD} AS quad, e.goldstein AS goldstein,
                   min(s.code, t.code) AS a, max(s.code, t.code) AS b
            FROM events e
            JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'
            JOIN event_actors t ON t.event_id = e.id AND (
                t.side = 'target' OR (t.side = 'source' AND t.code > s.code AND NOT EXISTS (
                    SELECT 1 FROM event_actors y WHERE y.event_id = e.id AND y.side = 'target')))
            WHERE e.article_id = :id AND s.code IS NOT NULL AND t.code IS NOT NULL AND s.code != t.code
                  AND e.modality != 'negated'
        )
        SELECT {group}, :sign * count(DISTINCT id),
               :sign * count(DISTINCT CASE WHEN quad IN (1, 2) THEN id END),
               :sign * count(DISTINCT CASE WHEN quad IN (3, 4) THEN id END), :sign * total(goldstein),
               :sign * count(goldstein)
        FROM pairs WHERE true GROUP BY {group}
        ON CONFLICT ({group}) DO UPDATE SET events = events + excluded.events,
            cooperation = cooperation + excluded.cooperation, conflict = conflict + excluded.conflict,
            goldstein_sum = goldstein_sum + excluded.goldstein_sum,
            goldstein_n = goldstein_n + excluded.goldstein_n"""


# Per article, with :sign (+1 or -1) and :id: each statement adds the article's counts to a summary.
# The SELECTs mirror query.timeline, query.actor_activity, query.dyads, query.actor_mentions and
# query.sources; counts that reach 0 stay as rows of 0, which the readers leave out.
_ADD = (
    """INSERT INTO summary_timeline (day, type, quad_class, events)
        SELECT coalesce(e.day, ''), coalesce(e.type, ''), coalesce(e.quad_class, 0), :sign * count(*)
        FROM events e WHERE e.article_id = :id AND e.modality != 'negated'
        GROUP BY 1, 2, 3
        ON CONFLICT (day, type, quad_class) DO UPDATE SET events = events + excluded.events""",
    f"""INSERT INTO summary_actor_days (day, code, events, cooperation, conflict)
        SELECT coalesce(e.day, ''), x.code, :sign * count(DISTINCT e.id),
               :sign * count(DISTINCT CASE WHEN {_QUAD} IN (1, 2) THEN e.id END),
               :sign * count(DISTINCT CASE WHEN {_QUAD} IN (3, 4) THEN e.id END)
        FROM event_actors x JOIN events e ON e.id = x.event_id
        WHERE e.article_id = :id AND x.code IS NOT NULL AND e.modality != 'negated'
        GROUP BY 1, 2
        ON CONFLICT (day, code) DO UPDATE SET events = events + excluded.events,
            cooperation = cooperation + excluded.cooperation, conflict = conflict + excluded.conflict""",
    _dyads_statement("summary_dyad_days", ("day",)),
    _dyads_statement("summary_dyads", ()),
    """INSERT INTO summary_actor_mentions (code, mentions, articles)
        SELECT country, :sign * sum(mention_count), :sign FROM actors
        WHERE article_id = :id AND country IS NOT NULL GROUP BY country
        ON CONFLICT (code) DO UPDATE SET mentions = mentions + excluded.mentions,
            articles = articles + excluded.articles""",
    """INSERT INTO summary_sources (source, articles)
        SELECT source, :sign FROM articles WHERE id = :id AND source IS NOT NULL
        ON CONFLICT (source) DO UPDATE SET articles = articles + excluded.articles""",
)


def add(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Count one article's rows into the summaries (+1, once written) or out of them (-1, before deleting)."""
    for statement in _ADD:
        conn.execute(statement, {"id": article_id, "sign": sign})


def _days(since: str | None, until: str | None, column: str = "day") -> tuple[str, list[Any]]:
    conditions, params = [], []
    if since:
        conditions.append(f"{column} >= ?")
        params.append(since)
    if until:
        conditions.append(f"{column} <= ?")
        params.append(until)
    return (" AND ".join(conditions) or "true"), params


def timeline(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, by: str = "type"
) -> list[dict[str, Any]]:
    """Event counts per day by PLOVER type or QuadClass, as `query.timeline` without an actor."""
    column = {"type": "nullif(type, '')", "quad_class": "nullif(quad_class, 0)"}.get(by)
    if column is None:
        raise ValueError("by must be 'type' or 'quad_class'")
    where, params = _days(since, until)
    sql = f"""SELECT day, {column} AS key, sum(events) AS events FROM summary_timeline
              WHERE day != '' AND {where} GROUP BY day, key HAVING sum(events) > 0 ORDER BY day, key"""
    return [dict(r) for r in conn.execute(sql, params)]


def dyads(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Actor pairs by events, as `query.dyads` without an outlet filter (all time: one row per pair)."""
    where, params = _days(since, until)
    table = "summary_dyad_days" if params else "summary_dyads"
    sql = f"""SELECT a, b, sum(events) AS events, sum(cooperation) AS cooperation, sum(conflict) AS conflict,
                     round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS goldstein
              FROM {table} WHERE {where}
              GROUP BY a, b HAVING sum(events) > 0 ORDER BY events DESC, a, b LIMIT ?"""
    return [dict(r) for r in conn.execute(sql, [*params, limit])]


def actor_activity(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Actor codes by events, as `query.actor_activity` without an outlet filter (no names)."""
    where, params = _days(since, until)
    sql = f"""SELECT code, sum(events) AS events, sum(cooperation) AS cooperation, sum(conflict) AS conflict,
                     NULL AS names
              FROM summary_actor_days WHERE {where}
              GROUP BY code HAVING sum(events) > 0 ORDER BY events DESC, code LIMIT ?"""
    return [dict(r) for r in conn.execute(sql, [*params, limit])]


def actor_mentions(conn: sqlite3.Connection, *, limit: int = 50) -> list[dict[str, Any]]:
    """Actor codes by mentions across articles, as `query.actor_mentions`."""
    sql = """SELECT code, mentions, articles FROM summary_actor_mentions WHERE articles > 0
             ORDER BY mentions DESC, code LIMIT ?"""
    return [dict(r) for r in conn.execute(sql, (limit,))]


def sources(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Outlets with their number of stored articles, as `query.sources`."""
    sql = "SELECT source, articles FROM summary_sources WHERE articles > 0 ORDER BY articles DESC, source"
    return [dict(r) for r in conn.execute(sql)]


def available(conn: sqlite3.Connection) -> bool:
    """Whether this database keeps the summaries (an older one opened read-only may not)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'summary_timeline'"
    ).fetchone()
    return row is not None
