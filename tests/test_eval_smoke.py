"""The eval scorer runs end to end on the seed article (skipped without ../shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_score_py_runs_extract_on_the_seed_article(shared_eval, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "seed.json").write_text(
        (shared_eval / "dev" / "seed.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    communique = Path(sys.executable).parent / "communique"
    result = subprocess.run(
        [
            sys.executable,
            str(shared_eval / "score.py"),
            "run",
            str(gold),
            "--",
            str(communique),
            "extract",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "1 gold articles, 0 without a prediction" in result.stdout
