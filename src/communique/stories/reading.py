"""Read-side queries over the stored stories: a page of stories, one story, an article's stories.

Every story comes as a plain dict: its summary row, its mentions (outlet, day, evidence, what
the report says) and where the outlets disagree. Reads only the stories tables (and the events
and articles of the stories on the page), so a page costs the same on any size of store.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from . import config
from .disagree import disagreements

Row = dict[str, Any]

_MENTIONS = """
    SELECT m.story_id, m.article_id, m.idx, m.role, m.score, m.day, m.key,
           e.type, e.mode, e.modality, e.date, e.source_codes, e.target_codes, e.location_name,
           e.evidence_text, a.source AS outlet, a.title, a.published, a.url
    FROM story_mentions m
    JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx
    JOIN articles a ON a.id = m.article_id
    WHERE m.story_id IN ({marks})
    ORDER BY a.published, m.article_id, m.idx"""


def stories(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 2,
    limit: int = 50,
    offset: int = 0,
) -> list[Row]:
    """Stories reported by at least `min_articles` articles, newest report first.

    `type` finds the stories of its family (an AGREE finds the signings and truces too); `since`
    and `until` bound the story's day (the event's day as most of its reports give it)."""
    # the literal lets SQLite walk the partial index of stories reported twice or more
    where = ["s.num_articles >= 2"] if min_articles >= 2 else []
    params: list[Any] = []
    if min_articles > 2:
        where.append("s.num_articles >= ?")
        params.append(int(min_articles))
    if actor:
        where.append("EXISTS (SELECT 1 FROM story_actors x WHERE x.code = ? AND x.story_id = s.id)")
        params.append(actor.upper())
    if type:
        where.append("s.family = ?")
        params.append(config.family_of(type.upper()))
    if since:
        where.append("s.day >= ?")
        params.append(since)
    if until:
        where.append("s.day <= ?")
        params.append(until)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""SELECT s.* FROM stories s {clause}
              ORDER BY s.last_report DESC, s.id LIMIT ? OFFSET ?"""
    rows = [dict(r) for r in conn.execute(sql, [*params, limit, offset])]
    return _with_mentions(conn, rows)


def story(conn: sqlite3.Connection, story_id: str) -> Row | None:
    """One story with all its mentions, or None."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    return _with_mentions(conn, [dict(row)])[0] if row else None


def article_stories(conn: sqlite3.Connection, article_id: str) -> dict[int, Row]:
    """{event idx: {id, role, num_articles, num_sources}} for the events of an article that are in a story."""
    sql = """SELECT m.idx, m.role, s.id, s.num_articles, s.num_sources FROM story_mentions m
             JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?"""
    return {r["idx"]: dict(r) for r in conn.execute(sql, (article_id,))}


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM stories").fetchone()[0]


def _with_mentions(conn: sqlite3.Connection, rows: list[Row]) -> list[Row]:
    if not rows:
        return []
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["sources"] = json.loads(r["sources"] or "[]")
        r["date"] = r["day"]
        r["first_date"], r["last_date"] = r["first_day"], r["last_day"]
        r.pop("profile", None)
        r["mentions"], r["background"] = [], []
    marks = ",".join("?" * len(by_id))
    for m in conn.execute(_MENTIONS.format(marks=marks), list(by_id)):
        mention = _mention(dict(m))
        story = by_id[m["story_id"]]
        story["mentions" if m["role"] == "report" else "background"].append(mention)
    for r in rows:
        r["disagreements"] = disagreements(r["mentions"], r["family"])
    return rows


def _mention(m: Row) -> Row:
    key = json.loads(m.pop("key") or "{}")
    return {
        "article_id": m["article_id"],
        "idx": m["idx"],
        "source": m["outlet"],
        "title": m["title"],
        "url": m["url"],
        "published": m["published"],
        "day": m["day"],
        "date": m["date"],
        "type": m["type"],
        "mode": m["mode"],
        "modality": m["modality"],
        "source_codes": m["source_codes"],
        "target_codes": m["target_codes"],
        "location": m["location_name"],
        "central": key.get("role") == "central",
        "score": m["score"],
        "evidence": m["evidence_text"],
        "date_said": (key.get("facts") or {}).get("date"),
        "date_words": (key.get("facts") or {}).get("date_words"),
        "counts": (key.get("facts") or {}).get("counts") or {},
    }
