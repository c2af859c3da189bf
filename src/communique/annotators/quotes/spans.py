"""Quotation spans in plain text: where each quotation opens and closes.

Pure text work, no parsing. Double marks (curly, low-high, guillemets, straight)
are the outer quotations; a single-mark quotation counts only where no double
one is open, since inside one it is a nested quote and part of the outer quote.
A quotation left open at the end of a paragraph goes on when the next paragraph
opens with a mark (the newspaper convention for quotes over several paragraphs);
otherwise it ends with its paragraph (a cut-off article, a missing mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...knowledge import Knowledge


@dataclass(slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote was never closed
    nested: bool = False  # single-mark quotation at top level
    restarts: list[int] = field(default_factory=list)  # offsets of the marks reopening it in later paragraphs

    def text(self, source: str) -> str:
        """The words without the marks; continuation marks of later paragraphs removed."""
        inner = source[self.start : self.end]
        return _PARAGRAPH_MARK.sub("\n", inner) if "\n" in inner else inner


_PARAGRAPH_MARK = re.compile(r"\n(\s*)(?:''|[\"“„«])")


@dataclass(frozen=True, slots=True)
class MarkTable:
    closers: dict[str, frozenset[str]]  # opening mark -> marks that may close it
    single_closers: dict[str, frozenset[str]]
    single_max: int
    double_re: re.Pattern[str]
    single_re: re.Pattern[str]


def mark_table(knowledge: Knowledge | None = None) -> MarkTable:
    """The quotation marks of `knowledge` (built once per pipeline through `Knowledge.derived`)."""
    data = (knowledge or Knowledge.from_env()).yaml("quote_marks.yaml")

    def pairs(rows: list[list[str]]) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for opener, closer in rows:
            out.setdefault(opener, set()).add(closer)
        return {k: frozenset(v) for k, v in out.items()}

    closers = pairs(data["double"])
    singles = pairs(data["single"])
    double_marks = set(closers) | {c for v in closers.values() for c in v}
    single_marks = set(singles) | {c for v in singles.values() for c in v}

    def alternation(marks: set[str]) -> re.Pattern[str]:
        # longest first, so that two apostrophes ('') are one mark, not two
        return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)) + "|\n")

    return MarkTable(
        closers=closers,
        single_closers=singles,
        single_max=int(data.get("single_max_chars", 300)),
        double_re=alternation(double_marks),
        single_re=alternation(single_marks),
    )


_AMBIGUOUS = {'"', "''"}  # marks that open and close alike


def _can_open(text: str, i: int, size: int = 1) -> bool:
    """A mark opens when a word follows it and no word sticks to its left."""
    after = text[i + size] if i + size < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-:/" or not before.isalnum())


def _can_close(text: str, i: int, size: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + size] if i + size < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _next_paragraph_opens(text: str, newline: int, table: MarkTable) -> int | None:
    """Offset of the opening mark starting the next non-empty paragraph, if it has one."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    for mark in table.closers:
        if text.startswith(mark, j) and _can_open(text, j, len(mark)):
            return j + len(mark) - 1
    return None


def _mark_start(text: str, last: int) -> int:
    """The first character of a mark whose last character is at `last` ('' is two)."""
    return last - 1 if last > 0 and text[last - 1 : last + 1] in ("''", "``") else last


def split_at(span: QuoteSpan, restart: int, text: str) -> tuple[QuoteSpan, QuoteSpan]:
    """Two quotations from one that a later paragraph reopened: the first left unclosed."""
    end = restart
    while end > span.start and text[end - 1].isspace():
        end -= 1
    size = 2 if text[restart : restart + 2] in ("''", "``") else 1
    before = [r for r in span.restarts if r < restart]
    after = [r for r in span.restarts if r > restart]
    first = QuoteSpan(span.start, end, span.open_mark, None, restarts=before)
    second = QuoteSpan(restart + size, span.end, restart, span.close_mark, restarts=after)
    return first, second


