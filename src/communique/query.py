"""Read-side queries over the store, returning plain dicts.

The CLI, the web app and exports all call these. Every value from the user
goes in as a bound parameter, never into the SQL text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from . import filters
from . import stories as linked_stories

Row = dict[str, Any]


# Correlated, so SQLite walks events in day order (index events_day_order) and probes
# event_actors(code, event_id) per event: a page of a common actor's events costs a few ms,
# where "id IN (SELECT ...)" first collected every event id of that actor.
_HAS_ACTOR = "EXISTS (SELECT 1 FROM event_actors x WHERE x.code = ? AND x.event_id = e.id)"


class Rows(list):
    """Query results (a list of dicts) that know their columns, even when empty,
    so `as_frame=True` gives an empty DataFrame with the right columns."""

    columns: list[str]

    def __init__(self, rows: list[Row], columns: list[str]):
        super().__init__(rows)
        self.columns = columns


def _rows(cur: sqlite3.Cursor) -> Rows:
    columns = [d[0] for d in cur.description or ()]
    return Rows([dict(r) for r in cur.fetchall()], columns)


def articles(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    oldest_first: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[Row]:
    """Stored articles, newest first, with annotation counts."""
    conditions, params = _conditions(*_article_filters(since, until, source))
    order = "" if oldest_first else " DESC"
    where = _where(conditions)
    sql = f"""
        SELECT a.id, a.title, a.source, a.url, a.published, a.ingested_at, length(a.text) AS chars,
            (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
            (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
            (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,
            (SELECT count(*) FROM timexes t WHERE t.article_id = a.id) AS timexes
        FROM articles a {where}
        ORDER BY a.published{order}, a.id LIMIT ? OFFSET ?"""
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
    modality: str | Sequence[str] | None = None,
    partner: str | None = None,
    place: str | None = None,
    oldest_first: bool = False,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Events with their evidence, newest first (by event day), filtered by actor, PLOVER type,
    day range, outlet and modality.

    `actor` and `partner` take a code, a name or an alias (see `filters.resolve_actor`); a
    person or a group finds the events where it is a side. `modality` keeps the given
    modalities ("asserted", a list, or "all"); by default every one but "negated", or all of
    them with `include_negated`. Values that cannot be read raise `filters.FilterError`.
    """
    since, until = _day_range(since, until)
    where, params = _conditions(
        _actor_condition(conn, actor, "actor"),
        _actor_condition(conn, partner, "partner"),  # a second actor on either side: one dyad's events
        ("e.type = ?", filters.parse_type(type, "type")),
        ("e.day >= ?", since),
        ("e.day <= ?", until),
        ("a.source = ?", source),
        ("e.article_id = ?", article_id),
        ("e.location_name = ?", place),
    )
    where.append(_modality_condition(modality, include_negated))
    order = "" if oldest_first else " DESC"
    sql = f"""
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.url AS article_url,
               a.published AS article_published,
               (SELECT m.story_id FROM story_mentions m
                WHERE m.article_id = e.article_id AND m.idx = e.idx) AS story_id
        FROM events e JOIN articles a ON a.id = e.article_id
        {_where(where)}
        ORDER BY e.day{order}, e.article_id{order}, e.idx LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, [*params, limit, offset]))


def attach_sides(conn: sqlite3.Connection, rows: list[Row], chunk: int = 500) -> list[Row]:
    """Give each event row its sides as lists of {code, name} (`source_actors`, `target_actors`), so a
    page or table can name each actor beside its code ("PSE Hamas", not only "PSE")."""
    ids = [r["id"] for r in rows if r.get("id") is not None]
    sides: dict[tuple[int, str], list[Row]] = {}
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        marks = ",".join("?" * len(part))
        for event_id, side, code, name in conn.execute(
            f"SELECT event_id, side, code, name FROM event_actors WHERE event_id IN ({marks}) ORDER BY rowid",
            part,
        ):
            sides.setdefault((event_id, side), []).append({"code": code, "name": name})
    for r in rows:
        r["source_actors"] = sides.get((r.get("id"), "source"), [])
        r["target_actors"] = sides.get((r.get("id"), "target"), [])
    return rows


def _actor_condition(conn: sqlite3.Connection, value: str | None, name: str) -> tuple[str, Any]:
    """The SQL condition for an actor on either side of an event: by code, or by one named actor."""
    key = filters.resolve_actor(conn, value, name)
    if key is None:
        return _HAS_ACTOR, None
    if key.name:
        return "EXISTS (SELECT 1 FROM event_actors x WHERE x.name = ? AND x.event_id = e.id)", key.name
    return _HAS_ACTOR, key.code


def _modality_condition(modality: str | Sequence[str] | None, include_negated: bool = False) -> str:
    """Modalities as SQL (their names are checked against a fixed list, so they can be inlined)."""
    chosen = filters.parse_modality(modality) if isinstance(modality, str) else modality
    if not chosen:
        chosen = (
            filters.MODALITIES if include_negated else tuple(m for m in filters.MODALITIES if m != "negated")
        )
    unknown = set(chosen) - set(filters.MODALITIES)
    if unknown:
        raise filters.FilterError(
            "modality", f"no modality {sorted(unknown)[0]!r} (use {', '.join(filters.MODALITIES)})"
        )
    if set(chosen) == set(filters.MODALITIES):
        return "1"
    return "e.modality IN (" + ", ".join(f"'{m}'" for m in chosen) + ")"


def _day_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = filters.parse_day(since, "since"), filters.parse_day(until, "until")
    filters.check_range(since, until, ("since", "until"))
    return since, until


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    country: str | None = None,
    article_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    oldest_first: bool = False,
    limit: int = 1000,
    offset: int = 0,
) -> list[Row]:
    """Quotes with speaker, source article and publication date, newest first.

    `speaker` is part of a name ("Lavrov" finds Sergey Lavrov); `country` a code or a state's name."""
    where, params = _conditions(
        *_article_filters(since, until, source),
        _speaker_condition(speaker),
        ("q.speaker_country = ?", _code(conn, country, "country")),
        ("q.article_id = ?", article_id),
    )
    clause = _where(where)
    order = "" if oldest_first else " DESC"
    sql = f"""
        SELECT q.*, a.title AS article_title, a.source AS article_source, a.published
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {clause}
        ORDER BY a.published{order}, q.article_id{order}, q.idx LIMIT ? OFFSET ?"""
    return _rows(conn.execute(sql, [*params, limit, offset]))


def _speaker_condition(speaker: str | None) -> tuple[str, Any]:
    """Part of the speaker's name, or the same surname: "Dmitry Peskov" also finds a quote of "Peskov"."""
    if not speaker or not speaker.strip():
        return "", None
    words = speaker.split()
    surname = _like_escape(words[-1])
    return (
        "(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\'"
        " OR q.speaker_name LIKE ? ESCAPE '\\')",
        (f"%{_like_escape(' '.join(words))}%", surname, f"% {surname}"),
    )


def actors(
    conn: sqlite3.Connection, *, country: str | None = None, name: str | None = None, limit: int = 1000
) -> list[Row]:
    """Actors across articles with mention and article counts, most mentioned first."""
    where, params = _conditions(
        ("country = ?", _code(conn, country, "country")),
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
    modality: str | Sequence[str] | None = ("asserted",),
) -> list[Row]:
    """Event counts per day, by PLOVER type or QuadClass: what charts draw, so by default only what
    the text asserts happened (not plans, conditions or denials); `modality` widens it."""
    column = {"type": "e.type", "quad_class": "e.quad_class"}.get(by)
    if column is None:
        raise ValueError("by must be 'type' or 'quad_class'")
    since, until = _day_range(since, until)
    where, params = _conditions(
        _actor_condition(conn, actor, "actor"), ("e.day >= ?", since), ("e.day <= ?", until)
    )
    where = ["e.day IS NOT NULL", _modality_condition(modality), *where]
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
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    oldest_first: bool = False,
    limit: int = 1000,
) -> list[Row]:
    """Positions (demands, proposals, ...) grouped by holder and addressee, newest first in each group,
    with the sentence that states each one (`evidence_text`).

    `first_seen` is the earliest day the same holder took the same kind of stance on the same content."""
    kind = filters.parse_kind(kind, "kind")
    holder = _position_side(conn, holder, "holder")
    addressee = _position_side(conn, addressee, "addressee")
    where, params = _conditions(
        # a compound holder is stored as "CHN,USA": either code finds it
        ("(p.holder = ? OR ',' || p.holder || ',' LIKE ? ESCAPE '\\' OR p.holder_name LIKE ? ESCAPE '\\')",
         holder and (holder.upper(), f"%,{_like_escape(holder.upper())},%", f"%{_like_escape(holder)}%")),
        ("p.kind = ?", kind),
        ("(p.addressee = ? OR ',' || p.addressee || ',' LIKE ? ESCAPE '\\')",
         addressee and (addressee.upper(), f"%,{_like_escape(addressee.upper())},%")),
        *_article_filters(since, until, source),
    )
    clause = _where(where)
    sql = f"""
        SELECT p.*, coalesce(p.date, a.published) AS day, a.published, a.source AS article_source,
               a.title AS article_title, {POSITION_EVIDENCE} AS evidence_text,
               min(coalesce(p.date, a.published))
                   OVER (PARTITION BY p.holder, p.kind, lower(p.content)) AS first_seen
        FROM positions p JOIN articles a ON a.id = p.article_id
        {clause}
        ORDER BY p.holder IS NULL, p.holder, p.addressee IS NULL, p.addressee,
                 day{"" if oldest_first else " DESC"}, p.article_id, p.idx
        LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def upcoming(
    conn: sqlite3.Connection, *, as_of: str, modality: str | Sequence[str] | None = None, limit: int = 200
) -> list[Row]:
    """Planned events still to come on `as_of` (a week or month plan until its last day), soonest first,
    with days to go (0 for a plan whose week or month has begun).

    Only articles published on or before `as_of` count: what was known that day. `planned_type` and
    `planned_mode` are the planned action (talks, a visit, a signing) when the events layer gives it."""
    as_of = filters.parse_day(as_of, "as_of") or ""
    sql = f"""
        SELECT e.*, a.title AS article_title, a.source AS article_source, a.published AS article_published,
               max(0, CAST(julianday(e.planned_date) - julianday(?) AS INTEGER)) AS days_ahead,
               CASE WHEN coalesce(e.planned_until, e.planned_date) = e.planned_date THEN e.planned_date
                    ELSE e.planned_date || ' to ' || e.planned_until END AS planned_for,
               {_planned("type")} AS planned_type, {_planned("mode")} AS planned_mode
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.planned_date >= date(?, '-31 days') AND coalesce(e.planned_until, e.planned_date) >= ?
              AND a.published < date(?, '+1 day') AND {_modality_condition(modality)}
        ORDER BY e.planned_date, e.planned_location, a.published DESC LIMIT ?"""
    # (a plan spans a month at most, so the index on planned_date still finds the candidates)
    return _rows(conn.execute(sql, (as_of, as_of, as_of, as_of, limit)))


def _planned(field: str) -> str:
    """A field of the stored Document's planned action (type, mode), read from its JSON: no column needed."""
    return f"json_extract(a.document, '$.events[' || e.idx || '].planned.{field}')"


# The sentence stating a position, from the stored Document (the positions table keeps the content span).
POSITION_EVIDENCE = "json_extract(a.document, '$.positions[' || p.idx || '].evidence.text')"


def event_places(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    type: str | None = None,
    modality: str | Sequence[str] | None = ("asserted",),
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 500,
) -> list[Row]:
    """Places where events happened (those with stored coordinates), with event counts split into
    cooperation and conflict, most events first: what the map draws. Asserted events by default."""
    since, until = _day_range(since, until)
    where, params = _conditions(
        _actor_condition(conn, actor, "actor"),
        ("e.type = ?", filters.parse_type(type, "type")),
        ("e.day >= ?", since),
        ("e.day <= ?", until),
        ("e.article_id IN (SELECT id FROM articles WHERE source = ?)", source),
    )
    where = ["e.lat IS NOT NULL", "e.lon IS NOT NULL", _modality_condition(modality), *where]
    sql = f"""
        SELECT e.location_name AS place, e.location_country AS country, round(avg(e.lat), 4) AS lat,
               round(avg(e.lon), 4) AS lon, count(*) AS events,
               sum({_QUAD} IN (1, 2)) AS cooperation, sum({_QUAD} IN (3, 4)) AS conflict,
               min(e.day) AS first_day, max(e.day) AS last_day
        FROM events e {_where(where)}
        GROUP BY e.location_name, e.location_country ORDER BY events DESC, place LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


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
        SELECT q.article_id, q.idx, q.text, q.speaker_name, q.speaker_country, a.published,
               a.title AS article_title
        FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
        WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"""
    return _rows(conn.execute(sql, (match, limit)))


def stats(conn: sqlite3.Connection) -> Row:
    counts = {}
    for table in ("articles", "actors", "timexes", "quotes", "events", "positions"):
        # table names are constants
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
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


def _event_filters(
    since: str | None,
    until: str | None,
    source: str | None,
    modality: str | Sequence[str] | None = ("asserted",),
) -> tuple[list[str], list[Any]]:
    """Conditions of the aggregates the charts draw: by default only asserted events."""
    since, until = _day_range(since, until)
    where, params = _conditions(
        ("e.day >= ?", since),
        ("e.day <= ?", until),
        ("e.article_id IN (SELECT id FROM articles WHERE source = ?)", source),
    )
    return [_modality_condition(modality), *where], params


def dyads(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    modality: str | Sequence[str] | None = ("asserted",),
    limit: int = 200,
) -> list[Row]:
    """Unordered actor-code pairs with their event counts, split into cooperation and conflict.

    A pair is a source and a target of one event, or two sources of a joint action
    with no target ("Russia and Ukraine agreed").
    """
    where, params = _event_filters(since, until, source, modality)
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
    modality: str | Sequence[str] | None = ("asserted",),
    limit: int = 50,
) -> list[Row]:
    """Actor codes by number of events they take part in, with cooperation and conflict counts."""
    where, params = _event_filters(since, until, source, modality)
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
    """Conditions on the joined `articles a`: publication day range and outlet (for `_conditions`).

    `until` is a whole day: an article published at 14:00 that day is in."""
    since, until = _day_range(since, until)
    return ("a.published >= ?", since), ("a.published < date(?, '+1 day')", until), ("a.source = ?", source)


def _code(conn: sqlite3.Connection, value: str | None, name: str) -> str | None:
    """An actor code given as a code or a name ("Russia" -> RUS)."""
    key = filters.resolve_actor(conn, value, name)
    return key.code if key else None


def _position_side(conn: sqlite3.Connection, value: str | None, name: str) -> str | None:
    """A position's holder or addressee: a code for a state or body, else the name as written."""
    try:
        key = filters.resolve_actor(conn, value, name)
    except filters.FilterError:
        if value and conn.execute("SELECT 1 FROM positions WHERE holder_name LIKE ? LIMIT 1",
                                  (f"%{value.strip()}%",)).fetchone():
            return value.strip()
        raise
    if key is None:
        return None
    return key.code if not key.name else key.name


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


# ---------------------------------------------------------------------- position threads
# (the same stance of one holder restated across articles: communique.store.threads)

THREAD_CHANGES = ("softened", "hardened", "dropped")


def position_threads(
    conn: sqlite3.Connection,
    *,
    holder: str | None = None,
    kind: str | None = None,
    addressee: str | None = None,
    since: str | None = None,
    changed: bool = False,
    limit: int = 500,
) -> list[Row]:
    """Each stance of a holder once, with the day it was first stated and last restated, in how many
    articles and outlets, and how it changed (softened, hardened, dropped); longest running first.

    `kind` matches the first or the latest kind; `since` keeps threads restated on or after that day."""
    where, params = _conditions(
        ("(t.holder = ? OR ',' || t.holder || ',' LIKE ? ESCAPE '\\')",
         holder and (holder.upper(), f"%,{_like_escape(holder.upper())},%")),
        ("(t.kind = ? OR t.latest_kind = ?)", kind and (kind, kind)),
        ("(t.addressee = ? OR ',' || t.addressee || ',' LIKE ? ESCAPE '\\')",
         addressee and (addressee.upper(), f"%,{_like_escape(addressee.upper())},%")),
        ("t.last_day >= ?", since),
    )
    where.append("t.stale = 0")
    if changed:
        where.append("t.change IS NOT NULL")
    sql = f"""
        SELECT t.id, t.holder, t.holder_name, t.kind, t.latest_kind, t.content, t.latest_content, t.addressee,
               t.first_day, t.first_article, t.last_day, t.last_article, t.statements, t.articles, t.sources,
               t.change, CAST(julianday(t.last_day) - julianday(t.first_day) AS INTEGER) AS days,
               f.title AS first_title, f.source AS first_source,
               l.title AS last_title, l.source AS last_source
        FROM position_threads t
        LEFT JOIN articles f ON f.id = t.first_article
        LEFT JOIN articles l ON l.id = t.last_article
        {_where(where)}
        ORDER BY t.holder, t.articles DESC, t.first_day, t.id
        LIMIT ?"""
    return _rows(conn.execute(sql, [*params, limit]))


def thread_statements(conn: sqlite3.Connection, thread_id: int) -> list[Row]:
    """Every statement of one thread in the order it was made: the position, its article, and the quote
    and event it points to."""
    sql = """
        SELECT p.article_id, p.idx, p.kind, p.content, p.condition_for, p.addressee, p.start, p."end",
               coalesce(p.date, a.published) AS day, a.published,
               a.title AS article_title, a.source AS article_source,
               q.text AS quote_text, q.speaker_name AS quote_speaker, e.type AS event_type, e.evidence_text
        FROM thread_positions m
        JOIN positions p ON p.article_id = m.article_id AND p.idx = m.idx
        JOIN articles a ON a.id = p.article_id
        LEFT JOIN quotes q ON q.article_id = p.article_id AND q.idx = p.quote_idx
        LEFT JOIN events e ON e.article_id = p.article_id AND e.idx = p.event_idx
        WHERE m.thread_id = ?
        ORDER BY day, a.published, p.article_id, p.idx"""
    return _rows(conn.execute(sql, (thread_id,)))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
