"""Normalizers of amounts of time and of clock times: durations, recurrences
(TIMEX3 SET), fixed references (PRESENT_REF) and times of day.
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import calendar as cal
from .context import Context, Value, direction, duration, number, part_suffix, unit_code, words
from .grammar import Candidate, Vocabulary


def duration_kind(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    unit = unit_code(g["unit"], ctx.vocab)
    if unit is None:
        return None
    num = g.get("num", "")
    if unit == "S" and not re.match(r"\d", num) and not g["unit"].lower().endswith("s"):
        return None  # "a second round"
    amount = number(num, ctx.vocab)
    if amount is not None and ("half1" in g or "half2" in g):
        amount += 0.5
    if words(ctx.text[c.start : c.end]) == "one day" and _MODAL_BEFORE.search(
        ctx.text, max(0, c.start - 8), c.start
    ):
        return "DATE", "FUTURE_REF"  # "Islam will one day be": some day, not a day long
    if amount is not None and amount == 1 and words(num) in ("a", "an", "one"):
        before = ctx.text[max(0, c.start - 25) : c.start].lower()
        if _FREQUENCY.search(before):
            return "SET", duration(1, unit)  # "twice a day"
        if _QUANTITY.search(before):
            return None  # "$5 billion a year", "700 seats a week": a rate of something else
    if (
        ctx.pub is not None
        and amount is not None
        and amount == int(amount)
        and unit in ("D", "W", "M", "Y")
        and _IN_BEFORE.search(ctx.text, max(0, c.start - 4), c.start)
        and ctx.text[c.start : c.start + len(num)] == num  # no "the"/"over" before the number
        and " single " not in ctx.text[c.start : c.end]  # "in a single year" is a length
        and ctx.tense() == "future"
    ):
        # "will be redeemed in five years": the day it happens, counted from today
        try:
            return "DATE", cal.at_granularity(cal.shift(ctx.pub, int(amount), unit), unit)
        except (ValueError, OverflowError):  # beyond the year 9999
            pass
    if unit == "H" and amount == 24 and _PAST_SPAN.search(ctx.text, c.start, c.end):
        return "DURATION", "P1D"  # "the past 24 hours": the idiom of the past day, as TimeML reads it
    return "DURATION", duration(amount, unit)


_PAST_SPAN = re.compile(r"\b(?:past|last|previous)\s", re.IGNORECASE)
_IN_BEFORE = re.compile(r"(?<![\w])[Ii]n\s$")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|shall|must|'ll)\s+\Z")
_FREQUENCY = re.compile(r"\b(?:once|twice|times)\W*\s*$")
_QUANTITY = re.compile(r"(?:\d|illion|percent|%|seats|flights|shares|people|units)\W*\s*$")
# an amount, and at most two words of what is counted, right before a word of recurrence
_AMOUNT_BEFORE = re.compile(r"(?:\d|illion|percent|%)(?:\s+[a-z]+){0,2}\W*\s*$")


def share_of_quarters(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """ "a quarter of the vote", "three-quarters of them", "the first two quarters of
    1990" (a half): shares, not three months each. "Several quarters of losses" and
    "five quarters" can be no share."""
    if not c.groups["unit"].lower().startswith("quarter"):
        return False
    if "-" in text[c.start : c.end]:
        return True
    amount = number(c.groups.get("num"), vocab)
    if amount is None or amount > 3:
        return False
    return (
        amount <= 1
        and not c.groups["unit"].lower().endswith("s")
        or text[c.end : c.end + 4].lower() == " of "
    )


def long_duration(c: Candidate, ctx: Context) -> Value | None:
    """ "decades-long": a length given by a plural unit alone is vague; "day-long" is one unit."""
    unit = unit_code(c.groups["unit"], ctx.vocab)
    if unit is None:
        return None
    if "lnum" in c.groups:
        amount = number(c.groups["lnum"], ctx.vocab)
    else:
        amount = None if c.groups["unit"].lower().endswith("s") else 1
    return "DURATION", duration(amount, unit)


def half_duration(c: Candidate, ctx: Context) -> Value | None:
    unit = unit_code(c.groups["unit"], ctx.vocab)
    return ("DURATION", duration(0.5, unit)) if unit else None


def vague_duration(c: Candidate, ctx: Context) -> Value | None:
    unit = unit_code(c.groups["vunit"], ctx.vocab)
    if unit is None:
        return None
    if unit == "H" and words(c.groups.get("vrel", "")) == "the early":
        return None  # "the early hours (of Sunday)": a part of the night, not a length of time
    if "vrel" not in c.groups:
        before = ctx.text[max(0, c.start - 12) : c.start].split()
        word = c.groups["vunit"]
        at_sentence_start = word[0].isupper() and (not before or before[-1][-1:] in '.!?"”')
        cued = bool(before) and before[-1].lower() in ctx.vocab.vague_unit_cues
        if not (at_sentence_start or cued or _filled_stretch(c, ctx, before) or _span_to(c, ctx, before)):
            return None
    return "DURATION", duration(None, unit)


_OF_WHAT = re.compile(r"\s+of\s+(?!age\b|the\s+(?:week|month|year)\b)", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "my", "your"})


def _filled_stretch(c: Candidate, ctx: Context, before: list[str]) -> bool:
    """ "years of war", "months of talks": a bare plural unit filled with what went on in it is a
    stretch of time (not "the days of the week", "30 years of age", "those years of ...", nor the
    second of "within weeks or months of", which measures from an event)."""
    if before and before[-1].lower() in _DETERMINERS | {"or", "and"}:
        return False
    return _OF_WHAT.match(ctx.text, c.end) is not None


_RELATION_AFTER = re.compile(r"\s+(?:before|after|since|later|earlier)\b", re.IGNORECASE)


def _span_to(c: Candidate, ctx: Context, before: list[str]) -> bool:
    """ "just days before the visit", "months after the vote", "weeks later": a bare plural unit
    measuring the gap to an event is a stretch of time of a length not given (not "the days before",
    a time in the past told by its event)."""
    if before and before[-1].lower() in _DETERMINERS:
        return False
    return _RELATION_AFTER.match(ctx.text, c.end) is not None


def that_period(c: Candidate, ctx: Context) -> Value | None:
    """ "during that time": the stretch of time last named ("a two-day truce ... during that time")."""
    return ("DURATION", ctx.last_duration) if ctx.last_duration else None


def vague_period(c: Candidate, ctx: Context) -> Value | None:
    return "DURATION", "PXX"


def reference(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", ctx.vocab.references[words(c.groups["ref"])]


def set_kind(c: Candidate, ctx: Context) -> Value | None:
    before = ctx.text[max(0, c.start - 40) : c.start].lower()
    if _AMOUNT_BEFORE.search(before):
        return None  # "sales rise 8% annually", "5,000 cars yearly": a rate, as "$5 billion a year"
    return "SET", ctx.vocab.sets[c.groups["set"].lower()]


def set_every(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    if "weekday" in g:
        wd = ctx.vocab.weekdays[g["weekday"].lower().rstrip(".")]
        return "SET", f"XXXX-WXX-{wd}" + part_suffix(g.get("part"), ctx.vocab)
    if "month" in g:  # "each July"
        return "SET", f"XXXX-{ctx.vocab.months[g['month'].lower().rstrip('.')]:02d}"
    if "season" in g:  # "each summer"
        return "SET", f"XXXX-{ctx.vocab.seasons[g['season'].lower()]}"
    if "part" in g:  # "every morning"
        return "SET", "XXXX-XX-XX" + part_suffix(g["part"], ctx.vocab)
    if "weekends" in g or "weekends2" in g:  # "every weekend", "on weekends"
        return "SET", "XXXX-WXX-WE"
    unit = unit_code(g["unit"], ctx.vocab)
    if unit is None:
        return None
    every = (g.get("num_every") or "").lower()
    amount = 2 if every == "other" else (number(every, ctx.vocab) or 1)
    return "SET", duration(amount, unit)


def clock_value(g: dict[str, str]) -> str | None:
    """The clock part of a value ("T15:30", "T24:00"), or None when there is none."""
    if "noon" in g:
        return "T24:00" if g["noon"].lower() == "midnight" else "T12:00"
    if "hhmm" in g:
        return f"T{g['hhmm'][:2]}:{g['hhmm'][2:]}"
    ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
    if "hour" in g:
        if g.get("sep") == "." and not (ampm or "hours_word" in g or "tz" in g):
            return None  # "3.30" alone is a number
        hour, minute = int(g["hour"]), int(g["minute"])
    elif "hour2" in g:
        hour, minute = int(g["hour2"]), 0
    elif "hour3" in g:  # "4 in the morning", "7 o'clock in the evening"
        hour, minute = int(g["hour3"]), 0
        ampm = "am" if g["dayhalf"].lower() == "morning" else "pm"
    else:
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def clock(c: Candidate, ctx: Context) -> Value | None:
    """The clock time on its day: an adjacent day word, else the clause's day (set later)."""
    t = clock_value(c.groups)
    if t is None:
        return None
    day = c.groups.get("dayword", "").lower()
    if ctx.pub is None:
        return "TIME", f"XXXX-XX-XX{t}"
    if day in ("today", "tonight", "tomorrow", "yesterday"):
        d = ctx.pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
    elif day:
        d = cal.weekday_near(ctx.pub, ctx.vocab.weekdays[day], direction(ctx) or "nearest")
    else:
        d = ctx.ref or ctx.pub  # provisional: the annotator moves it to the day named beside it
        if t == "T24:00" and direction(ctx) == "past":
            d -= timedelta(days=1)  # "began just after midnight": the one that opened the day
    return "TIME", f"{d.isoformat()}{t}"