def find_double(text: str, table: MarkTable | None = None) -> list[QuoteSpan]:
    table = table or mark_table()
    spans: list[QuoteSpan] = []
    opened: int | None = None
    mark = ""  # the opening mark of the open quotation
    restarts: list[int] = []
    skip_to = -1
    for m in table.double_re.finditer(text):
        i, c = m.start(), m.group()
        if i < skip_to:
            continue
        if opened is None:
            if c in table.closers and _can_open(text, i, len(c)):
                opened, mark, restarts = i, c, []
            continue
        inner = opened + len(mark)
        if c == "\n":
            cont = _next_paragraph_opens(text, i, table)
            if cont is not None:
                skip_to = cont + 1  # the mark that restarts the quote in the next paragraph
                restarts.append(_mark_start(text, cont))
                continue
            end = i
            while end > inner and text[end - 1].isspace():
                end -= 1
            if end > inner:
                spans.append(QuoteSpan(inner, end, opened, None, restarts=restarts))
            opened = None
            continue
        if c in table.closers[mark] and (c not in _AMBIGUOUS or _can_close(text, i, len(c))):
            if i > inner:
                spans.append(QuoteSpan(inner, i, opened, i, restarts=restarts))
            opened = None
    if opened is not None:
        end = len(text.rstrip())
        if end > opened + len(mark):
            spans.append(QuoteSpan(opened + len(mark), end, opened, None, restarts=restarts))
    return spans


class _Covered:
    """Ranges [a, b) of the text, asked in increasing positions: is this one inside any of them?

    Marks come in text order, so one pass over the ranges sorted by start (keeping the
    furthest end so far) answers every question; an `any` over all ranges per mark was
    quadratic in a long article.
    """

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.next = 0  # first range not yet started
        self.reach = -1  # the furthest end among ranges started so far

    def __contains__(self, i: int) -> bool:
        while self.next < len(self.ranges) and self.ranges[self.next][0] <= i:
            self.reach = max(self.reach, self.ranges[self.next][1])
            self.next += 1
        return i < self.reach


def find_single(text: str, outer: list[QuoteSpan], table: MarkTable | None = None) -> list[QuoteSpan]:
    """Single-mark quotations outside every double one; both marks in one paragraph."""
    table = table or mark_table()
    covered = _Covered(
        [(s.open_mark, (s.close_mark if s.close_mark is not None else s.end) + 1) for s in outer]
    )
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for m in table.single_re.finditer(text):
        i, c = m.start(), m.group()
        if i in covered:
            opened = None
            continue
        if c == "\n":
            opened = None
            continue
        if opened is None:
            # a single mark glued to a word on its left is an apostrophe (Kyiv’s, '90s aside)
            if c in table.single_closers and _can_open(text, i) and (i == 0 or not text[i - 1].isalnum()):
                opened = i
            continue
        if i - opened > table.single_max:
            opened = i if c in table.single_closers and _can_open(text, i) else None
            continue
        if c in table.single_closers[text[opened]] and _can_close(text, i):
            # "Russians' demands": a plural possessive, not a closing mark, when a letter follows soon
            if i > opened + 1:
                spans.append(QuoteSpan(opened + 1, i, opened, i, nested=True))
            opened = None
    return spans


def find_quote_spans(text: str, table: MarkTable | None = None) -> list[QuoteSpan]:
    """Every top-level quotation in the text, in order."""
    table = table or mark_table()
    doubles = find_double(text, table)
    singles = find_single(text, doubles, table)
    spans = sorted(doubles + singles, key=lambda s: (s.open_mark, -(s.close_mark or s.end)))
    # a quotation inside another (a double-quoted phrase within single quotes) is part of the outer one
    top: list[QuoteSpan] = []
    for span in spans:
        if top and span.open_mark < (top[-1].close_mark if top[-1].close_mark is not None else top[-1].end):
            continue
        top.append(span)
    return top


def headline_end(text: str, title: str | None) -> int | None:
    """End of the headline when the text opens with the article's title as a paragraph of its own."""
    if not title:
        return None
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0]
    lead = title.strip()[:20]
    if not lead or not first.startswith(lead):
        return None
    return len(text) - len(stripped) + len(first.rstrip())


def is_title_cased(line: str) -> bool:
    """A headline written In Title Case: nearly every longer word capitalized, so capitals say nothing
    about names there."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
