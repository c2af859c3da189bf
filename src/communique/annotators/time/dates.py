"""Normalizers of calendar expressions: dates, months, years, weekdays, weeks,
quarters, holidays and days counted from another ("two days ago").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .amounts import clock_value
from .context import (
    REL_STEP,
    TIME_UNITS,
    Context,
    Value,
    direction,
    duration,
    number,
    parse_year,
    part_suffix,
    unit_code,
    words,
)
from .grammar import Candidate, Vocabulary
from .periods import COMPARISON, clause_before


def _month(groups: dict[str, str], vocab: Vocabulary) -> int:
    return vocab.months[groups["month"].lower().rstrip(".")]


def month_day(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    month, day = _month(g, ctx.vocab), int(g["day"])
    if not 1 <= day <= 31:
        return None
    if "year" in g:
        try:
            d = date(parse_year(g["year"]), month, day)
        except ValueError:
            return None
    elif ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    else:
        rel = (g.get("rel") or "").lower() or None  # "last Oct. 23"
        d = cal.pick_year(ctx.pub, lambda y: date(y, month, day), direction(ctx, rel)) or cal.pick_year(
            ctx.pub, lambda y: date(y, month, day), "nearest"
        )
        if d is None:
            return None
    clock = clock_value(g)
    if clock:
        return "TIME", f"{d.isoformat()}{clock}"
    if "part" in g:
        return "TIME", d.isoformat() + part_suffix(g["part"], ctx.vocab)
    return "DATE", d.isoformat()


def day_of_month(c: Candidate, ctx: Context) -> Value | None:
    """ "on the 15th": that day of the month the narrative is in; the month before when the clause
    is past and that day is still to come, the month after when it is future and the day has gone."""
    base = ctx.ref or ctx.pub
    day = int(c.groups["day"])
    if base is None or not 1 <= day <= 31:
        return None
    way = direction(ctx)
    first = base.replace(day=1)
    now = ctx.pub or base
    if way == "past" and (first.year, first.month, day) > (now.year, now.month, now.day):
        first = cal.add_months(first, -1)
    elif way == "future" and (first.year, first.month, day) < (now.year, now.month, now.day):
        first = cal.add_months(first, 1)
    try:
        return "DATE", first.replace(day=day).isoformat()
    except ValueError:  # "the 31st" of a shorter month
        return None


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def nth_weekday(c: Candidate, ctx: Context) -> Value | None:
    """ "the last Sunday of February", "the first week of May": the month as a month alone would be
    read, then the day or week counted in it."""
    g = c.groups
    month_groups = {k: v for k, v in g.items() if k in ("month", "year")}
    of_month = Candidate("month", c.start, c.end, month_groups, c.rank)
    found = (month_year if "year" in g else month)(of_month, ctx)
    if found is None or not found[1][:4].isdigit():
        return "DATE", f"XXXX-{_month(g, ctx.vocab):02d}-XX" if found else None
    year_, month_ = int(found[1][:4]), int(found[1][5:7])
    first = date(year_, month_, 1)
    nth = _NTH[g["nth"].lower()]
    if "week" in g:  # "the first week of May": the ISO week holding its first (or last) day
        last = cal.add_months(first, 1) - timedelta(days=1)
        return "DATE", cal.iso_week(last if nth < 0 else min(first + timedelta(days=7 * (nth - 1)), last))
    wd = ctx.vocab.weekdays[g["weekday"].lower().rstrip(".")]
    if nth > 0:
        d = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = cal.add_months(first, 1) - timedelta(days=1)
        d = last - timedelta(days=(last.isoweekday() - wd) % 7)
    return ("DATE", d.isoformat()) if d.month == month_ else None


def iso_date(c: Candidate, ctx: Context) -> Value | None:
    try:
        return "DATE", date(
            int(c.groups["year"]), int(c.groups["month_num"]), int(c.groups["day"])
        ).isoformat()
    except ValueError:
        return None


def week_of(c: Candidate, ctx: Context) -> Value | None:
    """ "the week of March 6": the ISO week of that day; "the weekend of May 17" that week's weekend."""
    found = month_day(c, ctx)
    if not found or not found[1][0].isdigit():
        return found
    week = cal.iso_week(date.fromisoformat(found[1]))
    return "DATE", week + "-WE" if "weekend" in c.groups else week


