"""Run one command and follow it: wall time, CPU time, progress and the memory of its process tree.

CPU time (user + system of the process and every child, spaCy's workers included) is
the figure that survives a busy machine: wall time stretches when other programs share
the cores, the CPU seconds per article do not (much).

Memory is the sum of the resident set sizes (RSS) of the process and all its
children (spaCy's worker processes included), sampled every `interval`
seconds. Summing RSS counts pages shared by forked workers more than once, so
it is an upper bound on the real footprint. The proportional set size (PSS, Linux:
each shared page divided among the processes sharing it) is summed beside it: the
tree's real footprint.
"""

from __future__ import annotations

import contextlib
import resource
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil


@dataclass
class Run:
    label: str
    articles: int
    wall: float  # seconds, process start to exit, model loading included
    steady_rate: float  # articles/s after the first 10% of the corpus, rounded up to a whole batch, was done
    peak_rss: int  # bytes, the whole process tree
    peak_pss: int = 0  # bytes, the whole process tree, shared pages counted once (0 where unknown)
    rss_at: dict[int, int] = field(default_factory=dict)  # articles done -> peak tree RSS up to then
    returncode: int = 0
    done: int = 0  # articles that came out (the rest failed, e.g. an annotator raised)
    cpu: float = 0.0  # CPU seconds of the whole process tree

    @property
    def cpu_rate(self) -> float:
        """Articles per CPU second: the throughput of one fully used core."""
        return self.articles / self.cpu if self.cpu else 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.wall if self.wall else 0.0


def tree_memory(proc: psutil.Process, cpu: dict[int, float] | None = None) -> tuple[int, int]:
    """Summed RSS and PSS of the tree; also records each process's CPU seconds so far into `cpu`."""
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker exited between listing and reading
            info = p.memory_full_info()  # /proc/PID/smaps_rollup: about 0.5 ms a process
            rss += info.rss
            pss += getattr(info, "pss", 0)
            if cpu is not None:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
    return rss, pss


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def lines_in(path: Path) -> Callable[[], int]:
    """Progress of a command that writes one line per article to `path`."""
    state = {"offset": 0, "lines": 0}

    def count() -> int:
        try:
            with path.open("rb") as fh:
                fh.seek(state["offset"])
                chunk = fh.read()
        except OSError:
            return state["lines"]
        # only whole lines: a line being written counts on the next poll
        end = chunk.rfind(b"\n") + 1
        state["lines"] += chunk.count(b"\n", 0, end)
        state["offset"] += end
        return state["lines"]

    return count


def rows_in(db: Path, table: str = "articles") -> Callable[[], int]:
    """Progress of an ingest: rows stored so far (WAL readers never block the writer)."""

    def count() -> int:
        if not db.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
                return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite3.Error:
            return 0

    return count


def measure(
    label: str,
    command: list[str],
    total: int,
    progress: Callable[[], int],
    *,
    stdout: Path | None = None,
    checkpoints: tuple[int, ...] = (500,),
    interval: float = 0.25,
    batch: int = 32,
) -> Run:
    """Run `command`, sampling memory and progress until it exits.

    The steady rate counts the articles after the first tenth of the corpus rounded up to a
    whole `batch` (the article batch every run shares): bare spaCy reports its articles a
    batch at a time, ours in smaller steps, and a window starting at "the first tenth"
    would otherwise hold different articles for each (on the real texts, whose longest
    articles come early, 3 % more text per article in ours).
    """
    steady_from = min(total, -(-(total // 10) // batch) * batch)
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    cpu_before = _children_cpu()
    sampled: dict[int, float] = {}
    started = time.perf_counter()
    popen = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
    proc = psutil.Process(popen.pid)
    peak = 0
    rss_at: dict[int, int] = {}
    steady_start: tuple[float, int] | None = None
    done = 0
    peak_pss = 0
    while popen.poll() is None:
        rss, pss = tree_memory(proc, sampled)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        done = progress()
        for mark in checkpoints:
            if done <= mark:
                rss_at[mark] = peak
        if steady_start is None and done >= steady_from:
            steady_start = (time.perf_counter(), done)
        time.sleep(interval)
    wall = time.perf_counter() - started
    # waited-for descendants roll up into RUSAGE_CHILDREN; the samples cover any that were not
    cpu = max(_children_cpu() - cpu_before, sum(sampled.values()))
    stderr = popen.stderr.read().decode(errors="replace") if popen.stderr else ""
    if stdout:
        out.close()
    done = progress()
    if done == 0:
        tail = "\n".join(stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"{label}: exit {popen.returncode}, nothing done\n{tail}")
    rss_at[total] = peak
    if steady_start is not None and wall > steady_start[0] - started:
        steady = (total - steady_start[1]) / (started + wall - steady_start[0])
    else:
        steady = total / wall
    return Run(label, total, wall, steady, peak, peak_pss, rss_at, popen.returncode, done, cpu)
