"""Linking at ingest: each new report's events join the story they report, or open one.

Called by the store inside the transaction that writes the article (`Store._write`), so a
story never points at an article that is not stored. A story's id is fixed when it opens
(from its first event) and stays while it has reports; re-annotating an article first
unlinks it (`unlink_article`), then links it again. The `stories` row keeps a summary of
its mentions (for pages) and a profile (for matching), both rebuilt from the mentions
whenever they change.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields
from functools import lru_cache
from typing import Any

from . import config
from .matching import Profile, organisations_of, score
from .profile import BACKGROUND, CENTRAL, EventKey, Report, date_shift

REPORT_ROLE, BACKGROUND_ROLE = "report", "background"
COMPARE_LATEST = (
    12  # reports of a story a new event is compared with: a big story costs no more than a small one
)
_ORDER = {CENTRAL: 0, "body": 1, BACKGROUND: 2}


def link_report(conn: sqlite3.Connection, report: Report) -> set[str]:
    """Link every event of `report` (central ones first); return the ids of the stories it touched.

    The stories this report touches are followed in memory while it links (a later event of the
    report meets them as they are now) and written back once at the end."""
    held: dict[
        str, tuple[str, list[dict[str, Any]]]
    ] = {}  # story id -> (family, its report keys), touched here
    touched: set[str] = set()
    leads_seen: dict[str, float] = {}  # similarity of this report's lead to another article's, by its id
    for key in sorted(report.events, key=lambda k: (_ORDER.get(k.role, 1), k.idx)):
        if not (key.sources or key.targets) or not key.day:
            continue  # an event with no coded actor or no day cannot be matched safely
        best, best_score = None, 0.0
        for story_id, profile in _candidates(conn, key):
            if story_id in held:
                profile = profile_of(*held[story_id])
            value = score(key, report, profile, leads_seen)
            if value > best_score:
                best, best_score = story_id, value
        stored = _stored_key(report, key)
        if key.role == BACKGROUND:
            if best is not None:
                _add_mention(conn, best, report, key, stored, BACKGROUND_ROLE, best_score)
                touched.add(best)
            continue
        if best is None:
            best = _open_story(conn, report.article_id, key)
            held[best] = (key.family, [])
        elif best not in held:
            held[best] = _held(conn, best)
        _add_mention(conn, best, report, key, stored, REPORT_ROLE, best_score or None)
        held[best][1].append(stored | {"article_id": report.article_id})
        conn.executemany(
            "INSERT OR IGNORE INTO story_actors (code, story_id) VALUES (?, ?)",
            [(code, best) for code in {*key.sources, *key.targets}],
        )
        touched.add(best)
    for story_id, (family, _) in held.items():
        refresh(conn, story_id, family=family, actors=False)  # their codes went in as they joined
    return touched


def _held(conn: sqlite3.Connection, story_id: str) -> tuple[str, list[dict[str, Any]]]:
    """A stored story's family and report keys, to follow it in memory."""
    family = conn.execute("SELECT family FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    rows = conn.execute(
        "SELECT article_id, key FROM story_mentions WHERE story_id = ? AND role = 'report' ORDER BY rowid",
        (story_id,),
    )
    return family, [json.loads(k) | {"article_id": a} for a, k in rows]


def unlink_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Take an article's events out of their stories (before it is replaced or deleted)."""
    rows = conn.execute("SELECT DISTINCT story_id FROM story_mentions WHERE article_id = ?", (article_id,))
    stories = [r[0] for r in rows]
    conn.execute("DELETE FROM story_mentions WHERE article_id = ?", (article_id,))
    for story_id in stories:
        refresh(conn, story_id)


def relink(conn: sqlite3.Connection, reports: Iterable[Report]) -> int:
    """Rebuild every story from `reports` (in the order given: oldest first gives the stablest ids)."""
    conn.execute("DELETE FROM story_mentions")
    conn.execute("DELETE FROM story_actors")
    conn.execute("DELETE FROM stories")
    n = 0
    for report in reports:
        link_report(conn, report)
        n += 1
    return n


