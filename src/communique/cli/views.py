"""The table layout of each listing: which columns, and how a row reads in each.

Every row can be traced: events, quotes, positions, timeline and upcoming show the
article id and outlet (under the long text, or in columns of their own with `--wide`).
Actors show as a code and a short name ("RUS Russia"; a group by its own name, "PSE Hamas");
dates given as a week or a month read in words ("weekend of 17-18 May 2025").
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ..display import actor_label, human_date, human_span
from .tables import Col, key, lines

Row = dict[str, Any]


def _side(actors: list[Row] | None, codes: str | None, names: str | None) -> list[str]:
    if actors:
        return [actor_label(a.get("code"), a.get("name")) for a in actors]
    if codes:
        return [actor_label(c) for c in codes.split(",")]
    return [n for n in (names or "").split("; ") if n]


def who(row: Row, source: str = "source", target: str = "target") -> Text:
    """Sources one a line, then targets after an arrow (↔ when the action is mutual)."""
    sources = (
        _side(row.get(f"{source}_actors"), row.get(f"{source}_codes"), row.get(f"{source}_names")) or ["?"]
    )
    targets = _side(row.get(f"{target}_actors"), row.get(f"{target}_codes"), row.get(f"{target}_names"))
    arrow = "↔ " if row.get("mutual") else "→ "
    return Text("\n".join(sources + [arrow + t for t in targets]))


def _ref(row: Row, source_key: str = "article_source") -> str:
    return " · ".join(x for x in (row.get("article_id") or row.get("id"), row.get(source_key)) if x)


def _what(row: Row) -> Text:
    """Type, mode and (when not asserted) modality, one a line: a plan or a denial is never read as a deed."""
    text = Text(row.get("type") or "", style="bold")
    if row.get("mode"):
        text.append("\n" + row["mode"])
    if row.get("modality") and row["modality"] != "asserted":
        text.append("\n" + row["modality"], style="italic yellow")
    return text


def _when(row: Row) -> Text:
    """The event's own date, in words for a week or month; else its article's day, marked as such."""
    if row.get("date"):
        return Text(human_date(row["date"]))
    return Text(f"{row.get('day') or '?'}\n(published)", style="dim")


def _evidence(row: Row, wide: bool, text_key: str = "evidence_text") -> Text:
    return Text(row.get(text_key) or "") if wide else lines(row.get(text_key) or "", _ref(row))


def _trace_columns(wide: bool, source_key: str = "article_source") -> list[Col]:
    if not wide:
        return []
    return [Col("article", key("article_id")), Col("outlet", key(source_key), "label")]


def events(wide: bool) -> list[Col]:
    return [
        Col("when", _when, "words", cap=14),
        Col("what", _what),
        Col("who", who, "label", cap=18),
        Col("evidence", lambda r: _evidence(r, wide), "long"),
        *_trace_columns(wide),
    ]


TIMELINE_CAPTION = (
    "when: the event's own date as the text gives it (a week or month in words); "
    "events without one are left out. "
    "Ordered by that date, newest first (--oldest-first to reverse). "
    "what: PLOVER type, mode, and modality when not asserted. who: doers, then → targets."
)


def quotes(wide: bool) -> list[Col]:
    return [
        Col("published", key("published")),
        Col(
            "speaker",
            lambda r: lines(
                r.get("speaker_name") or "unattributed",
                actor_label(r.get("speaker_country")) if r.get("speaker_country") else None,
            ),
            "label",
            cap=22,
        ),
        Col(
            "quote",
            lambda r: Text(r.get("text") or "") if wide else lines(r.get("text") or "", _ref(r)),
            "long",
        ),
        *_trace_columns(wide),
    ]


def positions(wide: bool) -> list[Col]:
    def content(r: Row) -> Text:
        seen = (
            f"first seen {r['first_seen']}"
            if r.get("first_seen") and r["first_seen"] != r.get("day")
            else None
        )
        cond = f"condition for: {r['condition_for']}" if r.get("condition_for") else None
        if wide:
            return lines(r.get("content") or "", cond, seen, r.get("evidence_text"))
        return lines(r.get("content") or "", cond, seen, _ref(r))

    return [
        Col("day", key("day")),
        Col("holder → of", lambda r: who(_position_sides(r)), "label", cap=20),
        Col("kind", key("kind")),
        Col("content", content, "long"),
        *_trace_columns(wide),
    ]


def _position_sides(r: Row) -> Row:
    name = r.get("holder_name")
    holder = [{"code": c, "name": name if len((r.get("holder") or "").split(",")) == 1 else None}
              for c in (r.get("holder") or "").split(",") if c]
    return {
        "source_actors": holder or ([{"code": None, "name": name}] if name else []),
        "target_actors": [{"code": c, "name": None} for c in (r.get("addressee") or "").split(",") if c],
    }


def upcoming(wide: bool) -> list[Col]:
    def when(r: Row) -> Text:
        ahead = r.get("days_ahead")
        due = "under way" if ahead == 0 else f"in {ahead} day{'s' if ahead != 1 else ''}"
        return lines(human_span(r.get("planned_date"), r.get("planned_until")), due)

    def what(r: Row) -> Text:
        planned = r.get("planned_type")
        text = Text(planned or r.get("type") or "", style="bold")
        mode = r.get("planned_mode") if planned else r.get("mode")
        if mode:
            text.append("\n" + mode)
        if r.get("planned_location"):
            text.append("\nin " + r["planned_location"])
        return text

    return [
        Col("when", when, "words", cap=16),
        Col("what, where", what, "label", cap=18),
        Col("who", who, "label", cap=18),
        Col("evidence", lambda r: _evidence(r, wide), "long"),
        *_trace_columns(wide),
    ]


def articles(wide: bool) -> list[Col]:
    title = (
        (lambda r: Text(r.get("title") or ""))
        if wide
        else (lambda r: lines(r.get("title") or "", r.get("source")))
    )
    return [
        Col("published", key("published")),
        Col("id", key("id")),
        Col("title", title, "long"),
        *([Col("outlet", key("source"), "label")] if wide else []),
        Col("ev/qu/ac", lambda r: f"{r.get('events', 0)}/{r.get('quotes', 0)}/{r.get('actors', 0)}"),
    ]


def actors(wide: bool) -> list[Col]:
    return [
        Col("name", key("name"), "long"),
        Col("code", lambda r: actor_label(r.get("country")) if r.get("country") else "", "label", cap=20),
        Col("sector", key("sector")),
        Col("role", key("role"), "label", cap=18),
        Col("mentions", key("mentions")),
        Col("articles", key("articles")),
    ]


def search(wide: bool) -> list[Col]:
    return [
        Col("published", key("published")),
        Col("id", key("id")),
        Col(
            "title and match",
            lambda r: lines(r.get("title") or "", r.get("snippet"), r.get("source")),
            "long",
        ),
    ]
