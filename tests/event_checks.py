"""Small readers of annotated documents shared by the events tests."""

from __future__ import annotations


def codes(refs) -> list[str | None]:
    """The state codes of a side, sorted (order within a side carries no meaning)."""
    return sorted(r.country for r in refs)


def types(doc) -> list[str]:
    """The types of a document's events, in order."""
    return [e.type for e in doc.events]
