"""Query latency on a store holding a million synthetic events.

The events are random (types, days, actor codes with a skewed frequency so a
few codes are common, as in real news); they are written straight into the
store's tables in one transaction, which is far faster than annotating. The
database is kept in benchmarks/.data/ and reused by later runs.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CODES = ["RUS", "UKR", "USA", "TUR", "CHN", "ISR", "PSE", "IRN", "DEU", "FRA", "GBR", "EU", "NATO", "UN",
         "IND", "PAK", "SYR", "LBN", "EGY", "QAT", "SAU", "JPN", "KOR", "PRK", "POL", "BLR", "GEO", "ARM",
         "AZE", "SRB", "IRQ", "YEM", "SDN", "ETH", "VEN", "COL", "BRA", "ZAF", "NGA", "AU"]
EVENTS_PER_ARTICLE = 10
FIRST_DAY = date(2020, 1, 1)
DAYS = 6 * 365


# Zipf weights (1/rank): the first code is in about a quarter of the actor slots, as the
# most covered states are in real news; the last ones are rare.
WEIGHTS = [1 / rank for rank in range(1, len(CODES) + 1)]


def _code(rng: random.Random) -> str:
    return rng.choices(CODES, WEIGHTS)[0]


def build(path: Path, n_events: int, *, seed: int = 11) -> Path:
    """A store with `n_events` synthetic events (skipped when it already has them)."""
    from communique.store import Store

    if path.exists():
        with Store(path) as store:
            if store.stats()["events"] == n_events:
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    n_articles = n_events // EVENTS_PER_ARTICLE
    with Store(path) as store, store.atomic() as conn:
        days = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(DAYS)]
        article_days = [days[rng.randrange(DAYS)] for _ in range(n_articles)]
        conn.executemany(
            """INSERT INTO articles (id, content_hash, title, source, url, published, text, pipeline_version,
               ingested_at, document) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            (
                (f"syn-{i}", f"h{i}", f"Synthetic article {i}", "synthetic", f"https://syn.example/{i}",
                 article_days[i], "synthetic", "bench", "2026-01-01T00:00:00", "{}")
                for i in range(n_articles)
            ),
        )

        def events() -> Iterator[tuple]:
            for i in range(n_events):
                art = i // EVENTS_PER_ARTICLE
                src, tgt = _code(rng), _code(rng)
                yield (i + 1, f"syn-{art}", i % EVENTS_PER_ARTICLE, rng.choice(TYPES), "asserted",
                       article_days[art], article_days[art], src, tgt, 0, 0, 10, "synthetic evidence")

        conn.executemany(
            """INSERT INTO events (id, article_id, idx, type, modality, date, day, source_codes, target_codes,
               evidence_start, evidence_end, num_mentions, evidence_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?)""",
            (row[:11] + row[12:] for row in events()),
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, side, code, name) SELECT id, ?, CASE ? WHEN 'source' "
            "THEN source_codes ELSE target_codes END, NULL FROM events WHERE id BETWEEN ? AND ?",
            [(side, side, lo, lo + 99_999) for lo in range(1, n_events + 1, 100_000) for side in ("source", "target")],
        )
    with Store(path) as store:
        store.conn.execute("ANALYZE")
    return path


def latency(func: Callable[[], object], repeat: int = 7) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds (after one warm-up call) and the result size.

    SQLite answers in this thread, so the CPU time is what the query costs on an idle core;
    wall time is longer when other programs share the machine.
    """
    result = func()
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = func()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    size = len(result) if hasattr(result, "__len__") else 0
    return statistics.median(walls), statistics.median(cpus), size


def run(path: Path, n_events: int) -> list[tuple[str, float, float, int]]:
    """(query, median wall ms, median CPU ms, rows) for the queries the CLI and web pages run most."""
    from communique.store import Store

    build(path, n_events)
    out = []
    with Store(path, readonly=True) as store:
        cases = {
            "events --actor RUS --since 2025-01-01 (first 200)":
                lambda: store.events(actor="RUS", since="2025-01-01", limit=200),
            "events --actor AZE --since 2025-01-01 (rare actor)":
                lambda: store.events(actor="AZE", since="2025-01-01", limit=200),
            "events --type ASSAULT --since 2025-06-01":
                lambda: store.events(type="ASSAULT", since="2025-06-01", limit=200),
            "timeline --actor RUS --since 2025-01-01 (aggregate)":
                lambda: store.timeline(actor="RUS", since="2025-01-01"),
            "timeline (all actors, whole range)": lambda: store.timeline(),
        }
        for name, func in cases.items():
            out.append((name, *latency(func)))
    return out
