"""Concurrency: readers work while articles are written (WAL); overlapping ingests store each article once."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading

from reliability_support import check_stored, cli, whole_articles, write_articles

import communique
from communique.errors import StoreError
from communique.store import Store


def test_queries_run_while_articles_are_written_without_locking_errors(tmp_path, pipeline, ledger):
    """A writer (as `ingest` does: one transaction per article) and readers on their own connections."""
    ledger.tried("read-during-write")
    db = tmp_path / "busy.db"
    doc = communique.annotate(
        "Envoys met in Geneva on Monday. Russia and Ukraine agreed to exchange prisoners, officials said.",
        published="2025-05-28",
        pipeline=pipeline,
    )
    Store(db).close()  # created and migrated, as `serve` expects
    count = 150

    def write() -> None:
        with Store(db) as store:
            for i in range(count):
                store.save(
                    dataclasses.replace(doc, article=dataclasses.replace(doc.article, id=f"w-{i}")),
                    pipeline.version,
                )

    writer = threading.Thread(target=write)
    writer.start()
    queries, failures, seen_counts = 0, [], set()
    while writer.is_alive():
        try:
            # short busy timeout: a reader that had to wait for the writer would fail here
            with Store(db, readonly=True, timeout=0.2) as store:
                seen_counts.add(store.stats()["articles"])
                store.articles(limit=5)
                store.search("Geneva talks")
                store.events(actor="RUS", limit=5)
            queries += 1
        except (sqlite3.Error, StoreError) as exc:
            failures.append(str(exc))
    writer.join()
    assert not failures, failures[:3]
    assert queries > 3 and len(seen_counts) > 1  # we really read while rows were arriving
    check_stored(ledger, db, {f"w-{i}" for i in range(count)})


def test_two_ingests_of_overlapping_folders_store_each_article_once(tmp_path, ledger):
    ledger.tried("overlapping-ingests", 2)
    first, second = tmp_path / "first", tmp_path / "second"
    expected = write_articles(first, 12) | write_articles(second, 12, start=6)  # 6 articles in both
    db = tmp_path / "shared.db"  # not created yet: both processes race to create and migrate it
    procs = [cli("ingest", str(folder), "--db", str(db), "-q") for folder in (first, second)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-800:]
        assert b"locked" not in err
    check_stored(ledger, db, expected)
    stored = whole_articles(db)
    assert sorted(stored) == sorted(expected)  # once each: 18 distinct, not 24
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 18
        dupes = conn.execute(
            "SELECT count(*) FROM (SELECT article_id, idx FROM timexes GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
    finally:
        conn.close()
