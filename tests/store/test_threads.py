"""Position threads in a real SQLite store: restatements across articles, changes, deletions."""

from __future__ import annotations

from communique.document import Article, Document, Position
from communique.store import Store, threads


def _article(article_id: str, published: str, source: str, *stances: tuple) -> Document:
    """An article whose text is its stances, one sentence each: (holder, kind, content[, condition_for])."""
    text, positions = "", []
    for holder, kind, content, *condition in stances:
        start = len(text)
        text += content + ". "
        positions.append(Position(holder, kind, content, start, start + len(content), addressee=None,
                                  condition_for=condition[0] if condition else None))
    return Document(article=Article(article_id, text, title=article_id, source=source, published=published),
                    text=text, positions=positions)


def _save(store: Store, article_id: str, published: str, source: str, *stances: tuple) -> None:
    store.save(_article(article_id, published, source, *stances), "t")


def _threads(store: Store, **filters) -> list[dict]:
    return store.position_threads(**filters)


def test_a_demand_restated_in_a_later_article_is_one_thread_with_since_and_last(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-03", "Wire A", ("CHL", "demand", "withdraw its navy from the lake"))
        _save(store, "a2", "2025-06-09", "Wire B", ("CHL", "demand", "withdraw the navy from the lake"))
        (thread,) = _threads(store, holder="CHL")
        assert (thread["first_day"], thread["last_day"], thread["days"]) == ("2025-06-03", "2025-06-09", 6)
        assert (thread["statements"], thread["articles"], thread["sources"]) == (2, 2, 2)
        assert thread["content"] == "withdraw its navy from the lake" and thread["change"] is None
        steps = store.thread_statements(thread["id"])
        assert [s["article_id"] for s in steps] == ["a1", "a2"]


def test_different_stances_or_holders_are_different_threads(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-03", "Wire A", ("CHL", "demand", "withdraw its navy from the lake"),
              ("CHL", "proposal", "joint fishing commission"))
        _save(store, "a2", "2025-06-04", "Wire A", ("PER", "demand", "withdraw its navy from the lake"))
        assert len(_threads(store, holder="CHL")) == 2
        assert [t["articles"] for t in _threads(store, holder="PER")] == [1]


def test_a_demand_restated_as_an_offer_softened_and_an_offer_restated_as_a_demand_hardened(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-01", "A", ("CHL", "demand", "lifting of sanctions on copper exports"),
              ("PER", "offer", "monitors along the border"))
        _save(store, "a2", "2025-06-05", "B",
              ("CHL", "offer", "discuss lifting of sanctions on copper exports"),
              ("PER", "demand", "monitors along the border"))
        assert [t["change"] for t in _threads(store, holder="CHL")] == ["softened"]
        assert [(t["kind"], t["latest_kind"], t["change"]) for t in _threads(store, holder="PER")] == [
            ("offer", "demand", "hardened")
        ]
        assert len(_threads(store, changed=True)) == 2


def test_a_condition_attached_later_hardens_and_a_rejection_of_ones_own_ask_drops_it(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-01", "A", ("CHL", "proposal", "joint patrols on the lake"),
              ("PER", "demand", "new border commission"))
        _save(store, "a2", "2025-06-02", "B", ("CHL", "proposal", "joint patrols on the lake", "a truce"),
              ("PER", "rejection", "new border commission"))
        assert [t["change"] for t in _threads(store, holder="CHL")] == ["hardened"]
        assert [t["change"] for t in _threads(store, holder="PER")] == ["dropped"]


def test_deleting_or_reannotating_an_article_recomputes_its_threads(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-03", "A", ("CHL", "demand", "withdraw its navy from the lake"))
        _save(store, "a2", "2025-06-09", "B", ("CHL", "demand", "withdraw its navy from the lake"))
        _save(store, "a2", "2025-06-09", "B", ("CHL", "demand", "withdraw its navy from the lake"))
        assert [t["statements"] for t in _threads(store, holder="CHL")] == [2]
        store.delete("a2")
        (thread,) = _threads(store, holder="CHL")
        assert (thread["statements"], thread["last_day"]) == (1, "2025-06-03")
        store.delete("a1")
        assert _threads(store, holder="CHL") == []
        assert store.conn.execute("SELECT count(*) FROM position_threads").fetchone()[0] == 0


def test_a_compound_holder_thread_is_found_by_either_code(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-03", "A", (["EGY", "QAT"], "proposal", "two-week truce in Gaza"))
        assert [t["holder"] for t in _threads(store, holder="QAT")] == ["EGY,QAT"]


def test_backfill_threads_positions_stored_before_threads_existed(db_path):
    with Store(db_path) as store:
        _save(store, "a1", "2025-06-03", "A", ("CHL", "demand", "withdraw its navy from the lake"))
        _save(store, "a2", "2025-06-05", "B", ("CHL", "demand", "withdraw its navy from the lake"))
        store.conn.execute("DELETE FROM position_threads")  # as a database made before threads
        assert store.conn.execute("SELECT count(*) FROM thread_positions").fetchone()[0] == 0
        threads.backfill(store.conn)
        assert [t["articles"] for t in _threads(store, holder="CHL")] == [2]


def test_numbers_and_units_alone_do_not_make_two_stances_one():
    truce = threads.content_words("a 30-day truce in the north")
    talks = threads.content_words("talks for 30 days on energy")
    assert threads.restates(truce, talks) == 0
    assert threads.restates(truce, threads.content_words("truce in the north for thirty days")) > 0
