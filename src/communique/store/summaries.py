"""Summary tables kept at write time, so the dashboard reads summaries, not every event.

On a store of 200,000 articles (a million events) the dashboard's aggregates over
the events table take seconds each (actors by activity 16 s, dyads 8 s). These
tables hold the same counts per day and modality (and per actor code, pair, type) and are
updated in the transaction that writes or deletes an article: `add(conn, id, +1)`
after its rows are written, `add(conn, id, -1)` before they are deleted, each
computed by SQL from that article's own rows, the same way the full queries count.
The read side aggregates the summary rows of a day range: thousands of rows, not
millions. Every modality is counted under its own rows, so the readers keep the same
modalities as the full queries (asserted only, by default); an event without a day is
kept under the day '' (every day filter leaves it out, as `e.day >= ?` does).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

# Cooperation or conflict of an event: its QuadClass, else the sign of its Goldstein score (as in query.py).
_QUAD = "coalesce(e.quad_class, CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)"


def _dyads_statement(table: str, keys: tuple[str, ...]) -> str:
    """The statement adding one article's actor pairs to `table`, by `keys` (per day, or all time)."""
    group = ", ".join([*keys, "modality", "a", "b"])
    return f"""INSERT INTO {table} ({group}, events, cooperation, conflict, goldstein_sum, goldstein_n)
        WITH pairs AS (
            SELECT DISTINCT e.id AS id, coalesce(e.day, '') AS day, coalesce(e.modality, '') AS modality,
                   {_QUAD} AS quad, e.goldstein AS goldstein,
                   min(s.code, t.code) AS a, max(s.code, t.code) AS b
            FROM events e
            JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'
            JOIN event_actors t ON t.event_id = e.id AND (
                t.side = 'target' OR (t.side = 'source' AND t.code > s.code AND NOT EXISTS (
                    SELECT 1 FROM event_actors y WHERE y.event_id = e.id AND y.side = 'target')))
            WHERE e.article_id = :id AND s.code IS NOT NULL AND t.code IS NOT NULL AND s.code != t.code
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
    """INSERT INTO summary_timeline (day, modality, type, quad_class, events)
        SELECT coalesce(e.day, ''), coalesce(e.modality, ''), coalesce(e.type, ''), coalesce(e.quad_class, 0),
               :sign * count(*)
        FROM events e WHERE e.article_id = :id
        GROUP BY 1, 2, 3, 4
        ON CONFLICT (day, modality, type, quad_class) DO UPDATE SET events = events + excluded.events""",
    f"""INSERT INTO summary_actor_days (day, modality, code, events, cooperation, conflict)
        SELECT coalesce(e.day, ''), coalesce(e.modality, ''), x.code, :sign * count(DISTINCT e.id),
               :sign * count(DISTINCT CASE WHEN {_QUAD} IN (1, 2) THEN e.id END),
               :sign * count(DISTINCT CASE WHEN {_QUAD} IN (3, 4) THEN e.id END)
        FROM event_actors x JOIN events e ON e.id = x.event_id
        WHERE e.article_id = :id AND x.code IS NOT NULL
        GROUP BY 1, 2, 3
        ON CONFLICT (day, modality, code) DO UPDATE SET events = events + excluded.events,
            cooperation = cooperation + excluded.cooperation, conflict = conflict + excluded.conflict""",
    _dyads_statement("summary_dyad_days", ("day",)),
    _dyads_statement("summary_dyads", ()),
    """INSERT INTO summary_code_names (modality, code, name, events)
        SELECT coalesce(e.modality, ''), x.code, x.name, :sign * count(DISTINCT e.id)
        FROM event_actors x JOIN events e ON e.id = x.event_id
        WHERE e.article_id = :id AND x.code IS NOT NULL AND x.name IS NOT NULL
        GROUP BY 1, 2, 3
        ON CONFLICT (modality, code, name) DO UPDATE SET events = events + excluded.events""",
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


Modality = str | Sequence[str] | None
ASSERTED = ("asserted",)


def _where(since: str | None, until: str | None, modality: Modality) -> tuple[str, list[Any]]:
    """Conditions on summary rows (aliased `e`): the day range and the modalities, as the full queries'."""
    from ..query import _modality_condition

    conditions, params = [_modality_condition(modality)], []
    if since:
        conditions.append("e.day >= ?")
        params.append(since)
    if until:
        conditions.append("e.day <= ?")
        params.append(until)
    return " AND ".join(conditions), params


def timeline(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, by: str = "type",
    modality: Modality = ASSERTED,
) -> list[dict[str, Any]]:
    """Event counts per day by PLOVER type or QuadClass, as `query.timeline` without an actor."""
    column = {"type": "nullif(e.type, '')", "quad_class": "nullif(e.quad_class, 0)"}.get(by)
    if column is None:
        raise ValueError("by must be 'type' or 'quad_class'")
    where, params = _where(since, until, modality)
    sql = f"""SELECT e.day AS day, {column} AS key, sum(e.events) AS events FROM summary_timeline e
              WHERE e.day != '' AND {where} GROUP BY e.day, key HAVING sum(e.events) > 0
              ORDER BY e.day, key"""
    return [dict(r) for r in conn.execute(sql, params)]


def dyads(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
    modality: Modality = ASSERTED, limit: int = 200,
) -> list[dict[str, Any]]:
    """Actor pairs by events, as `query.dyads` without an outlet filter (all time: one row per pair)."""
    where, params = _where(since, until, modality)
    table = "summary_dyad_days" if params else "summary_dyads"
    sql = f"""SELECT e.a AS a, e.b AS b, sum(e.events) AS events, sum(e.cooperation) AS cooperation,
                     sum(e.conflict) AS conflict,
                     round(sum(e.goldstein_sum) / nullif(sum(e.goldstein_n), 0), 2) AS goldstein
              FROM {table} e WHERE {where}
              GROUP BY e.a, e.b HAVING sum(e.events) > 0 ORDER BY events DESC, a, b LIMIT ?"""
    return [dict(r) for r in conn.execute(sql, [*params, limit])]


def actor_activity(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
    modality: Modality = ASSERTED, limit: int = 50,
) -> list[dict[str, Any]]:
    """Actor codes by events, as `query.actor_activity` without an outlet filter; `names` are the names
    behind each code in events of those modalities on any day."""
    where, params = _where(since, until, modality)
    sql = f"""SELECT e.code AS code, sum(e.events) AS events, sum(e.cooperation) AS cooperation,
                     sum(e.conflict) AS conflict
              FROM summary_actor_days e WHERE {where}
              GROUP BY e.code HAVING sum(e.events) > 0 ORDER BY events DESC, code LIMIT ?"""
    rows = [dict(r) for r in conn.execute(sql, [*params, limit])]
    names_where, _ = _where(None, None, modality)
    for row in rows:
        found = conn.execute(
            "SELECT DISTINCT e.name FROM summary_code_names e"
            f" WHERE e.code = ? AND e.events > 0 AND {names_where} ORDER BY e.name",
            (row["code"],),
        ).fetchall()
        row["names"] = ",".join(r[0] for r in found) or None
    return rows


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
