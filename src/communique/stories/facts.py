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


def _kind_near(stems: list[str], i: int) -> str | None:
    for kind, phrases in _kinds():
        for phrase in phrases:
            n = len(phrase)
            for j in [*range(i + 1, min(len(stems), i + 1 + AFTER)), *range(max(0, i - BEFORE), i)]:
                if tuple(stems[j:j + n]) == phrase:
                    return kind
    return None


def counts_in(text: str) -> dict[str, list[list]]:
    """{kind: [[value, "the words"], ...]} for every counted number of the text."""
    matches = list(_TOKEN.finditer(text or ""))
    words = [m.group().lower() for m in matches]
    stems = [_stem(w) for w in words]
    out: dict[str, list[list]] = {}
    for i, word in enumerate(words):
        value = _value(word)
        if value is None:
            continue
        kind = _kind_near(stems, i)
        if kind is None:
            continue
        lo, hi = max(0, i - BEFORE), min(len(words), i + AFTER + 1)
        phrase = text[matches[lo].start():matches[hi - 1].end()]
        out.setdefault(kind, []).append([value, phrase])
    return out
