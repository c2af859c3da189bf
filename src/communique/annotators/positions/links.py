"""Where a position was stated: the quote or reported speech that carries its words, and the
event coded from the same words, so a reader can show the three together."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...document import Document, Event, Position

# the event type that reports each kind of stance (as the events layer codes it)
EVENT_TYPES = {
    "demand": ("REQUEST",),
    "condition": ("REQUEST",),
    "request": ("REQUEST",),
    "proposal": ("AGREE", "REQUEST"),
    "offer": ("AGREE",),
    "support": ("SUPPORT", "AGREE"),
    "rejection": ("REJECT",),
}


def link_sources(document: Document, position: Position) -> None:
    """Fill `position.quote`, `.statement` and `.event` with indices into the document's lists."""
    position.quote = _around(document.quotes, position)
    position.statement = _around(document.statements, position)
    position.event = _event(document, position)


def _around(spans: list, position: Position) -> int | None:
    """The span holding the position's content, else the one holding most of it."""
    best: tuple[int, int] | None = None
    for i, span in enumerate(spans):
        overlap = min(span.end, position.end) - max(span.start, position.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, i)
    return best[1] if best else None


def _event(document: Document, position: Position) -> int | None:
    """The event of the stance's type, by its holder, whose evidence shares the position's sentence;
    the one whose evidence overlaps the content most wins."""
    if position.evidence is None:
        return None
    types = EVENT_TYPES.get(position.kind, ())
    holders = set(position.holder) if isinstance(position.holder, list) else {position.holder}
    sentence = (position.evidence.start, position.evidence.end)
    best: tuple[int, int, int] | None = None
    for i, event in enumerate(document.events):
        if event.type not in types or event.modality == "negated" or not holders & _codes(event):
            continue
        spans = [(event.evidence.start, event.evidence.end), *((m.start, m.end) for m in event.mentions)]
        if not any(s < sentence[1] and sentence[0] < e for s, e in spans):
            continue
        overlap = max(min(e, position.end) - max(s, position.start) for s, e in spans)
        rank = (overlap, -types.index(event.type), -i)
        if best is None or rank > best:
            best = rank
    return -best[2] if best else None


def _codes(event: Event) -> set[str | None]:
    return {r.country for r in event.source}
