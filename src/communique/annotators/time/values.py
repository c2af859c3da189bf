"""From a matched pattern to a TIMEX3 (type, value), resolved against the
publication date, the last mentioned day and the tense of the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal
from .grammar import Candidate, Vocabulary

Value = tuple[str, str]  # (TIMEX3 type, value)

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_REL_STEP = {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1, "this": 0, "current": 0, "same": 0}
_TIME_UNITS = {"S", "TM", "H"}


@dataclass
class Context:
    pub: date | None  # publication date: the anchor of deixis ("today", "last week")
    ref: date | None  # the last day mentioned before this expression ("the day before")
    tense: Callable[[], str | None]  # lazily parsed: only some expressions need it
    text: str
    vocab: Vocabulary


def _words(s: str) -> str:
    return " ".join(s.lower().split())


def number(word: str | None, vocab: Vocabulary) -> float | None:
    """A cardinal from digits or words; None for a vague one ("several") or a range."""
    if not word:
        return None
    w = _words(word).replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    if w in vocab.vague_numbers or re.search(r"\d\s*(-|to|or)\s*\d", w):
        return None
    if w in vocab.numbers:
        return float(vocab.numbers[w])
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in vocab.numbers and parts[1] in vocab.numbers:
        return float(vocab.numbers[parts[0]] + vocab.numbers[parts[1]])
    return None


def unit_code(word: str, vocab: Vocabulary) -> str | None:
    w = word.lower()
    if w.startswith("centur"):
        return "CE"
    return vocab.units.get(w) or vocab.units.get(w[:-1] if w.endswith("s") else w)


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3Y, PT45M, PT1H30M; PXD when the amount is vague."""
    if unit == "2W":
        amount, unit = (None if amount is None else amount * 2), "W"
    if unit in ("DE", "CE") and amount is not None:
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    code = "M" if unit == "TM" else unit
    prefix = "PT" if unit in _TIME_UNITS else "P"
    if amount is None:
        return f"{prefix}X{code}"
    whole = int(amount)
    frac = amount - whole
    if frac and unit in ("H", "TM", "Y", "D"):
        # a half hour is 30 minutes, half a year six months
        lower, per = {"H": ("M", 60), "TM": ("S", 60), "Y": ("M", 12), "D": ("H", 24)}[unit]
        rest = round(frac * per)
        if unit == "D":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        return f"{prefix}{whole}{code}{rest}{lower}" if whole else f"{prefix}{rest}{lower}"
    return f"{prefix}{whole if not frac else amount:g}{code}"


def _direction(ctx: Context, rel: str | None = None) -> str | None:
    if rel in ("last", "previous", "earlier"):
        return "past"
    if rel in ("next", "coming", "later"):
        return "future"
    tense = ctx.tense()
    return tense if tense in ("past", "future") else None


def _part_suffix(part: str | None, vocab: Vocabulary) -> str:
    return "T" + vocab.parts_of_day[part.lower()] if part else ""


def _month(groups: dict[str, str], vocab: Vocabulary) -> int:
    return vocab.months[groups["month"].lower().rstrip(".")]


# ------------------------------------------------------------------ by kind


