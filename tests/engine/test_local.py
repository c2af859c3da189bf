"""The ingest run's writer: batches stored on a thread of their own, counted in the caller's."""

from __future__ import annotations

import sqlite3
import threading

from communique.engine.run import IngestRun
from communique.store import Store, to_record

TEXTS = {
    "w1": "Russia and Ukraine exchanged 390 prisoners on Friday, officials in Kyiv said.",
    "w2": "The European Union imposed new sanctions on Russia on Thursday.",
    "w3": "Turkish Foreign Minister Hakan Fidan said on Tuesday that Ankara was ready to host talks.",
}


def _records(annotate, ids):
    out = []
    for article_id in ids:
        doc = annotate(TEXTS[article_id], id=article_id)
        out.append(to_record(doc, "v-test"))
    return out


def _run(store, calls, **kwargs):
    def hook(name, outcome, message):
        calls.append((name, outcome, threading.get_ident()))

    return IngestRun(store, "v-test", max_chars=100_000, on_article=hook, **kwargs)


def _take(run, records):
    for record in records:
        run.take(record.article_id, record)


def test_background_writer_stores_every_batch_and_counts_in_the_callers_thread(
    annotate, db_path, monkeypatch
):
    monkeypatch.setattr("communique.engine.run.WRITE_BATCH", 2)
    calls = []
    with Store(db_path) as store, _run(store, calls) as run:
        assert run._writer._executor is not None  # the SQL runs on the writer's own thread
        _take(run, _records(annotate, ["w1", "w2", "w3"]))
    report = run.report
    assert report.stored == 3 and report.failed == 0
    assert [c[:2] for c in calls] == [("w1", "stored"), ("w2", "stored"), ("w3", "stored")]
    assert {c[2] for c in calls} == {threading.get_ident()}
    with Store(db_path, readonly=True) as store:
        assert sorted(r[0] for r in store.conn.execute("SELECT id FROM articles")) == ["w1", "w2", "w3"]
        assert store.document("w2").events, "the annotations are stored with the article"


def test_an_in_memory_store_is_written_in_place(annotate):
    store = Store(":memory:")
    calls = []
    with _run(store, calls) as run:
        assert run._writer._executor is None  # a second connection would open another, empty database
        _take(run, _records(annotate, ["w1"]))
    assert run.report.stored == 1
    assert [r[0] for r in store.conn.execute("SELECT id FROM articles")] == ["w1"]
    store.close()


def test_a_batch_whose_commit_fails_is_counted_failed_and_the_next_batch_is_stored(
    annotate, db_path, monkeypatch
):
    monkeypatch.setattr("communique.engine.run.WRITE_BATCH", 2)
    calls = []
    real = Store.write_many
    batches = {"n": 0}

    def failing_first_commit(self, records, keyed=()):
        batches["n"] += 1
        if batches["n"] == 1:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, records, keyed)

    monkeypatch.setattr(Store, "write_many", failing_first_commit)
    with Store(db_path) as store, _run(store, calls) as run:
        _take(run, _records(annotate, ["w1", "w2", "w3"]))
    report = run.report
    assert report.failed == 2 and report.stored == 1
    assert all("could not store (database or disk is full)" in e for e in report.errors)
    with Store(db_path, readonly=True) as store:
        assert [r[0] for r in store.conn.execute("SELECT id FROM articles")] == ["w3"]


def test_an_article_read_by_another_pipeline_is_read_again_on_ingest(
    pipeline, tmp_path, db_path, monkeypatch
):
    from communique.engine.local import ingest

    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-05-28\n---\n" + TEXTS["w2"] + "\n", encoding="utf-8"
    )
    with Store(db_path) as store:
        assert ingest([tmp_path / "a.txt"], store, pipeline).stored == 1
        assert ingest([tmp_path / "a.txt"], store, pipeline).skipped == 1  # same pipeline: nothing to do
        # e.g. a user's gazetteer grew
        monkeypatch.setattr(pipeline, "version", pipeline.version + "-extended")
        again = ingest([tmp_path / "a.txt"], store, pipeline)
        assert again.replaced == 1 and again.skipped == 0
        version = store.conn.execute("SELECT pipeline_version FROM articles").fetchone()[0]
        assert version.endswith("-extended")
