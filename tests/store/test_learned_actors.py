"""Learned actors: people an article's own words placed, remembered by the store and reused later."""

from __future__ import annotations

from pathlib import Path

from communique.engine.local import ingest
from communique.store import Store


def _write(folder: Path, name: str, published: str, text: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


def _country(store: Store, article_id_part: str, name: str) -> str | None:
    rows = store.conn.execute(
        "SELECT a.country FROM actors a JOIN articles r ON r.id = a.article_id "
        "WHERE a.name = ? AND r.title = ?",
        (name, article_id_part),
    ).fetchall()
    return rows[0][0] if rows else None


def test_a_person_placed_by_one_article_is_placed_in_a_later_one(pipeline, tmp_path, db_path):
    first = _write(
        tmp_path,
        "first.txt",
        "2025-03-01",
        "Interior Minister Rodrigo Salas of Chile said on Monday the border would stay open.",
    )
    later = _write(tmp_path, "later.txt", "2025-04-02", "Rodrigo Salas met the delegation on Tuesday.")
    with Store(db_path) as store:
        ingest([first], store, pipeline)
        ingest([later], store, pipeline)
        assert _country(store, "later.txt", "Rodrigo Salas") == "CHL"
        (row,) = store.learned_actors()
        assert (row["name"], row["country"], row["first_seen"], row["last_seen"], row["articles"]) == (
            "Rodrigo Salas",
            "CHL",
            "2025-03-01",
            "2025-04-02",
            2,
        )
        first_id = store.conn.execute("SELECT id FROM articles WHERE title = 'first.txt'").fetchone()[0]
        assert row["first_article"] == first_id  # provenance: where he was learned


def test_a_name_given_two_countries_is_not_reused(pipeline, tmp_path, db_path):
    texts = [
        ("a.txt", "Interior Minister Rodrigo Salas of Chile spoke on Monday."),
        ("b.txt", "Interior Minister Rodrigo Salas of Peru spoke on Tuesday."),
        ("c.txt", "Rodrigo Salas met the delegation on Wednesday."),
    ]
    with Store(db_path) as store:
        for name, text in texts:
            ingest([_write(tmp_path, name, "2025-03-05", text)], store, pipeline)
        assert store.learned_actors() == []
        assert _country(store, "c.txt", "Rodrigo Salas") is None


def test_extract_without_a_store_learns_nothing(pipeline, annotate):
    doc = annotate("Rodrigo Salas met the delegation on Tuesday.")
    salas = next(a for a in doc.actors if a.name == "Rodrigo Salas")
    assert salas.country is None


def test_learned_people_are_matched_by_folded_and_transliterated_names(pipeline, annotate):
    actors = dict(pipeline.annotators)["actors"]
    from communique.annotators.actors.learned import name_key

    actors.use_learned(
        [{"key": name_key("Andriy Kovalenskiy"), "name": "Andriy Kovalenskiy", "country": "UKR"}]
    )
    try:
        doc = annotate("Andriy Kovalensky met the delegation on Tuesday.")
    finally:
        actors.use_learned([])
    assert next(a for a in doc.actors if a.name == "Andriy Kovalensky").country == "UKR"


def test_a_person_learned_decades_away_from_the_article_is_a_namesake(pipeline, annotate):
    actors = dict(pipeline.annotators)["actors"]
    from communique.annotators.actors.learned import name_key

    row = {"key": name_key("Rodrigo Salas"), "name": "Rodrigo Salas", "country": "CHL",
           "first_seen": "1988-04-02", "last_seen": "1989-11-20"}
    actors.use_learned([row])
    try:
        recent = annotate("Rodrigo Salas met the delegation on Tuesday.", "1992-05-01")
        later = annotate("Rodrigo Salas met the delegation on Tuesday.", "2025-05-01")
    finally:
        actors.use_learned([])
    assert next(a for a in recent.actors if a.name == "Rodrigo Salas").country == "CHL"
    assert next(a for a in later.actors if a.name == "Rodrigo Salas").country is None
