"""Item 12: with --jobs N, spaCy's worker processes end with their parent, however it is stopped.

SIGTERM (timeout, systemd, docker stop) and SIGINT to the parent alone stop it cleanly
(whole articles stored, its workers stopped, exit 143 / 130); kill -9 of the parent
leaves no worker behind either.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import cli, integrity, whole_articles, write_jsonl

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds worker processes through /proc")

# spaCy's sender reads two rounds of batches (2 x 2 x 32 texts) before starting its workers: more than
# that is sent, and the input stays open, so the ingest is mid-way when it is signalled
SENT = 160


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # field 4 of /proc/PID/stat: the parent's pid
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ingest_mid_way(tmp_path: Path) -> tuple[subprocess.Popen, set[int], Path]:
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, SENT + 40)
    db = tmp_path / "jobs.db"
    proc = cli("ingest", "-", "--db", str(db), "-q", "--jobs", "2", stdin=subprocess.PIPE)
    proc.stdin.write(b"".join(feed.read_bytes().splitlines(keepends=True)[:SENT]))
    proc.stdin.flush()
    deadline = time.monotonic() + 240
    workers: set[int] = set()
    while _stored(db) < 3 or len(workers) < 2:
        workers |= _children(proc.pid)
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(
                f"ingest ended or stalled before it could be stopped: {proc.stderr.read().decode()[-800:]}"
            )
        time.sleep(0.05)
    return proc, workers, db


def _gone(pids: set[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)]
)
def test_workers_end_with_their_parent_and_the_store_stays_whole(tmp_path, ledger, signum, code):
    ledger.tried(f"parent-{signal.Signals(signum).name}")
    proc, workers, db = _ingest_mid_way(tmp_path)
    os.kill(proc.pid, signum)  # the parent alone, as `timeout`, systemd or `kill` do
    try:
        proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        pytest.fail(f"the ingest did not end within 60 s of {signal.Signals(signum).name}")
    survivors = {pid for pid in workers if _alive(pid)}
    if not _gone(survivors, within=10):
        for pid in survivors:
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"{len(survivors)} worker process(es) outlived their parent")
    assert proc.returncode == code
    assert integrity(db) == "ok"
    assert all(whole_articles(db).values())
