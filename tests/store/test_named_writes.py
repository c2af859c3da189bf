"""Named writes: every row is written by column name, so a migration that adds columns breaks nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from communique.engine.local import ingest
from communique.store import Store, feed_state_row, migrations, to_record, url_alias_row
from communique.store.records import ANNOTATION_TABLES

ARTICLES = [
    {
        "id": "n1", "published": "2025-03-04", "title": "Ministers meet", "source": "Coast Daily",
        "text": "Foreign Minister Anna Berg of Norway met her Swedish counterpart in Oslo on Tuesday. "
        '"We agreed to keep talking," Berg told reporters after the meeting. '
        "Sweden demanded that both sides release their detainees before the summer.",
    },
    {
        "id": "n2", "published": "2025-03-05", "title": "Protest in the capital", "source": "Valley Post",
        "text": "Thousands of farmers protested in Madrid on Wednesday against new tariffs, police said. "
        "Anna Berg criticised the tariffs on Thursday and urged Spain to lift them.",
    },
]

# Every table an ingest writes gets a column of its own, as a future migration would add one.
EXTRA_COLUMNS = {
    "articles": "reviewed INTEGER NOT NULL DEFAULT 0",
    "actors": "wikidata TEXT",
    "mentions": "sentence INTEGER",
    "timexes": "calendar TEXT NOT NULL DEFAULT 'gregorian'",
    "quotes": "language TEXT",
    "events": "checked_by TEXT",
    "event_actors": "role TEXT",
    "positions": "stance_score REAL",
    "learned_actors": "source_note TEXT",
    "feeds": "title TEXT",
    "url_aliases": "seen_at TEXT",
}
VOLATILE = {"ingested_at"}  # the time of writing differs between two runs


def _corpus(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def _tables(db: Path) -> dict[str, list[dict]]:
    """Every row an ingest writes, without the added columns."""
    added = {spec.split()[0] for spec in EXTRA_COLUMNS.values()}
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    out = {}
    for table in ["articles", *ANNOTATION_TABLES, "learned_actors", "stories", "story_mentions"]:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        out[table] = [{k: v for k, v in dict(r).items() if k not in added | VOLATILE} for r in rows]
    conn.close()
    return out


def test_a_migration_adding_columns_to_every_table_leaves_every_write_as_it_was(
    pipeline, tmp_path, monkeypatch
) -> None:
    corpus = _corpus(tmp_path)
    with Store(tmp_path / "before.db") as store:
        plain = ingest([corpus], store, pipeline)

    statements = "\n".join(f"ALTER TABLE {table} ADD COLUMN {spec};" for table, spec in EXTRA_COLUMNS.items())
    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("9999_test_more_columns", statements)]
    )
    with Store(tmp_path / "after.db") as store:
        widened = ingest([corpus], store, pipeline)
        assert "9999_test_more_columns" in migrations.applied(store.conn)
        defaults = store.conn.execute("SELECT reviewed FROM articles").fetchall()
        calendars = {r[0] for r in store.conn.execute("SELECT calendar FROM timexes")}
        # what a run keeps besides articles: a feed's validators, a second URL of a stored page
        store.write_many(
            [],
            [
                feed_state_row("https://example.org/rss", '"v1"', None, "2025-03-05T08:00:00+00:00"),
                url_alias_row("https://example.org/n1-copy", "n1"),
            ],
        )
        assert store.feed_state("https://example.org/rss")["etag"] == '"v1"'
        assert store.has_url("https://example.org/n1-copy")

    assert (widened.stored, widened.failed) == (plain.stored, plain.failed) == (len(ARTICLES), 0)
    assert widened.counts == plain.counts and plain.counts["events"] and plain.counts["quotes"]
    before, after = _tables(tmp_path / "before.db"), _tables(tmp_path / "after.db")
    assert all(before[table] for table in before), {table: len(rows) for table, rows in before.items()}
    assert after == before
    assert [r[0] for r in defaults] == [0, 0] and calendars == {"gregorian"}


def test_rows_are_dicts_of_their_table_columns(annotate, db_path) -> None:
    """Each row names only columns its table has, and a table's rows all name the same ones."""
    record = to_record(annotate(ARTICLES[0]["text"], id="n1"), "v-test")
    with Store(db_path) as store:
        for table in ["articles", *ANNOTATION_TABLES]:
            rows = [record.article] if table == "articles" else getattr(record, table)
            assert rows, table
            columns = {r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")}
            if table == "event_actors":  # they name their event by its place in the article
                columns = columns - {"event_id"} | {"article_id", "event_idx"}
            assert all(set(row) == set(rows[0]) for row in rows), table
            assert set(rows[0]) <= columns, (table, set(rows[0]) - columns)


@pytest.mark.parametrize("table", ["feeds", "url_aliases"])
def test_keyed_rows_are_replaced_by_their_key(db_path, table) -> None:
    first, second = {
        "feeds": (
            feed_state_row("https://example.org/rss", '"v1"', None, "2025-03-04T08:00:00+00:00"),
            feed_state_row("https://example.org/rss", '"v2"', None, "2025-03-05T08:00:00+00:00"),
        ),
        "url_aliases": (
            url_alias_row("https://example.org/a", "x1"),
            url_alias_row("https://example.org/a", "x2"),
        ),
    }[table]
    with Store(db_path) as store:
        assert store.write_many([], [first]) == []
        store.write_many([], [second])
        rows = [dict(r) for r in store.conn.execute(f"SELECT * FROM {table}")]
    assert len(rows) == 1 and {k: rows[0][k] for k in second.values} == second.values
