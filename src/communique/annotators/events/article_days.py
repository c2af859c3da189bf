"""The days an article's layout gives its actions: where its opening (headline and lead) ends, the
story's day that the lead dates, and the date headings that govern the sections under them.

Pure functions of the text and its timexes; what only a parse can tell (is a line a photo caption?) comes
in as a predicate on lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...document import Timex

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# a paragraph of prose ends its sentences; a headline, a byline or a credit line does not
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# the end of a sentence that another follows ("U.S. envoy" and "Jan. 6" go on)
# (an initial is no end: "N. Korea", "George W. Bush"; "the U.S." may end one)
_NEXT_SENTENCE = re.compile(r"(?:(?<![\s(][A-Z])\.|[!?…])[\"'”’)\]]*(?=\s+[\"'“‘(]?[A-Z])")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪]|\d{1,2}[.)])\s")
# fewer words than this on a line, without a sentence's end, and the line is a heading, not prose
HEADING_MAX_WORDS = 10
# a lead sentence has at least this many words (a one-line caption or credit has fewer, or no end)
LEAD_MIN_WORDS = 8
# the lead that dates an article's story: a day at most this many days before the dateline
# (an older date in the lead is background, not the story day)
STORY_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def lines(text: str) -> list[Line]:
    """The non-empty lines of a text, with their offsets (surrounding spaces left out)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group(0).strip()
        if stripped:
            start = m.start() + m.group(0).index(stripped)
            out.append(Line(start, start + len(stripped), stripped))
    return out


def is_prose(line: Line) -> bool:
    """A line that reads as running text: enough words, and its last sentence ended."""
    return line.words >= LEAD_MIN_WORDS and bool(_SENTENCE_END.search(line.text))


def is_heading(line: Line) -> bool:
    """A short line with no sentence end: a headline, a section heading or a date heading ("June 2:");
    not an item of a list, which belongs to the heading above it."""
    return (
        line.words <= HEADING_MAX_WORDS
        and not _SENTENCE_END.search(line.text)
        and not _LIST_ITEM.match(line.text)
    )


LineTest = Callable[[Line], bool]


def lead_line(text: str, caption: LineTest | None = None) -> Line | None:
    """The first paragraph of prose: what comes before it is the headline, bylines, photo captions
    and credits (in a text of short lines only, the first that ends a sentence)."""
    all_lines = lines(text)
    prose = next((line for line in all_lines if is_prose(line) and not (caption and caption(line))), None)
    return prose or next((line for line in all_lines if _SENTENCE_END.search(line.text)), None)


def opening_end(text: str, caption: LineTest | None = None) -> int:
    """Where an article's opening ends: after its headline and the first sentence of its lead."""
    lead = lead_line(text, caption)
    if lead is None:
        return 0
    m = _NEXT_SENTENCE.search(lead.text)
    return lead.start + (m.end() if m else len(lead.text))


def story_day(
    text: str,
    timexes: list[Timex],
    published: str | None,
    lead_sentences: int = 2,
    caption: LineTest | None = None,
) -> str | None:
    """The day an article's story happened: the first day its lead gives, when that day is within a week
    before the dateline; the dateline itself when the lead gives no date at all. The lead is the first
    sentences of the first paragraph of prose (a headline, a byline or a photo credit is not the lead)."""
    if not published or not FULL_DATE.match(published):
        return None
    lead = lead_line(text, caption)
    if lead is None:
        return published[:10]
    day = _lead_day(text, lead, timexes, Date.fromisoformat(published[:10]), lead_sentences, caption)
    return published[:10] if day is _NO_DAY else day


_NO_DAY = "no day"


def undated_lead_end(text: str, timexes: list[Timex], published: str | None, lead_sentences: int = 2,
                     caption: LineTest | None = None) -> int | None:
    """Where the lead ends, when it names no day at all and the story's day is the dateline's guess; None
    when the lead dates the story (or something else). Past the lead of such an article (a feature, an
    analysis, a column), an undated past deed is mostly background, not the day's news."""
    lead = lead_line(text, caption)
    if not published or not FULL_DATE.match(published) or lead is None:
        return None
    day = _lead_day(text, lead, timexes, Date.fromisoformat(published[:10]), lead_sentences, caption)
    return _lead_end(text, lead, lead_sentences, caption) if day is _NO_DAY else None


