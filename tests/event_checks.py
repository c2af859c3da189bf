"""Small readers of annotated documents shared by the events tests."""

from __future__ import annotations


def codes(refs) -> list[str | None]:
    """The state codes of a side, sorted (order within a side carries no meaning)."""
    return sorted(r.country for r in refs)


def types(doc) -> list[str]:
    """The types of a document's events, in order."""
    return [e.type for e in doc.events]


def find(doc, etype: str):
    """The first event of a type, failing the test with what was found instead when there is none."""
    found = [e for e in doc.events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.trigger) for e in doc.events]}"
    return found[0]
