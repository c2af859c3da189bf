"""Helpers of the reliability suite: sample articles, store checks, CLI in a child process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Protocol


class LedgerLike(Protocol):
    def lost(self, count: int) -> None: ...


def whole_articles(db: Path) -> dict[str, bool]:
    """Each stored article id -> whether its rows match its stored Document (nothing half-written)."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for article_id, document in conn.execute("SELECT id, document FROM articles"):
            doc = json.loads(document)
            ok = True
            for table, layer in (
                ("timexes", "timexes"),
                ("quotes", "quotes"),
                ("events", "events"),
                ("actors", "actors"),
            ):
                rows = conn.execute(
                    f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)
                ).fetchone()[0]
                ok &= rows == len(doc.get(layer) or [])
            out[article_id] = ok
        return out
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def check_stored(ledger: LedgerLike, db: Path, expected: set[str]) -> None:
    """Assert every expected article is stored whole, counting any that are not as lost."""
    stored = whole_articles(db)
    missing = {i for i in expected if not stored.get(i)}
    ledger.lost(len(missing))
    assert integrity(db) == "ok"
    assert not missing, f"good articles lost or half-stored: {sorted(missing)[:5]}"


def write_articles(folder: Path, count: int, start: int = 0) -> set[str]:
    """`count` small distinct English articles as text files with front matter; their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = set()
    for i in range(start, start + count):
        article_id = f"art-{i:04d}"
        ids.add(article_id)
        (folder / f"{article_id}.txt").write_text(
            f"---\nid: {article_id}\ntitle: Talks, round {i}\npublished: 2025-05-28\n---\n"
            f"Delegations from both countries met in Geneva on Wednesday for round {i} of the talks.\n"
            f"The foreign minister said the next meeting would take place on June {1 + i % 28}.\n"
            f"Officials said {i} prisoners would be exchanged next week as part of the agreement.\n",
            encoding="utf-8",
        )
    return ids


def write_jsonl(path: Path, count: int) -> set[str]:
    """`count` small distinct English articles as one JSONL file; their ids."""
    lines = []
    for i in range(count):
        text = (
            f"Delegations from both countries met in Geneva on Wednesday for round {i} of the talks.\n"
            f"Officials said {i} prisoners would be exchanged next week as part of the agreement."
        )
        lines.append(
            json.dumps(
                {"id": f"line-{i:04d}", "title": f"Round {i}", "published": "2025-05-28", "text": text}
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {f"line-{i:04d}" for i in range(count)}


def cli(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen:
    """`communique ARGS` in a child process (same interpreter, same install)."""
    return subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {}), "COLUMNS": "200"},
        **kwargs,
    )
