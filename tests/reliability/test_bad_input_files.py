"""Bad input files: each one gives one clear InputError naming the file (and line); the rest is read."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from communique.errors import InputError, SkippedInput
from communique.reading import count_articles, read_sources

GOOD = "The delegations met in Geneva on Wednesday and agreed to meet again next week."


def _read(*paths: Path) -> tuple[list, list[InputError]]:
    results = list(read_sources(paths))
    errors = [r for r in results if isinstance(r, InputError)]
    return [r for r in results if not isinstance(r, InputError)], errors


BINARY_FILES = {
    "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "scan.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)),
    "archive.txt": b"PK\x03\x04" + bytes(range(256)) * 2,  # a zip saved with the wrong suffix
    "blob.bin": bytes(range(256)) * 16,
    "noise.html": bytes((i * 7919) % 256 for i in range(4096)),
    "controls.txt": bytes(i % 32 for i in range(4000)),  # no NUL-free escape: control bytes only
}


@pytest.mark.parametrize("name", sorted(BINARY_FILES))
def test_binary_file_is_refused_with_its_name(tmp_path, ledger, name):
    ledger.tried("binary")
    path = tmp_path / name
    path.write_bytes(BINARY_FILES[name])
    good, bad = _read(path)
    assert not good
    assert len(bad) == 1 and bad[0].origin == str(path)
    assert "binary" in bad[0].reason or "encoding" in bad[0].reason


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom-only"]
)
def test_empty_file_is_refused_with_its_name(tmp_path, ledger, content):
    ledger.tried("empty")
    path = tmp_path / "nothing.txt"
    path.write_bytes(content)
    good, bad = _read(path)
    assert not good and len(bad) == 1
    assert str(bad[0]).startswith(str(path))


def test_fifty_megabyte_text_is_refused_by_size_without_reading_it(tmp_path, ledger):
    ledger.tried("huge")
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(GOOD.encode())
        fh.truncate(50_000_000)  # sparse: the size is real, the disk cost is not
    started = time.perf_counter()
    good, bad = _read(path)
    assert time.perf_counter() - started < 1.0
    assert not good and "MB" in bad[0].reason and bad[0].origin == str(path)


def test_fifty_megabyte_jsonl_line_is_skipped_and_the_next_line_read(tmp_path, ledger):
    ledger.tried("huge")
    path = tmp_path / "feed.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        chunk = b"word " * 200_000
        for _ in range(50):
            fh.write(chunk)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "small", "text": GOOD}).encode() + b"\n")
    started = time.perf_counter()
    good, bad = _read(path)
    assert time.perf_counter() - started < 5.0
    assert [a.id for a in good] == ["small"]
    assert [(e.origin, e.line) for e in bad] == [(str(path), 1)]
    assert "MB" in bad[0].reason
    assert count_articles([path]) == 2  # the progress bar's count does not load the line either


def test_html_without_an_article_is_refused(tmp_path, ledger):
    ledger.tried("html-no-article")
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Home</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav></body></html>"
    )
    good, bad = _read(path)
    assert not good and bad[0].origin == str(path)
    assert "no article" in bad[0].reason


@pytest.mark.parametrize(
    ("encoding", "text", "probe"),
    [
        (
            "cp1252",
            "\u201cWe will not give up,\u201d the minister said in Z\u00fcrich on Tuesday, " * 3,
            "\u201cWe will",
        ),
        (
            "latin-1",
            "Le ministre a parl\u00e9 \u00e0 Gen\u00e8ve. The envoys met in Gen\u00e8ve on Monday. " * 3,
            "Gen\u00e8ve",
        ),
        (
            "utf-16",
            "The envoys met in Geneva on Monday and said the talks would go on next week. " * 3,
            "envoys",
        ),
        (
            "cp1251",
            (
                "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0441\u043a\u0430\u0437\u0430\u043b, "
                "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
                "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f. "
            )
            * 4,
            "\u041c\u0438\u043d\u0438\u0441\u0442\u0440",
        ),
    ],
)
def test_legacy_encoding_is_detected_and_decoded(tmp_path, ledger, encoding, text, probe):
    ledger.tried("legacy-encoding")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    good, bad = _read(path)
    assert not bad
    assert probe in good[0].text


def test_invalid_utf8_bytes_in_a_text_file_do_not_stop_reading(tmp_path, ledger):
    ledger.tried("invalid-utf8")
    path = tmp_path / "mixed.txt"
    path.write_bytes(GOOD.encode() + b" \xff\xfe\xc3\x28 " + GOOD.encode())
    good, bad = _read(path)
    assert (len(good), len(bad)) in ((1, 0), (0, 1))
    if good:
        assert "Geneva" in good[0].text


def test_broken_jsonl_lines_are_each_reported_with_their_line_number(tmp_path, ledger):
    lines = [
        json.dumps({"id": "one", "text": GOOD}),
        '{"id": "cut", "text": "The talks',  # truncated
        "[1, 2, 3]",  # not an object
        '"just a string"',
        json.dumps({"id": "notext", "title": "No body"}),
        json.dumps({"id": "numtext", "text": 42}),
        "[" * 100_000 + "]" * 100_000,  # nested too deeply for the parser
        json.dumps({"id": "two", "text": GOOD, "published": "not a date"}),
    ]
    ledger.tried("broken-jsonl-line", 6)
    path = tmp_path / "batch.jsonl"
    raw = ("\ufeff" + "\n".join(lines)).encode("utf-8")
    raw += (
        b"\n"
        + json.dumps({"id": "three", "text": "Caf\u00e9 talks"}, ensure_ascii=False).encode("cp1252")
        + b"\n"
    )
    path.write_bytes(raw)
    good, bad = _read(path)
    assert [a.id for a in good] == ["one", "two", "three"]
    assert [e.line for e in bad] == [2, 3, 4, 5, 6, 7]
    assert all(e.origin == str(path) and str(e).startswith(f"{path}:{e.line}: ") for e in bad)
    assert good[1].published is None


@pytest.mark.parametrize(
    "content",
    ["{not json", "[]", '[{"text": 5}]', "[" * 50_000],
    ids=["invalid", "empty-list", "bad-item", "deep"],
)
def test_bad_json_file_is_reported_with_its_name(tmp_path, ledger, content):
    ledger.tried("bad-json")
    path = tmp_path / "articles.json"
    path.write_text(content)
    good, bad = _read(path)
    assert not good and bad and all(e.origin.startswith(str(path)) for e in bad)


def test_missing_paths_and_empty_folders_are_reported_and_the_rest_read(tmp_path, ledger):
    ledger.tried("missing-path", 2)
    (tmp_path / "empty").mkdir()
    ok = tmp_path / "ok.txt"
    ok.write_text(GOOD)
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop)  # a folder that contains itself must not hang the reader
    (loop / "a.txt").write_text(GOOD + " Again.")
    good, bad = _read(tmp_path / "nope.txt", tmp_path / "empty", ok, loop)
    assert len(good) == 2
    said = [str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(loop / "self")]
    assert [e.origin for e in bad] == said
    assert isinstance(bad[2], SkippedInput) and "not followed" in str(bad[2])  # said, not silently dropped


def test_hostile_metadata_is_made_safe_to_show(tmp_path, ledger):
    ledger.tried("hostile-metadata")
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x\x1b[2J\u202eevil",
                "title": "Title \x1b]0;pwned\x07 with\nnewline \u202egnp.exe " + "long " * 2000,
                "source": "\x00Wire\x08",
                "text": GOOD,
            }
        )
    )
    [article] = list(read_sources([path]))
    for value in (article.id, article.title, article.source):
        assert not any(
            ord(c) < 32 or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f" for c in value
        )
    assert article.source == "Wire"
    assert len(article.title) <= 2000


def test_stdin_jsonl_is_streamed_and_its_bad_lines_reported(monkeypatch, ledger):
    ledger.tried("broken-jsonl-line")
    data = (
        json.dumps({"id": "a", "text": GOOD}) + "\n{oops\n" + json.dumps({"id": "b", "text": GOOD}) + "\n"
    ) * 3000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    results = list(read_sources(["-"]))
    assert len(results) == 9000
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(errors) == 3000 and errors[0].origin == "<stdin>" and errors[0].line == 2


def test_oversized_stdin_text_is_refused(monkeypatch, ledger):
    ledger.tried("huge")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 400_000)))
    [result] = list(read_sources(["-"], max_bytes=1_000_000))
    assert isinstance(result, InputError) and result.origin == "<stdin>"