def _lead_day(text: str, lead: Line, timexes: list[Timex], pub: Date, lead_sentences: int,
              caption: LineTest | None) -> str | None:
    """The first day the lead gives within a week before the dateline; None when it dates something else,
    _NO_DAY when it names no day."""
    lead_end = _lead_end(text, lead, lead_sentences, caption)
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start < lead.start or timex.type not in ("DATE", "TIME") or not timex.value:
            continue
        if timex.start >= lead_end:
            break
        day = _day(timex.value)
        if day is None or day > pub:
            continue  # a plan the lead announces ("a truce from Sunday") does not date the story
        if (pub - day).days <= STORY_WINDOW_DAYS:
            return day.isoformat()
        return None  # the lead dates something else (a plan, an anniversary): no story day to assume
    return _NO_DAY


def _lead_end(text: str, lead: Line, sentences: int, caption: LineTest | None) -> int:
    """Where the first `sentences` sentences of prose end, from the lead paragraph on: a lead paragraph of
    one sentence (a deck under the headline, a one-line wire lead) goes on into the next paragraph."""
    end = lead.end
    for line in lines(text[lead.start:]):
        line = Line(lead.start + line.start, lead.start + line.end, line.text)
        if line.start > lead.start and (not is_prose(line) or (caption and caption(line))):
            continue
        ends = [m.end() for m in _NEXT_SENTENCE.finditer(line.text)]
        if len(ends) >= sentences:
            return line.start + ends[sentences - 1]
        sentences -= len(ends) + 1
        end = line.end
        if sentences <= 0:
            break
    return end


@dataclass(frozen=True, slots=True)
class Section:
    start: int  # where the heading begins
    end: int  # where the next heading begins, or the text ends
    day: str


def dated_sections(text: str, timexes: list[Timex], caption: LineTest | None = None) -> list[Section]:
    """Sections under a date heading: a short line of its own that names a day ("June 2:", "Talks in
    Geneva on 3 March"), or a day opening a line with a colon ("4 March: the talks resumed ..."). Each
    governs the lines under it up to the next heading. Headings above the lead are bylines, not sections,
    and a photo caption between paragraphs dates its picture, not what follows it."""
    all_lines = lines(text)
    lead = lead_line(text, caption)
    if lead is None:
        return []
    days = sorted(((t.start, t, _day(t.value)) for t in timexes if t.type in ("DATE", "TIME") and t.value),
                  key=lambda row: row[0])
    starts = [row[0] for row in days]
    found: list[tuple[int, str]] = []
    breaks: list[int] = []
    for n, line in enumerate(all_lines):
        if line.start < lead.start and not _heads_list(all_lines, n):
            continue
        heading = is_heading(line)
        if heading:
            breaks.append(line.start)
        # the line's first expression naming a day, found from the line's start (not by scanning them all)
        i = bisect_left(starts, line.start)
        while i < len(days) and days[i][0] < line.end and days[i][2] is None:
            i += 1
        if i == len(days) or days[i][0] >= line.end:
            continue
        _, timex, day = days[i]
        opens_line = timex.start == line.start and text[timex.end : timex.end + 1] == ":"
        if (heading or opens_line) and not (caption and caption(line)):
            found.append((line.start, day.isoformat()))
            if opens_line and not heading:
                breaks.append(line.start)
    sections = []
    for start, day in found:
        end = min((b for b in breaks if b > start), default=len(text))
        sections.append(Section(start, end, day))
    return sections


def _heads_list(all_lines: list[Line], n: int) -> bool:
    """A heading with list items right under it ("Tuesday, 4 March" then "- Peru recalls ..."): the head
    of a dated list, wherever the lead was found (a list of short items may hold no prose at all)."""
    following = all_lines[n + 1] if n + 1 < len(all_lines) else None
    return is_heading(all_lines[n]) and following is not None and bool(_LIST_ITEM.match(following.text))


def section_day(sections: list[Section], offset: int) -> Section | None:
    return next((s for s in sections if s.start <= offset < s.end), None)


def _day(value: str) -> Date | None:
    match = FULL_DATE.match(value)
    if match is None:
        return None
    try:
        return Date.fromisoformat(match.group(0))
    except ValueError:
        return None
