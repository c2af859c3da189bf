"""Concurrency: readers work while an ingest writes (WAL); overlapping ingests store each article once."""

from __future__ import annotations

import sqlite3
import time

from reliability_support import check_stored, cli, whole_articles, write_articles

from communique.errors import StoreError
from communique.store import Store


def test_queries_run_while_an_ingest_writes_without_locking_errors(tmp_path, ledger):
    ledger.tried("read-during-write")
    folder = tmp_path / "news"
    expected = write_articles(folder, 30)
    db = tmp_path / "busy.db"
    Store(db).close()  # created and migrated, as `serve` expects
    writer = cli("ingest", str(folder), "--db", str(db), "-q")
    queries, failures = 0, []
    seen_counts = set()
    while writer.poll() is None:
        try:
            # short busy timeout: a reader that waited for the writer would fail here
            with Store(db, readonly=True, timeout=0.5) as store:
                seen_counts.add(store.stats()["articles"])
                store.articles(limit=5)
                store.search("Geneva talks")
                store.events(actor="RUS", limit=5)
            queries += 1
        except (sqlite3.Error, StoreError) as exc:
            failures.append(str(exc))
        time.sleep(0.02)
    _, err = writer.communicate()
    assert writer.returncode == 0, err.decode()[-800:]
    assert not failures, failures[:3]
    assert queries > 5 and len(seen_counts) > 1  # we really read while rows were arriving
    check_stored(ledger, db, expected)


def test_two_ingests_of_overlapping_folders_store_each_article_once(tmp_path, ledger):
    ledger.tried("overlapping-ingests", 2)
    first, second = tmp_path / "first", tmp_path / "second"
    expected = write_articles(first, 16) | write_articles(second, 16, start=8)  # 8 articles in both
    db = tmp_path / "shared.db"  # not created yet: both processes race to create and migrate it
    procs = [cli("ingest", str(folder), "--db", str(db), "-q") for folder in (first, second)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-800:]
        assert b"locked" not in err
    check_stored(ledger, db, expected)
    stored = whole_articles(db)
    assert sorted(stored) == sorted(expected)  # once each: 24 distinct, not 32
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 24
        dupes = conn.execute(
            "SELECT count(*) FROM (SELECT article_id, idx FROM timexes GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
    finally:
        conn.close()
