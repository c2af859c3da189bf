"""Calendar arithmetic for TIMEX3 values: ISO weeks, quarters, shifts, named days.

Pure functions of dates; nothing here reads the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

NEAR_DAYS = 10
PAST_BIAS_DAYS = 4
FAR_DAYS = 300


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    days_in_month = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, days_in_month))


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return d + timedelta(days=amount)
    if unit == "W":
        return d + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, amount * months)


def at_granularity(d: date, unit: str) -> str:
    """A date written to the precision of a unit: a day, an ISO week, a month, a year."""
    if unit == "W":
        return iso_week(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter(d)}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The date of an ISO weekday (1=Monday) seen from `anchor`.

    past: the most recent one, the anchor itself when it matches; future: the
    next one, the anchor itself when it matches; otherwise the nearest one,
    leaning to the past.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    # news mostly reports what has happened: without a tense, a day up to
    # PAST_BIAS_DAYS back is preferred to one ahead
    return anchor - timedelta(days=back) if back <= PAST_BIAS_DAYS else anchor + timedelta(days=ahead)


def pick_year(anchor: date, make: callable, direction: str) -> date | None:
    """The occurrence of a yearly date (`make(year)`) that fits the tense.

    past: the latest one on or before the anchor; future: the earliest on or
    after (the anchor's year instead when that is most of a year away);
    otherwise the nearest of last, this and next year's.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(make(year))
        except ValueError:  # 29 February, 31 April
            continue
    if not options:
        return None
    nearest = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    if abs((nearest - anchor).days) <= NEAR_DAYS:
        # a date within days of the anchor is that one whatever the parse says of
        # the tense: news rarely names the same day a year away
        return nearest
    chosen = None
    if direction == "past":
        chosen = max((d for d in options if d <= anchor), default=None)
    elif direction == "future":
        chosen = min((d for d in options if d >= anchor), default=None)
    if chosen is None:
        return nearest
    if chosen.year != anchor.year and abs((chosen - anchor).days) > FAR_DAYS:
        # most of a year away in another year: more often a misread tense
        # ("payable Dec. 7" in a past-tense report) than a distant date, and
        # news leaves the year out for dates of the current one
        return next((d for d in options if d.year == anchor.year), chosen)
    return chosen


def holiday(rule: str, year: int) -> date:
    """A named day in a year: a fixed "MM-DD" or a rule name."""
    if rule == "easter":
        return easter(year, EASTER_WESTERN)
    if rule == "orthodox_easter":
        return easter(year, EASTER_ORTHODOX)
    if rule == "good_friday":
        return easter(year, EASTER_WESTERN) - timedelta(days=2)
    if rule == "us_thanksgiving":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if rule == "us_labor_day":  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if rule == "us_memorial_day":  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if rule == "us_election_day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    month, day = (int(x) for x in rule.split("-"))
    return date(year, month, day)
