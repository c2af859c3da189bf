"""Numbers a report gives about an event, by what they count (killed, wounded, prisoners, days...).

"at least 26 people were killed", "a 30-day truce", "nine sites": a number and, within a few
words after it (or just before it: "killing five"), a word that says what it counts. The
words are data (`counts` in stories.yaml); the first matching kind wins.
"""

from __future__ import annotations

import re
from functools import cache

from .config import settings

_NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?$")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")
AFTER, BEFORE = 4, 3  # words a count's noun may lie after / before its number
_SCALES = frozenset({100, 1000, 1_000_000})  # "five hundred": the word multiplies what came before


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@cache
def _kinds() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(kind, phrases as stemmed word tuples), in the order of the file."""
    out = []
    for kind, phrases in (settings().get("counts") or {}).items():
        out.append((str(kind), tuple(tuple(_stem(w) for w in str(p).lower().split()) for p in phrases)))
    return tuple(out)


@cache
def _number_words() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in (settings().get("number_words") or {}).items()}


def _value(word: str) -> int | None:
    if _NUMBER.match(word):
        try:
            return int(float(word.replace(",", "")))
        except ValueError:
            return None
    return _number_words().get(word)


def _kind_at(stems: list[str], j: int) -> str | None:
    """The kind whose phrase starts at word j, if any."""
    for kind, phrases in _kinds():
        if any(tuple(stems[j : j + len(p)]) == p for p in phrases):
            return kind
    return None


def _kind_near(stems: list[str], start: int, end: int) -> str | None:
    """The kind named nearest to the number words start..end (after it first on a tie)."""
    for distance in range(1, max(AFTER, BEFORE) + 1):
        after, before = end - 1 + distance, start - distance
        if distance <= AFTER and after < len(stems) and (kind := _kind_at(stems, after)):
            return kind
        if distance <= BEFORE and before >= 0 and (kind := _kind_at(stems, before)):
            return kind
    return None


def _numbers(words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, value) of each run of number words: "five hundred" is 500, "2,000" is 2000."""
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        if _value(words[i]) is None:
            i += 1
            continue
        start, total = i, 0
        while i < len(words) and (value := _value(words[i])) is not None:
            total = total * value if value in _SCALES and total else total + value
            i += 1
        runs.append((start, i, total))
    return runs


def counts_in(text: str) -> dict[str, list[list]]:
    """{kind: [[value, "the words"], ...]} for every counted number of the text."""
    matches = list(_TOKEN.finditer(text or ""))
    words = [m.group().lower() for m in matches]
    stems = [_stem(w) for w in words]
    out: dict[str, list[list]] = {}
    for start, end, value in _numbers(words):
        kind = _kind_near(stems, start, end)
        if kind is None:
            continue
        lo, hi = max(0, start - BEFORE), min(len(words), end + AFTER)
        phrase = text[matches[lo].start() : matches[hi - 1].end()]
        out.setdefault(kind, []).append([value, phrase])
    return out
