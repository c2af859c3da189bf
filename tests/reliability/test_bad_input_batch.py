"""A batch mixing good articles with every kind of bad one: the good ones are all stored whole."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

from reliability_support import check_stored, write_articles

from communique.document import Article
from communique.engine.local import extract, ingest
from communique.errors import SkippedInput
from communique.reading import content_id
from communique.screening import screen
from communique.store import Store

FRENCH = (
    "Le ministre des Affaires étrangères a déclaré mercredi que les négociations avec la Russie "
    "se poursuivront la semaine prochaine à Genève, selon un communiqué publié par le ministère. "
    "Il a ajouté que la France est prête à soutenir un cessez-le-feu et que les discussions sont difficiles."
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров заявил в среду, что переговоры с Украиной "
    "продолжатся на следующей неделе в Стамбуле, и что Москва готова обсудить обмен пленными "
    "и гуманитарные вопросы с представителями Киева и посредниками из Турции и Катара."
)


def _bad_files(folder) -> dict[str, str]:
    """File name -> what the message must say. Written into `folder`."""
    future = (date.today() + timedelta(days=400)).isoformat()
    files = {
        "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        "empty.txt": (b"", "empty"),
        "nav.html": (b"<html><body><nav>Home | World | Sport</nav></body></html>", "no article"),
        "broken.jsonl": (b'{"id": "cut", "text": "The talks\n', "invalid JSON"),
        "french.txt": (FRENCH.encode(), "French"),
        "russian.txt": (RUSSIAN.encode("cp1251"), "Russian"),
        "future.jsonl": (
            json.dumps(
                {"id": "future", "text": "Envoys met in Geneva on Monday.", "published": future}
            ).encode(),
            None,
        ),
    }
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return {name: expected for name, (_, expected) in files.items()}


def test_batch_with_bad_inputs_stores_every_good_article_and_names_each_bad_file(tmp_path, pipeline, ledger):
    folder = tmp_path / "in"
    expected = write_articles(folder, 6)
    messages = _bad_files(folder)
    ledger.tried("mixed-batch", len(messages))
    (folder / "nodate.txt").write_text("Delegations met in Geneva on Monday, officials said.")
    db = tmp_path / "batch.db"
    seen: list[tuple[str, str, str | None]] = []
    with Store(db) as store:
        report = ingest([folder], store, pipeline, on_article=lambda *a: seen.append(a))
    undated_id = content_id("Delegations met in Geneva on Monday, officials said.")
    expected |= {"future", undated_id}
    check_stored(ledger, db, expected)
    errors = report.errors + report.notes
    for name, must_say in messages.items():
        if must_say:
            [line] = [e for e in errors if e.startswith(str(folder / name))]
            assert must_say in line, line
    assert report.failed == 4 and report.skipped == 2
    assert {outcome for _, outcome, _ in seen} == {"stored", "failed", "skipped"}
    with Store(db, readonly=True) as store:
        future, undated = store.document("future"), store.document(undated_id)
    assert future.article.published is None
    assert any("in the future" in n for n in future.notes)
    assert any("no publication date" in n for n in undated.notes)


def test_screening_skips_other_languages_and_keeps_english():
    french = Article(id="f", text=FRENCH, origin="f.txt")
    english = Article(
        id="e", text="The envoys met in Geneva on Monday and agreed to meet again. " * 4, origin="e.txt"
    )
    skip = screen(french)
    assert isinstance(skip, SkippedInput) and "French" in str(skip) and str(skip).startswith("f.txt")
    assert screen(english) == english


def test_screening_sets_a_future_publication_date_aside_with_a_note():
    article = Article(
        id="x", text="Envoys met on Monday.", published="2031-02-03", date_source="given", origin="x.txt"
    )
    kept = screen(article, today=date(2025, 5, 28))
    assert isinstance(kept, Article) and (kept.published, kept.date_source) == (None, None)
    assert kept.notes == ["publication date 2031-02-03 is in the future; ignored"]
    tomorrow = Article(id="y", text="Envoys met on Monday.", published="2025-05-29", origin="y.txt")
    assert screen(tomorrow, today=date(2025, 5, 28)) == tomorrow and tomorrow.notes == []


def test_extremely_long_sentence_is_annotated_in_reasonable_time(annotate, ledger):
    ledger.tried("long-sentence")
    clause = "the minister said that the talks in Geneva would go on and the envoys agreed"
    text = ", ".join([clause] * 250) + "."  # one sentence of about 3,500 words
    started = time.perf_counter()
    doc = annotate(text)
    assert time.perf_counter() - started < 60
    assert all(0 <= s.start <= s.end <= len(doc.text) for s in doc.sentences)


def test_thousands_of_unclosed_quote_marks_are_annotated_quickly(annotate, ledger):
    ledger.tried("unclosed-quotes", 3)
    for text in (
        'Lavrov said "' + '"' * 5000,
        "Zelensky said \u201c" + " \u201cno" * 2000,
        "The minister told reporters: " + "\u00ab" * 3000 + " we will not accept this.",
    ):
        started = time.perf_counter()
        doc = annotate(text)
        assert time.perf_counter() - started < 30
        for q in doc.quotes:
            assert 0 <= q.start <= q.end <= len(doc.text)


def test_extract_reports_skipped_and_bad_articles_in_order_and_annotates_the_rest(tmp_path, pipeline, ledger):
    ledger.tried("mixed-batch", 2)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Envoys met in Geneva on Monday.", "published": "2025-05-28"}),
                json.dumps({"id": "fr", "text": FRENCH}),
                "{broken",
                json.dumps(
                    {
                        "id": "b",
                        "text": "Kyiv and Moscow exchanged prisoners on Friday.",
                        "published": "2025-05-28",
                    }
                ),
            ]
        )
    )
    results = list(extract([feed], pipeline))
    kinds = [type(r).__name__ for r in results]
    assert kinds.count("Document") == 2
    assert sum(isinstance(r, SkippedInput) for r in results) == 1
    assert len(results) == 4
