"""How values read for a person: dates in words, actors with a short name beside their code.

Tables, the terminal reader and the web pages show these; JSON, CSV and exports keep the
stored values (TIMEX3 dates such as "2025-W20-WE", bare codes).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from .periods import first_day, last_day

SHORT_NAME = 16  # longer state names give way to a short alias ("DR Congo")

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}


def _day(d: date, year: bool = True) -> str:
    return f"{d.day} {d:%B}" + (f" {d.year}" if year else "")


def human_span(first: str | None, last: str | None) -> str:
    """Two days as words: "9-15 June 2025", "30 June - 6 July 2025", or one day as it is."""
    if not first:
        return ""
    if not last or last == first:
        return first
    a, b = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    if a.day == 1 and b == _month_end(a):
        return f"{a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {b:%B %Y}"
    return f"{_day(a, year=a.year != b.year)} - {_day(b)}"


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def human_date(value: str | None) -> str:
    """A TIMEX3 date value in words for tables and pages; a plain day stays YYYY-MM-DD.

    "2025-W20" -> "week of 12-18 May 2025", "2025-W20-WE" -> "weekend of 17-18 May 2025",
    "2025-06" -> "June 2025", "2025-Q2" -> "Q2 2025", "2025-SU" -> "summer 2025".
    """
    if not value:
        return ""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})?(MO|AF|EV|NI|MI)?.*", text):
        return f"{m[1]} {m[2] or _PARTS.get(m[3] or '', '')}".strip()
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", text):
        saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return "weekend of " + human_span(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat())
    if re.fullmatch(r"\d{4}-W\d{2}", text):
        return "week of " + human_span(first_day(text), last_day(text))
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return human_span(first_day(text), last_day(text))
    if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", text):
        return f"{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", text):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if m := re.fullmatch(r"(\d{3})X", text):
        return f"the {m[1]}0s"
    return _REFS.get(text, text)


# ---------------------------------------------------------------------------- actors


@cache
def _states() -> dict[str, str]:
    """State code -> its everyday name, or a short alias when that name is long."""
    from .knowledge import load_csv

    names = {}
    for row in load_csv("actors/states.csv"):
        name = row["name"]
        if len(name) > SHORT_NAME:
            short = [
                a
                for a in (row.get("aliases") or "").split("|")
                if 3 < len(a) <= SHORT_NAME and not a.isupper()
            ]
            name = short[0] if short else name
        names[row["code"]] = name
    return names


@cache
def _groups() -> frozenset[str]:
    """Names of armed and political groups.

    They act for themselves, not for the state they have the code of.
    """
    from .knowledge import load_csv

    return frozenset(
        row["name"] for row in load_csv("actors/organisations.csv") if row.get("kind") == "group"
    )


def short_name(code: str | None) -> str:
    """A state's everyday name for its code ("RUS" -> "Russia"); other codes (NATO, EU) stand as they are."""
    if not code:
        return ""
    return _states().get(code.upper(), code)


def actor_label(code: str | None, name: str | None = None) -> str:
    """An actor as a table shows it: "RUS Russia"; a group by its own name, "PSE Hamas"; no code, the name."""
    if name and (name in _groups() or not code):
        return f"{code} {name}" if code else name
    if not code:
        return "?"
    label = short_name(code)
    return code if label == code else f"{code} {label}"
