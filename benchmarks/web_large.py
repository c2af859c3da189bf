"""Web pages on a large store: `/` (dashboard) and `/articles` on 200,000 synthetic articles.

The store is written straight into the tables (far faster than annotating), with
about as many rows per article as real news gives (actors, mentions, dates, quotes,
events with their sides, positions) and a short synthetic text, then every page
is asked through the ASGI app in this process, as a browser would, and timed.
The database is kept in benchmarks/.data/ and reused.

    .venv/bin/python benchmarks/web_large.py [--articles 200000] [--db PATH]

This is a benchmark, not a test: the target is under a second per page.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from queries import CODES, TYPES, WEIGHTS  # noqa: E402

FIRST_DAY = date(2023, 1, 1)
DAYS = 3 * 365
SOURCES = [f"Outlet {i}" for i in range(40)]
QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
PAGES = ["/", "/articles", "/articles?offset=5000", "/api/dashboard", "/articles.json", "/api/stats"]


def _rows(n_articles: int, seed: int) -> Iterator[tuple[str, list]]:
    """(table, rows) in chunks of 1,000 articles."""
    rng = random.Random(seed)
    days = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(DAYS)]
    event_id = 0
    for first in range(0, n_articles, 1000):
        tables: dict[str, list] = {
            k: []
            for k in (
                "articles",
                "actors",
                "mentions",
                "timexes",
                "quotes",
                "events",
                "event_actors",
                "positions",
            )
        }
        for i in range(first, min(first + 1000, n_articles)):
            aid, day = f"syn-{i}", days[rng.randrange(DAYS)]
            codes = rng.sample(CODES, 4)
            text = f"Synthetic article {i}: envoys of {' and '.join(codes)} met on {day}. " * 8
            tables["articles"].append(
                (
                    aid,
                    f"h{i}",
                    f"Synthetic talks {i}",
                    rng.choice(SOURCES),
                    f"https://syn.example/{i}",
                    day,
                    "given",
                    f"syn.jsonl:{i}",
                    text,
                    None,
                    "bench",
                    "2026-01-01T00:00:00",
                    "{}",
                )
            )
            for k, code in enumerate(codes):
                tables["actors"].append((aid, f"a{k}", f"Actor {code}", code, "GOV", None, "state", 2))
                tables["mentions"].extend([(aid, f"a{k}", 10 * k, 10 * k + 3, code)] * 2)
            tables["timexes"].extend((aid, k, 0, 5, "today", "DATE", day) for k in range(4))
            tables["quotes"].extend(
                (
                    aid,
                    k,
                    0,
                    20,
                    "We will talk again.",
                    "direct",
                    "said",
                    f"Actor {codes[k]}",
                    codes[k],
                    f"a{k}",
                    None,
                    None,
                )
                for k in range(2)
            )
            for k in range(5):
                event_id += 1
                etype = rng.choice(TYPES)
                src, tgt = rng.choices(CODES, WEIGHTS, k=2)
                tables["events"].append(
                    (
                        event_id,
                        aid,
                        k,
                        etype,
                        "asserted",
                        day,
                        day,
                        src,
                        tgt,
                        QUADS[etype],
                        0,
                        10,
                        "synthetic evidence",
                    )
                )
                tables["event_actors"].extend([(event_id, "source", src), (event_id, "target", tgt)])
            tables["positions"].append(
                (aid, 0, codes[0], f"Actor {codes[0]}", "demand", codes[1], "talks", None, day, 0, 10)
            )
        yield from tables.items()


INSERTS = {
    "articles": "INSERT INTO articles (id, content_hash, title, source, url, published, date_source, origin, "
    "text, "
    "original_text, pipeline_version, ingested_at, document) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "actors": "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)",
    "mentions": 'INSERT INTO mentions (article_id, actor_id, start, "end", text) VALUES (?,?,?,?,?)',
    "timexes": "INSERT INTO timexes VALUES (?,?,?,?,?,?,?)",
    "quotes": "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, article_id, idx, type, modality, date, day, source_codes, "
    "target_codes, "
    "quad_class, evidence_start, evidence_end, evidence_text, num_mentions) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
    "event_actors": "INSERT INTO event_actors (event_id, side, code) VALUES (?,?,?)",
    "positions": "INSERT INTO positions (article_id, idx, holder, holder_name, kind, addressee, content, "
    'condition_for, date, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?)',
}


def build(path: Path, n_articles: int, *, seed: int = 5) -> Path:
    """A store of `n_articles` synthetic articles with their annotation rows (reused when it has them)."""
    from communique.store import Store

    if path.exists():
        with Store(path) as store:
            if store.stats()["articles"] == n_articles:
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        with store.atomic() as conn:
            for table, rows in _rows(n_articles, seed):
                conn.executemany(INSERTS[table], rows)
            # the rows went in behind Store.write: fill the summaries it keeps as a migration would
            _fill_summaries(conn)
        store.conn.execute("ANALYZE")
    return path


def _fill_summaries(conn) -> None:
    from communique.store import migrations

    [sql] = [sql for name, sql in migrations.MIGRATIONS if name.endswith("_summaries")]
    for statement in migrations._statements(sql):
        if statement.startswith("INSERT INTO summary_"):
            conn.execute(statement)


def time_pages(path: Path, repeat: int = 5) -> list[tuple[str, float, int, int]]:
    """(page, median wall ms, status, bytes) for each page, asked through the app in this process."""
    from fastapi.testclient import TestClient

    from communique.web import create_app

    client = TestClient(create_app(path))
    out = []
    for page in PAGES:
        walls = []
        response = client.get(page)  # warm-up: SQLite's page cache, templates
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(page)
            walls.append((time.perf_counter() - started) * 1000)
        out.append((page, statistics.median(walls), response.status_code, len(response.content)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--db", type=Path, default=Path(__file__).parent / ".data" / "web-large.db")
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.db, args.articles)
    print(
        f"store: {args.articles:,} articles in {args.db} "
        f"({time.perf_counter() - started:.0f}s to build or check)"
    )
    print("| page | median wall ms | status | bytes |\n|---|---|---|---|")
    for page, ms, status, size in time_pages(args.db):
        print(f"| `{page}` | {ms:.0f} | {status} | {size:,} |")


if __name__ == "__main__":
    main()
