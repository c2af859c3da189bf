"""A publication date guessed from the article itself (publication_date.py): from its URL or its dateline,
never from a photo caption or a credit line; the guess is recorded and noted once. Texts are our own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from communique.publication_date import GUESS_NOTE, date_from_dateline, guess_date, guess_note
from communique.reading import read_sources

CAPTIONED = (
    "Chile and Peru reopen their border\n"
    "The Chilean foreign minister testifies before a Senate panel on April 2, 2025 in Valparaiso.\n"
    "SANTIAGO - Chile and Peru reopened their shared border on Wednesday after a month of talks.\n"
)


def test_a_photo_caption_is_never_a_dateline():
    assert date_from_dateline(CAPTIONED) is None


def test_a_credit_line_with_a_date_is_never_a_dateline():
    text = "Photo: Ana Ruiz / Andes Wire, April 2, 2025\nLIMA - The talks resumed on Wednesday.\n"
    assert date_from_dateline(text) is None


def test_a_sentence_that_tells_a_date_is_not_a_dateline():
    assert date_from_dateline("The envoys met on 4 March 2025 to discuss a truce.\n") is None


def test_place_and_date_opening_the_body_are_a_dateline():
    text = "Border reopens\nLIMA, April 9, 2025 (Andes Wire) - Peru reopened its border on Wednesday.\n"
    assert date_from_dateline(text) == "2025-04-09"


def test_a_date_line_of_the_byline_is_a_dateline():
    text = "Border reopens\nAna Ruiz | Wednesday 9 April 2025\n\nPeru reopened its border with Chile.\n"
    assert date_from_dateline(text) == "2025-04-09"


def test_the_url_is_read_before_the_text():
    text = "LIMA, April 9, 2025 - Peru reopened its border.\n"
    assert guess_date("https://news.example/2025/04/10/border", text) == ("2025-04-10", "url")
    assert guess_date(None, text) == ("2025-04-09", "dateline")


def test_only_a_guessed_date_gets_a_note():
    assert guess_note("2025-04-09", "given") is None
    assert guess_note(None, "dateline") is None
    note = guess_note("2025-04-09", "dateline")
    assert note is not None and note.startswith(GUESS_NOTE) and "2025-04-09" in note


def test_a_text_file_without_front_matter_does_not_take_its_captions_date(tmp_path):
    f = tmp_path / "captioned.txt"
    f.write_text(CAPTIONED)
    [article] = read_sources([f])
    assert (article.published, article.date_source) == (None, None)


def test_a_guessed_date_is_in_the_json_with_its_source_and_one_note(tmp_path, pipeline):
    f = tmp_path / "wire.txt"
    f.write_text("LIMA, April 9, 2025 (Andes Wire) - Peru reopened its border with Chile on Wednesday.\n")
    [article] = read_sources([f])
    assert (article.published, article.date_source) == ("2025-04-09", "dateline")
    data = json.loads(pipeline(article).to_json())
    assert data["date_source"] == "dateline"
    assert [n for n in data["notes"] if n.startswith(GUESS_NOTE)] == [guess_note("2025-04-09", "dateline")]


def test_a_given_date_gets_no_note(annotate):
    doc = annotate("Peru reopened its border with Chile on Wednesday.", published="2025-04-09")
    assert not any(n.startswith(GUESS_NOTE) for n in doc.notes)


def test_extract_warns_once_for_all_guessed_dates(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            f"LIMA, April 9, 2025 (Andes Wire) - Peru reopened border post {name} on Wednesday.\n")
    command = [sys.executable, "-m", "communique.cli", "extract", str(tmp_path), "--format", "jsonl"]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ), timeout=300,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["date_source"] for d in docs] == ["dateline", "dateline"]
    assert result.stderr.count("guessed") == 1 and "2 article(s)" in result.stderr
