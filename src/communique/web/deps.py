"""What a request depends on: a read-only store with a time limit on its queries.

Apart from the app and its routes so that neither imports the other.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator

from fastapi import Request

from ..store import Store

QUERY_TIME_LIMIT = 5.0  # seconds; a runaway query is cut off rather than holding a worker


class QueryTimeout(Exception):
    """A query ran longer than the app's time limit."""


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request, with a time limit on its queries."""
    store = Store(request.app.state.db_path, readonly=True)
    deadline = time.monotonic() + QUERY_TIME_LIMIT
    # sqlite calls this every 10k VM steps; a true value interrupts the running query
    store.conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield store
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout() from None
        raise
    finally:
        store.close()
