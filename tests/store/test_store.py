"""The SQLite store: atomic per article, idempotent, queries return plain dicts."""

from __future__ import annotations

import sqlite3

import pytest

from communique.document import (
    Actor,
    ActorRef,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Quote,
    Timex,
)
from communique.errors import StoreError
from communique.store import Store, day_of, migrations


def make_document(
    article_id: str = "a1", text: str = "Lavrov met Rubio in Istanbul on Wednesday."
) -> Document:
    doc = Document(
        article=Article(id=article_id, text=text, published="2025-05-28", source="Wire"), text=text
    )
    lavrov = Actor(
        id="a1", name="Sergey Lavrov", country="RUS", sector="GOV", mentions=[Mention(0, 6, "Lavrov")]
    )
    rubio = Actor(
        id="a2", name="Marco Rubio", country="USA", sector="GOV", mentions=[Mention(11, 16, "Rubio")]
    )
    doc.actors = [lavrov, rubio]
    doc.timexes = [Timex("Wednesday", 32, 41, "DATE", "2025-05-28")]
    doc.quotes = [Quote("We met.", 0, 7, speaker=lavrov.ref(), kind="direct", verb="said")]
    doc.events = [
        Event(
            type="CONSULT",
            source=[lavrov.ref(), rubio.ref()],
            target=[],
            evidence=Evidence(0, len(text), text),
            mode="visit",
            date="2025-05-28",
            mutual=True,
        )
    ]
    return doc


def test_save_and_read_back_the_same_document(db_path):
    doc = make_document()
    with Store(db_path) as store:
        store.save(doc, "v1")
        again = store.document("a1")
    assert again is not None
    assert again.to_dict() == doc.to_dict()


def test_queries_filter_by_actor_and_date(db_path):
    with Store(db_path) as store:
        store.save(make_document("a1"), "v1")
        store.save(make_document("a2", text="Lavrov met Rubio in Istanbul on Wednesday again."), "v1")
        assert len(store.events(actor="RUS")) == 2
        assert store.events(actor="UKR") == []
        assert store.events(since="2025-05-29") == []
        assert [r["events"] for r in store.timeline()] == [2]
        assert store.quotes(speaker="Lavrov")[0]["speaker_country"] == "RUS"
        assert store.actors()[0]["articles"] == 2
        assert store.search("Istanbul")[0]["id"] in {"a1", "a2"}


def test_resaving_an_article_replaces_it_whole(db_path):
    with Store(db_path) as store:
        store.save(make_document(), "v1")
        store.save(make_document(), "v2")
        assert store.stats()["articles"] == 1
        assert store.stats()["events"] == 1
        assert store.status("a1", make_document().article.text, "v2") == "same"
        assert store.status("a1", make_document().article.text, "v3") == "stale"
        assert store.status("a1", "other text", "v2") == "changed"
        assert store.status("zz", "x", "v2") == "new"


def test_a_failed_save_leaves_the_previous_version_intact(db_path):
    with Store(db_path) as store:
        store.save(make_document(), "v1")
        broken = make_document()
        broken.quotes[0].text = None  # type: ignore[assignment]  # NOT NULL fails after the article row is written
        with pytest.raises(sqlite3.IntegrityError):
            store.save(broken, "v2")
        assert store.stats()["events"] == 1
        row = store.conn.execute("SELECT pipeline_version FROM articles").fetchone()
        assert row[0] == "v1"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_readonly_store_refuses_writes_and_missing_files(db_path):
    with pytest.raises(StoreError):
        Store(db_path, readonly=True)
    Store(db_path).close()
    with Store(db_path, readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.save(make_document(), "v1")


def test_schema_is_versioned_and_uses_wal(db_path):
    with Store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert migrations.pending(store.conn) == []


def test_search_input_is_words_not_fts_syntax(db_path):
    with Store(db_path) as store:
        store.save(make_document(), "v1")
        for hostile in ('"unclosed', "NEAR(a b", "Istanbul OR *", "' OR 1=1 --", ""):
            store.search(hostile)  # must not raise


def test_day_of_normalizes_timex_values():
    assert day_of("2025-05-28") == "2025-05-28"
    assert day_of("2025-05-28TMO") == "2025-05-28"
    assert day_of("2025-W21") == "2025-05-19"
    assert day_of("2025-05") == "2025-05-01"
    assert day_of("PAST_REF") is None
    assert day_of(None) is None


def test_store_returns_dataframes_when_asked(db_path):
    pd = pytest.importorskip("pandas")
    with Store(db_path) as store:
        store.save(make_document(), "v1")
        frame = store.events(as_frame=True)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["type"]) == ["CONSULT"]


def test_actor_refs_round_trip_through_json():
    doc = make_document()
    data = doc.to_dict()
    assert data["events"][0]["source"][0] == {
        "name": "Sergey Lavrov",
        "country": "RUS",
        "sector": "GOV",
        "actor_id": "a1",
    }
    assert isinstance(data["events"][0]["evidence"], str)
    assert Document.from_dict(data).events[0].source[0] == ActorRef("Sergey Lavrov", "RUS", "GOV", "a1")


def test_write_many_stores_each_article_whole_or_not_at_all(db_path):
    from communique.store import to_record

    good, bad, other = (to_record(make_document(i), "v1") for i in ("a1", "a2", "a3"))
    bad.quotes = [{**bad.quotes[0], "text": None}]  # NOT NULL text fails after the article row
    with Store(db_path) as store:
        outcomes = store.write_many([good, bad, other])
        assert outcomes[0] is None and outcomes[2] is None
        assert isinstance(outcomes[1], sqlite3.IntegrityError)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
        assert ids == ["a1", "a3"]  # a2's article row was rolled back with its quote
        assert store.conn.execute("SELECT count(*) FROM events WHERE article_id = 'a2'").fetchone()[0] == 0
        assert store.document("a3").to_dict() == make_document("a3").to_dict()


def test_notes_on_the_article_reach_the_record_and_the_stored_document(db_path):
    from communique.store import to_record

    doc = make_document()
    doc.article.notes.append("publication date 2099-01-01 is in the future; ignored")
    doc.notes.append("publication date 2099-01-01 is in the future; ignored")
    record = to_record(doc, "v1")
    assert record.notes == ["publication date 2099-01-01 is in the future; ignored"]
    with Store(db_path) as store:
        store.write(record)
        assert store.document("a1").notes == ["publication date 2099-01-01 is in the future; ignored"]
    assert record.counts == {"events": 1, "quotes": 1, "actors": 2, "timexes": 1, "positions": 0}


def test_last_day_of_a_plan_value_ends_its_week_month_or_year():
    from communique.periods import last_day

    assert last_day("2025-06-03") == "2025-06-03"
    assert last_day("2025-W24") == "2025-06-15"
    assert last_day("2024-02") == "2024-02-29"
    assert last_day("2025") == "2025-12-31"
    assert last_day("2025-W99") is None
    assert last_day("FUTURE_REF") is None
