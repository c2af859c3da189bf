"""The data that flows between stages: an Article in, a Document out.

Every annotation points into `Document.text` (the cleaned text) with character
offsets `start`/`end`. Annotations are plain dataclasses: no spaCy object
survives annotation, so Documents pickle, serialize and cross process borders.
The JSON form (`Document.to_dict`) is a superset of the prediction format of
the evaluation (`../shared/eval/README.md`).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import MISSING, dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Article:
    """One news article as read, before cleaning."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD, or None when unknown
    date_source: str | None = None  # where `published` came from: given, metadata, url, dateline
    origin: str | None = None  # file (and line) the article was read from
    notes: list[str] = field(default_factory=list)  # what reading and admitting it repaired or set aside


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Timex:
    """A TIMEX3 temporal expression."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    anchor: str | None = None  # what the value was resolved against (publication date, earlier timex)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A person, organisation or state acting or acted upon, with every mention."""

    id: str  # unique within the document, e.g. "a3"
    name: str
    country: str | None = None  # ISO alpha-3 or an IGO code
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, MED, BUS, IGO, NGO, JUD, LEG
    role: str | None = None
    # person, state, location, institution, seat, igo, group, media, ngo, coalition, organisation
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def ref(self) -> ActorRef:
        return ActorRef(name=self.name, country=self.country, sector=self.sector, actor_id=self.id)


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears on one side of an event or behind a quote."""

    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: ActorRef | None = None
    kind: str = "direct"  # direct, partial
    verb: str | None = None
    about: ActorRef | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(slots=True)
class Statement:
    """Reported (indirect) speech: "X said that ..."."""

    speaker: ActorRef | None
    content: str
    start: int
    end: int
    verb: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Planned:
    """What an event says is still to come: its day (a TIMEX3 date value), its place, and the planned
    action itself as PLOVER type and mode (talks are CONSULT, a signing AGREE, a release RETREAT
    `release`), which differs from the event's own type when the record is the promise of it (AGREE)."""

    date: str | None = None
    location: Location | None = None
    type: str | None = None
    mode: str | None = None


@dataclass(slots=True)
class Event:
    """One coded action (PLOVER 2.0), with the words that prove it."""

    type: str
    source: list[ActorRef]
    target: list[ActorRef]
    evidence: Evidence
    mode: str | None = None
    modality: str = "asserted"  # asserted, future, hypothetical, negated
    date: str | None = None
    location: Location | None = None
    planned: Planned | None = None
    mutual: bool = False
    trigger: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    mentions: list[Evidence] = field(default_factory=list)
    # the rules that made this record, "stage.rule_name", in the order they fired (`extract --explain`)
    trace: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Position:
    holder: str | list[str] | None  # actor code; a list for a compound holder ("China and the US offered")
    kind: str  # demand, proposal, offer, support, rejection, condition
    content: str
    start: int
    end: int
    addressee: str | list[str] | None = None
    condition_for: str | None = None
    date: str | None = None
    holder_name: str | None = None
    evidence: Evidence | None = None
    # the statement it comes from, as indices into the Document's lists: the quote or reported
    # speech that carries the words, and the event (REQUEST, AGREE, REJECT ...) coded from them
    quote: int | None = None
    statement: int | None = None
    event: int | None = None


class _MentionIndex:
    """Actor mentions sorted by start, to find those overlapping a span without scanning them all."""

    def __init__(self, actors: list[Actor], key: tuple[int, int]):
        self.key = key
        # (start, order, end, actor): `order` keeps the first of equally long mentions, as a scan would
        rows = sorted(
            (m.start, order, m.end, actor)
            for order, (actor, m) in enumerate((a, m) for a in actors for m in a.mentions)
        )
        self.starts = [r[0] for r in rows]
        self.rows = rows
        self.longest = max((r[2] - r[0] for r in rows), default=0)

    def at(self, start: int, end: int) -> Actor | None:
        # a mention overlapping [start, end) starts before `end` and no earlier than start - longest
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        best: tuple[int, int, Actor] | None = None  # (-size, order, actor)
        for m_start, order, m_end, actor in self.rows[lo:hi]:
            if m_end > start and m_start < end:
                candidate = (m_start - m_end, order, actor)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        return best[2] if best else None