def _candidates(conn: sqlite3.Connection, key: EventKey) -> list[tuple[str, Profile]]:
    """Stories a few days either side of the event's day sharing an actor code (or a member's) and, unless
    the event is the news of its report (which may join across families on close leads), a family."""
    window = config.window_days()
    codes = {*key.sources, *key.targets}
    codes |= organisations_of(codes) | _members_of(codes)
    where = [
        "s.day BETWEEN ? AND ?",
        "EXISTS (SELECT 1 FROM story_actors x WHERE x.story_id = s.id"
        f" AND x.code IN ({','.join('?' * len(codes))}))",
    ]
    params: list[Any] = [date_shift(key.day, -window), date_shift(key.day, window), *sorted(codes)]
    related = " OR ".join("instr(s.families, ?) > 0" for _ in key.families)
    params.extend(f",{f}," for f in key.families)
    # the news of a report may also join, on close leads, the news of another told in another family
    where.append(f"({related} OR s.told_in_lead = 1)" if key.role == CENTRAL else f"({related})")
    rows = conn.execute(
        f"SELECT s.id, s.profile FROM stories s WHERE {' AND '.join(where)} ORDER BY s.id", params
    )
    return [(story_id, _parsed(profile)) for story_id, profile in rows]


@lru_cache(maxsize=50_000)
def _parsed(profile: str) -> Profile:
    """A stored profile read from its JSON; a busy window meets the same stories again and again, and
    a changed story has a new text (callers only read the result)."""
    return json.loads(profile)


def _members_of(codes: set[str]) -> set[str]:
    members = config.members()
    return {m for code in codes for m in members.get(code, ())}


def _open_story(conn: sqlite3.Connection, article_id: str, key: EventKey) -> str:
    """A new story for `key`, its id made from its first event (another suffix if that id is taken)."""
    base = "s" + hashlib.sha1(f"{article_id}:{key.idx}".encode()).hexdigest()[:10]
    story_id, n = base, 1
    while (
        conn.execute(
            "INSERT OR IGNORE INTO stories (id, family, type, day, profile) VALUES (?, ?, ?, ?, '{}')",
            (story_id, key.family, key.type, key.day),
        ).rowcount
        == 0
    ):
        n += 1
        story_id = f"{base}-{n}"
    return story_id


_KEY_FIELDS = tuple(f.name for f in fields(EventKey))


def _stored_key(report: Report, key: EventKey) -> dict[str, Any]:
    """What a mention keeps of its event and report: what linking compared, and what outlets may
    disagree on."""
    stored = {name: getattr(key, name) for name in _KEY_FIELDS}
    return stored | {"outlet": report.outlet, "published": report.published, "lead": report.lead}


