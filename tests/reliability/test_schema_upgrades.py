"""Upgrades: an older database migrates after a backup; newer, foreign or broken files are refused intact."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.errors import StoreError
from communique.store import Store, migrations

OLD_ARTICLE = {
    "id": "old-1",
    "text": "Envoys met in Geneva on Monday to discuss a prisoner exchange.",
    "published": "2024-03-04",
}


def _old_database(path: Path, upto: int = 1) -> None:
    """A database as an older communique left it: only the first `upto` migrations, with an article."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in migrations.MIGRATIONS[:upto]:
        conn.executescript(sql)
        conn.execute("INSERT INTO migrations VALUES (?, '2024-01-01T00:00:00')", (name,))
    conn.execute(f"PRAGMA user_version = {upto}")
    document = {"id": OLD_ARTICLE["id"], "text": OLD_ARTICLE["text"], "article": OLD_ARTICLE}
    conn.execute(
        "INSERT INTO articles"
        " (id, content_hash, title, published, text, pipeline_version, ingested_at, document) "
        "VALUES (?, 'hash', 'Old talks', ?, ?, '0.0.1', '2024-03-04T10:00:00', ?)",
        (OLD_ARTICLE["id"], OLD_ARTICLE["published"], OLD_ARTICLE["text"], json.dumps(document)),
    )
    conn.commit()
    conn.close()


def test_older_database_is_backed_up_then_migrated_and_keeps_its_articles(tmp_path, ledger):
    ledger.tried("old-schema")
    db = tmp_path / "old.db"
    _old_database(db)
    with Store(db) as store:
        backup = store.backup_path
        assert not migrations.pending(store.conn)
        assert store.stats()["articles"] == 1
        assert [r["id"] for r in store.search("prisoner exchange")] == ["old-1"]  # indexed by the migration
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert backup and Path(backup).is_file() and Path(backup).parent == db.parent
    old = sqlite3.connect(backup)
    try:
        assert [r[0] for r in old.execute("SELECT name FROM migrations")] == [migrations.MIGRATIONS[0][0]]
        assert old.execute("SELECT id FROM articles").fetchall() == [("old-1",)]
    finally:
        old.close()
    with Store(db) as store:  # up to date now: no second backup
        assert store.backup_path is None


def test_db_migrate_command_migrates_an_older_database_with_a_backup(tmp_path, ledger):
    ledger.tried("old-schema")
    from communique.cli import app

    db = tmp_path / "cli-old.db"
    _old_database(db)
    result = CliRunner().invoke(app, ["db", "migrate", "--db", str(db)])
    assert result.exit_code == 0, result.output
    [backup] = tmp_path.glob("cli-old.db.v1-*.bak")
    assert "backed up" in result.output and backup.name in result.output.replace("\n", "")
    with Store(db, readonly=True) as store:
        assert store.stats()["articles"] == 1


def test_new_or_empty_database_gets_no_backup(tmp_path):
    with Store(tmp_path / "fresh.db") as store:
        assert store.backup_path is None
    assert not list(tmp_path.glob("*.bak"))


def test_reading_an_unmigrated_database_asks_for_a_migration_and_changes_nothing(tmp_path, ledger):
    ledger.tried("old-schema")
    db = tmp_path / "old.db"
    _old_database(db)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="db migrate"):
        Store(db, readonly=True)
    assert db.read_bytes() == before


def test_database_from_a_newer_communique_is_refused_untouched(tmp_path, ledger):
    ledger.tried("newer-schema")
    db = tmp_path / "newer.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer communique"):
        Store(db)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.db", b"These are my notes, not a database.\n" * 20),
        ("random.db", bytes(range(256)) * 64),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_intact(tmp_path, ledger, name, content):
    ledger.tried("not-a-database")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a communique database"):
        Store(path)
    assert path.read_bytes() == content


def test_a_truncated_database_gives_a_clear_error(tmp_path, ledger):
    ledger.tried("corrupt-database")
    db = tmp_path / "cut.db"
    with Store(db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError) as info, Store(db, readonly=True) as store:
        store.stats()
        store.conn.execute("PRAGMA integrity_check").fetchall()
    assert str(db) in str(info.value)