@dataclass(slots=True)
class Document:
    """An article with its cleaned text and every annotation layer."""

    article: Article
    text: str  # the cleaned text every offset points into
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "no publication date: relative dates unresolved"
    _mention_index: _MentionIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.article.id

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention inside or around [start, end): the longest such mention wins.

        The actors layer also records resolved pronouns and titles ("he", "the ministry")
        as mentions, so later annotators get coreference by looking up offsets here.
        Looked up in an index of mentions by position (rebuilt when actors or mentions
        change): annotators ask this for every token they consider, and a scan of every
        mention each time made long articles quadratic.
        """
        key = (len(self.actors), sum(len(a.mentions) for a in self.actors))
        if self._mention_index is None or self._mention_index.key != key:
            self._mention_index = _MentionIndex(self.actors, key)
        return self._mention_index.at(start, end)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {
            "id": a.id,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published": a.published,
            "date_source": a.date_source,
            "text": self.text,
            "original_text": a.text if a.text != self.text else None,
        }
        for name in ("sentences", "timexes", "actors", "quotes", "statements", "events", "positions"):
            out[name] = [_plain(item) for item in getattr(self, name)]
        for event in out["events"]:
            # the scorer reads sides as codes or actor objects; evidence as text
            event["evidence_span"] = {"start": event["evidence"]["start"], "end": event["evidence"]["end"]}
            event["evidence"] = event["evidence"]["text"]
        out["notes"] = list(self.notes)
        return out

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        text = data["text"]
        article = Article(
            id=str(data["id"]),
            text=data.get("original_text") or text,
            title=data.get("title"),
            source=data.get("source"),
            url=data.get("url"),
            published=data.get("published"),
            date_source=data.get("date_source"),
        )
        events = []
        for e in data.get("events", []):
            span = e.get("evidence_span") or {}
            events.append(
                Event(
                    type=e["type"],
                    source=[ActorRef(**r) for r in e.get("source") or []],
                    target=[ActorRef(**r) for r in e.get("target") or []],
                    evidence=Evidence(span.get("start", 0), span.get("end", 0), e.get("evidence") or ""),
                    mode=e.get("mode"),
                    modality=e.get("modality", "asserted"),
                    date=e.get("date"),
                    location=Location(**e["location"]) if e.get("location") else None,
                    planned=_planned(e.get("planned")),
                    mutual=e.get("mutual", False),
                    trigger=e.get("trigger"),
                    cameo=e.get("cameo"),
                    quad_class=e.get("quad_class"),
                    goldstein=e.get("goldstein"),
                    mentions=[Evidence(**m) for m in e.get("mentions") or []],
                    trace=list(e.get("trace") or []),
                )
            )
        return cls(
            article=article,
            text=text,
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            timexes=[_build(Timex, t) for t in data.get("timexes", [])],
            actors=[
                _build(Actor, {**a, "mentions": [Mention(**m) for m in a.get("mentions") or []]})
                for a in data.get("actors", [])
            ],
            quotes=[
                _build(Quote, {**q, "speaker": _ref(q.get("speaker")), "about": _ref(q.get("about"))})
                for q in data.get("quotes", [])
            ],
            statements=[
                _build(Statement, {**s, "speaker": _ref(s.get("speaker"))})
                for s in data.get("statements", [])
            ],
            events=events,
            positions=[
                _build(Position, {**p, "evidence": Evidence(**p["evidence"]) if p.get("evidence") else None})
                for p in data.get("positions", [])
            ],
            notes=list(data.get("notes") or []),
        )


def _build(cls: type, data: dict[str, Any]) -> Any:
    values = {k: v for k, v in data.items() if k in {f.name for f in fields(cls)}}
    for f in fields(cls):
        # to_dict prunes None values, so a required field may be absent: it was None
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING:
            values[f.name] = None
    return cls(**values)


def _ref(data: dict[str, Any] | None) -> ActorRef | None:
    return _build(ActorRef, data) if data else None


def _planned(data: dict[str, Any] | None) -> Planned | None:
    if not data:
        return None
    loc = data.get("location")
    # (JSON written before the planned action was recorded has no type or mode: they stay None)
    return Planned(
        date=data.get("date"),
        location=Location(**loc) if loc else None,
        type=data.get("type"),
        mode=data.get("mode"),
    )


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


_SCALARS = frozenset({str, int, float, bool})


def _plain(value: Any) -> Any:
    """dataclasses.asdict plus dropping None values, in one pass: asdict deep-copies every value, which made
    serialization a tenth of the annotation time (benchmarks/stages.py)."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and hasattr(cls, "__dataclass_fields__"):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    if names is not None:
        out = {}
        for name in names:
            item = getattr(value, name)
            if item is not None:
                out[name] = item if type(item) in _SCALARS else _plain(item)
        return out
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    return value
