"""`communique positions HOLDER --threads` over the demo corpus, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "communique.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "160"}, timeout=300)


def test_threads_answer_since_when_a_demand_restated_across_two_articles_stands(tmp_path):
    db = str(tmp_path / "demo.db")
    assert _run("ingest", str(REPO / "examples"), "--db", db).returncode == 0
    result = _run("positions", "RUS", "--threads", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    threads = json.loads(result.stdout)
    withdraw = next(t for t in threads if "withdraw its troops" in t["content"])
    assert withdraw["articles"] == 2 and withdraw["first_day"] < withdraw["last_day"]
    assert {t["change"] for t in threads} >= {"softened"}
    table = _run("positions", "RUS", "--threads", "--db", db)
    assert table.returncode == 0 and "since" in table.stdout and withdraw["first_day"] in table.stdout