def _add_mention(
    conn: sqlite3.Connection,
    story_id: str,
    report: Report,
    key: EventKey,
    stored: dict[str, Any],
    role: str,
    value: float | None,
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO story_mentions (story_id, article_id, idx, role, score, day, key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (story_id, report.article_id, key.idx, role, value, key.day, json.dumps(stored, ensure_ascii=False)),
    )


def refresh(
    conn: sqlite3.Connection, story_id: str, *, family: str | None = None, actors: bool = True
) -> None:
    """Rebuild a story's summary, profile and (with `actors`) actor codes from its mentions; drop it when no
    report is left."""
    rows = conn.execute(
        """SELECT m.article_id, m.key, e.evidence_text FROM story_mentions m
           LEFT JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx
           WHERE m.story_id = ? AND m.role = 'report' ORDER BY m.rowid""",
        (story_id,),
    ).fetchall()
    if not rows:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    keys = [json.loads(r[1]) | {"article_id": r[0], "evidence": r[2]} for r in rows]
    summary = summarize(keys)
    if family is None:
        family = conn.execute("SELECT family FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    profile = profile_of(family, keys)
    conn.execute(
        """UPDATE stories SET type = :type, day = :day, first_day = :first_day, last_day = :last_day,
           first_report = :first_report, last_report = :last_report, num_mentions = :num_mentions,
           num_articles = :num_articles, num_sources = :num_sources, sources = :sources,
           source_codes = :source_codes, target_codes = :target_codes, location = :location,
           evidence = :evidence, families = :families, told_in_lead = :told_in_lead, profile = :profile
           WHERE id = :id""",
        summary
        | {
            "profile": json.dumps(profile, ensure_ascii=False),
            "id": story_id,
            "families": "," + ",".join(profile["families"]) + ",",
        },
    )
    if not actors:
        return
    conn.execute("DELETE FROM story_actors WHERE story_id = ?", (story_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO story_actors (code, story_id) VALUES (?, ?)",
        [(code, story_id) for code in profile["codes"]],
    )


def _most_common(values: Iterable[Any]) -> Any:
    """The value most reports give (ties: the first given)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def summarize(keys: list[dict[str, Any]]) -> dict[str, Any]:
    """The columns of a story row from its report mentions (stored keys, in the order they joined)."""
    days = sorted(k["day"] for k in keys if k.get("day"))
    reports = sorted(k["published"] for k in keys if k.get("published"))
    outlets = sorted({k.get("outlet") or k["article_id"] for k in keys})
    central = [k for k in keys if k.get("role") == CENTRAL] or keys
    sides = _most_common((",".join(k["sources"]), ",".join(k["targets"])) for k in keys) or ("", "")
    return {
        "type": _most_common(k["type"] for k in keys),
        "day": _most_common(k.get("day") for k in keys),
        "first_day": days[0] if days else None,
        "last_day": days[-1] if days else None,
        "first_report": reports[0] if reports else None,
        "last_report": reports[-1] if reports else None,
        "num_mentions": len(keys),
        "num_articles": len({k["article_id"] for k in keys}),
        "num_sources": len(outlets),
        "sources": json.dumps(outlets, ensure_ascii=False),
        "source_codes": sides[0] or None,
        "target_codes": sides[1] or None,
        "location": _most_common(k.get("place") for k in keys),
        "evidence": central[0].get("evidence"),
        "told_in_lead": int(any(k.get("role") == CENTRAL for k in keys)),
    }


def _vouches(key: dict[str, Any]) -> bool:
    """Whether a mention's report lead can speak for the story: it is the lead's event, or an event the
    report tells as having happened (a plan or a denial in the body is not the report's news)."""
    return key.get("role") == CENTRAL or (key.get("facts") or {}).get("modality", "asserted") == "asserted"


def profile_of(family: str, keys: list[dict[str, Any]]) -> Profile:
    """What a new event is compared with: the parties, places and words of the story's latest reports."""
    latest = keys[-COMPARE_LATEST:]
    leads: dict[str, list] = {}
    for k in latest:
        if not _vouches(k):
            continue
        entry = leads.setdefault(
            k["article_id"], [k["article_id"], False, k.get("published"), k.get("lead") or []]
        )
        entry[1] = entry[1] or k.get("role") == CENTRAL  # the article tells the story in its lead
    sources = sorted({c for k in keys for c in k["sources"]})
    targets = sorted({c for k in keys for c in k["targets"]})
    return {
        "family": family,
        # a story told by one outlet as a welcome and by another as a signing is of both families
        "families": sorted({f for k in keys for f in k.get("families") or [k.get("family")]} | {family}),
        "sources": sources,
        "targets": targets,
        "codes": sorted({*sources, *targets}),
        "joint": all(not k["targets"] for k in keys),
        "types": sorted({k["type"] for k in keys}),
        "days": sorted({k["day"] for k in keys if k.get("day")}),
        "names": sorted({n for k in keys for n in k["names"]}),
        "places": sorted(
            {(k.get("place") or "", k.get("place_country") or "") for k in keys if k.get("place")}
        ),
        "leads": list(leads.values()),
        "evidence": [[k["article_id"], k.get("role") == CENTRAL, k["words"]] for k in latest],
    }
