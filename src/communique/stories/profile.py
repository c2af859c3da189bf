"""What linking needs to know about a report and each of its events, read from a Document.

Runs where the Document is made (a spaCy or Dask worker, through `store.to_record`), so the
single writer only compares and inserts. Everything here is plain data that pickles.

A report's central event is told in its headline and lead; an event dated well before the
report, or told in a clause that looks back ("since the talks in May"), is background: it
refers to an older event and never opens or joins a story as a report of it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from ..document import Document, Event, Timex
from ..knowledge import load_csv
from ..periods import first_day, last_day
from . import config
from .facts import counts_in
from .words import content_words, tokens

CENTRAL, BODY, BACKGROUND = "central", "body", "background"
_DROPPED_KINDS = frozenset({"state", "seat", "media"})  # compared as actor codes, or the outlet itself
_TITLE_TAG = re.compile(r"^\s*\[[^\]]*\]\s*")  # "[VIDEO] ...", "[UPDATE] ...": a label, not the story's words


@dataclass(slots=True)
class EventKey:
    """One event as linking compares it."""

    idx: int
    type: str
    family: str  # its own family; `families` are all it can belong to (see config.families_of)
    role: str  # central, body or background
    day: str | None  # the day the event happened, as well as the report tells it
    sources: list[str] = field(default_factory=list)  # actor codes
    targets: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the actors' names, lower-cased
    place: str | None = None
    place_country: str | None = None
    words: list[str] = field(default_factory=list)  # content words of the event's own sentence
    facts: dict[str, Any] = field(default_factory=dict)  # what outlets may disagree on (see facts.py)
    families: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Report:
    """One article as linking sees it: its day, its outlet, its lead's words and its events."""

    article_id: str
    published: str | None
    outlet: str | None
    lead: list[str] = field(default_factory=list)  # content words of the headline and the lead
    events: list[EventKey] = field(default_factory=list)


def report_of(doc: Document) -> Report:
    """The linking profile of an annotated article."""
    a = doc.article
    drop = _names_to_drop(doc)
    spans = _sentences(doc)
    lead_end = _lead_end(doc.text, spans)
    title = _TITLE_TAG.sub("", a.title or "")
    lead = content_words(f"{title}\n{doc.text[:lead_end]}", drop)
    events = [_key(doc, i, e, spans, lead_end, drop) for i, e in enumerate(doc.events)]
    return Report(article_id=a.id, published=a.published, outlet=a.source, lead=sorted(lead), events=events)


def _key(
    doc: Document, idx: int, e: Event, spans: list[tuple[int, int]], lead_end: int, drop: set[str]
) -> EventKey:
    central = e.evidence.start < lead_end
    sentence = _sentence_of(spans, e.evidence.start, e.evidence.end)
    day = _event_day(doc, e, sentence, central)
    families = config.families_of(e.type, e.mode)
    said = _date_said(doc, e, sentence)
    facts = {
        "modality": e.modality,
        "planned": bool(e.planned and e.planned.date),
        "date": e.date if said else None,  # only a date the report gives for this event in its sentence
        "to_the_day": bool(e.date and len(e.date) >= 10 and e.date[:10] == first_day(e.date)),
        "date_words": said.text if said else None,
        "counts": counts_in(doc.text[sentence[0] : sentence[1]]),
    }
    role = _role(e, day, doc.article.published, central)
    return EventKey(
        idx=idx,
        type=e.type,
        family=families[0],
        families=list(families),
        role=role,
        day=day,
        sources=sorted({r.country for r in e.source if r.country}),
        targets=sorted({r.country for r in e.target if r.country}),
        names=sorted({r.name.lower() for r in (*e.source, *e.target) if r.name}),
        place=e.location.name if e.location else None,
        place_country=e.location.country if e.location else None,
        words=sorted(content_words(e.evidence.text, drop)),
        facts=facts,
    )


def _role(e: Event, day: str | None, published: str | None, central: bool) -> str:
    """Background when the event ended well before the report, or (outside the lead) its clause looks back."""
    if published and (e.date or day):
        ended = last_day(e.date) if e.date and not central else day
        if ended and days_between(ended, published) > config.window_days():
            return BACKGROUND
    if not central and _looks_back(e.evidence.text):
        return BACKGROUND
    return CENTRAL if central else BODY


def _looks_back(text: str) -> bool:
    words = " " + " ".join(tokens(text)) + " "
    return any(f" {cue} " in words for cue in config.background_cues())


def _event_day(doc: Document, e: Event, sentence: tuple[int, int], central: bool) -> str | None:
    """The event's day: its own date, except that a lead event whose date no time expression of its own
    sentence gives, and which is far from the report's day, is news of the report's day (its date was
    inherited from another sentence)."""
    if e.planned and e.planned.date:  # a plan happens on its planned day
        return first_day(e.planned.date) or doc.article.published
    day = first_day(e.date)
    published = doc.article.published
    if not central or not published:
        return day or published
    if _date_said(doc, e, sentence):
        return day
    if day is None or abs(days_between(day, published)) > config.window_days():
        return published
    return day


def _date_said(doc: Document, e: Event, sentence: tuple[int, int]) -> Timex | None:
    """The time expression of the event's own sentence that gives its date, if any (else the date was
    inherited from another sentence, or guessed)."""
    if not e.date:
        return None
    return next((t for t in doc.timexes if sentence[0] <= t.start < sentence[1] and t.value == e.date), None)


def days_between(earlier: str, later: str) -> int:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0


@cache
def _state_words() -> frozenset[str]:
    """Every state's one-word names and adjectives ("China", "PRC", "Chinese", "Afghans"); words of longer
    names ("Republic", "United") are common words too, and capitals stay: events happen in them."""
    words: set[str] = set()
    for row in load_csv("actors/states.csv"):
        for column in ("name", "aliases", "adjectives"):
            for name in (row.get(column) or "").split("|"):
                parts = tokens(name)
                if len(parts) == 1:
                    words.add(parts[0])
    return frozenset(words)


def _names_to_drop(doc: Document) -> set[str]:
    """Words naming states (and the outlets) of the report: compared as codes, not as words."""
    drop: set[str] = set(_state_words())
    for actor in doc.actors:
        if actor.kind in _DROPPED_KINDS:
            drop.update(tokens(actor.name))
            for m in actor.mentions:
                drop.update(tokens(m.text))
    if doc.article.source:
        drop.update(tokens(doc.article.source))
    return drop


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'‘(])|\n+")


def _sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentence spans of the text (the parser's, else a plain split on full stops and line breaks)."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    spans, start = [], 0
    for m in _SENTENCE_BREAK.finditer(doc.text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(doc.text)))
    return [s for s in spans if s[1] > s[0]]


def _lead_end(text: str, spans: list[tuple[int, int]]) -> int:
    """Where the lead ends: after its first sentences of some length (short lines like credits are read
    through)."""
    wanted, min_words = config.lead_shape()
    seen = 0
    for start, end in spans:
        if len(tokens(text[start:end])) >= min_words:
            seen += 1
        if seen >= wanted:
            return end
    return spans[-1][1] if spans else len(text)


def _sentence_of(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= start < e or (start <= s < end):
            return s, max(e, end)
    return start, end


def date_shift(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
