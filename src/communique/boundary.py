"""The input boundary: every article is checked and normalised here before it meets the pipeline.

Readers (files, JSON, feeds) and callers of the Python API may hand over whatever a
file held. `admit` is the one place that makes an article safe for every later
stage: valid Unicode in every field (a lone surrogate cannot be encoded, hashed or
stored), a publication date that is a real day in range, an id and metadata that are
single printable lines, and a text no longer than spaCy accepts. It is idempotent,
so the engine may admit an article early (before looking it up in the store) and the
pipeline again. `split_long_runs` bounds the cost of one sentence on the cleaned text.
Each repair leaves a note on the article; what cannot be repaired is an InputError.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date

from .cleaning import clean_field
from .document import Article
from .errors import InputError

# Earlier than this is no news article, and date arithmetic near year 1 overflows.
MIN_PUBLISHED = date(1800, 1, 1)
# Date arithmetic near year 9999 overflows too; dates in the future are the engine's to set aside
# (with a note saying so), so this bound is only about what a date can be at all.
MAX_PUBLISHED = date(9000, 12, 31)
ID_LIMIT = 200
# A stretch of a sentence longer than this with no full stop or line break is cut at a space
# (the space becomes a line break, which the sentence splitter honours): a sentence's cost
# grows faster than its length in the parser and the annotators, and no prose needs more.
MAX_SENTENCE_CHARS = 2000

_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SENTENCE_END = re.compile(r"[.!?\n]")


def valid_text(value: str) -> str:
    """`value` with every lone surrogate (invalid Unicode, e.g. from a JSON "\\ud800") replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def content_id(text: str) -> str:
    """A stable id for an article without one: a hash of its text."""
    return hashlib.sha256(valid_text(text).encode("utf-8")).hexdigest()[:16]


def admit(article: Article, max_chars: int) -> Article | InputError:
    """The article made safe for the pipeline (with notes on what was repaired), or why it cannot be."""
    origin = article.origin or str(article.id)
    if not isinstance(article.text, str) or not article.text.strip():
        return InputError(origin, "article has no text")
    if len(article.text) > max_chars:
        return InputError(
            origin,
            f"article is {len(article.text):,} characters, over the limit of {max_chars:,} "
            "(spaCy's max_length; COMMUNIQUE_MAX_CHARS sets both)",
        )
    notes = list(article.notes)
    repaired = [
        name for name in ("text", "title", "source", "url", "id") if has_surrogate(getattr(article, name))
    ]
    if repaired:
        notes.append(f"invalid Unicode (lone surrogates) replaced in {', '.join(repaired)}")
    text = valid_text(article.text)
    published, date_note = admitted_date(article.published)
    if date_note:
        notes.append(date_note)
    fields = {name: _metadata(getattr(article, name)) for name in ("title", "source", "url")}
    admitted = dataclasses.replace(
        article,
        id=_metadata(article.id, limit=ID_LIMIT) or content_id(text),
        text=text,
        published=published,
        date_source=article.date_source if published else None,
        origin=valid_text(article.origin) if isinstance(article.origin, str) else article.origin,
        notes=notes,
        **fields,
    )
    return admitted


def admitted_date(value: object) -> tuple[str | None, str | None]:
    """A publication day as YYYY-MM-DD within range, or None and a note saying why it was ignored."""
    if value is None or value == "":
        return None, None
    shown = clean_field(valid_text(str(value)), limit=40)
    m = _ISO_DAY.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return None, f"publication date {shown!r} is not a YYYY-MM-DD date; ignored"
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None, f"publication date {shown!r} is not a calendar day; ignored"
    if not MIN_PUBLISHED <= day <= MAX_PUBLISHED:
        return None, f"publication date {shown} is out of range ({MIN_PUBLISHED} to {MAX_PUBLISHED}); ignored"
    return day.isoformat(), None


def split_long_runs(text: str, limit: int = MAX_SENTENCE_CHARS) -> tuple[str, int]:
    """`text` with every stretch of more than `limit` characters between sentence ends cut at spaces.

    Cuts replace a space with a line break, so the text keeps its length. Returns the
    text and the number of stretches cut. Linear in the length of the text.
    """
    cuts: list[int] = []
    stretches = previous = 0
    for match in _SENTENCE_END.finditer(text + "\n"):
        if match.start() - previous > limit:
            points = _cut_points(text, previous, match.start(), limit)
            cuts.extend(points)
            stretches += bool(points)
        previous = match.end()
    if not cuts:
        return text, 0
    chars = list(text)
    for position in cuts:
        chars[position] = "\n"
    return "".join(chars), stretches


def _cut_points(text: str, start: int, end: int, limit: int) -> list[int]:
    """Spaces to turn into line breaks so no piece of text[start:end] is longer than `limit`."""
    points = []
    piece_start = start
    while end - piece_start > limit:
        # the last space in the allowed window, not in its first half (no tiny pieces)
        window = (piece_start + limit // 2, piece_start + limit)
        space = max(text.rfind(" ", *window), text.rfind("\t", *window))
        if space < 0:
            # no space in the window (one very long token): cut at the next space, wherever it is
            space = max(-1, _next_space(text, piece_start + limit, end))
            if space < 0:
                break
        points.append(space)
        piece_start = space + 1
    return points


def _next_space(text: str, start: int, end: int) -> int:
    space, tab = text.find(" ", start, end), text.find("\t", start, end)
    return min((p for p in (space, tab) if p >= 0), default=-1)


def _metadata(value: object, limit: int = 2000) -> str | None:
    if value is None:
        return None
    return clean_field(valid_text(str(value)), limit=limit)


def has_surrogate(value: object) -> bool:
    """Whether `value` is a string holding a lone surrogate (invalid Unicode)."""
    return isinstance(value, str) and _SURROGATE.search(value) is not None
