"""The SQLite store: one writer, atomic per article, idempotent by content hash.

`Store.save(document)` writes an article and all of its annotations in one
transaction, so an interrupted ingest leaves every stored article whole. Rows are
dicts written with their columns named (`store.records`), built where the article was
annotated; the writer only executes them. The ingest's single writer
(`engine.run.RecordWriter`) also stores what a run learned besides articles (a feed's
validators, a URL's alias) through `write_many`.
Read queries live in `communique.query` and are exposed here as methods that
return plain dicts (or pandas DataFrames with `as_frame=True`).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import query, stories
from ..document import Document
from ..errors import StoreError
from . import migrations, summaries, threads
from .records import (
    ANNOTATION_TABLES,
    EVENT_ACTOR_VALUES,
    EVENT_ACTORS,
    LEARN,
    KeyedRow,
    Record,
    Row,
    content_hash,
    day_of,
    feed_state_row,
    insert_statement,
    to_record,
    url_alias_row,
)

__all__ = [
    "DEFAULT_DB", "KeyedRow", "Record", "Store", "content_hash", "day_of", "default_path", "feed_state_row",
    "to_record", "url_alias_row",
]

DEFAULT_DB = "communique.db"


def default_path() -> str:
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def _read(func: Callable[..., Any]) -> Callable[..., Any]:
    """A read query of `communique.query` as a Store method: `store.events(actor="RUS", as_frame=True)`."""

    @functools.wraps(func)
    def method(self: Store, *args: Any, as_frame: bool = False, **kwargs: Any) -> Any:
        rows = func(self.conn, *args, **kwargs)
        if not as_frame:
            return rows
        import pandas as pd

        # an empty result keeps its columns (query.Rows knows them)
        return pd.DataFrame(rows, columns=getattr(rows, "columns", None) or None)

    return method


class Store:
    """A communique database. `readonly=True` opens it for queries only (web, CLI queries).

    Every way opening can fail is one StoreError line naming the file: missing, a folder,
    a pipe or device (never opened: a pipe would block), unreadable, not SQLite, made by
    a newer communique, or needing migration. A database on read-only media (where not
    even SQLite's shared-memory file can be made) opens read-only for queries, as
    immutable.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False, timeout: float = 30.0
    ):
        self.path = str(path or default_path())
        self.readonly = readonly
        self.backup_path: str | None = None  # set when a migration made a backup first
        if not self.in_memory:
            _check_path(self.path, readonly)
        try:
            self.conn = self._connect(timeout)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self._prepare(timeout)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: {_open_problem(exc, writing=not readonly)}") from None
        except BaseException:
            self.conn.close()
            raise

    def _connect(self, timeout: float) -> sqlite3.Connection:
        options = {"timeout": timeout, "isolation_level": None, "check_same_thread": False}
        if not self.readonly:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            return sqlite3.connect(self.path, **options)
        uri = Path(self.path).resolve().as_uri()  # as_uri escapes ? and # in the path
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, **options)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
        # read-only media: SQLite cannot make the -shm file a WAL database needs to be read
        # together with writers; there are no writers there, so the file is read as it stands
        conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, **options)
        self.immutable = True
        return conn

    immutable = False  # opened with SQLite's immutable flag (read-only media)

    def _prepare(self, timeout: float) -> None:
        """Pragmas, then migrations (writer) or the checks that the schema is this version's (reader)."""
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if not self.readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            return
        if not _has_table(self.conn, "migrations"):
            if not _has_table(self.conn, "articles"):
                raise StoreError(f"{self.path}: not a communique database (no articles table)")
            raise StoreError(f"{self.path}: database needs migrating; run `communique db migrate`")
        newer = migrations.unknown(self.conn)
        if newer:
            raise StoreError(
                f"{self.path}: made by a newer communique (unknown migration {newer[0]}); upgrade communique"
            )
        if migrations.pending(self.conn):
            raise StoreError(f"{self.path}: database needs migrating; run `communique db migrate`")

    def _migrate(self) -> None:
        """Apply pending migrations; an existing database with articles is backed up first."""
        unknown = migrations.unknown(self.conn)
        if unknown:
            raise StoreError(
                f"{self.path}: made by a newer communique (unknown migration {unknown[0]});"
                " upgrade communique"
            )
        if migrations.pending(self.conn) and _has_table(self.conn, "articles"):
            has_rows = self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
            if has_rows:
                self.backup_path = self.backup()
        migrations.apply(self.conn)
        threads.backfill(self.conn)  # positions stored before threads existed

    def backup(self, target: str | os.PathLike[str] | None = None) -> str:
        """A consistent copy of the database (SQLite's online backup API), e.g. before a migration."""
        if target is None:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            target = f"{self.path}.v{version}-{stamp}-{os.getpid()}.bak"
        copy = sqlite3.connect(str(target))
        try:
            self.conn.backup(copy)
        finally:
            copy.close()
        return str(target)

    # ------------------------------------------------------------------ lifecycle

    @property
    def in_memory(self) -> bool:
        """An in-memory database: no second connection can reach it."""
        return self.path in ("", ":memory:") or self.path.startswith("file::memory:")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ writing

    def status(self, article_id: str, text: str, pipeline_version: str) -> str:
        """"new", "same" (already stored by this pipeline), "changed" or "stale" (older pipeline)."""
        row = self.conn.execute(
            "SELECT content_hash, pipeline_version FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return "new"
        if row["content_hash"] != content_hash(text):
            return "changed"
        return "same" if row["pipeline_version"] == pipeline_version else "stale"

    def has_content(self, text: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", (content_hash(text),)
            ).fetchone()
            is not None
        )

    def has_url(self, url: str) -> bool:
        """An article fetched from, or canonically at, this URL (or with its text) is already stored."""
        if not url:
            return False
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE url = ? OR origin = ? LIMIT 1", (url, url)
        ).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT 1 FROM url_aliases u JOIN articles a ON a.id = u.article_id WHERE u.url = ? LIMIT 1",
                (url,),
            ).fetchone()
        return row is not None

    def article_with_content(self, text: str) -> str | None:
        """The id of a stored article with exactly this text, if any."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (content_hash(text),)
        ).fetchone()
        return row["id"] if row else None

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last poll of the feed at `url` kept: its etag, last_modified and last_polled."""
        row = self.conn.execute(
            "SELECT etag, last_modified, last_polled FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return dict(row) if row else None

    def save(self, document: Document, pipeline_version: str) -> None:
        """Store (or replace) an article and every annotation, all or nothing."""
        self.write(to_record(document, pipeline_version))

    def write(self, record: Record) -> None:
        """Store (or replace) one prepared article (see `to_record`), all or nothing."""
        with self.atomic() as conn:
            self._write(conn, record)

    def write_many(self, records: list[Record], keyed: Iterable[KeyedRow] = ()) -> list[Exception | None]:
        """Store several prepared articles in one transaction: one commit, one FTS segment.

        Each article is still all or nothing: one whose write fails is rolled back alone
        (a savepoint) and its error is returned in its place; the others are stored. If
        the commit itself fails, it raises and none of them is stored. `keyed` rows (a
        feed's validators, a URL's alias) are stored or replaced in the same transaction.
        """
        outcomes: list[Exception | None] = []
        with self.atomic() as conn:
            for record in records:
                conn.execute("SAVEPOINT article")
                try:
                    self._write(conn, record)
                except (sqlite3.Error, ValueError, OverflowError, LookupError) as exc:
                    # e.g. a value SQLite cannot hold
                    conn.execute("ROLLBACK TO article")
                    outcomes.append(exc)
                else:
                    outcomes.append(None)
                conn.execute("RELEASE article")
            for row in keyed:
                _insert(conn, row.table, [row.values], "INSERT OR REPLACE")
        return outcomes

    def _write(self, conn: sqlite3.Connection, record: Record) -> None:
        article_id = record.article_id
        stories.unlink_article(conn, article_id)
        summaries.add(conn, article_id, -1)  # what a replaced version counted (nothing for a new article)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        _insert(conn, "articles", [record.article])
        for table in ANNOTATION_TABLES:
            if table == "event_actors":
                conn.executemany(EVENT_ACTORS, map(EVENT_ACTOR_VALUES, record.event_actors))
            else:
                _insert(conn, table, getattr(record, table))
        threads.update(conn, article_id)
        conn.executemany(LEARN, record.learned)
        if record.story_report is not None:
            stories.link_report(conn, record.story_report)
        summaries.add(conn, article_id, +1)

    def learned_actors(self) -> list[dict[str, Any]]:
        """People learned from earlier articles (one country for each, never contradicted), for annotation."""
        rows = self.conn.execute(
            "SELECT key, name, country, sector, role, first_seen, last_seen, first_article, articles"
            " FROM learned_actors WHERE conflicting = 0 AND country IS NOT NULL"
        ).fetchall()
        return [dict(r) for r in rows]

    def delete(self, article_id: str) -> bool:
        with self.atomic() as conn:
            stories.unlink_article(conn, article_id)
            summaries.add(conn, article_id, -1)
            deleted = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0
            threads.refresh(conn)
            return deleted

    # ------------------------------------------------------------------ reading

    def document(self, article_id: str) -> Document | None:
        row = self.conn.execute("SELECT document FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Document.from_dict(json.loads(row["document"])) if row else None

    # the read queries of communique.query, as methods returning plain dicts (or a DataFrame)
    articles = _read(query.articles)
    article_count = _read(query.article_count)
    article = _read(query.article)
    events = _read(query.events)
    quotes = _read(query.quotes)
    actors = _read(query.actors)
    timeline = _read(query.timeline)
    positions = _read(query.positions)
    upcoming = _read(query.upcoming)
    newest_day = _read(query.newest_day)
    stories = _read(query.stories)
    story = _read(query.story)
    search = _read(query.search)
    search_quotes = _read(query.search_quotes)
    stats = _read(query.stats)
    sources = _read(query.sources)
    dyads = _read(query.dyads)
    actor_activity = _read(query.actor_activity)
    actor_mentions = _read(query.actor_mentions)
    comentions = _read(query.comentions)
    actor_articles = _read(query.actor_articles)
    attach_sides = _read(query.attach_sides)
    event_places = _read(query.event_places)
    position_threads = _read(query.position_threads)
    thread_statements = _read(query.thread_statements)


def _check_path(path: str, readonly: bool) -> None:
    """One clear StoreError for a path that cannot be a database file, before SQLite opens it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if readonly:
            raise StoreError(f"{path}: no such database (run `communique ingest` first)") from None
        return  # created by the writer
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the database ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise StoreError(f"{path}: is a folder, not a database file")
    if not stat.S_ISREG(mode):
        raise StoreError(f"{path}: is not a regular file (a pipe or a device), not a database file")
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path}: cannot open the database (permission denied)")


def _open_problem(exc: sqlite3.DatabaseError, writing: bool) -> str:
    """What an SQLite error at opening means, as the rest of a one-line message."""
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"not a communique database ({text})"
    if writing and ("readonly" in text or "read-only" in text or "unable to open" in text):
        return f"cannot write to the database ({text}: a read-only file, folder or medium?); queries can"
    return f"cannot open the database ({text})"


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
        is not None
    )


def _insert(conn: sqlite3.Connection, table: str, rows: list[Row], verb: str = "INSERT") -> None:
    """Insert `rows` (dicts with the same keys, as `to_record` builds them) by column name."""
    if rows:
        statement, values = insert_statement(table, tuple(rows[0]), verb)
        conn.executemany(statement, map(values, rows))
