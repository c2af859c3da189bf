"""One article as the rows of every table, built without a database; and the statements
that write rows.

Every row is a dict keyed by column name, written with the columns named (as sqlite-utils
does) and each value taken from its row by that name: a migration that adds a column leaves
every write as it was (the new column takes its default), and no code counts positions.
`to_record` runs where the Document is made (a spaCy or Dask worker), so the process that
owns the database only executes the inserts.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from .. import stories
from ..cleaning import clean_field
from ..document import Document
from ..periods import first_day, last_day

Row = dict[str, Any]

# The tables of an article's annotations, in the order they are written (events before the
# actors of each event, which find their event by (article_id, idx)).
ANNOTATION_TABLES = ("actors", "mentions", "timexes", "quotes", "events", "event_actors", "positions")

# Tables of what a run learned besides its articles (a feed's validators, a second URL of a page):
# one row per key, a newer row replaces the older.
KEYED_TABLES = frozenset({"feeds", "url_aliases"})


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Record:
    """One article as the rows of every table (see `to_record`); `Store.write` executes them."""

    article_id: str
    origin: str
    article: Row
    actors: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    timexes: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    event_actors: list[Row] = field(default_factory=list)  # each names its event by article_id and event_idx
    positions: list[Row] = field(default_factory=list)
    learned: list[Row] = field(default_factory=list)  # people worth remembering (see `learned_rows`)
    story_report: stories.Report | None = None  # what linking its events to stories needs
    # what reading, screening and parsing set aside or repaired
    notes: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events), "quotes": len(self.quotes), "actors": len(self.actors),
            "timexes": len(self.timexes), "positions": len(self.positions),
        }


@dataclass(frozen=True, slots=True)
class KeyedRow:
    """A row of a table keyed by its primary key (see `KEYED_TABLES`), stored by the single writer."""

    table: str
    values: Row

    def __post_init__(self) -> None:
        if self.table not in KEYED_TABLES:
            raise ValueError(f"not a keyed table: {self.table}")


def feed_state_row(url: str, etag: str | None, last_modified: str | None, polled_at: str) -> KeyedRow:
    """The validators of one poll of a feed: the next poll asks with them (see `feeds.FeedState`)."""
    return KeyedRow(
        "feeds", {"url": url, "etag": etag, "last_modified": last_modified, "last_polled": polled_at}
    )


def url_alias_row(url: str, article_id: str) -> KeyedRow:
    """`url` gave the same text as article `article_id`: it is not fetched again (see `Store.has_url`)."""
    return KeyedRow("url_aliases", {"url": url, "article_id": article_id})


@lru_cache(maxsize=64)
def insert_statement(
    table: str, columns: tuple[str, ...], verb: str = "INSERT"
) -> tuple[str, Callable[[Row], tuple]]:
    """`INSERT INTO table ("a", "b") VALUES (?, ?)` and what takes a row's values for it, by column name.

    The values are taken by name (not bound by name, which costs SQLite a string per value:
    a fifth of the time of the inserts).
    """
    names = ", ".join(f'"{c}"' for c in columns)
    values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    return f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", values


# The actors of an event find their event by its place in the article: rows need no event id.
EVENT_ACTORS = """INSERT INTO event_actors (event_id, side, code, name)
    SELECT id, ?, ?, ? FROM events WHERE article_id = ? AND idx = ?"""
EVENT_ACTOR_VALUES = itemgetter("side", "code", "name", "article_id", "event_idx")

# A person seen again: the days seen widen, a different country marks the name as conflicting (not reused).
LEARN = """INSERT INTO learned_actors (key, name, country, sector, role, first_article, first_seen,
    last_article, last_seen) VALUES (:key, :name, :country, :sector, :role, :article, :day, :article, :day)
    ON CONFLICT(key) DO UPDATE SET
        articles = articles + (excluded.last_article != learned_actors.last_article),
        conflicting = conflicting OR coalesce(excluded.country != learned_actors.country, 0),
        first_seen = min(coalesce(first_seen, excluded.first_seen),
                         coalesce(excluded.first_seen, first_seen)),
        last_seen = max(coalesce(last_seen, excluded.last_seen), coalesce(excluded.last_seen, last_seen)),
        last_article = excluded.last_article"""


def to_record(doc: Document, pipeline_version: str) -> Record:
    """The rows that store `doc`; `Store.write` puts them in the database."""
    doc = _safe_metadata(doc)
    a = doc.article
    events = [_event_row(doc, i, e) for i, e in enumerate(doc.events)]
    return Record(
        article_id=a.id,
        origin=a.origin or a.id,
        article=_article_row(doc, pipeline_version),
        actors=[
            {"article_id": a.id, "actor_id": x.id, "name": x.name, "country": x.country, "sector": x.sector,
             "role": x.role, "kind": x.kind, "mention_count": len(x.mentions)}
            for x in doc.actors
        ],
        mentions=[
            {"article_id": a.id, "actor_id": x.id, "start": m.start, "end": m.end, "text": m.text}
            for x in doc.actors for m in x.mentions
        ],
        timexes=[
            {"article_id": a.id, "idx": i, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value}
            for i, t in enumerate(doc.timexes)
        ],
        quotes=[_quote_row(a.id, i, q) for i, q in enumerate(doc.quotes)],
        events=events,
        event_actors=[
            {"article_id": a.id, "event_idx": i, "side": side, "code": r.country, "name": r.name}
            for i, e in enumerate(doc.events)
            for side, refs in (("source", e.source), ("target", e.target))
            for r in refs
        ],
        positions=[_position_row(a.id, i, p) for i, p in enumerate(doc.positions)],
        learned=learned_rows(doc),
        story_report=stories.report_of(doc),
        notes=list(a.notes),
    )


def _article_row(doc: Document, pipeline_version: str) -> Row:
    a = doc.article
    return {
        "id": a.id, "content_hash": content_hash(a.text), "title": a.title, "source": a.source, "url": a.url,
        "published": a.published, "date_source": a.date_source, "origin": a.origin, "text": doc.text,
        "original_text": a.text if a.text != doc.text else None, "pipeline_version": pipeline_version,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"), "document": doc.to_json(),
    }


def _quote_row(article_id: str, i: int, q: Any) -> Row:
    speaker, about = q.speaker, q.about
    return {
        "article_id": article_id, "idx": i, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "verb": q.verb,
        "speaker_name": speaker.name if speaker else None,
        "speaker_country": speaker.country if speaker else None,
        "speaker_actor_id": speaker.actor_id if speaker else None,
        "about_name": about.name if about else None,
        "about_country": about.country if about else None,
    }


def _event_row(doc: Document, i: int, e: Any) -> Row:
    a, place, planned = doc.article, e.location, e.planned
    return {
        "article_id": a.id, "idx": i, "type": e.type, "mode": e.mode, "modality": e.modality, "date": e.date,
        "day": day_of(e.date) or a.published,
        "source_codes": _codes(e.source), "target_codes": _codes(e.target),
        "source_names": _names(e.source), "target_names": _names(e.target), "mutual": int(e.mutual),
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "planned_date": day_of(planned.date) if planned else None,
        "planned_location": planned.location.name if planned and planned.location else None,
        "planned_until": last_day(planned.date) if planned else None,
        "cameo": e.cameo, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "num_mentions": max(1, len(e.mentions)),
        "evidence_start": e.evidence.start, "evidence_end": e.evidence.end, "evidence_text": e.evidence.text,
    }


def _position_row(article_id: str, i: int, p: Any) -> Row:
    return {
        "article_id": article_id, "idx": i, "holder": _joined(p.holder), "holder_name": p.holder_name,
        "kind": p.kind, "addressee": _joined(p.addressee), "content": p.content,
        "condition_for": p.condition_for, "date": p.date, "start": p.start, "end": p.end,
        "quote_idx": p.quote, "statement_idx": p.statement, "event_idx": p.event,
    }


def learned_rows(doc: Document) -> list[Row]:
    """People of `doc` worth remembering: a full name (two capitalised words or more) with a country."""
    from ..annotators.actors.learned import learnable

    a = doc.article
    return [
        {"key": key, "name": x.name, "country": x.country, "sector": x.sector, "role": x.role,
         "article": a.id, "day": a.published}
        for key, x in learnable(doc.actors)
    ]


def _safe_metadata(doc: Document) -> Document:
    """The Document with title, source and url made safe to show (no terminal escapes, no bidi tricks).

    Readers already do this; articles given through the API (`annotate(title=...)`) may not have.
    """
    a = doc.article
    safe = {k: clean_field(getattr(a, k)) for k in ("title", "source", "url")}
    if all(safe[k] == getattr(a, k) for k in safe):
        return doc
    return dataclasses.replace(doc, article=dataclasses.replace(a, **safe))


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
