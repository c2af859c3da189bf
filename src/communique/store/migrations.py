"""Ordered, named schema migrations, recorded in the `migrations` table.

Add a migration by appending a (name, SQL) pair; never edit an applied one.
`SCHEMA_VERSION` is the number of migrations.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT,
            source TEXT,
            url TEXT,
            published TEXT,
            date_source TEXT,
            origin TEXT,
            text TEXT NOT NULL,
            original_text TEXT,
            pipeline_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            document TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_url ON articles(url);

        CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            role TEXT,
            kind TEXT,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        );
        CREATE INDEX actors_country ON actors(country);
        CREATE INDEX actors_name ON actors(name);

        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);

        CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT,
            value TEXT,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT,
            verb TEXT,
            speaker_name TEXT,
            speaker_country TEXT,
            speaker_actor_id TEXT,
            about_name TEXT,
            about_country TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_name);
        CREATE INDEX quotes_country ON quotes(speaker_country);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            modality TEXT NOT NULL,
            date TEXT,
            day TEXT,
            source_codes TEXT,
            target_codes TEXT,
            source_names TEXT,
            target_names TEXT,
            mutual INTEGER NOT NULL DEFAULT 0,
            location_name TEXT,
            location_country TEXT,
            lat REAL,
            lon REAL,
            planned_date TEXT,
            planned_location TEXT,
            cameo TEXT,
            quad_class INTEGER,
            goldstein REAL,
            num_mentions INTEGER NOT NULL DEFAULT 1,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text TEXT NOT NULL,
            UNIQUE (article_id, idx)
        );
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_type_day ON events(type, day);
        CREATE INDEX events_planned ON events(planned_date);

        CREATE TABLE event_actors (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            side TEXT NOT NULL,
            code TEXT,
            name TEXT
        );
        CREATE INDEX event_actors_code ON event_actors(code, event_id);
        CREATE INDEX event_actors_event ON event_actors(event_id);

        CREATE TABLE positions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            holder TEXT,
            holder_name TEXT,
            kind TEXT NOT NULL,
            addressee TEXT,
            content TEXT NOT NULL,
            condition_for TEXT,
            date TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX positions_holder ON positions(holder);
        """,
    ),
    (
        "0002_full_text_search",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='rowid');
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
        END;
        -- an older database already has articles: index them too
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
        """,  # noqa: E501 -- an applied migration's text stays as it was applied
    ),
    (
        "0003_feeds",
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_polled TEXT NOT NULL
        );
        CREATE INDEX articles_origin ON articles(origin);
        """,
    ),
    (
        "0004_query_speed_indexes",
        """
        -- events of an actor in day order stream from this index (no sort of the whole range)
        CREATE INDEX events_day_order ON events(day, article_id, idx);
        -- covers the timeline aggregate: counts per day and type or QuadClass without reading rows
        CREATE INDEX events_day_type ON events(day, type, quad_class, modality);
        """,
    ),
    (
        "0005_planned_until",
        """
        -- the last day of a plan's week or month ("next week"): it is still to come until then
        ALTER TABLE events ADD COLUMN planned_until TEXT;
        """,
    ),
    (
        "0006_learned_actors",
        """
        -- people whose country an article's own words gave, by the folded key of their full name, so later
        -- articles of the store name them too; provenance: the first and last article and the days seen
        CREATE TABLE learned_actors (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            role TEXT,
            first_article TEXT NOT NULL,
            last_article TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            articles INTEGER NOT NULL DEFAULT 1,
            conflicting INTEGER NOT NULL DEFAULT 0
        );
        """,
    ),
    (
        "0007_position_threads",
        """
        -- where a position was stated: indices of its quote, reported speech and event in the article
        ALTER TABLE positions ADD COLUMN quote_idx INTEGER;
        ALTER TABLE positions ADD COLUMN statement_idx INTEGER;
        ALTER TABLE positions ADD COLUMN event_idx INTEGER;
        -- one stance of one holder restated across articles (see communique.store.threads)
        CREATE TABLE position_threads (
            id INTEGER PRIMARY KEY,
            holder TEXT NOT NULL,
            holder_name TEXT,
            family TEXT NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            addressee TEXT,
            first_day TEXT,
            first_article TEXT,
            last_day TEXT,
            last_article TEXT,
            latest_kind TEXT NOT NULL,
            latest_content TEXT NOT NULL,
            words TEXT NOT NULL,
            statements INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            sources INTEGER NOT NULL,
            change TEXT,
            stale INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX position_threads_holder ON position_threads(holder, last_day);
        CREATE INDEX position_threads_stale ON position_threads(stale) WHERE stale = 1;
        CREATE TABLE thread_positions (
            thread_id INTEGER NOT NULL REFERENCES position_threads(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx),
            FOREIGN KEY (article_id, idx) REFERENCES positions(article_id, idx) ON DELETE CASCADE
        );
        CREATE INDEX thread_positions_thread ON thread_positions(thread_id);
        -- a member leaving (its article deleted or re-annotated) leaves its thread to recompute
        CREATE TRIGGER thread_positions_delete AFTER DELETE ON thread_positions BEGIN
            UPDATE position_threads SET stale = 1 WHERE id = old.thread_id;
        END;
        """,
    ),
    (
        "0008_stories",
        """
        -- one real-world event and the reports of it, linked at ingest (communique.stories);
        -- the columns before `profile` summarize the mentions so a page reads one row per story
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            family TEXT NOT NULL,
            families TEXT NOT NULL DEFAULT '',
            told_in_lead INTEGER NOT NULL DEFAULT 0,
            type TEXT NOT NULL,
            day TEXT,
            first_day TEXT,
            last_day TEXT,
            first_report TEXT,
            last_report TEXT,
            num_mentions INTEGER NOT NULL DEFAULT 0,
            num_articles INTEGER NOT NULL DEFAULT 0,
            num_sources INTEGER NOT NULL DEFAULT 0,
            sources TEXT,
            source_codes TEXT,
            target_codes TEXT,
            location TEXT,
            evidence TEXT,
            profile TEXT NOT NULL
        );
        -- the stories a new event can join: a few days either side of its day
        CREATE INDEX stories_day ON stories(day);
        -- pages, newest report first: of stories reported by several articles (most pages), of all
        CREATE INDEX stories_reported ON stories(last_report) WHERE num_articles >= 2;
        CREATE INDEX stories_last_report ON stories(last_report);

        -- an event of an article told as a report of a story (role 'report') or as a look back at it
        -- ('background'); `key` is what linking compared, `facts` what outlets may disagree on
        CREATE TABLE story_mentions (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            role TEXT NOT NULL,
            score REAL,
            day TEXT,
            key TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX story_mentions_story ON story_mentions(story_id, role);

        -- the actor codes of a story's reports, to find its stories by actor
        CREATE TABLE story_actors (
            code TEXT NOT NULL,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            PRIMARY KEY (code, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_actors_story ON story_actors(story_id);
        """,
    ),
    (
        "0009_url_aliases",
        """
        -- a page reached by a second URL with the same text as a stored article: the URL is
        -- remembered (not fetched again) and the article is not stored twice. No foreign key:
        -- re-annotating an article replaces its row, and its aliases must survive that.
        CREATE TABLE url_aliases (
            url TEXT PRIMARY KEY,
            article_id TEXT NOT NULL
        );
        """,
    ),
    (
        "0010_summaries",
        """
        -- counts the dashboard reads instead of aggregating every event (see store/summaries.py);
        -- kept by Store._write and Store.delete, filled here from what is already stored
        CREATE TABLE summary_timeline (
            day TEXT NOT NULL, modality TEXT NOT NULL, type TEXT NOT NULL, quad_class INTEGER NOT NULL,
            events INTEGER NOT NULL, PRIMARY KEY (day, modality, type, quad_class)
        ) WITHOUT ROWID;
        CREATE TABLE summary_actor_days (
            day TEXT NOT NULL, modality TEXT NOT NULL, code TEXT NOT NULL, events INTEGER NOT NULL,
            cooperation INTEGER NOT NULL, conflict INTEGER NOT NULL, PRIMARY KEY (day, modality, code)
        ) WITHOUT ROWID;
        CREATE TABLE summary_dyad_days (
            day TEXT NOT NULL, modality TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
            events INTEGER NOT NULL, cooperation INTEGER NOT NULL, conflict INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL, PRIMARY KEY (day, modality, a, b)
        ) WITHOUT ROWID;
        CREATE TABLE summary_dyads (
            modality TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, events INTEGER NOT NULL,
            cooperation INTEGER NOT NULL, conflict INTEGER NOT NULL, goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL, PRIMARY KEY (modality, a, b)
        ) WITHOUT ROWID;
        CREATE TABLE summary_code_names (
            modality TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, events INTEGER NOT NULL,
            PRIMARY KEY (code, modality, name)
        ) WITHOUT ROWID;
        CREATE TABLE summary_actor_mentions (
            code TEXT PRIMARY KEY, mentions INTEGER NOT NULL, articles INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE summary_sources (source TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
        -- an article's events, found without a scan (replacing or deleting an article, and its summaries)
        CREATE INDEX events_article ON events(article_id);
        INSERT INTO summary_timeline
            SELECT coalesce(day, ''), coalesce(modality, ''), coalesce(type, ''), coalesce(quad_class, 0),
                count(*)
            FROM events GROUP BY 1, 2, 3, 4;
        INSERT INTO summary_actor_days
            SELECT day, modality, code, count(DISTINCT id),
                count(DISTINCT CASE WHEN quad IN (1, 2) THEN id END),
                count(DISTINCT CASE WHEN quad IN (3, 4) THEN id END)
            FROM (
                SELECT coalesce(e.day, '') AS day, coalesce(e.modality, '') AS modality, x.code AS code,
                    e.id AS id,
                    coalesce(e.quad_class, CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)
                        AS quad
                FROM event_actors x JOIN events e ON e.id = x.event_id
                WHERE x.code IS NOT NULL
            )
            GROUP BY day, modality, code;
        INSERT INTO summary_dyad_days
            WITH pairs AS (
                SELECT DISTINCT e.id AS id, coalesce(e.day, '') AS day,
                    coalesce(e.modality, '') AS modality,
                    coalesce(e.quad_class, CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)
                        AS quad,
                    e.goldstein AS goldstein, min(s.code, t.code) AS a, max(s.code, t.code) AS b
                FROM events e
                JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'
                JOIN event_actors t ON t.event_id = e.id AND (
                    t.side = 'target' OR (t.side = 'source' AND t.code > s.code AND NOT EXISTS (
                        SELECT 1 FROM event_actors y WHERE y.event_id = e.id AND y.side = 'target')))
                WHERE s.code IS NOT NULL AND t.code IS NOT NULL AND s.code != t.code
            )
            SELECT day, modality, a, b, count(DISTINCT id),
                count(DISTINCT CASE WHEN quad IN (1, 2) THEN id END),
                count(DISTINCT CASE WHEN quad IN (3, 4) THEN id END), total(goldstein), count(goldstein)
            FROM pairs GROUP BY day, modality, a, b;
        INSERT INTO summary_dyads
            SELECT modality, a, b, sum(events), sum(cooperation), sum(conflict), total(goldstein_sum),
                sum(goldstein_n)
            FROM summary_dyad_days GROUP BY modality, a, b;
        INSERT INTO summary_code_names
            SELECT coalesce(e.modality, ''), x.code, x.name, count(DISTINCT e.id)
            FROM event_actors x JOIN events e ON e.id = x.event_id
            WHERE x.code IS NOT NULL AND x.name IS NOT NULL GROUP BY 1, 2, 3;
        INSERT INTO summary_actor_mentions
            SELECT country, sum(mention_count), count(DISTINCT article_id) FROM actors
            WHERE country IS NOT NULL GROUP BY country;
        INSERT INTO summary_sources
            SELECT source, count(*) FROM articles WHERE source IS NOT NULL GROUP BY source;
        """,
    ),
]

SCHEMA_VERSION = len(MIGRATIONS)


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]


def pending(conn: sqlite3.Connection) -> list[str]:
    done = set(applied(conn))
    return [name for name, _ in MIGRATIONS if name not in done]


def unknown(conn: sqlite3.Connection) -> list[str]:
    """Applied migrations this version does not know: the database is from a newer communique."""
    known = {name for name, _ in MIGRATIONS}
    return [name for name in applied(conn) if name not in known]


def apply(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their names."""
    todo = set(pending(conn))
    ran = []
    for name, sql in MIGRATIONS:
        if name not in todo:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if name in set(applied(conn)):  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA user_version = {MIGRATIONS.index((name, sql)) + 1}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


def _statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in sql.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
