"""What a user types as a filter, checked and turned into what the store holds.

The CLI, the web view and the Python API read filters through these functions, so
`--since 2025-02-30`, `?type=REQUESTS` and `store.events(type="requests")` meet the
same rules. A value that cannot be read raises `FilterError`: one sentence naming the
filter, what was wrong, and the nearest valid value ("did you mean REQUEST?").
"""

from __future__ import annotations

import re
import sqlite3
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from functools import cache

from .errors import CommuniqueError

MODALITIES = ("asserted", "future", "hypothetical", "negated")
ALL = "all"
POSITION_KINDS = ("demand", "proposal", "offer", "support", "rejection", "condition")


class FilterError(CommuniqueError):
    """A filter value that cannot be read; the message names the filter and a valid value."""

    def __init__(self, name: str, message: str):
        self.name = name.lstrip("-")
        self.detail = message
        super().__init__(f"{name}: {message}")


# ---------------------------------------------------------------------------- days

_ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")  # ASCII digits only
_SLASHED = re.compile(r"^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})$")


def parse_day(value: str | None, name: str = "--since") -> str | None:
    """A calendar day as YYYY-MM-DD, or None for no filter; anything else raises FilterError."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if m := _ISO_DAY.match(text):
        return _checked_day(int(m[1]), int(m[2]), int(m[3]), text, name)
    raise FilterError(name, f"{text!r} is not a day: write YYYY-MM-DD{_day_hint(text)}")


def _checked_day(year: int, month: int, day: int, text: str, name: str) -> str:
    if year < 1:
        raise FilterError(name, f"{text!r}: there is no year 0; write YYYY-MM-DD, e.g. 2025-06-01")
    if not 1 <= month <= 12:
        swapped = f"; did you mean {year:04d}-{day:02d}-{month:02d}?" if 1 <= day <= 12 else ""
        raise FilterError(name, f"{text!r} has no month {month} (YYYY-MM-DD){swapped}")
    last = monthrange(year, month)[1]
    if not 1 <= day <= last:
        nearest = date(year, month, min(max(day, 1), last)).isoformat()
        raise FilterError(
            name, f"{text!r}: {date(year, month, 1):%B %Y} has {last} days; did you mean {nearest}?"
        )
    return date(year, month, day).isoformat()


def _day_hint(text: str) -> str:
    """A suggestion for a day written another way: 01/05/2025 could be 1 May or 5 January."""
    if (m := _SLASHED.match(text)) and int(m[3]) >= 1:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        readings = []
        for day, month in ((a, b), (b, a)):
            if 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]:
                readings.append(date(year, month, day).isoformat())
        if readings:
            return "; did you mean " + " or ".join(dict.fromkeys(readings)) + "?"
    if text.lower() in ("today", "yesterday", "tomorrow", "now"):
        return f", e.g. {date.today().isoformat()} for today"
    return ", e.g. 2025-06-01"


def check_range(
    since: str | None, until: str | None, names: tuple[str, str] = ("--since", "--until")
) -> None:
    if since and until and since > until:
        raise FilterError(names[1], f"{until} is before the first day asked for, {since}")


# ---------------------------------------------------------------------------- codes from the tables


@cache
def event_types() -> dict[str, tuple[str, ...]]:
    """PLOVER types and their modes, from the knowledge table the events annotator codes with."""
    from .knowledge import load_yaml

    types = (load_yaml("plover.yaml") or {}).get("types") or {}
    return {name: tuple((spec or {}).get("modes") or ()) for name, spec in types.items()}


def parse_type(value: str | None, name: str = "--type") -> str | None:
    """A PLOVER type in upper case ("consult" -> CONSULT)."""
    return _choice(value, tuple(event_types()), name, "type", upper=True)


def parse_mode(value: str | None, name: str = "--mode") -> str | None:
    modes = tuple(dict.fromkeys(m for modes in event_types().values() for m in modes))
    return _choice(value, modes, name, "mode")


def parse_kind(value: str | None, name: str = "--kind") -> str | None:
    return _choice(value, POSITION_KINDS, name, "kind of position")


def parse_modality(value: str | None, name: str = "--modality") -> tuple[str, ...] | None:
    """Modalities to keep: "asserted", a comma list ("future,hypothetical") or "all"; None for the default."""
    if value is None or not value.strip():
        return None
    if value.strip().lower() == ALL:
        return MODALITIES
    chosen = [_choice(part, MODALITIES, name, "modality") for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(m for m in chosen if m))


def _choice(
    value: str | None, choices: tuple[str, ...], name: str, what: str, upper: bool = False
) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    key = text.upper() if upper else text.lower()
    if key in choices:
        return key
    hint = suggest(key, choices)
    listing = ", ".join(choices) if len(choices) <= 8 else "see `communique codes`"
    raise FilterError(
        name, f"no {what} {text!r}" + (f"; did you mean {hint}?" if hint else f" (use {listing})")
    )


def suggest(text: str, choices: list[str] | tuple[str, ...], cutoff: float = 70.0) -> str | None:
    """The choice nearest to `text` (a plural, a typo), if one is near enough."""
    from rapidfuzz import fuzz, process

    if not choices:
        return None
    best = process.extractOne(
        text.lower(), [c.lower() for c in choices], scorer=fuzz.WRatio, score_cutoff=cutoff
    )
    return choices[best[2]] if best else None


# ---------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class ActorKey:
    """An actor as the store filters it: a code (every actor of that state or body), or one named actor."""

    code: str | None
    name: str | None = None  # a person or group: only the events where this actor is a side
    label: str = ""


def resolve_actor(
    conn: sqlite3.Connection | None, value: str | None, name: str = "--actor"
) -> ActorKey | None:
    """An actor given by code (RUS), name or alias (Russia, Putin, "Vladimir Putin"), or None for no filter.

    States, international bodies and codes stand for their code; a person or an armed group
    stands for itself. Names are looked up in the knowledge tables, then among the stored actors
    (whole name, then surname); an unknown or ambiguous name raises FilterError with suggestions.
    """
    if value is None or not value.strip():
        return None
    text = " ".join(value.split())
    found = _by_code(conn, text) or _by_knowledge(text) or _by_stored_name(conn, text, name)
    if found:
        return found
    hint = suggest(text, _known_names(conn))
    raise FilterError(
        name, f"no actor {text!r}" + (f"; did you mean {hint}?" if hint else " (see `communique codes`)")
    )


def _by_code(conn: sqlite3.Connection | None, text: str) -> ActorKey | None:
    code = text.upper()
    if not re.fullmatch(r"[A-Z]{2,8}", code) or text != code and len(text) > 4:
        return None  # "Iran" is a name; "iran" or "IRN" may be a code
    known = code in _knowledge_codes()
    if not known and conn is not None:
        known = (
            conn.execute("SELECT 1 FROM event_actors WHERE code = ? LIMIT 1", (code,)).fetchone() is not None
        )
    return ActorKey(code, None, code) if known else None


@cache
def _knowledge_codes() -> frozenset[str]:
    from .annotators.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    return frozenset(e.country for entries in gaz.forms.values() for e in entries if e.country)


@cache
def _gazetteer():
    from .annotators.actors.gazetteer import load_gazetteer

    return load_gazetteer()


def _by_knowledge(text: str) -> ActorKey | None:
    entries = [e for e in _gazetteer().lookup(text) if e.kind != "place"]
    if not entries:
        return None
    entry = entries[0]
    if entry.kind in ("person", "group"):
        return ActorKey(entry.country, entry.name, f"{entry.name} ({entry.country or 'no code'})")
    if not entry.country:
        return None
    return ActorKey(entry.country, None, f"{entry.name} ({entry.country})")


def _by_stored_name(conn: sqlite3.Connection | None, text: str, name: str) -> ActorKey | None:
    """A stored actor's whole name, else a surname ("Lavrov" -> Sergey Lavrov), case-insensitively."""
    if conn is None:
        return None
    rows = conn.execute(
        "SELECT DISTINCT name, country FROM actors"
        " WHERE lower(name) = lower(?) OR lower(name) LIKE ? ESCAPE '\\'",
        (text, "% " + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")),
    ).fetchall()
    exact = [r for r in rows if r[0].lower() == text.lower()]
    matches = exact or rows
    people = {r[0]: r[1] for r in matches}
    if len(people) > 1:
        listed = ", ".join(f"{n} ({c or 'no code'})" for n, c in sorted(people.items())[:5])
        raise FilterError(name, f"{text!r} could be {listed}: give the whole name")
    if not people:
        return None
    (full, code), = people.items()
    return ActorKey(code, full, f"{full} ({code or 'no code'})")


def _known_names(conn: sqlite3.Connection | None) -> list[str]:
    names = [e.name for e in _gazetteer().states.values()]
    if conn is not None:
        names += [
            r[0]
            for r in conn.execute(
                "SELECT name FROM actors GROUP BY name ORDER BY sum(mention_count) DESC LIMIT 2000"
            )
        ]
    return names
