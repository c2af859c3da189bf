"""Calendar days of TIMEX3 date values: where a day, week, month or year begins and ends.

Shared by the events annotator (is a plan's week or month still to come?) and the store
(days to sort, filter and count plans by), so both read the values the same way.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

__all__ = ["first_day", "last_day"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def first_day(value: str | None) -> str | None:
    """The first calendar day of a day, week or month value ("2025-W21" -> "2025-05-19"); None for a
    year, a season or a reference ("PAST_REF"): too coarse to sort by as a day."""
    return _bounds(value, years=False)[0]


def last_day(value: str | None) -> str | None:
    """The last calendar day of a day, week, month or year value ("2025-06" -> "2025-06-30")."""
    return _bounds(value, years=True)[1]


def _bounds(value: str | None, *, years: bool) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    try:
        if _DAY.match(value):
            return value[:10], value[:10]
        if m := _WEEK.match(value):
            year, week = int(m[1]), int(m[2])
            return date.fromisocalendar(year, week, 1).isoformat(), date.fromisocalendar(
                year, week, 7
            ).isoformat()
        if _MONTH.fullmatch(value):
            year, month = int(value[:4]), int(value[5:])
            return f"{value}-01", date(year, month, monthrange(year, month)[1]).isoformat()
        if years and _YEAR.fullmatch(value):
            return f"{value}-01-01", f"{value}-12-31"
    except ValueError:
        pass
    return None, None