def month_day(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    month, day = _month(g, ctx.vocab), int(g["day"])
    if not 1 <= day <= 31:
        return None
    if "year" in g:
        try:
            d = date(int(g["year"]), month, day)
        except ValueError:
            return None
    elif ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    else:
        d = cal.pick_year(ctx.pub, lambda y: date(y, month, day), _direction(ctx)) or cal.pick_year(
            ctx.pub, lambda y: date(y, month, day), "nearest"
        )
        if d is None:
            return None
    clock = _clock_value(g)
    if clock:
        return "TIME", f"{d.isoformat()}{clock}"
    if "part" in g:
        return "TIME", d.isoformat() + _part_suffix(g["part"], ctx.vocab)
    return "DATE", d.isoformat()


def iso_date(c: Candidate, ctx: Context) -> Value | None:
    try:
        return "DATE", date(int(c.groups["year"]), int(c.groups["month_num"]), int(c.groups["day"])).isoformat()
    except ValueError:
        return None


def month_year(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    month = _month(g, ctx.vocab)
    if "year" in g:
        return "DATE", f"{g['year']}-{month:02d}"
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.pub.year + _REL_STEP[g["rel"].lower()]
    return "DATE", f"{year}-{month:02d}"


def month(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    m = _month(g, ctx.vocab)
    if ctx.pub is None:
        return "DATE", f"XXXX-{m:02d}"
    rel = (g.get("rel") or "").lower()
    if rel == "this":
        return "DATE", f"{ctx.pub.year}-{m:02d}"
    # a month is compared with the publication month as its first day
    anchor = ctx.pub.replace(day=1)
    d = cal.pick_year(anchor, lambda y: date(y, m, 1), _direction(ctx, rel or None))
    if d is None:
        d = cal.pick_year(anchor, lambda y: date(y, m, 1), "nearest")
    return "DATE", f"{d.year}-{m:02d}"


def season(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    code = ctx.vocab.seasons[g["season"].lower()]
    if "year" in g:
        return "DATE", f"{g['year']}-{code}"
    rel = (g.get("rel") or "").lower()
    if rel == "the" and g["season"].lower() == "fall" and ctx.text[c.end : c.end + 4].lower() == " of ":
        return None  # "the fall of Kabul"
    if ctx.pub is None:
        return "DATE", f"XXXX-{code}"
    year = ctx.pub.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{year}-{code}"


def year(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", c.groups["year"]


def decade(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", c.groups["decade"][:3] + "X"


def century(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", f"{int(c.groups['ord_num']) - 1:02d}"


def holiday(c: Candidate, ctx: Context) -> Value | None:
    rule = ctx.vocab.holidays[_words(c.groups["holiday"])]
    if "year" in c.groups:
        return "DATE", cal.holiday(rule, int(c.groups["year"])).isoformat()
    if ctx.pub is None:
        return None
    rel = (c.groups.get("rel") or "").lower() or None
    make = lambda y: cal.holiday(rule, y)  # noqa: E731
    d = cal.pick_year(ctx.pub, make, _direction(ctx, rel)) or cal.pick_year(ctx.pub, make, "nearest")
    return ("DATE", d.isoformat()) if d else None


def weekday(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    wd = ctx.vocab.weekdays[g["weekday"].lower().rstrip(".")]
    suffix = _part_suffix(g.get("part"), ctx.vocab)
    kind = "TIME" if suffix else "DATE"
    if ctx.pub is None:
        return kind, f"XXXX-WXX-{wd}{suffix}"
    rel = (g.get("rel") or "").lower()
    if rel == "last":
        d = cal.weekday_near(ctx.pub - timedelta(days=1), wd, "past")
    elif rel == "next":
        d = cal.weekday_near(ctx.pub + timedelta(days=1), wd, "future")
    elif rel in ("this", "coming"):
        d = cal.weekday_near(ctx.pub, wd, "future")
    else:
        d = cal.weekday_near(ctx.pub, wd, _direction(ctx) or "nearest")
    return kind, d.isoformat() + suffix


def deictic(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    word = c.groups["deixis"].lower()
    d = ctx.pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    part = c.groups.get("part") or ("night" if word == "tonight" else None)
    suffix = _part_suffix(part, ctx.vocab)
    return ("TIME" if suffix else "DATE"), d.isoformat() + suffix


def deictic_part(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = _words(c.groups["rel"])
    d = ctx.pub - timedelta(days=1) if rel.endswith("last") else ctx.pub
    return "TIME", d.isoformat() + _part_suffix(c.groups["part"], ctx.vocab)


def day_offset(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    step = -2 if c.groups["deixis"].lower() == "yesterday" else 2
    return "DATE", (ctx.pub + timedelta(days=step)).isoformat()


def anaphoric_day(c: Candidate, ctx: Context) -> Value | None:
    base = ctx.ref or ctx.pub
    if base is None:
        return None
    rel = (c.groups.get("rel") or c.groups.get("dir") or "same").lower()
    step = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1}.get(rel, 0)
    return "DATE", (base + timedelta(days=step)).isoformat()


def ordinal_day(c: Candidate, ctx: Context) -> Value | None:
    # "the war entered its 34th day": the date of that day, which is the clause's date
    base = ctx.pub if c.groups["det"].lower() == "its" else (ctx.ref or ctx.pub)
    return ("DATE", base.isoformat()) if base else None


def relative_unit(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = _words(c.groups["rel"])
    unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE"}[
        c.groups["rel_unit"].lower()
    ]
    last_word = rel.split()[-1]
    step = _REL_STEP.get(last_word, 0)
    if rel in ("the end of", "the end of the"):
        step = 0
    if unit == "Q":
        q_index = ctx.pub.year * 4 + cal.quarter(ctx.pub) - 1 + step
        return "DATE", f"{q_index // 4}-Q{q_index % 4 + 1}"
    d = cal.shift(ctx.pub, step, unit)
    return "DATE", cal.at_granularity(d, unit)


def whole_unit(c: Candidate, ctx: Context) -> Value | None:
    unit = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[c.groups["rel_unit"].lower()]
    return "DURATION", duration(1, unit)


def weekend(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    rel = (c.groups.get("rel") or "the").lower()
    saturday = cal.weekday_near(ctx.pub, 6, "past")
    if rel == "last":
        d = saturday if ctx.pub.isoweekday() < 6 else saturday - timedelta(days=7)
    elif rel == "next":
        d = cal.weekday_near(ctx.pub + timedelta(days=1), 6, "future")
    elif rel == "this":
        d = ctx.pub if ctx.pub.isoweekday() >= 6 else cal.weekday_near(ctx.pub, 6, "future")
    else:
        direction = _direction(ctx)
        if ctx.pub.isoweekday() >= 6 or direction != "future":
            # the weekend just past (or the one under way)
            d = saturday
        else:
            d = cal.weekday_near(ctx.pub, 6, "future")
    return "DATE", cal.iso_week(d) + "-WE"


def quarter(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    q = _QUARTER_ORD[g["qord"].lower()]
    if "year" in g or "year_pre" in g:
        return "DATE", f"{g.get('year') or g['year_pre']}-Q{q}"
    if ctx.pub is None:
        return "DATE", f"XXXX-Q{q}"
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    if rel:
        return "DATE", f"{ctx.pub.year + _REL_STEP[rel]}-Q{q}"
    started = q <= cal.quarter(ctx.pub)
    year_ = ctx.pub.year if started or _direction(ctx) != "past" else ctx.pub.year - 1
    return "DATE", f"{year_}-Q{q}"


def quarter_ref(c: Candidate, ctx: Context) -> Value | None:
    if ctx.pub is None:
        return None
    word = (c.groups.get("qref") or "").lower()
    if "quarter" not in ctx.text[c.start : c.end].lower() and word not in ("year-earlier", "year-ago"):
        return None  # "the period" alone says nothing
    index = ctx.pub.year * 4 + cal.quarter(ctx.pub) - 1
    if word != "current":
        index -= 1  # reports speak of the quarter just ended
    if word in ("year-earlier", "year-ago"):
        index -= 4
    return "DATE", f"{index // 4}-Q{index % 4 + 1}"


def ago(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    unit = unit_code(g["unit"], ctx.vocab)
    direction = _words(g["dir"])
    amount = number(g.get("num"), ctx.vocab)
    if unit is None:
        return None
    if amount is None:
        return "DATE", "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF"
    base = ctx.pub if direction in ("ago", "from now", "hence") else (ctx.ref or ctx.pub)
    if base is None:
        return None
    sign = -1 if direction in ("ago", "earlier") else 1
    if unit in _TIME_UNITS:
        return "DATE", base.isoformat()
    if unit == "2W":
        amount, unit = amount * 2, "W"
    d = cal.shift(base, sign * int(amount), unit)
    return "DATE", cal.at_granularity(d, unit)


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
    if amount is not None and amount == 1 and _words(num) in ("a", "an", "one") and _is_rate(c, ctx.text):
        return "SET", duration(1, unit)
    return "DURATION", duration(amount, unit)


def _is_rate(c: Candidate, text: str) -> bool:
    """ "$5 billion a year", "twice a day": a frequency, not a stretch of time."""
    before = text[max(0, c.start - 25) : c.start].lower()
    return bool(re.search(r"(\d|once|twice|times|illion|percent|%)\W*\s*$", before))


def half_duration(c: Candidate, ctx: Context) -> Value | None:
    unit = unit_code(c.groups["unit"], ctx.vocab)
    return ("DURATION", duration(0.5, unit)) if unit else None


def vague_duration(c: Candidate, ctx: Context) -> Value | None:
    unit = unit_code(c.groups["vunit"], ctx.vocab)
    if unit is None:
        return None
    if "vrel" not in c.groups:
        before = ctx.text[max(0, c.start - 12) : c.start].split()
        word = c.groups["vunit"]
        at_sentence_start = word[0].isupper() and (not before or before[-1][-1:] in ".!?\"”")
        if not at_sentence_start and (not before or before[-1].lower() not in ctx.vocab.vague_unit_cues):
            return None
    return "DURATION", duration(None, unit)


def reference(c: Candidate, ctx: Context) -> Value | None:
    return "DATE", ctx.vocab.references[_words(c.groups["ref"])]


def set_kind(c: Candidate, ctx: Context) -> Value | None:
    return "SET", ctx.vocab.sets[c.groups["set"].lower()]


def set_every(c: Candidate, ctx: Context) -> Value | None:
    g = c.groups
    if "weekday" in g:
        wd = ctx.vocab.weekdays[g["weekday"].lower().rstrip(".")]
        return "SET", f"XXXX-WXX-{wd}" + _part_suffix(g.get("part"), ctx.vocab)
    unit = unit_code(g["unit"], ctx.vocab)
    if unit is None:
        return None
    every = (g.get("num_every") or "").lower()
    amount = 2 if every == "other" else (number(every, ctx.vocab) or 1)
    return "SET", duration(amount, unit)


def _clock_value(g: dict[str, str]) -> str | None:
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
    else:
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def clock(c: Candidate, ctx: Context) -> Value | None:
    """The clock time on its day: an adjacent day word, else the clause's day (set later)."""
    t = _clock_value(c.groups)
    if t is None:
        return None
    day = c.groups.get("dayword", "").lower()
    if ctx.pub is None:
        return "TIME", f"XXXX-XX-XX{t}"
    if day in ("today", "tonight", "tomorrow", "yesterday"):
        d = ctx.pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
    elif day:
        d = cal.weekday_near(ctx.pub, ctx.vocab.weekdays[day], _direction(ctx) or "nearest")
    else:
        d = ctx.pub  # provisional: the annotator moves it to the day named beside it
    return "TIME", f"{d.isoformat()}{t}"


NORMALIZERS: dict[str, Callable[[Candidate, Context], Value | None]] = {
    "month_day": month_day,
    "iso_date": iso_date,
    "month_year": month_year,
    "month": month,
    "season": season,
    "year": year,
    "decade": decade,
    "century": century,
    "holiday": holiday,
    "weekday": weekday,
    "deictic": deictic,
    "deictic_part": deictic_part,
    "day_offset": day_offset,
    "anaphoric_day": anaphoric_day,
    "ordinal_day": ordinal_day,
    "relative_unit": relative_unit,
    "whole_unit": whole_unit,
    "weekend": weekend,
    "quarter": quarter,
    "quarter_ref": quarter_ref,
    "ago": ago,
    "duration": duration_kind,
    "half_duration": half_duration,
    "vague_duration": vague_duration,
    "reference": reference,
    "set": set_kind,
    "set_every": set_every,
    "clock": clock,
}
