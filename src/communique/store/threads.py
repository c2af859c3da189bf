"""Position threads: the same stance of the same holder, restated across articles and days.

A thread gathers the positions of one holder whose contents say the same thing (their content
words overlap, as the positions annotator judges a restatement within one article) and whose
addressees agree. It answers "since when": the day it was first stated, the day it was last
restated, in how many articles and outlets, and whether it changed since it was first stated:

- hardened: a proposal or offer restated as a demand, or a condition attached to it;
- softened: a demand restated as a proposal or offer, or a condition dropped from it;
- dropped: the holder's latest word on it is a rejection (it turned down what it had asked for).

Threads are written at ingest in the article's own transaction (`update`, called by
`Store._write`). A deleted or re-annotated article's members leave through the foreign keys;
a trigger marks their threads stale and `refresh` recomputes (or removes) them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ..periods import first_day

# kinds whose restatements can be one thread: asking (demand ... offer), support, rejection
FAMILIES = {
    "demand": "ask",
    "condition": "ask",
    "request": "ask",
    "proposal": "ask",
    "offer": "ask",
    "support": "support",
    "rejection": "rejection",
}
# how hard an ask is: a demand asks more than a proposal or an offer
STRENGTH = {"offer": 1, "proposal": 1, "demand": 2, "condition": 2, "request": 2}
CANDIDATES = 500  # a new position is compared with the holder's most recently restated threads
STOP = frozenset({"the", "and", "for", "its", "their", "with", "from", "that", "this", "all", "any"})
MEASURES = frozenset({"day", "week", "month", "year", "hour"})


def content_words(text: str) -> frozenset[str]:
    """Content words with crude stems; numbers and units of time left out ("a 30-day truce" and
    "a truce for 30 days" are the same truce, "talks for 30 days" is not a truce)."""
    out = set()
    for raw in text.lower().replace("-", " ").split():
        word = "".join(ch for ch in raw if ch.isalnum())
        if len(word) < 3 or word in STOP or word.isdigit():
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                word = word[: -len(suffix)]
                break
        if word not in MEASURES:
            out.add(word)
    return frozenset(out)


def restates(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """How well two contents match (0: not the same stance), by shared words against the shorter."""
    shorter = min(len(mine), len(theirs))
    shared = len(mine & theirs)
    if not shorter or shared * 2 < shorter + (1 if shorter > 2 else 0):
        return 0.0
    return shared / max(len(mine), len(theirs))


# ---------------------------------------------------------------------- writing


def update(conn: sqlite3.Connection, article_id: str) -> None:
    """Put every position of a freshly written article into a thread, then recompute the threads
    it touched (and any left stale by a deletion)."""
    rows = conn.execute(
        """SELECT idx, holder, holder_name, kind, addressee, content FROM positions
           WHERE article_id = ? ORDER BY idx""",
        (article_id,),
    ).fetchall()
    for row in rows:
        _assign(conn, article_id, row)
    refresh(conn)


def _assign(conn: sqlite3.Connection, article_id: str, row: Sequence[Any]) -> None:
    idx, holder, holder_name, kind, addressee, content = row  # the columns `update` selects, in its order
    family = FAMILIES.get(kind)
    words = content_words(content or "")
    if not holder or family is None or not words:
        return
    thread_id = _matching_thread(conn, holder, family, addressee, words)
    if thread_id is None:
        thread_id = conn.execute(
            """INSERT INTO position_threads (holder, holder_name, family, kind, content, latest_kind,
               latest_content, words, statements, articles, sources, stale)
               VALUES (?,?,?,?,?,?,?,?,0,0,0,1)""",
            (holder, holder_name, family, kind, content, kind, content, " ".join(sorted(words))),
        ).lastrowid
    conn.execute(
        "INSERT OR REPLACE INTO thread_positions (thread_id, article_id, idx) VALUES (?,?,?)",
        (thread_id, article_id, idx),
    )
    conn.execute("UPDATE position_threads SET stale = 1 WHERE id = ?", (thread_id,))


def _matching_thread(
    conn: sqlite3.Connection, holder: str, family: str, addressee: str | None, words: frozenset[str]
) -> int | None:
    """The holder's thread this content restates: same family (or a rejection of what it asked:
    the ask dropped), addressees that do not differ, the best content match."""
    families = ("ask", "rejection") if family == "rejection" else (family,)
    rows = conn.execute(
        f"""SELECT id, addressee, words FROM position_threads
            WHERE holder = ? AND family IN ({",".join("?" * len(families))})
            ORDER BY last_day DESC LIMIT ?""",
        (holder, *families, CANDIDATES),
    ).fetchall()
    best: tuple[float, int] | None = None
    for thread_id, their_addressee, their_words in rows:
        if addressee and their_addressee and addressee != their_addressee:
            continue
        score = restates(words, frozenset((their_words or "").split()))
        if score and (best is None or score > best[0]):
            best = (score, thread_id)
    return best[1] if best else None


def refresh(conn: sqlite3.Connection) -> None:
    """Recompute every stale thread from its members; a thread left with none is removed."""
    for (thread_id,) in conn.execute("SELECT id FROM position_threads WHERE stale = 1").fetchall():
        cursor = conn.execute(
            """SELECT p.kind, p.content, p.condition_for, p.addressee, p.article_id, p.idx,
                      coalesce(p.date, a.published) AS stated, a.published, a.source
               FROM thread_positions m
               JOIN positions p ON p.article_id = m.article_id AND p.idx = m.idx
               JOIN articles a ON a.id = p.article_id
               WHERE m.thread_id = ?""",
            (thread_id,),
        )
        columns = [c[0] for c in cursor.description]
        members = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        if not members:
            conn.execute("DELETE FROM position_threads WHERE id = ?", (thread_id,))
            continue
        conn.execute(
            """UPDATE position_threads SET kind = :kind, content = :content, addressee = :addressee,
               first_day = :first_day, first_article = :first_article, last_day = :last_day,
               last_article = :last_article, latest_kind = :latest_kind, latest_content = :latest_content,
               statements = :statements, articles = :articles, sources = :sources, change = :change,
               words = :words, stale = 0 WHERE id = :id""",
            {**_summary(members), "id": thread_id},
        )


Member = dict[str, Any]  # a position of a thread: kind, content, condition_for, addressee, article_id, idx,
# stated (its own day, else its article's), published and source (of its article)


def _summary(members: Iterable[Member]) -> dict[str, Any]:
    ordered = sorted(
        members,
        key=lambda m: (
            first_day(m["stated"]) or first_day(m["published"]) or "",
            m["published"] or "",
            m["article_id"],
            m["idx"],
        ),
    )
    first, last = ordered[0], ordered[-1]
    return {
        "kind": first["kind"],
        "content": first["content"],
        "addressee": next((m["addressee"] for m in ordered if m["addressee"]), None),
        "first_day": first_day(first["stated"]) or first["published"],
        "first_article": first["article_id"],
        "last_day": first_day(last["stated"]) or last["published"],
        "last_article": last["article_id"],
        "latest_kind": last["kind"],
        "latest_content": last["content"],
        "statements": len(ordered),
        "articles": len({m["article_id"] for m in ordered}),
        "sources": len({m["source"] or m["article_id"] for m in ordered}),
        "change": change(ordered),
        "words": " ".join(sorted(content_words(first["content"] or ""))),
    }


def change(ordered: Sequence[Member]) -> str | None:
    """How the stance moved from its first statement to its latest (kind, content, condition_for)."""
    first, last = ordered[0], ordered[-1]
    if len(ordered) < 2:
        return None
    if FAMILIES.get(first["kind"]) == "ask" and last["kind"] == "rejection":
        return "dropped"
    before, after = STRENGTH.get(first["kind"]), STRENGTH.get(last["kind"])
    if before and after and after != before:
        return "hardened" if after > before else "softened"
    if before and after and bool(first["condition_for"]) != bool(last["condition_for"]):
        return "hardened" if last["condition_for"] else "softened"
    return None


def backfill(conn: sqlite3.Connection) -> None:
    """Thread the positions of a database made before threads existed (once, after the migration)."""
    if conn.execute("SELECT 1 FROM position_threads LIMIT 1").fetchone() is not None:
        return
    articles = conn.execute(
        """SELECT DISTINCT p.article_id FROM positions p JOIN articles a ON a.id = p.article_id
           ORDER BY a.published, p.article_id"""
    ).fetchall()
    if not articles:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (article_id,) in articles:
            update(conn, article_id)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
