"""Keep the record current: poll feeds, URLs and folders, ingest what is new.

Each poll is one `engine.local.ingest` run: stored articles are skipped, feeds
are asked with ETag/Last-Modified (kept once their entries are stored), and every
article is stored whole or not at all, so stopping (Ctrl-C) never leaves one half-stored.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .engine.local import IngestReport, ProgressHook, ingest
from .fetching import Fetcher
from .pipeline import Pipeline
from .store import Store

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m or float(m[1]) <= 0:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 15m, 2h)")
    return float(m[1]) * _UNITS[m[2] or "s"]


def watch(
    sources: Sequence[str | Path],
    store: Store,
    pipeline: Pipeline,
    fetcher: Fetcher,
    *,
    every: float,
    max_polls: int | None = None,
    stop: threading.Event | None = None,
    on_article: ProgressHook | None = None,
    on_poll: Callable[[int, IngestReport], None] | None = None,
) -> int:
    """Poll until `stop` is set or `max_polls` polls ran; returns the number of polls."""
    stop = stop or threading.Event()
    polls = 0
    while not stop.is_set():
        report = ingest(sources, store, pipeline, on_article=on_article, fetcher=fetcher)
        polls += 1
        if on_poll is not None:
            on_poll(polls, report)
        if max_polls is not None and polls >= max_polls:
            break
        stop.wait(every)
    return polls
