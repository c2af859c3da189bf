"""Issue 22, items 7, 11 and 13: opening the database, summaries of a large store, the Link header.

Every way opening a database can fail is one line; a database on read-only media is
still queried. The dashboard's summaries (kept at write time) equal the full
aggregates after writes, replacements and deletions.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from reliability_support import cli, write_articles

from communique.engine.local import ingest
from communique.errors import StoreError
from communique.store import Store, summaries
from communique.store.migrations import MIGRATIONS


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, pipeline) -> Path:
    folder = tmp_path_factory.mktemp("opening")
    db = folder / "small.db"
    with Store(db) as store:
        ingest([Path(__file__).resolve().parents[2] / "examples"], store, pipeline)
    return db


def _one_line_error(*args: str) -> str:
    proc = cli(*args)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0, out
    text = err.decode()
    assert "Traceback" not in text and text.strip().count("\n") == 0, text
    return text


# ---------------------------------------------------------------- item 13


def test_a_folder_a_pipe_or_a_device_as_the_database_is_one_line(tmp_path, ledger):
    ledger.tried("db-not-a-file", 3)
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    assert "is a folder" in _one_line_error("articles", "--db", str(tmp_path))
    assert "not a regular file" in _one_line_error(
        "events", "--db", str(fifo)
    )  # never opened: it would block
    with pytest.raises(StoreError, match="not a regular file"):
        Store("/dev/null")


def test_a_database_of_a_newer_communique_is_one_line_for_every_query(small_db, tmp_path, ledger):
    ledger.tried("newer-schema-query", 3)
    newer = tmp_path / "newer.db"
    shutil.copy(small_db, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    for command in ("articles", "events", "export"):
        assert "made by a newer communique" in _one_line_error(command, "--db", str(newer))
    from communique.web import create_app

    with pytest.raises(StoreError, match="newer communique"):
        create_app(newer)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_database_file_is_one_line(small_db, tmp_path, ledger):
    ledger.tried("db-unreadable")
    locked = tmp_path / "locked.db"
    shutil.copy(small_db, locked)
    locked.chmod(0)
    assert "permission denied" in _one_line_error("articles", "--db", str(locked))


def _read_only_folder(folder: Path) -> bool:
    """Make `folder` refuse new files (as a read-only medium does); False if this machine cannot."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)  # root ignores modes, not this
    return done.returncode == 0


def _writable_again(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    else:
        folder.chmod(0o755)


def test_a_database_on_read_only_media_is_queried_read_only(small_db, tmp_path, ledger):
    ledger.tried("read-only-medium", 2)
    medium = tmp_path / "medium"
    medium.mkdir()
    db = medium / "copy.db"
    shutil.copy(small_db, db)  # a WAL database with no -shm beside it, as a copied archive is
    if shutil.which("chattr") is None or not _read_only_folder(medium):
        pytest.skip("cannot make a read-only folder here")
    try:
        with Store(db, readonly=True) as store:
            assert store.immutable
            assert store.article_count() > 0
        proc = cli("articles", "--db", str(db), "--format", "jsonl")
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert out.decode().count("\n") >= 1
        assert "cannot write" in _one_line_error("db", "migrate", "--db", str(db))
    finally:
        _writable_again(medium)


# ---------------------------------------------------------------- item 7: summaries equal the full queries


def _compare(store: Store) -> None:
    conn = store.conn
    for by in ("type", "quad_class"):
        assert summaries.timeline(conn, by=by) == store.timeline(by=by)
        assert summaries.timeline(conn, by=by, since="2025-05-20", until="2025-06-01") == store.timeline(
            by=by, since="2025-05-20", until="2025-06-01"
        )
    assert summaries.dyads(conn) == store.dyads()
    assert summaries.dyads(conn, since="2025-05-01") == store.dyads(since="2025-05-01")
    def named(rows: list[dict]) -> list[dict]:
        return [{**r, "names": set((r["names"] or "").split(","))} for r in rows]

    assert named(summaries.actor_activity(conn)) == named(store.actor_activity())
    assert summaries.actor_mentions(conn, limit=500) == store.actor_mentions(limit=500)
    assert summaries.sources(conn) == store.sources()


def test_summaries_equal_the_full_aggregates_after_writes_replacements_and_deletions(
    tmp_path, pipeline, ledger
):
    ledger.tried("summary-drift")
    db = tmp_path / "sum.db"
    examples = Path(__file__).resolve().parents[2] / "examples"
    with Store(db) as store:
        ingest([examples], store, pipeline)
        ingest([write_folder(tmp_path)], store, pipeline)
        assert store.dyads() and store.actor_activity()  # the comparison is not of empty lists
        _compare(store)
        ingest([examples], store, pipeline, reprocess=True)  # every article replaced
        _compare(store)
        for row in store.articles(limit=3):
            store.delete(row["id"])
        _compare(store)


def write_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "more"
    write_articles(folder, 3)
    return folder


def test_the_summary_migration_fills_the_summaries_of_an_existing_store(small_db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(small_db, old)
    conn = sqlite3.connect(old)
    names = [name for name, _ in MIGRATIONS if "summar" in name]
    for table in (
        "summary_timeline",
        "summary_actor_days",
        "summary_dyad_days",
        "summary_dyads",
        "summary_code_names",
        "summary_actor_mentions",
        "summary_sources",
    ):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX events_article")
    conn.execute(f"DELETE FROM migrations WHERE name IN ({','.join('?' * len(names))})", names)
    conn.commit()
    conn.close()
    with Store(old) as store:  # migrates
        _compare(store)


# ---------------------------------------------------------------- item 11


def test_pages_of_non_latin_names_answer_with_a_quoted_link_header(tmp_path, pipeline, ledger):
    ledger.tried("non-latin-path", 2)
    from fastapi.testclient import TestClient

    from communique import annotate
    from communique.web import create_app

    db = tmp_path / "names.db"
    doc = annotate(
        "President Recep Tayyip Erdoğan met envoys in Ankara on Monday, officials said.",
        id="görüşme-1",
        published="2025-05-28",
        pipeline=pipeline,
    )
    with Store(db) as store:
        store.save(doc, pipeline.version)
    client = TestClient(create_app(db))
    page = client.get("/articles/görüşme-1")
    assert page.status_code == 200
    assert page.headers["link"].startswith("</articles/g%C3%B6r%C3%BC%C5%9Fme-1.json>")
    assert client.get(page.headers["link"][1:].split(">")[0]).status_code == 200
    assert client.get("/actors/Recep Tayyip Erdoğan").status_code in (200, 404)
