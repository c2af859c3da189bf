"""What a normalizer knows besides its match, and the helpers the normalizers share:
numbers, units, TIMEX3 durations, the direction of a clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .grammar import Vocabulary

TIME_UNITS = {"S", "TM", "H"}
REL_STEP = {
    "last": -1,
    "previous": -1,
    "next": 1,
    "following": 1,
    "coming": 1,
    "this": 0,
    "current": 0,
    "same": 0,
}

Value = tuple[str, str]  # (TIMEX3 type, value)


@dataclass
class Context:
    pub: date | None  # publication date: the anchor of deixis ("today", "last week")
    ref: date | None  # the last day mentioned before this expression ("the day before")
    tense: Callable[[], str | None]  # lazily parsed: only some expressions need it
    text: str
    vocab: Vocabulary
    # the last quarter mentioned ("1989-Q3"), for "a year earlier"
    last_quarter: str | None = None
    # the last calendar value named ("1998-06"), for "later that year"
    last_period: str | None = None
    # the last stretch of time named ("P2D"), for "during that time"
    last_duration: str | None = None
    # lazily parsed: the clause says outright that it looks ahead ("will take effect")
    marked_future: Callable[[], bool] = lambda: False


def words(s: str) -> str:
    return " ".join(s.lower().split())


def number(word: str | None, vocab: Vocabulary) -> float | None:
    """A cardinal from digits or words; None for a vague one ("several") or a range."""
    if not word:
        return None
    w = words(word).replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    if w.endswith(" 1/2") and w[:-4].isdigit():
        return int(w[:-4]) + 0.5
    if w in vocab.vague_numbers or re.search(r"\d\s*(-|to|or)\s*\d|\s(to|or)\s", w):
        return None
    if w in vocab.numbers:
        return float(vocab.numbers[w])
    parts = re.split(r"[-\s]+", w)
    if parts[-1] in ("hundred", "thousand") and len(parts) > 1:  # "two hundred", "forty-five thousand"
        head = number(" ".join(parts[:-1]), vocab)
        return None if head is None else head * vocab.numbers[parts[-1]]
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
    prefix = "PT" if unit in TIME_UNITS else "P"
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


def direction(ctx: Context, rel: str | None = None) -> str | None:
    if rel in ("last", "previous", "earlier"):
        return "past"
    if rel in ("next", "coming", "later"):
        return "future"
    tense = ctx.tense()
    return tense if tense in ("past", "future") else None


def part_suffix(part: str | None, vocab: Vocabulary) -> str:
    return "T" + vocab.parts_of_day[part.lower()] if part else ""


_SPELLED_UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
        + ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    )
} | {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def parse_year(text: str) -> int:
    """A year from digits or words: "1998", "nineteen ninety-six", "two thousand and one"."""
    t = words(text)
    if t.isdigit():
        return int(t)
    parts = [p for p in re.split(r"[-\s]+", t) if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPELLED_UNITS.get(p, 0) for p in parts[2:])
    if parts[1:] == ["hundred"]:
        return _SPELLED_UNITS[parts[0]] * 100
    return _SPELLED_UNITS[parts[0]] * 100 + sum(_SPELLED_UNITS.get(p, 0) for p in parts[1:])
