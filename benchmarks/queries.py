"""Query latency on a store holding a million synthetic events.

The events are random (types, days, actor codes with a skewed frequency so a
few codes are common, as in real news); they are written straight into the
store's tables in one transaction, which is far faster than annotating. The
database is kept in benchmarks/.data/ and reused by later runs.

Stories: synthetic reports of those events give the events of one type between the same
codes on the same day shared topic words, as reports of one event share words. The real
linker (`communique.stories.link_report`) is timed on the first 20,000 events (the cost
it adds to an ingest; rolled back), and the stories tables are filled in SQL with the
grouping it makes of these reports; the stories pages are timed like the other queries.
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
               evidence_start, evidence_end, num_mentions, evidence_text)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?)""",
            (row[:11] + row[12:] for row in events()),
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, side, code, name) SELECT id, ?, CASE ? WHEN 'source' "
            "THEN source_codes ELSE target_codes END, NULL FROM events WHERE id BETWEEN ? AND ?",
            [
                (side, side, lo, lo + 99_999)
                for lo in range(1, n_events + 1, 100_000)
                for side in ("source", "target")
            ],
        )
    with Store(path) as store:
        store.conn.execute("ANALYZE")
    return path


TOPIC_WORDS = 4  # words an event's reports share
NOISE_WORDS = 12  # words of a report of its own


def _report(article_id: str, published: str, rows: list[tuple], rng: random.Random) -> object:
    """A synthetic report of an article's events (first one in the lead), with topic and noise words."""
    from communique.stories import EventKey, Report
    from communique.stories.config import families_of

    def topic(type_: str, src: str, tgt: str, day: str) -> list[str]:
        return [f"t{hash((type_, src, tgt, day, k)) % 1_000_000}" for k in range(TOPIC_WORDS)]

    def noise() -> list[str]:
        return [f"n{rng.randrange(200_000)}" for _ in range(NOISE_WORDS)]

    keys = []
    for idx, type_, day, src, tgt in rows:
        families = list(families_of(type_))
        keys.append(EventKey(idx=idx, type=type_, family=families[0], families=families,
                             role="central" if idx == 0 else "body", day=day, sources=[src], targets=[tgt],
                             words=sorted({*topic(type_, src, tgt, day), *noise()[:4]}), facts={}))
    lead = sorted({*topic(*rows[0][1:2], rows[0][3], rows[0][4], rows[0][2]), *noise()}) if rows else []
    return Report(article_id=article_id, published=published, outlet=f"outlet-{rng.randrange(40)}", lead=lead,
                  events=keys)


def link_rate(path: Path, n_events: int = 20_000, *, seed: int = 5) -> tuple[int, float]:
    """The real linker's rate on the store's first `n_events` events (rolled back afterwards): the cost
    linking adds to an ingest. Returns (events linked, seconds)."""
    from communique.store import Store
    from communique.stories import link_report

    rng = random.Random(seed)
    with Store(path) as store:
        rows = store.conn.execute(
            """SELECT e.article_id, a.published, e.idx, e.type, e.day, e.source_codes, e.target_codes
               FROM events e JOIN articles a ON a.id = e.article_id
               ORDER BY a.published, e.article_id, e.idx LIMIT ?""",
            (n_events,),
        ).fetchall()
        by_article: dict[str, list[tuple]] = {}
        for article_id, published, *event in rows:
            by_article.setdefault(article_id, []).append((published, *event))
        reports = [_report(a, events[0][0], [e[1:] for e in events], rng) for a, events in by_article.items()]
        store.conn.execute("BEGIN")
        started = time.perf_counter()
        for report in reports:
            link_report(store.conn, report)
        seconds = time.perf_counter() - started
        store.conn.execute("ROLLBACK")
    return len(rows), seconds


def build_stories(path: Path) -> bool:
    """Fill the stories tables once (False when already filled), in SQL: the events of one type between
    the same codes on one day are one story, the grouping the linker makes of these synthetic reports
    (they share their topic words); linking a million events in Python would take the better part of an
    hour, and a page reads the same tables either way."""
    from communique.store import Store
    from communique.stories.config import families_of

    with Store(path) as store, store.atomic() as conn:
        if conn.execute("SELECT 1 FROM stories LIMIT 1").fetchone():
            return False
        conn.execute("CREATE TEMP TABLE fam (type TEXT PRIMARY KEY, family TEXT, families TEXT)")
        conn.executemany("INSERT INTO fam VALUES (?, ?, ?)",
                         [(t, families_of(t)[0], "," + ",".join(families_of(t)) + ",") for t in TYPES])
        conn.execute("""CREATE TEMP TABLE grouped AS
            SELECT e.id AS event_id, e.article_id, e.idx, e.day, a.published,
                   's' || min(e.id) OVER (PARTITION BY e.type, e.source_codes, e.target_codes, e.day)
                       AS story_id
            FROM events e JOIN articles a ON a.id = e.article_id""")
        conn.execute("""INSERT INTO stories (id, family, families, type, day, first_day, last_day,
                first_report, last_report, num_mentions, num_articles, num_sources, sources, source_codes,
                target_codes, evidence, profile)
            SELECT g.story_id, f.family, f.families, e.type, e.day, e.day, e.day, min(g.published),
                   max(g.published), count(*), count(DISTINCT g.article_id), 1, '["synthetic"]',
                   e.source_codes, e.target_codes, e.evidence_text, '{}'
            FROM grouped g JOIN events e ON e.id = g.event_id JOIN fam f ON f.type = e.type
            GROUP BY g.story_id""")
        conn.execute("""INSERT INTO story_mentions (story_id, article_id, idx, role, score, day, key)
            SELECT story_id, article_id, idx, 'report', NULL, day, '{}' FROM grouped""")
        conn.execute("""INSERT OR IGNORE INTO story_actors (code, story_id)
            SELECT source_codes, id FROM stories UNION SELECT target_codes, id FROM stories""")
    with Store(path) as store:
        store.conn.execute("ANALYZE")
    return True


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
    with Store(path) as store:
        linked = store.conn.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is not None
    if not linked:
        n, seconds = link_rate(path)  # on the empty stories tables, as at the start of an ingest
        build_stories(path)
        print(f"the linker: {n:,} synthetic events in {seconds:.1f} s ({n / seconds:,.0f} events/s, "
              f"{1000 * seconds / n:.2f} ms an event)")
    out = []
    with Store(path, readonly=True) as store:
        first_story = store.conn.execute(
            "SELECT id FROM stories WHERE num_articles >= 2 ORDER BY last_report DESC LIMIT 1").fetchone()[0]
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
            "stories (first page: 50 newest reported twice or more)": lambda: store.stories(limit=50),
            "stories --actor RUS (first page)": lambda: store.stories(actor="RUS", limit=50),
            "stories --actor AZE (rare actor, first page)": lambda: store.stories(actor="AZE", limit=50),
            "stories --type ASSAULT --since 2024-01-01 --until 2024-03-31":
                lambda: store.stories(type="ASSAULT", since="2024-01-01", until="2024-03-31", limit=50),
            "stories, page 20 (offset 950)": lambda: store.stories(limit=50, offset=950),
            "one story page": lambda: [store.story(first_story)],
        }
        for name, func in cases.items():
            out.append((name, *latency(func)))
    return out
