"""Stories: one real-world event reported by several articles, stored and linked at ingest.

Each stored article's events are matched against the stories of a few days either side of
the event's day: an event joins the story it reports, or opens one (`linking`). Reports
rarely code one event alike, so linking compares families of types (an agreement, its
signing, the truce it starts), sides that share a state, person or organisation member,
places and the event's own day, and weighs the words of each report's headline and lead
most (`matching`, `profile`). A mention that looks back at an older event is kept apart as
background and never joins two events. Queries read the tables (`reading`), and show where
outlets disagree side by side (`disagree`). This package does not import `communique.query`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from ..document import Document
from .disagree import disagreements
from .linking import link_report, refresh, relink, unlink_article
from .profile import EventKey, Report, report_of
from .reading import article_stories, count, stories, story

__all__ = [
    "EventKey",
    "Report",
    "article_stories",
    "count",
    "disagreements",
    "link_report",
    "refresh",
    "relink",
    "relink_store",
    "report_of",
    "stories",
    "story",
    "unlink_article",
]


def stored_reports(conn: sqlite3.Connection) -> Iterator[Report]:
    """The linking profile of every stored article, oldest first, read from its stored Document."""
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY published, id")]
    for article_id in ids:  # one Document in memory at a time
        (document,) = conn.execute("SELECT document FROM articles WHERE id = ?", (article_id,)).fetchone()
        try:
            yield report_of(Document.from_dict(json.loads(document)))
        except (
            ValueError,
            KeyError,
            TypeError,
        ):  # a document this version cannot read: its events stay unlinked
            continue


def relink_store(conn: sqlite3.Connection) -> int:
    """Rebuild every story from the stored articles (after an upgrade, or with new linking rules), in one
    transaction; returns the number of articles linked."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        n = relink(conn, stored_reports(conn))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return n
