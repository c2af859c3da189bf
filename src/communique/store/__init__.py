"""The SQLite store: one writer, atomic per article, idempotent by content hash.

`Store.save(document)` writes an article and all of its annotations in one
transaction, so an interrupted ingest leaves every stored article whole.
Read queries live in `communique.query` and are exposed here as methods that
return plain dicts (or pandas DataFrames with `as_frame=True`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import query, stories
from ..cleaning import clean_field
from ..document import Document
from ..errors import StoreError
from ..periods import first_day, last_day
from . import migrations, summaries, threads

DEFAULT_DB = "communique.db"


def default_path() -> str:
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False, timeout: float = 30.0):
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
                f"{self.path}: made by a newer communique (unknown migration {unknown[0]}); upgrade communique"
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
            self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", (content_hash(text),)).fetchone()
            is not None
        )

    def has_url(self, url: str) -> bool:
        """An article fetched from, or canonically at, this URL (or with its text) is already stored."""
        if not url:
            return False
        row = self.conn.execute("SELECT 1 FROM articles WHERE url = ? OR origin = ? LIMIT 1", (url, url)).fetchone()
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

    def add_url_alias(self, url: str, article_id: str) -> None:
        """Remember that `url` gave the same text as stored article `article_id` (see `has_url`)."""
        with self.atomic() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO url_aliases (url, article_id) VALUES (?, ?)", (url, article_id)
            )

    def feed_state(self, url: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT etag, last_modified, last_polled FROM feeds WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.atomic() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO feeds (url, etag, last_modified, last_polled) VALUES (?, ?, ?, ?)",
                (url, etag, last_modified, datetime.now(UTC).isoformat(timespec="seconds")),
            )

    def save(self, document: Document, pipeline_version: str) -> None:
        """Store (or replace) an article and every annotation, all or nothing."""
        self.write(to_record(document, pipeline_version))

    def write(self, record: Record) -> None:
        """Store (or replace) one prepared article (see `to_record`), all or nothing."""
        with self.atomic() as conn:
            self._write(conn, record)

    def write_many(self, records: list[Record]) -> list[Exception | None]:
        """Store several prepared articles in one transaction: one commit, one FTS segment.

        Each article is still all or nothing: one whose write fails is rolled back alone
        (a savepoint) and its error is returned in its place; the others are stored. If
        the commit itself fails, it raises and none of them is stored.
        """
        outcomes: list[Exception | None] = []
        with self.atomic() as conn:
            for record in records:
                conn.execute("SAVEPOINT article")
                try:
                    self._write(conn, record)
                except (sqlite3.Error, ValueError, OverflowError) as exc:  # e.g. a value SQLite cannot hold
                    conn.execute("ROLLBACK TO article")
                    outcomes.append(exc)
                else:
                    outcomes.append(None)
                conn.execute("RELEASE article")
        return outcomes

    def _write(self, conn: sqlite3.Connection, record: Record) -> None:
        article_id = record.article_id
        stories.unlink_article(conn, article_id)
        summaries.add(conn, article_id, -1)  # what a replaced version counted (nothing for a new article)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        conn.execute(
            """INSERT INTO articles (id, content_hash, title, source, url, published, date_source, origin, text,
               original_text, pipeline_version, ingested_at, document) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            record.article,
        )
        conn.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)", record.actors)
        conn.executemany('INSERT INTO mentions (article_id, actor_id, start, "end", text) VALUES (?,?,?,?,?)', record.mentions)
        conn.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?)", record.timexes)
        conn.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", record.quotes)
        for event, sides in record.events:
            cur = conn.execute(
                """INSERT INTO events (article_id, idx, type, mode, modality, date, day, source_codes, target_codes,
                   source_names, target_names, mutual, location_name, location_country, lat, lon, planned_date,
                   planned_location, cameo, quad_class, goldstein, num_mentions, evidence_start, evidence_end,
                   evidence_text, planned_until) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                event,
            )
            event_id = cur.lastrowid
            conn.executemany(
                "INSERT INTO event_actors (event_id, side, code, name) VALUES (?,?,?,?)",
                [(event_id, *side) for side in sides],
            )
        conn.executemany(
            """INSERT INTO positions (article_id, idx, holder, holder_name, kind, addressee, content,
               condition_for, date, start, "end", quote_idx, statement_idx, event_idx)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            record.positions,
        )
        threads.update(conn, article_id)
        conn.executemany(_LEARN, [(*row, row[-2], row[-1]) for row in record.learned])
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


@dataclass(slots=True)
class Record:
    """One article as the rows of every table, built without a database.

    `to_record` can run where the Document is made (a spaCy or Dask worker), so the
    process that owns the database only executes the inserts.
    """

    article_id: str
    origin: str
    article: tuple
    actors: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    timexes: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    events: list[tuple[tuple, list[tuple]]] = field(default_factory=list)  # (event row, its (side, code, name) rows)
    positions: list[tuple] = field(default_factory=list)
    learned: list[tuple] = field(default_factory=list)  # (key, name, country, sector, role, article, day)
    story_report: stories.Report | None = None  # what linking its events to stories needs

    @property
    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events), "quotes": len(self.quotes), "actors": len(self.actors),
            "timexes": len(self.timexes), "positions": len(self.positions),
        }

    def add_notes(self, notes: list[str]) -> None:
        """Append notes to the stored Document (rare: e.g. a publication date set aside)."""
        if not notes:
            return
        document = json.loads(self.article[DOCUMENT_COLUMN])
        document["notes"] = [*(document.get("notes") or []), *notes]
        self.article = (*self.article[:DOCUMENT_COLUMN], json.dumps(document, ensure_ascii=False))


