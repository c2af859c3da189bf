"""Interruption: an ingest killed mid-way (kill -9) or failing on one write loses nothing stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest
from reliability_support import check_stored, cli, integrity, whole_articles, write_articles, write_jsonl

from communique.engine.local import ingest
from communique.store import Store

ARTICLES = 56
SENT = 40  # more than one spaCy batch (32): the first batch is stored, then the pipe is waited on


def _stored_count(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def test_ingest_killed_mid_way_leaves_whole_articles_and_a_rerun_completes(tmp_path, pipeline, ledger):
    ledger.tried("kill-9")
    feed = tmp_path / "feed.jsonl"
    expected = write_jsonl(feed, ARTICLES)
    db = tmp_path / "killed.db"
    # Fed through a pipe that stays open, the ingest cannot finish before it is killed.
    proc = cli("ingest", "-", "--db", str(db), "-q", stdin=subprocess.PIPE)
    lines = feed.read_bytes().splitlines(keepends=True)
    proc.stdin.write(b"".join(lines[:SENT]))
    proc.stdin.flush()
    deadline = time.monotonic() + 240
    while _stored_count(db) < 3:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(
                f"ingest ended or stalled before it could be killed: {proc.stderr.read().decode()[-500:]}"
            )
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps it and closes the pipes
    assert proc.returncode == -signal.SIGKILL

    assert integrity(db) == "ok"
    stored = whole_articles(db)
    assert 3 <= len(stored) <= SENT
    assert all(stored.values()), "an article was stored without all of its annotations"

    # the re-run (in this process, to spare a second model load) skips what is stored and does the rest
    with Store(db) as store:
        report = ingest([feed], store, pipeline)
    assert report.failed == 0 and report.skipped == len(stored) and report.stored == ARTICLES - len(stored)
    check_stored(ledger, db, expected)


def test_a_write_that_fails_mid_article_leaves_no_trace_and_the_batch_goes_on(
    tmp_path, pipeline, ledger, monkeypatch
):
    ledger.tried("failed-write")
    folder = tmp_path / "news"
    expected = write_articles(folder, 4)
    db = tmp_path / "failing.db"
    store = Store(db)
    real_write = Store._write
    calls = {"n": 0}

    def flaky_write(self, conn, record):
        calls["n"] += 1
        if calls["n"] == 2:  # the second article: its row is written, then the disk "fails"
            conn.execute(
                "INSERT INTO articles (id, content_hash, text, pipeline_version, ingested_at, document) "
                "VALUES ('half', 'h', 't', 'v', 'now', '{}')"
            )
            raise sqlite3.OperationalError("disk I/O error")
        return real_write(self, conn, record)

    monkeypatch.setattr(Store, "_write", flaky_write)
    report = ingest([folder], store, pipeline)
    store.close()
    assert report.stored == 3 and report.failed == 1
    assert "could not store (disk I/O error)" in report.errors[0]
    stored = whole_articles(db)
    assert "half" not in stored and len(stored) == 3
    lost = expected - set(stored)
    assert len(lost) == 1  # the one whose write failed: reported, not half-stored
    monkeypatch.setattr(Store, "_write", real_write)
    with Store(db) as store:
        ingest([folder], store, pipeline)
    check_stored(ledger, db, expected)


def test_interrupted_migration_is_rolled_back_and_retried(tmp_path, ledger, monkeypatch):
    ledger.tried("failed-migration")
    from communique.store import migrations

    db = tmp_path / "m.db"
    broken = [*migrations.MIGRATIONS, ("9999_broken", "CREATE TABLE extra (x);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    with pytest.raises(Exception):  # noqa: B017 - any error: the point is what is left behind
        Store(db)
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    names = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    conn.close()
    assert "extra" not in tables and "9999_broken" not in names
    monkeypatch.setattr(migrations, "MIGRATIONS", broken[:-1])
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
