"""Small readers of annotated documents shared by the actors tests."""

from __future__ import annotations


def actor_named(doc, name):
    """The document's actor of that name, or None."""
    return next((a for a in doc.actors if a.name == name), None)


def actor_for(doc, surface, occurrence=0):
    """The actor `document.actor_at` gives for the n-th occurrence of `surface` in the text."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    return doc.actor_at(start, start + len(surface))