DOCUMENT_COLUMN = 12  # index of the Document JSON in Record.article


def to_record(doc: Document, pipeline_version: str) -> Record:
    """The rows that store `doc`; `Store.write` puts them in the database."""
    doc = _safe_metadata(doc)
    a = doc.article
    article = (
        a.id, content_hash(a.text), a.title, a.source, a.url, a.published, a.date_source, a.origin,
        doc.text, a.text if a.text != doc.text else None, pipeline_version,
        datetime.now(UTC).isoformat(timespec="seconds"), doc.to_json(),
    )
    events = []
    for i, e in enumerate(doc.events):
        row = (
            a.id, i, e.type, e.mode, e.modality, e.date, day_of(e.date) or a.published,
            _codes(e.source), _codes(e.target), _names(e.source), _names(e.target), int(e.mutual),
            e.location.name if e.location else None, e.location.country if e.location else None,
            e.location.lat if e.location else None, e.location.lon if e.location else None,
            day_of(e.planned.date) if e.planned else None,
            e.planned.location.name if e.planned and e.planned.location else None,
            e.cameo, e.quad_class, e.goldstein, max(1, len(e.mentions)),
            e.evidence.start, e.evidence.end, e.evidence.text,
            last_day(e.planned.date) if e.planned else None,
        )
        sides = [("source", r.country, r.name) for r in e.source] + [("target", r.country, r.name) for r in e.target]
        events.append((row, sides))
    return Record(
        article_id=a.id,
        origin=a.origin or a.id,
        article=article,
        actors=[(a.id, x.id, x.name, x.country, x.sector, x.role, x.kind, len(x.mentions)) for x in doc.actors],
        mentions=[(a.id, x.id, m.start, m.end, m.text) for x in doc.actors for m in x.mentions],
        timexes=[(a.id, i, t.start, t.end, t.text, t.type, t.value) for i, t in enumerate(doc.timexes)],
        quotes=[
            (
                a.id, i, q.start, q.end, q.text, q.kind, q.verb,
                q.speaker.name if q.speaker else None, q.speaker.country if q.speaker else None,
                q.speaker.actor_id if q.speaker else None,
                q.about.name if q.about else None, q.about.country if q.about else None,
            )
            for i, q in enumerate(doc.quotes)
        ],
        events=events,
        learned=learned_rows(doc),
        positions=[
            (a.id, i, _joined(p.holder), p.holder_name, p.kind, _joined(p.addressee), p.content, p.condition_for, p.date,
             p.start, p.end, p.quote, p.statement, p.event)
            for i, p in enumerate(doc.positions)
        ],
        story_report=stories.report_of(doc),
    )


# a person seen again: the days seen widen, a different country marks the name as conflicting (not reused)
_LEARN = """INSERT INTO learned_actors (key, name, country, sector, role, first_article, first_seen,
    last_article, last_seen) VALUES (?,?,?,?,?,?,?,?,?)
    ON CONFLICT(key) DO UPDATE SET
        articles = articles + (excluded.last_article != learned_actors.last_article),
        conflicting = conflicting OR coalesce(excluded.country != learned_actors.country, 0),
        first_seen = min(coalesce(first_seen, excluded.first_seen),
                         coalesce(excluded.first_seen, first_seen)),
        last_seen = max(coalesce(last_seen, excluded.last_seen), coalesce(excluded.last_seen, last_seen)),
        last_article = excluded.last_article"""


def learned_rows(doc: Document) -> list[tuple]:
    """People of `doc` worth remembering: a full name (two capitalised words or more) with a country."""
    from ..annotators.actors.learned import learnable

    a = doc.article
    return [(key, x.name, x.country, x.sector, x.role, a.id, a.published) for key, x in learnable(doc.actors)]


def _safe_metadata(doc: Document) -> Document:
    """The Document with title, source and url made safe to show (no terminal escapes, no bidi tricks).

    Readers already do this; articles given through the API (`annotate(title=...)`) may not have.
    """
    a = doc.article
    safe = {k: clean_field(getattr(a, k)) for k in ("title", "source", "url")}
    if all(safe[k] == getattr(a, k) for k in safe):
        return doc
    return dataclasses.replace(doc, article=dataclasses.replace(a, **safe))


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
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def _codes(refs: list) -> str | None:
    codes = [r.country for r in refs if r.country]
    return ",".join(codes) if codes else None


def _joined(codes: str | list[str] | None) -> str | None:
    """A compound position side (a list of codes) is stored as "CHN,USA"."""
    return ",".join(codes) if isinstance(codes, list) else codes


def _names(refs: list) -> str | None:
    return "; ".join(r.name for r in refs) if refs else None


def day_of(value: str | None) -> str | None:
    """A calendar day for sorting and filtering: the day itself, or the first day of a week or month."""
    return first_day(value)
