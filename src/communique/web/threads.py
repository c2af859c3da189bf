"""The positions page of one actor: each stance it holds as a thread, since when, and how it changed.

`/actors/{key}/positions` (and `.json`, and `/api/actors/{key}/positions`) answers "what does X
demand, and since when?" in one look: one row per thread (the same stance restated across articles),
with the day it was first stated, the day it was last restated, in how many articles and outlets,
whether it softened, hardened or was dropped, and every statement with a link to its sentence.
Registered on the routes' router by importing this module (see app.py); kept apart from the others.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from ..store import Store
from .data import actor_label
from .routes import Key, StoreDep, view

Changed = Annotated[bool, Query(description="Only threads that softened, hardened or were dropped.")]
Kind = Annotated[
    str | None, Query(max_length=40, description="demand, proposal, offer, support or rejection")
]


@view(
    "/actors/{key}/positions",
    "actor_positions.html",
    summary="One actor's positions as threads: each stance since it was first stated, and how it changed",
)
def actor_positions(store: StoreDep, key: Key, kind: Kind = None, changed: Changed = False) -> dict:
    return actor_threads(store, key, kind=(kind or "").strip() or None, changed=changed)


def actor_threads(
    store: Store, key: str, *, kind: str | None = None, changed: bool = False
) -> dict[str, Any]:
    """The threads of the actor `key` (a code), each with its statements in the order they were made."""
    code = key.strip().upper()
    threads = store.position_threads(holder=code, kind=kind, changed=changed, limit=500)
    for thread in threads:
        thread["statements"] = store.thread_statements(thread["id"])
        thread["addressee_label"] = actor_label(thread["addressee"]) if thread["addressee"] else None
    restated = [t for t in threads if t["articles"] > 1]
    return {
        "key": key,
        "code": code,
        "label": actor_label(code),
        "filters": {"kind": kind, "changed": changed},
        "threads": threads,
        "restated": len(restated),
        "since": min((t["first_day"] for t in threads if t["first_day"]), default=None),
    }
