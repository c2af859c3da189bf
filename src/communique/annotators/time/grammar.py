"""The TIMEX3 extent grammar: vocabulary and pattern templates from knowledge files,
compiled once into regular expressions, and the longest-match scan over a text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...knowledge import Knowledge
from ..speech import speech_verbs

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_MULTIPLIERS = "hundred|thousand"


def _alternation(words: Any) -> str:
    """Longest first, so that "a few" wins over "a"; spaces match any whitespace.

    Written as a trie ("a(?:\\s+few)?" rather than "a few|a"): the same matches, but
    the regex engine compares each character once instead of once per word, which
    matters as every pattern is tried at every word of every article.
    """
    unique = {str(w) for w in words}
    if any(w != w.lower() for w in unique):  # case variants would be siblings under IGNORECASE
        ordered = sorted(unique, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    trie: dict[str, dict] = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if "" in node:  # a word may end here: the longer ones are tried first (greedy)
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    vague_unit_cues: frozenset[str]
    future_lemmas: frozenset[str]
    future_auxiliaries: frozenset[str]
    scheduling_lemmas: frozenset[str]
    direction_cues: dict[str, str]
    reporting_lemmas: frozenset[str]
    invariant_past_verbs: frozenset[str]
    year_cues: frozenset[str]
    year_modifier_cues: frozenset[str]
    month_may_cues: frozenset[str]
    periodic_adjectives: frozenset[str]
    current_not_time: frozenset[str]
    scheduled_change_lemmas: frozenset[str]
    holiday_things: frozenset[str]


def load_vocabulary(knowledge: Knowledge | None = None) -> Vocabulary:
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("time.yaml")
    lower = lambda mapping: {str(k).lower(): v for k, v in mapping.items()}  # noqa: E731
    return Vocabulary(
        months=lower(data["months"]),
        weekdays=lower(data["weekdays"]),
        numbers=lower(data["numbers"]),
        vague_numbers=frozenset(w.lower() for w in data["vague_numbers"]),
        ordinals=lower(data["ordinals"]),
        units=lower(data["units"]),
        parts_of_day=lower(data["parts_of_day"]),
        seasons=lower(data["seasons"]),
        holidays={" ".join(k.lower().split()): str(v) for k, v in data["holidays"].items()},
        references={" ".join(k.lower().split()): v for k, v in data["references"].items()},
        sets=lower(data["sets"]),
        vague_unit_cues=frozenset(data["vague_unit_cues"]),
        future_lemmas=frozenset(data["future_lemmas"]),
        future_auxiliaries=frozenset(data["future_auxiliaries"]),
        scheduling_lemmas=frozenset(data["scheduling_lemmas"]),
        direction_cues=lower(data["direction_cues"]),
        reporting_lemmas=speech_verbs(knowledge) | frozenset(data.get("reporting_lemmas") or ()),
        invariant_past_verbs=frozenset(data["invariant_past_verbs"]),
        year_cues=frozenset(data["year_cues"]),
        year_modifier_cues=frozenset(data.get("year_modifier_cues") or ()),
        month_may_cues=frozenset(data["month_may_cues"]),
        current_not_time=frozenset(data.get("current_not_time") or ()),
        scheduled_change_lemmas=frozenset(data.get("scheduled_change_lemmas") or ()),
        holiday_things=frozenset(data.get("holiday_things") or ()),
        periodic_adjectives=frozenset(data["periodic_adjectives"]),
    )


def _macros(v: Vocabulary, modifiers: list[str]) -> dict[str, str]:
    # Month names are case-sensitive: "may" and "march" are common words.
    # Only abbreviations take a dot: "in May." must not swallow the full stop.
    longest: dict[int, str] = {}
    for name, number in v.months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    full = set(longest.values())
    month_forms = [f for m in v.months for f in (m.capitalize(), m.upper())]
    abbrev = "|".join(sorted((f for f in month_forms if f.lower() not in full), key=len, reverse=True))
    months = "|".join(sorted((f for f in month_forms if f.lower() in full), key=len, reverse=True))
    weekdays_full = _alternation(w for w in v.weekdays if w.endswith("day"))
    weekdays_abbrev = _alternation(w for w in v.weekdays if not w.endswith("day"))
    word_number = rf"(?:{_TENS})(?:[-\s](?:{_ONES})\b)?|{_alternation(v.numbers)}"
    # "two hundred", "three thousand": a spelled number times a hundred or a thousand
    word_number = rf"(?:{word_number})(?:[-\s]+(?:{_MULTIPLIERS})\b)?"
    ordinal = rf"\d{{1,3}}(?:st|nd|rd|th)|(?:(?:{_TENS})-)?(?:{_alternation(v.ordinals)})"
    plural_units = "|".join(sorted((u for u in v.units if u != "century"), key=len, reverse=True))
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    spelled_year = (
        rf"nineteen[-\s]+(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{teens}|hundred)"
        rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{teens}))?(?!\s+(?!(?:has|was|is|as|its|this|his|us)\b)[a-z]+s\b)"
    )
    clock = (
        r"(?:(?P<hour>[01]?\d|2[0-3])(?P<sep>[:.])(?P<minute>[0-5]\d)"
        r"(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?(?:\s*(?P<hours_word>hours|hrs|h)\b)?"
        r"|(?P<hour2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.?\s?m\b\.?)"
        r"|(?P<hour3>1[0-2]|0?[1-9])(?:\s+o'clock)?\s+in\s+the\s+(?P<dayhalf>morning|afternoon|evening)"
        r"|(?P<hhmm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*(?P<hhmm_word>hours|hrs|GMT|UTC|local\s+time)"
        r"|(?P<noon>noon|midday|midnight))"
        r"(?:\s*\(?(?P<tz>GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST|Moscow\s+time|Kyiv\s+time|local\s+time)\)?)?"
    )
    return {
        "MONTH": rf"(?P<month>(?-i:{months})|(?-i:{abbrev})\.?)",
        "WEEKDAY": rf"(?P<weekday>{weekdays_full}|(?:{weekdays_abbrev})\.?)",
        "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": rf"(?P<year>(?:1[89]|20)\d\d(?!\d|\s*%|,\d)|{spelled_year})",
        "NUM": (
            rf"(?P<num>\d+(?:\s+1/2|\.\d+)?(?:\s*(?:-|to|or)\s*\d+)?"
            # a range in words ("two to three", "one or two"): one amount, vague
            rf"|(?:{word_number})(?:\s+(?:to|or)\s+(?:{word_number}))?"
            rf"|(?P<vague>{_alternation(v.vague_numbers)}))"
        ),
        "UNIT": rf"(?P<unit>centur(?:y|ies)|(?:{plural_units})s?)",
        "PART": rf"(?P<part>{_alternation(v.parts_of_day)})",
        "SEASON": rf"(?P<season>{_alternation(v.seasons)})",
        "HOLIDAY": rf"(?P<holiday>{_alternation(v.holidays)})",
        "REF": rf"(?P<ref>{_alternation(v.references)})",
        "SET": rf"(?P<set>{_alternation(v.sets)})",
        "ORD": rf"(?P<ord>{ordinal})",
        "DMOD": rf"(?P<dmod>{_alternation(modifiers)})",
        "MOD": (
            r"(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            r"|the\s+middle\s+of|end|mid)"
        ),
        "CLOCK": clock,
    }


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    rank: int  # order in the grammar file; breaks ties between equally long matches
    # words one of which every match holds: the pattern runs only on lines holding one
    triggers: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    start: int
    end: int
    groups: dict[str, str]
    rank: int


def compile_patterns(v: Vocabulary, knowledge: Knowledge | None = None) -> list[Pattern]:
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("time_patterns.yaml")
    macros = _macros(v, knowledge.yaml("time.yaml")["duration_modifiers"])
    words = _macro_words(v)
    out = []
    for rank, item in enumerate(data["patterns"]):
        body = re.sub(r"\{([A-Z]+)\}", lambda m: macros[m.group(1)], item["re"])
        # grouped, so that both word-boundary guards apply to every alternative
        regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        triggers = _expand_triggers(str(item["triggers"]), words) if item.get("triggers") else None
        out.append(Pattern(item["kind"], regex, rank, triggers))
    return out


# The words of a text as triggers see them: lower case, letters and digit runs apart,
# every number as "#".
_WORD = re.compile(r"[^\W\d_]+|\d+")
_TRIGGER_MACRO = re.compile(r"^(\w*)\{([A-Z]+)\}(\w*)$")


def _key_word(phrase: str) -> str:
    """One word that every match of a vocabulary phrase holds: its longest."""
    return max(_WORD.findall(phrase.lower()), key=len)


def _macro_words(v: Vocabulary) -> dict[str, frozenset[str]]:
    """For each {NAME} of the grammar, words one of which every match of it holds."""
    units = set(v.units) | {u + "s" for u in v.units} | {"century", "centuries"}
    vocab = {
        "MONTH": v.months, "WEEKDAY": v.weekdays, "PART": v.parts_of_day, "SEASON": v.seasons,
        "HOLIDAY": v.holidays, "REF": v.references, "SET": v.sets, "UNIT": units,
    }
    out = {name: frozenset(_key_word(p) for p in phrases) for name, phrases in vocab.items()}
    out["YEAR"] = frozenset({"#", "nineteen", "thousand"})  # 1998, nineteen ninety-eight, two thousand
    return out


def _expand_triggers(spec: str, words: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for item in spec.split():
        m = _TRIGGER_MACRO.match(item)
        if m is None:
            out.add("#" if item.isdigit() else item.lower())
            continue
        prefix, name, suffix = m.group(1).lower(), m.group(2), m.group(3).lower()
        out.update(f"{prefix}{w}{suffix}" for w in words[name])
    return frozenset(out)


def _lines(text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, trigger words) of every line."""
    out = []
    start = 0
    for line in text.split("\n"):
        words = {"#" if w[0].isdigit() else w for w in _WORD.findall(line.lower())}
        out.append((start, start + len(line), words))
        start += len(line) + 1
    return out


def scan(text: str, patterns: list[Pattern], accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """Every pattern's matches, then the longest accepted non-overlapping ones in text order."""
    found: list[Candidate] = []
    lines = _lines(text)
    everywhere = [(0, len(text))]
    for pattern in patterns:
        if pattern.triggers is None:
            spans = everywhere
        else:
            spans = [(s, e) for s, e, words in lines if not pattern.triggers.isdisjoint(words)]
        for span_start, span_end in spans:
            for m in pattern.regex.finditer(text, span_start, span_end):
                start, end = m.span()
                # a match may end on trailing whitespace or a dot of "p.m." at a sentence end
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    groups = {k: val for k, val in m.groupdict().items() if val is not None}
                    found.append(Candidate(pattern.kind, start, end, groups, pattern.rank))
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for cand in found:
        if any(cand.start < e and s < cand.end for s, e in occupied) or not accept(cand):
            continue
        taken.append(cand)
        occupied.append((cand.start, cand.end))
    taken.sort(key=lambda c: c.start)
    return taken
