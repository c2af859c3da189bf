"""Issue 22, items 1-4, 9 and the settings of 14: one bad article never stops a batch.

Each input here once stopped a whole ingest with a traceback, hung it, or was
skipped or garbled without a word. Now each is one line naming the file (and
line), every good article is stored, and the batch goes on.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from reliability_support import check_stored, cli, write_articles

from communique.boundary import admit, split_long_runs
from communique.document import Article
from communique.engine.local import ingest
from communique.errors import InputError, SettingsError, SkippedInput, printable
from communique.reading import count_articles, read_sources
from communique.settings import Settings
from communique.store import Store

GOOD = "Envoys from both sides met in Geneva on Monday and agreed to meet again next week, officials said."


def _line(obj: dict) -> str:
    return json.dumps(obj)


# ---------------------------------------------------------------- item 1: one bad article, whole batch lost


def test_an_article_over_spacys_length_limit_is_one_line_and_the_batch_goes_on(tmp_path, pipeline, ledger):
    ledger.tried("over-max-length")
    folder = tmp_path / "in"
    expected = write_articles(folder, 3)
    # between spaCy's max_length (1,000,000) and the former limit (2,000,000): spaCy raised E088
    (folder / "long.txt").write_text("The talks went on. " * 63_000)
    with Store(tmp_path / "b.db") as store:
        report = ingest([folder], store, pipeline)
    check_stored(ledger, tmp_path / "b.db", expected)
    [line] = [e for e in report.errors if "long.txt" in e]
    assert "over the limit of 1,000,000" in line
    assert report.failed == 1


def test_invalid_unicode_and_huge_numbers_in_json_lines_are_repaired_or_reported(tmp_path, pipeline, ledger):
    ledger.tried("lone-surrogate", 3)
    ledger.tried("huge-json-integer")
    feed = tmp_path / "feed.jsonl"
    lines = [
        _line({"id": "good-1", "text": GOOD, "published": "2025-05-28"}),
        '{"id": "bad-text", "text": "Envoys met in Geneva \\ud800 on Monday and agreed to talk again."}',
        '{"id": "bad-\\udc00-id", "text": "' + GOOD.replace("Monday", "Tuesday") + '"}',
        '{"id": "bad-title", "title": "Talks \\ud83d", "text": "' + GOOD.replace("Monday", "Friday") + '"}',
        '{"id": "huge", "text": "x", "published": ' + "7" * 5000 + "}",
        _line({"id": "good-2", "text": GOOD.replace("Geneva", "Vienna"), "published": "2025-05-29"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "u.db"
    with Store(db) as store:
        report = ingest([feed], store, pipeline)
    check_stored(ledger, db, {"good-1", "good-2", "bad-text", "bad-\ufffd-id", "bad-title"})
    assert [e for e in report.errors if ":5:" in e] and report.failed == 1
    with Store(db, readonly=True) as store:
        doc = store.document("bad-text")
        assert "\ufffd" in doc.text and any("lone surrogates" in n for n in doc.notes)
        assert store.document("bad-title").article.title == "Talks \ufffd"


def test_a_reader_that_raises_on_one_file_costs_that_file_only(tmp_path, pipeline, ledger, monkeypatch):
    ledger.tried("reader-bug")
    folder = tmp_path / "in"
    expected = write_articles(folder, 3)
    (folder / "odd.txt").write_text(GOOD)
    import communique.reading as reading

    real = reading._read_document

    def flaky(raw, origin, suffix):
        if origin.endswith("odd.txt"):
            raise RuntimeError("a library's surprise")
        return real(raw, origin, suffix)

    monkeypatch.setattr(reading, "_read_document", flaky)
    with Store(tmp_path / "r.db") as store:
        report = ingest([folder], store, pipeline)
    check_stored(ledger, tmp_path / "r.db", expected)
    assert report.failed == 1 and "odd.txt: cannot read (RuntimeError" in report.errors[0]


# ---------------------------------------------------------------- item 2: pipes and endless devices


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_jsonl_named_pipe_is_read_as_a_stream_not_reported_empty(tmp_path, ledger):
    ledger.tried("named-pipe")
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w") as fh:
            fh.write(
                _line({"id": "p1", "text": GOOD})
                + "\n"
                + _line({"id": "p2", "text": GOOD + " Again."})
                + "\n"
            )

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert count_articles([fifo]) is None  # not read to the end just to count it
    results = list(read_sources([fifo]))
    writer.join(timeout=10)
    assert [r.id for r in results] == ["p1", "p2"]


def test_a_jsonl_link_to_an_endless_device_is_refused_at_once(tmp_path, ledger):
    ledger.tried("device-link")
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    out: list = []
    reader = threading.Thread(target=lambda: out.extend(read_sources([link])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a link to /dev/zero did not end"
    [error] = out
    assert isinstance(error, InputError) and "device" in str(error)


# ---------------------------------------------------------------- item 3: one stray byte


def test_one_stray_cp1252_byte_in_utf8_text_is_repaired_alone_with_a_note(tmp_path, ledger):
    ledger.tried("stray-cp1252-byte")
    path = tmp_path / "mixed.txt"
    text = "Delegates met in Zürich on Monday. “We agree,” the mediator said, “and we meet again.”\n"
    path.write_bytes(text.encode("utf-8") + b"The envoy\x92s aide confirmed it.\n")
    [article] = read_sources([path])
    assert "Zürich" in article.text and "“We agree,”" in article.text
    assert "envoy’s" in article.text
    assert any("cp1252" in note for note in article.notes)


# ---------------------------------------------------------------- item 4: dates and folder contents


def test_publication_dates_out_of_range_or_impossible_are_set_aside_with_a_note(tmp_path, pipeline, ledger):
    ledger.tried("bad-published", 2)
    feed = tmp_path / "dates.jsonl"
    feed.write_text(
        _line({"id": "year-one", "text": GOOD, "published": "0001-01-01"})
        + "\n"
        + _line({"id": "zeros", "text": GOOD.replace("Geneva", "Oslo"), "published": "0000-00-00"})
        + "\n"
    )
    db = tmp_path / "d.db"
    with Store(db) as store:
        report = ingest([feed], store, pipeline)
    check_stored(ledger, db, {"year-one", "zeros"})
    assert report.failed == 0
    assert any("0001-01-01 is out of range" in n for n in report.notes)
    assert any("'0000-00-00' is not a calendar day" in n for n in report.notes)
    with Store(db, readonly=True) as store:
        assert store.document("year-one").article.published is None


def test_pipes_devices_links_and_unreadable_folders_inside_a_folder_are_each_reported(
    tmp_path, ledger, monkeypatch
):
    ledger.tried("folder-contents", 5)
    folder = tmp_path / "in"
    write_articles(folder, 1)
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path="."):  # as a folder without read permission behaves, even for root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(read_sources([folder]))
    said = {Path(r.origin).name: r for r in results if isinstance(r, InputError)}
    assert isinstance(said["pipe.jsonl"], SkippedInput) and "named pipe" in str(said["pipe.jsonl"])
    assert isinstance(said["null.txt"], SkippedInput) and "device" in str(said["null.txt"])
    assert not isinstance(said["loop.txt"], SkippedInput) and "symbolic links" in str(said["loop.txt"])
    assert "broken link" in str(said["gone.txt"])
    assert "cannot read folder" in str(said["locked"])
    assert sum(1 for r in results if isinstance(r, Article)) == 1


# ---------------------------------------------------------------- item 9: names escaped in messages


@pytest.mark.parametrize(
    "name", ["evil\x1b[2Jname.txt", "two\nlines.txt", "gpj\u202eexe.txt", "bell\x07.txt"]
)
def test_file_names_are_escaped_in_every_message(tmp_path, ledger, name):
    ledger.tried("hostile-file-name")
    path = tmp_path / name
    path.write_bytes(b"")
    [error] = read_sources([path])
    message = str(error)
    assert not any(c in message for c in "\x1b\n\u202e\x07"), repr(message)
    assert message.startswith(printable(str(path)))


def test_cli_errors_escape_the_database_name(tmp_path, ledger):
    ledger.tried("hostile-db-name")
    proc = cli("articles", "--db", str(tmp_path / "x\x1b]0;pwned\x07\n.db"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert b"\x1b]0;" not in err and b"\x07" not in err
    assert err.decode().strip().count("\n") == 0  # one line


# ---------------------------------------------------- the boundary, and a setting (item 14)


def test_admitting_is_idempotent_and_refuses_what_cannot_be_repaired():
    article = Article(id="x\ud800", text="Hello \udfff world", published="1799-12-31", title="T\x1b[1m")
    once = admit(article, 1000)
    assert isinstance(once, Article)
    assert admit(once, 1000) == once
    assert once.id == "x\ufffd" and once.title == "T[1m" and once.published is None
    assert isinstance(admit(Article(id="y", text=" \n "), 1000), InputError)
    assert isinstance(admit(Article(id="z", text="abc" * 400), 1000), InputError)


def test_long_stretches_without_a_sentence_end_are_cut_at_spaces_keeping_offsets():
    text = "word " * 3000 + ". Short one. " + "x" * 2500 + " tail"
    cut, stretches = split_long_runs(text, 2000)
    assert len(cut) == len(text) and stretches == 2
    pieces = cut.replace(".", "\n").split("\n")
    assert max(len(p) for p in pieces if "x" * 100 not in p) <= 2000  # one long token is left whole
    assert [i for i, (a, b) in enumerate(zip(text, cut, strict=True)) if a != b] == [
        i for i, c in enumerate(cut) if c == "\n"
    ]


def test_max_chars_from_the_environment_is_checked_with_one_clear_line(monkeypatch, ledger):
    ledger.tried("bad-setting", 2)
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "abc")
    with pytest.raises(SettingsError, match="COMMUNIQUE_MAX_CHARS must be a whole number"):
        Settings.load()
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "0")
    with pytest.raises(SettingsError, match="from 1 to"):
        Settings.load()
    proc = cli("articles", env={"COMMUNIQUE_MAX_CHARS": "abc"})
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in err and b"COMMUNIQUE_MAX_CHARS" in err


def test_spacy_and_communique_share_one_length_limit(pipeline):
    assert pipeline.nlp.max_length == pipeline.settings.max_chars == 1_000_000
