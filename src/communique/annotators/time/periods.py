"""Normalizers of business and calendar periods: quarters, halves, the year of a
report ("the year ended Sept. 30"), year-end.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .context import REL_STEP, Context, Value, direction, parse_year, words
from .grammar import Candidate

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+([A-Z][a-z]+\.?)\s+(\d{1,2})\b")
COMPARISON = re.compile(r"\b(?:compared\s+with|compared\s+to|from|versus|than)\b")


def clause_before(c: Candidate, text: str) -> str:
    """The text of the sentence before the expression."""
    start = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start), c.start - 200, 0)
    return text[start : c.start].lower()


def the_year(c: Candidate, ctx: Context) -> Value | None:
    """ "the year ended Sept. 30" is a year's span; "for the year", "the full year"
    is the current one; "the latest fiscal year" the one before."""
    if _ENDED.match(ctx.text, c.end):
        return "DURATION", "P1Y"
    if ctx.pub is None:
        return None
    back = words(c.groups.get("yrel") or "") in ("latest fiscal", "past fiscal")
    return "DATE", str(ctx.pub.year - back)


def year_end(c: Candidate, ctx: Context) -> Value | None:
    return ("DATE", str(ctx.pub.year)) if ctx.pub else None


def quarter(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    q = _QUARTER_ORD[g["qord"].lower()]
    if "year" in g or "year_pre" in g:
        return "DATE", f"{parse_year(g.get('year') or g['year_pre'])}-Q{q}"
    if ctx.pub is None:
        return "DATE", f"XXXX-Q{q}"
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    if rel:
        return "DATE", f"{ctx.pub.year + REL_STEP[rel]}-Q{q}"
    started = q <= cal.quarter(ctx.pub)
    year_ = ctx.pub.year if started or direction(ctx) != "past" else ctx.pub.year - 1
    if "year_back" in g:  # "the year-ago third quarter": the same quarter a year before
        year_ -= 1
    return "DATE", f"{year_}-Q{q}"


def half(c: Candidate, ctx: Context) -> Value | None:
    """ "the first half" (H1), "the second half of 1998" (1998-H2): of the year named,
    else of the publication year, or the year before when it has not begun yet."""
    g = c.groups
    h = 1 if g["hord"].lower() == "first" else 2
    if "year" in g:
        return "DATE", f"{parse_year(g['year'])}-H{h}"
    if ctx.pub is None:
        return "DATE", f"XXXX-H{h}"
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    if rel:
        return "DATE", f"{ctx.pub.year + REL_STEP[rel]}-H{h}"
    started = h == 1 or ctx.pub.month > 6
    year_ = ctx.pub.year if started or direction(ctx) != "past" else ctx.pub.year - 1
    return "DATE", f"{year_}-H{h}"


def quarter_ref(c: Candidate, ctx: Context) -> Value | None:
    """ "the quarter", "the latest period", "the year-ago quarter": the quarter last
    named in the article, else the one just ended (reports speak of it)."""
    if ctx.pub is None:
        return None
    word = (c.groups.get("qref") or "").lower()
    year_back = (
        word in ("year-earlier", "year-ago")
        or "year_back" in c.groups
        or c.groups.get("year_rel", "").lower() == "last"
    )
    named_year = parse_year(c.groups["year"]) if "year" in c.groups else None
    if "quarter" not in ctx.text[c.start : c.end].lower() and not (
        ctx.last_quarter or year_back or word == "latest"
    ):
        # "the period" alone says nothing; "the 1989 period" at least names its year
        return ("DATE", str(named_year)) if named_year else None
    ended = _ENDED.match(ctx.text, c.end)
    if ended and ended.group(1).lower().rstrip(".") in ctx.vocab.months:
        # "the quarter ended Sept. 30": the calendar quarter holding most of the three
        # months up to that day ("ended July 31" is May to July, the second quarter)
        m = ctx.vocab.months[ended.group(1).lower().rstrip(".")]
        year_ = ctx.pub.year if (m - 1) // 3 + 1 <= cal.quarter(ctx.pub) else ctx.pub.year - 1
        try:
            middle = date(year_, m, int(ended.group(2))) - timedelta(days=45)
        except ValueError:
            middle = date(year_, m, 1)
        index = middle.year * 4 + cal.quarter(middle) - 1
    elif ctx.last_quarter and word not in ("current", "latest", "recent"):
        year_, q = (int(x) for x in ctx.last_quarter.split("-Q"))
        index = year_ * 4 + q - 1
    else:
        index = ctx.pub.year * 4 + cal.quarter(ctx.pub) - 1 - (word != "current")
    if year_back:
        index -= 4
    if named_year:  # "the 1988 quarter": the quarter reported, in the year named
        index = named_year * 4 + index % 4
    return "DATE", f"{index // 4}-Q{index % 4 + 1}"
