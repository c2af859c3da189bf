"""The command line, run as a user runs it: real processes, real files, real SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "communique.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_extract_jsonl_emits_one_object_per_article_with_the_same_id(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps(
            {
                "id": "k1",
                "text": "Ukraine and Russia held talks in Istanbul on Friday.",
                "published": "2025-05-16",
            }
        )
        + "\n"
        + json.dumps(
            {"id": "k2", "text": "The Kremlin rejected the proposal on Monday.", "published": "2025-05-19"}
        )
        + "\n"
    )
    result = run("extract", str(f), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["k1", "k2"]
    assert all(set(d) >= {"text", "timexes", "quotes", "actors", "events", "positions"} for d in docs)


def test_extract_jsonl_with_jobs_keeps_order_and_screening_notes(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "n1",
            "text": "Ukraine and Russia held talks in Istanbul on Friday.",
            "published": "2025-05-16",
        },
        {"id": "n2", "text": "The Kremlin rejected the proposal on Monday.", "published": "2999-01-04"},
        {"id": "n3", "text": "NATO ministers met in Brussels on Tuesday.", "published": "2025-05-20"},
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("extract", str(f), "--format", "jsonl", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["n1", "n2", "n3"]
    assert any("2999-01-04 is in the future" in n for n in docs[1]["notes"])
    assert not any("in the future" in n for n in docs[0]["notes"] + docs[2]["notes"])


def test_extract_reads_stdin():
    result = run("extract", "-", stdin="Lavrov spoke with Rubio on Wednesday.")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Lavrov spoke with Rubio on Wednesday."


def test_ingest_reports_each_bad_file_in_one_line_and_stores_the_good_ones(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "---\npublished: 2025-05-28\n---\nLavrov and Rubio spoke by phone on Wednesday.\n"
    )
    (corpus / "empty.txt").write_text("")
    (corpus / "blob.pdf").write_bytes(b"%PDF-1.4\x00\x00\x01binary" * 20)
    (corpus / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Kyiv backed the proposal for a ceasefire."}) + "\n{broken\n"
    )
    db = tmp_path / "x.db"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 3
    assert any("empty.txt: empty file" in line for line in error_lines)
    assert any("blob.pdf: binary file" in line for line in error_lines)
    assert any("batch.jsonl:2: invalid JSON" in line for line in error_lines)
    assert "Traceback" not in result.stderr
    listed = run("articles", "--db", str(db), "--format", "jsonl")
    assert len(listed.stdout.splitlines()) == 2


def test_ingest_twice_is_a_no_op_and_reprocess_reannotates(tmp_path):
    db = tmp_path / "x.db"
    first = run("ingest", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr
    stored = int(first.stderr.split(" stored")[0].split()[-1])
    assert stored >= 6
    second = run("ingest", str(EXAMPLES), "--db", str(db))
    assert f"0 stored, 0 re-annotated, {stored} already stored" in second.stderr
    third = run("ingest", str(EXAMPLES), "--db", str(db), "--reprocess")
    assert f"0 stored, {stored} re-annotated, 0 already stored" in third.stderr


def test_db_defaults_to_env_then_current_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv and Moscow exchanged prisoners on Saturday.")
    result = run("ingest", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "communique.db").exists()
    result = run("ingest", "a.txt", cwd=tmp_path, env={"COMMUNIQUE_DB": str(tmp_path / "env.db")})
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize(
    "command", ["extract", "ingest", "articles", "show", "events", "quotes", "actors", "timeline"]
)
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_missing_file_and_unknown_flag_are_one_line_errors(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope.txt'}: no such file or folder"]
    bad_flag = run("events", "--no-such-flag")
    assert bad_flag.returncode == 2
    assert "No such option" in bad_flag.stderr


def test_show_prints_the_article_and_its_dates(tmp_path):
    db = tmp_path / "x.db"
    run("ingest", str(EXAMPLES / "02-lavrov-rubio-call.txt"), "--db", str(db))
    result = run("show", "demo-02", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Lavrov and Rubio discuss talks by phone" in result.stdout
    missing = run("show", "nope", "--db", str(db))
    assert missing.returncode == 1 and "no article with id 'nope'" in missing.stderr


def test_upcoming_lists_plans_still_to_come_with_a_week_plan_until_its_last_day(tmp_path):
    f = tmp_path / "plans.jsonl"
    rows = [
        {
            "id": "p1",
            "published": "2025-04-12",
            "text": "Sudan and South Sudan exchanged prisoners on Friday. "
            "Officials in Juba said the exchange would continue next week.",
        },
        {"id": "p2", "published": "2025-04-12", "text": "France will meet Germany in Paris on May 20."},
        {"id": "p3", "published": "2025-02-01", "text": "Chile will meet Peru in Lima on February 10."},
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "plans.db"
    assert run("ingest", str(f), "--db", str(db)).returncode == 0
    result = run("upcoming", "--db", str(db), "--as-of", "2025-04-16", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    plans = [json.loads(line) for line in result.stdout.splitlines()]
    # next week of 2025-04-12 runs from the 14th to the 20th: begun, not over, so still to come
    assert [(p["article_id"], p["planned_for"], p["days_ahead"]) for p in plans] == [
        ("p1", "2025-04-14 to 2025-04-20", 0),
        ("p2", "2025-05-20", 34),
    ]
    assert plans[1]["planned_location"] == "Paris"
