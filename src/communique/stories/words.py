"""Content words of report texts and how close two sets of them are.

Words are lower-cased, crudely stemmed and merged with their synonyms ("truce" reads as
"ceasefire"); stop words and the names of the states involved are left out, since the
actors are compared on their own and would make any two reports on one pair of states look alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz, process

from .config import settings

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+")


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@cache
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    config = settings()
    canon: dict[str, str] = {}
    for group in config.get("synonyms") or []:
        words = [str(w).lower() for w in group]
        for w in words:
            for form in (w, w + "s", w + "es"):
                canon[_stem(form)] = _stem(words[0])
    return canon, frozenset(str(w).lower() for w in config.get("stop_words") or [])


def tokens(text: str) -> list[str]:
    """The words and numbers of a text, lower-cased ("1,000" stays one number)."""
    return _WORD.findall((text or "").lower())


def content_words(text: str, drop: Iterable[str] = ()) -> frozenset[str]:
    """Stemmed, synonym-merged words of a text, without stop words and the words in `drop`."""
    canon, stops = _lexicon()
    dropped = set(drop)
    out = set()
    for raw in tokens(text):
        word = raw.replace(",", "") if raw[0].isdigit() else raw
        if word in stops or word in dropped or len(word) < 2:
            continue
        stem = _stem(word)
        out.add(canon.get(stem, canon.get(word, stem)))
    return frozenset(out)


def similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """Cosine of two word sets; a word counts as shared when it is nearly equal to one of the other set
    (inflections the crude stemmer missed, transliterations: "Tabatabai"/"Tabtabai", "Kyiv"/"Kiev")."""
    a, b = frozenset(a), frozenset(b)
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = len(small & large)
    if shared:  # spellings are compared only between texts that already share a word: most pairs share none
        rest = list(large - small)
        for word in small - large:
            if rest and len(word) > 4 and process.extractOne(word, rest, scorer=fuzz.ratio, score_cutoff=85):
                shared += 1
    # one shared word (often the event's own verb) is not enough to call two reports one event
    if shared < 2:
        return 0.0
    return shared / (len(a) * len(b)) ** 0.5
