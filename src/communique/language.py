"""Tell English articles from articles in other languages, so the latter can be skipped.

The annotators (spaCy model, verb lexicons, gazetteers) are English only; an
article in another language would come out as noise. We only need a binary
answer with high precision (never skip an English article), so we use two
cheap signals instead of a statistical detector: the script of the letters,
and the share of words that are frequent function words of each language
(`knowledge/en/languages.yaml`). That costs one regex pass over a sample of
the text, needs no model file, and is deterministic (langdetect is not unless
seeded; fastText needs a model download).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .knowledge import load_yaml

# Enough text to judge; the rest of a long article changes nothing.
SAMPLE_CHARS = 6000
# Fewer words than this (a headline, a caption) are never judged.
MIN_WORDS = 20

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Script of a letter, from the first word of its Unicode name.
_SCRIPTS = {
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "CJK": "Han",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "HANGUL": "Hangul",
    "DEVANAGARI": "Devanagari",
    "THAI": "Thai",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
}
_SCRIPT_LANGUAGE = {
    "Greek": "el",
    "Hebrew": "he",
    "Han": "zh",
    "Kana": "ja",
    "Hangul": "ko",
    "Devanagari": "hi",
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" when only "not English" is known
    name: str
    english: bool


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    data = load_yaml("languages.yaml")
    words = {code: frozenset(ws.lower().split()) for code, ws in data["function_words"].items()}
    return dict(data.get("names") or {}), words


def _script(char: str) -> str:
    if char.isascii():
        return "Latin"
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first == "LATIN":
        return "Latin"
    return _SCRIPTS.get(first, "other")


def detect_language(text: str) -> LanguageGuess | None:
    """The article's language when it is clearly not English; None when English or too short to tell."""
    names, function_words = _tables()
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    # Script first: a page of Cyrillic or Arabic is not English whatever its words are.
    if not sample.isascii():
        letters = Counter(_script(c) for w in words for c in w[:3])
        script, count = letters.most_common(1)[0]
        if script != "Latin" and count > 0.5 * sum(letters.values()):
            code = _script_language(script, sample)
            fallback = (
                f"a language in {script} script" if script != "other" else "a language in a non-Latin script"
            )
            return LanguageGuess(code, names.get(code, fallback), english=False)
    total = len(words)
    counts = Counter(words)
    distinct = counts.keys()

    def share(vocab: frozenset[str]) -> float:
        return sum(counts[w] for w in distinct & vocab) / total

    english = share(function_words["en"]) if "en" in function_words else 0.0
    if english >= 0.12:  # the common case, settled without looking at other languages
        return None
    shares = {code: share(vocab) for code, vocab in function_words.items() if code != "en"}
    best, best_share = max(shares.items(), key=lambda kv: kv[1], default=("und", 0.0))
    # English news has 30-45% of its words in the English list; other languages under 10%.
    if english < 0.12 and best_share >= 0.15 and best_share > 2 * english:
        return LanguageGuess(best, names.get(best, best), english=False)
    if english < 0.04 and total >= 50:
        return LanguageGuess("und", "a language other than English", english=False)
    return None


def _script_language(script: str, sample: str) -> str:
    if script == "Cyrillic":
        return "uk" if re.search(r"[іїєґІЇЄҐ]", sample) else "ru"
    if script == "Arabic":
        return "fa" if re.search(r"[پچژگ]", sample) else "ar"
    if script == "Han" and re.search(r"[\u3040-\u30ff]", sample):
        return "ja"
    return _SCRIPT_LANGUAGE.get(script, "und")