def month_year(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    month = _month(g, ctx.vocab)
    if "year" in g:
        return "DATE", f"{parse_year(g['year'])}-{month:02d}"
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.pub.year + REL_STEP[g["rel"].lower()]
    return "DATE", f"{year}-{month:02d}"


def month(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    m = _month(g, ctx.vocab)
    if ctx.pub is None:
        return "DATE", f"XXXX-{m:02d}"
    rel = (g.get("rel") or "").lower()
    if rel == "this":
        return "DATE", f"{ctx.pub.year}-{m:02d}"
    if rel in ("last", "next"):
        # "last October": the latest October before this month; "next March" the first after
        year_ = ctx.pub.year - (m >= ctx.pub.month) if rel == "last" else ctx.pub.year + (m <= ctx.pub.month)
        return "DATE", f"{year_}-{m:02d}"
    # a month is compared with the publication month as its first day
    anchor = ctx.pub.replace(day=1)
    way = direction(ctx, rel or None)
    if way == "future" and not rel and not ctx.marked_future():
        way = None  # a present that describes ("figures for January show a rise"): either way
    elif way == "future" and m < anchor.month:
        # "takes effect in January" told in March: a month still to come that this year's calendar
        # has passed is next year's, however far off (unlike a day, a month is rarely misdated)
        return "DATE", f"{anchor.year + 1}-{m:02d}"
    d = cal.pick_year(anchor, lambda y: date(y, m, 1), way)
    if d is None:
        d = cal.pick_year(anchor, lambda y: date(y, m, 1), "nearest")
    return "DATE", f"{d.year}-{m:02d}"


def season(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    code = ctx.vocab.seasons[g["season"].lower()]
    if "year" in g:
        return "DATE", f"{parse_year(g['year'])}-{code}"
    rel = words(g.get("rel") or "")
    if rel == "the" and g["season"].lower() == "fall" and ctx.text[c.end : c.end + 4].lower() == " of ":
        return None  # "the fall of Kabul"
    if ctx.pub is None:
        return "DATE", f"XXXX-{code}"
    if "year_rel" in g:  # "the spring of last year"
        return "DATE", f"{ctx.pub.year + REL_STEP[g['year_rel'].lower()]}-{code}"
    start = _SEASON_START[code]
    if rel == "last":
        # TimeML reads "last spring" as last year's; "this past spring" may be this year's
        year = ctx.pub.year - 1
    elif rel == "this past":
        # the latest one over by now: "this past fall" in spring is the year before's
        year = ctx.pub.year if start + 3 <= ctx.pub.month else ctx.pub.year - 1
    elif rel == "next":
        year = ctx.pub.year + 1
    else:
        year = ctx.pub.year + (_season_year_shift(start, ctx) if rel in ("the", "early", "late") else 0)
    return "DATE", f"{year}-{code}"


def _season_year_shift(start: int, ctx: Context) -> int:
    """ "in the spring" told in the past before this year's spring began is last year's; told of
    the future after this year's is over, next year's (winter begins in December)."""
    way = direction(ctx)
    if way == "past" and start > ctx.pub.month:
        return -1
    if way == "future" and start + 3 <= ctx.pub.month and start != 12:
        return 1
    return 0


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def year(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", str(parse_year(c.groups["year"]))


def decade(c: Candidate, ctx: Context) -> Value | None:
    # TIMEX3 writes a decade with its first three digits: "the 1990s" is 199;
    # "the nineties" and "the '80s" are taken to be of the 1900s
    g = c.groups
    if "spelled_decade" in g:
        tens = ctx.vocab.numbers.get(g["spelled_decade"].lower()[:-3] + "y")
        return ("DATE", f"19{tens // 10}") if tens else None
    if "short_decade" in g:
        return "DATE", f"19{g['short_decade'][0]}"
    return "DATE", g["decade"][:3]


def century(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", f"{int(c.groups['ord_num']) - 1:02d}"


def holiday(c: Candidate, ctx: Context) -> Value | None:
    rule = ctx.vocab.holidays[words(c.groups["holiday"])]
    if "year" in c.groups:
        return "DATE", cal.holiday(rule, parse_year(c.groups["year"])).isoformat()
    if ctx.pub is None:
        return None
    rel = (c.groups.get("rel") or "").lower() or None
    make = lambda y: cal.holiday(rule, y)  # noqa: E731
    d = cal.pick_year(ctx.pub, make, direction(ctx, rel)) or cal.pick_year(ctx.pub, make, "nearest")
    if d is None:
        return None
    # "Easter week": the ISO week that holds the holiday
    return ("DATE", cal.iso_week(d)) if "hweek" in c.groups else ("DATE", d.isoformat())


def weekday(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    wd = ctx.vocab.weekdays[g["weekday"].lower().rstrip(".")]
    suffix = part_suffix(g.get("part"), ctx.vocab)
    kind = "TIME" if suffix else "DATE"
    if ctx.pub is None:
        return kind, f"XXXX-WXX-{wd}{suffix}"
    rel = words(g.get("rel") or "")
    base = ctx.ref or ctx.pub
    if rel == "the previous":  # counted from the day last named
        d = cal.weekday_near(base - timedelta(days=1), wd, "past")
    elif rel in ("the following", "the next"):
        d = cal.weekday_near(base + timedelta(days=1), wd, "future")
    elif rel == "last":
        d = cal.weekday_near(ctx.pub - timedelta(days=1), wd, "past")
    elif rel == "next":
        d = cal.weekday_near(ctx.pub + timedelta(days=1), wd, "future")
    elif rel in ("this", "coming", "this coming"):
        d = cal.weekday_near(ctx.pub, wd, "future")
    elif rel == "this past":  # "this past Sunday": the latest one before today
        d = cal.weekday_near(ctx.pub - timedelta(days=1), wd, "past")
    else:
        d = cal.weekday_near(ctx.pub, wd, direction(ctx) or "nearest")
    return kind, d.isoformat() + suffix


def deictic(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    word = c.groups["deixis"].lower()
    d = ctx.pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    part = c.groups.get("part") or ("night" if word == "tonight" else None)
    suffix = part_suffix(part, ctx.vocab)
    return ("TIME" if suffix else "DATE"), d.isoformat() + suffix


def deictic_part(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = words(c.groups["rel"])
    d = ctx.pub - timedelta(days=1) if rel.endswith("last") else ctx.pub
    return "TIME", d.isoformat() + part_suffix(c.groups["part"], ctx.vocab)


def part_of_day(c: Candidate, ctx: Context) -> Value | None:
    """ "in the morning": that part of the day last named."""
    base = ctx.ref or ctx.pub
    return ("TIME", base.isoformat() + part_suffix(c.groups["part"], ctx.vocab)) if base else None


def day_offset(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    step = -2 if c.groups["deixis"].lower() == "yesterday" else 2
    return "DATE", (ctx.pub + timedelta(days=step)).isoformat()


_DAY_ALREADY_NAMED = re.compile(r"\b(?:today|yesterday|tomorrow)\s+(?:is|was|will\s+be)\s+$", re.IGNORECASE)


_MONTH_VALUE = re.compile(r"^\d{4}-\d\d$")


def anaphoric_day(c: Candidate, ctx: Context) -> Value | None:
    base = ctx.ref or ctx.pub
    if base is None:
        return None
    if _DAY_ALREADY_NAMED.search(ctx.text, max(0, c.start - 24), c.start):
        return None  # "today is a sad day": the day is the one already named
    rel = (c.groups.get("rel") or c.groups.get("dir") or "same").lower()
    step = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1}.get(rel, 0)
    suffix = part_suffix(c.groups.get("part"), ctx.vocab)  # "the next morning"
    if not suffix and ctx.last_period and _MONTH_VALUE.match(ctx.last_period):
        # "last October ... that same day", "met in March; the next day": a day of the month named
        # last, which one not said
        return "DATE", f"{ctx.last_period}-XX"
    return ("TIME" if suffix else "DATE"), (base + timedelta(days=step)).isoformat() + suffix


def day_around(c: Candidate, ctx: Context) -> Value | None:
    """ "the day before Tuesday", "two days after May 9": the day named, moved by the days counted."""
    g = {k: v for k, v in c.groups.items() if k not in ("num", "dir")}
    named = weekday if "weekday" in g else month_day if "month" in g else holiday
    found = named(Candidate(c.kind, c.start, c.end, g, c.rank), ctx)
    if found is None or not found[1][:4].isdigit():
        return None
    days = int(number(c.groups.get("num"), ctx.vocab) or 1)
    sign = -1 if c.groups["dir"].lower() == "before" else 1
    return "DATE", (date.fromisoformat(found[1][:10]) + timedelta(days=sign * days)).isoformat()


def ordinal_day(c: Candidate, ctx: Context) -> Value | None:
    # "the war entered its 34th day": the date of that day, which is the clause's date
    base = ctx.pub if c.groups["det"].lower() == "its" else (ctx.ref or ctx.pub)
    return ("DATE", base.isoformat()) if base else None


def relative_unit(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = words(c.groups["rel"])
    unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE"}[
        c.groups["rel_unit"].lower()
    ]
    last_word = rel.split()[-1]
    step = REL_STEP.get(last_word, 0)
    if rel in ("the end of", "the end of the"):
        step = 0
    # "the following year" counts from the last date named, "next year" from today
    base = ctx.pub
    if rel in ("the following", "the previous"):
        base = _period_start(ctx.last_period, unit) or ctx.ref or ctx.pub
    if unit == "Q":
        q_index = base.year * 4 + cal.quarter(base) - 1 + step
        return "DATE", f"{q_index // 4}-Q{q_index % 4 + 1}"
    if unit == "Y" and step == -1 and ctx.last_quarter and COMPARISON.search(clause_before(c, ctx.text)):
        # "profit rose from $3 million last year": the reported quarter, a year back
        year_, q = ctx.last_quarter.split("-Q")
        return "DATE", f"{int(year_) - 1}-Q{q}"
    d = cal.shift(base, step, unit)
    return "DATE", cal.at_granularity(d, unit)


def in_the_week(c: Candidate, ctx: Context) -> Value | None:
    """ "earlier in the week": the week of the day last named (of publication, when none is)."""
    base = ctx.ref or ctx.pub
    return ("DATE", cal.iso_week(base)) if base else None


def _counted_from(unit: str, ctx: Context) -> date | None:
    """What "a year later" counts from: the last period named, when it is precise enough for the
    unit ("in 2011 ... a year later" is 2012), else the last day."""
    return _period_start(ctx.last_period, unit) or ctx.ref or ctx.pub


def _period_start(value: str | None, unit: str) -> date | None:
    """The first day of a named period ("1989-03"), when it is at least as precise as `unit`."""
    if not value:
        return None
    parts = value.split("-")
    if len(parts) < {"Y": 1, "Q": 2, "M": 2}.get(unit, 3):
        return None
    try:
        return date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    except ValueError:
        return None


def that_unit(c: Candidate, ctx: Context) -> Value | None:
    """ "later that year": the year (or month) of the last date named; "that quarter"
    the quarter last named."""
    if c.groups["rel_unit"].lower() == "quarter":
        return ("DATE", ctx.last_quarter) if ctx.last_quarter else None
    if ctx.last_period is None:
        return None  # nothing named before: "that" points at something we cannot see
    size = 4 if c.groups["rel_unit"].lower() == "year" else 7
    return ("DATE", ctx.last_period[:size]) if len(ctx.last_period) >= size else None


def whole_unit(c: Candidate, ctx: Context) -> Value | None:
    unit = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[
        c.groups["rel_unit"].lower()
    ]
    return "DURATION", duration(1, unit)


def weekend(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = words(c.groups.get("rel") or "the")
    rel = {"this past": "last", "the past": "last", "this coming": "this", "the coming": "next"}.get(rel, rel)
    saturday = cal.weekday_near(ctx.pub, 6, "past")
    if rel == "last":
        d = saturday if ctx.pub.isoweekday() < 6 else saturday - timedelta(days=7)
    elif rel == "next":
        d = cal.weekday_near(ctx.pub + timedelta(days=1), 6, "future")
    elif rel == "this":
        d = ctx.pub if ctx.pub.isoweekday() >= 6 else cal.weekday_near(ctx.pub, 6, "future")
    else:
        way = direction(ctx)
        if ctx.pub.isoweekday() >= 6 or way != "future":
            # the weekend just past (or the one under way)
            d = saturday
        else:
            d = cal.weekday_near(ctx.pub, 6, "future")
    return "DATE", cal.iso_week(d) + "-WE"


def day_counted_to(c: Candidate, ctx: Context, base: date | None) -> date | None:
    """The day "two days later" or "a week earlier" points to, counted from `base` (the day last
    named): the day the narrative moves on to, though TimeML's value is the stretch of time."""
    g = c.groups
    if base is None or "unit" not in g or words(g["dir"]) not in ("later", "earlier"):
        return None
    unit, amount = unit_code(g["unit"], ctx.vocab), number(g.get("num"), ctx.vocab)
    if unit not in ("D", "W") or amount is None or amount != int(amount):
        return None
    days = int(amount) * (7 if unit == "W" else 1)
    return base + timedelta(days=days if words(g["dir"]) == "later" else -days)


def ago(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    if "unit" not in g:  # the adjective "year-earlier"
        unit, amount = "Y", 1.0
    else:
        unit, amount = unit_code(g["unit"], ctx.vocab), number(g.get("num"), ctx.vocab)
    way = words(g["dir"])
    if unit is None:
        return None
    if way in ("later", "earlier") and unit in ("S", "TM", "H", "D", "W"):
        # "three days later": TimeML marks the stretch of time; "later" only links it
        return "DURATION", duration(amount, unit)
    if unit == "Y" and amount == 1 and way in ("ago", "earlier") and ctx.last_quarter:
        # "profit rose from a year earlier": the same quarter as the one reported
        year_, q = ctx.last_quarter.split("-Q")
        return "DATE", f"{int(year_) - 1}-Q{q}"
    if amount is None:
        return "DATE", "PAST_REF" if way in ("ago", "earlier") else "FUTURE_REF"
    if way in ("ago", "from now", "hence"):
        base = ctx.pub
    elif way == "later":
        base = _counted_from(unit, ctx)
    else:  # "from $5 million a year earlier" compares with the period reported, not the last named
        base = ctx.ref or ctx.pub
    if base is None:
        return None
    sign = -1 if way in ("ago", "earlier") else 1
    if unit in TIME_UNITS:
        return "DATE", base.isoformat()
    if unit == "2W":
        amount, unit = amount * 2, "W"
    try:
        d = cal.shift(base, sign * int(amount), unit)
    except (ValueError, OverflowError):  # "3000 years ago": before the calendar's first year
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    return "DATE", cal.at_granularity(d, unit)
