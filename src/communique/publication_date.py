"""The publication date an article gives of itself when no metadata does: its URL, or its dateline.

A dateline is the place and date that open the body ("KYIV, June 3, 2025 (Wire) -") or a date line
of the byline ("Jane Roe, Tuesday 3 June 2025"). A date elsewhere in the opening lines is not one: a
photo caption ("... testifies before the committee on May 21, 2025 in Washington") or a credit line
("Photo: ... / Agency") dates the picture, which may be days older than the article. Such a guess is
recorded as the article's `date_source` ("url" or "dateline"), and the Document carries one note.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .knowledge import load_yaml

__all__ = [
    "GUESSED_SOURCES", "GUESS_NOTE", "date_from_dateline", "date_from_url", "guess_date", "guess_note",
    "is_credit",
]

# date sources that are a guess from the article itself, not metadata it came with
GUESSED_SOURCES = frozenset({"url", "dateline"})
GUESS_NOTE = "publication date guessed from the"
# a dateline is among the first lines of the body: the headline, bylines and the lead's opening
DATELINE_LINES = 6
# a byline's date line is short; a caption or a sentence is longer
BYLINE_MAX_WORDS = 12

_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day)?\.?,?\s+"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b"
)
# the place of a dateline: one to four capitalised words, maybe a region after a comma, maybe an agency
_PLACE = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_DATELINE_START = re.compile(
    rf"^(?:{_PLACE}(?:\s*,\s*{_PLACE})?\s*(?:\([^)\n]{{1,40}}\))?\s*[,:—–-]+\s*)?{_DATE}", re.IGNORECASE
)
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
# "on May 21, 2025": a date told in a sentence (a caption's, a report's), never a dateline's
_TOLD_DATE = re.compile(rf"\b(?:on|since|from|until|by|before|after)\s+{_DATE}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _credit_markers() -> tuple[str, ...]:
    return tuple(str(m).lower() for m in load_yaml("datelines.yaml")["credit_markers"])


def guess_date(url: object, text: str) -> tuple[str | None, str | None]:
    """(date, source) when no metadata gives one: from the URL, then from a dateline."""
    found = date_from_url(url)
    if found is not None:
        return found, "url"
    found = date_from_dateline(text)
    return (found, "dateline") if found is not None else (None, None)


def guess_note(published: str | None, date_source: str | None) -> str | None:
    """The Document's note for a guessed publication date (relative dates count from it)."""
    if not published or date_source not in GUESSED_SOURCES:
        return None
    where = "URL" if date_source == "url" else "dateline"
    return f"{GUESS_NOTE} {where}: {published}; relative dates count from it"


def date_from_url(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    m = _URL_DATE.search(url)
    return _iso(m[1], m[2], m[3]) if m else None


def date_from_dateline(text: str) -> str | None:
    """The date of a dateline or a byline date line among the first lines of the text, e.g.
    "KYIV, June 3, 2025 (Wire) -" or "Jane Roe | 3 June 2025"; never a caption's or a credit's."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        if is_credit(line):
            continue
        m = _DATELINE_START.match(line)
        if m is None and _is_byline(line):
            m = _ANY_DATE.search(line)
        if m is not None:
            found = _from_match(m)
            if found is not None:
                return found
    return None


def is_credit(line: str) -> bool:
    """A photo credit or caption line ("Photo: ... / Agency", "... © Agency")."""
    low = line.lower()
    return any(marker in low for marker in _credit_markers())


def _is_byline(line: str) -> bool:
    """A short line that names a date without telling it in a sentence: "Jane Roe, Tuesday 3 June 2025"."""
    return (
        len(line.split()) <= BYLINE_MAX_WORDS
        and not line.endswith(".")
        and _TOLD_DATE.search(line) is None
    )


def _from_match(m: re.Match[str]) -> str | None:
    if m["y3"]:
        return _iso(m["y3"], m["m3"], m["d3"])
    month_name, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
    prefix = month_name.lower().rstrip(".")[:3]
    month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(prefix))
    return _iso(year, month, day)


def _iso(year: object, month: object, day: object) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()  # type: ignore[arg-type]
    except ValueError:
        return None
