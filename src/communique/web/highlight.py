"""The article reader's text: cleaned text cut into segments, each tagged with the records over it.

Annotations overlap (a date inside a quote inside an event's evidence), so the text
is cut at every span boundary and each piece lists every layer and record covering
it. Templates render the pieces as flat `<span>`s (no nesting to balance) and the
side panel links a record to its pieces by id. Text stays plain here: escaping is
the template's job (Jinja autoescape), so no HTML is built in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document

LAYERS = ("timex", "actor", "quote", "statement", "event", "position")


@dataclass
class Record:
    """One annotation as listed in the side panel."""

    id: str  # anchor id, unique within the page: t0, a-a3, q1, e2, p0, s4
    layer: str
    label: str  # the short line shown in the panel
    detail: str  # the second line: values, codes, text
    spans: list[tuple[int, int]]
    badge: str | None = None  # shown before the first span in the text (a quote's speaker)
    links: list[str] = field(default_factory=list)  # records shown with it (a position's quote and event)


@dataclass
class Segment:
    text: str
    layers: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # records whose first span starts here
    badges: list[tuple[str, str]] = field(default_factory=list)  # (record id, badge text) before this piece

    @property
    def css(self) -> str:
        return " ".join(f"l-{layer}" for layer in self.layers)


def _who(ref: Any) -> str:
    if ref is None:
        return "unknown speaker"
    return f"{ref.name} ({ref.country})" if ref.country else ref.name


def _sides(refs: list[Any]) -> str:
    return " + ".join(r.country or r.name for r in refs) or "?"


def records(doc: Document) -> list[Record]:
    """Every annotation of `doc` as a side-panel record, in layer order."""
    out: list[Record] = []
    for i, t in enumerate(doc.timexes):
        out.append(Record(f"t{i}", "timex", t.text, f"{t.type} {t.value or '?'}", [(t.start, t.end)]))
    for a in doc.actors:
        count = f"{len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}"
        detail = " · ".join(x for x in (a.country, a.sector, a.role, count) if x)
        out.append(Record(f"a-{a.id}", "actor", a.name, detail, [(m.start, m.end) for m in a.mentions]))
    for i, q in enumerate(doc.quotes):
        who = _who(q.speaker)
        out.append(
            Record(
                f"q{i}", "quote", who, q.text, [(q.start, q.end)], badge=q.speaker.name if q.speaker else "?"
            )
        )
    for i, s in enumerate(doc.statements):
        out.append(Record(f"s{i}", "statement", _who(s.speaker), s.content, [(s.start, s.end)]))
    for i, e in enumerate(doc.events):
        if e.target:
            who = f"{_sides(e.source)} {'↔' if e.mutual else '→'} {_sides(e.target)}"
        else:  # a joint action ("Russia and Ukraine agreed") or an actor acting alone
            who = _sides(e.source) + (" jointly" if e.mutual or len(e.source) > 1 else "")
        label = f"{e.type}{'/' + e.mode if e.mode else ''}: {who}"
        detail = " · ".join(x for x in (e.modality, e.date, e.evidence.text) if x)
        out.append(Record(f"e{i}", "event", label, detail, [(e.evidence.start, e.evidence.end)]))
    for i, p in enumerate(doc.positions):
        holder = ",".join(p.holder) if isinstance(p.holder, list) else p.holder  # a compound holder is a list
        addressee = ",".join(p.addressee) if isinstance(p.addressee, list) else p.addressee
        label = f"{holder or p.holder_name or '?'} {p.kind}" + (f" → {addressee}" if addressee else "")
        detail = p.content + (f" (for {p.condition_for})" if p.condition_for else "")
        sources = (("q", p.quote), ("s", p.statement), ("e", p.event))
        links = [f"{prefix}{n}" for prefix, n in sources if n is not None]
        out.append(Record(f"p{i}", "position", label, detail, [(p.start, p.end)], links=links))
    return out


def segments(text: str, recs: list[Record]) -> list[Segment]:
    """Cut `text` at every span boundary; spans outside the text or empty are ignored."""
    n = len(text)
    opens: dict[int, list[Record]] = {}
    closes: dict[int, list[Record]] = {}
    firsts: dict[str, int] = {}
    for rec in recs:
        for start, end in rec.spans:
            if 0 <= start < end <= n:
                opens.setdefault(start, []).append(rec)
                closes.setdefault(end, []).append(rec)
                firsts[rec.id] = min(firsts.get(rec.id, n), start)
    cuts = sorted({0, n, *opens, *closes})
    active: dict[str, int] = {}  # record id -> how many of its spans cover the position
    by_id = {rec.id: rec for rec in recs}
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        for rec in closes.get(left, []):
            active[rec.id] -= 1
            if not active[rec.id]:
                del active[rec.id]
        for rec in opens.get(left, []):
            active[rec.id] = active.get(rec.id, 0) + 1
        live = [by_id[r] for r in active]
        layers = [layer for layer in LAYERS if any(r.layer == layer for r in live)]
        starting = [r.id for r in live if firsts.get(r.id) == left]
        badges = [(by_id[r].id, by_id[r].badge) for r in starting if by_id[r].badge]
        out.append(Segment(text[left:right], layers, [r.id for r in live], starting, badges))
    return out
