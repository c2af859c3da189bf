"""Clean article text: drop page furniture, keep the prose every offset points into.

Rules are data (`knowledge/en/boilerplate.yaml`). HTML goes through trafilatura.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .knowledge import load_yaml

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# spaCy's tokenizer is quadratic in a run of punctuation without spaces (10,000 quote
# marks take half a minute); such runs are never prose, so they are cut into short pieces.
_PUNCT_RUN = re.compile(r"[^\w\s]{64,}")
_PUNCT_PIECE = 32


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    data = load_yaml("boilerplate.yaml")
    drop = re.compile("|".join(f"(?:{p})" for p in data["drop_lines"]), re.IGNORECASE)
    strip = [re.compile(p, re.IGNORECASE) for p in data["strip_fragments"]]
    return drop, strip


def clean_text(text: str) -> str:
    """The article's prose: boilerplate lines dropped, credits cut from captions.

    Line breaks are kept (sentence splitting relies on them); control and
    bidirectional-override characters are removed, so nothing hides in the text.
    """
    drop, strip = _rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    text = _PUNCT_RUN.sub(_break_run, text)
    kept: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and drop.fullmatch(stripped):
            continue
        for pattern in strip:
            line = pattern.sub("", line)
        kept.append(line.rstrip())
    cleaned = "\n".join(kept)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


def _break_run(match: re.Match[str]) -> str:
    run = match.group()
    return " ".join(run[i : i + _PUNCT_PIECE] for i in range(0, len(run), _PUNCT_PIECE))


def clean_field(value: str | None, limit: int = 2000) -> str | None:
    """A one-line metadata value (title, source, url, id) that is safe to show anywhere.

    Control characters (terminal escapes) and bidirectional overrides are dropped,
    runs of whitespace become one space, and an absurdly long value is cut.
    """
    if value is None:
        return None
    value = " ".join(_CONTROL.sub("", value).split())[:limit]
    return value or None


# HTML parsers check each attribute of a tag against the others: a tag with tens of thousands
# of attributes takes minutes. No page needs more than this many on one tag to be read.
MAX_TAG_ATTRIBUTES = 64
_LONG_TAG = re.compile(r"<([a-zA-Z][\w:-]*+)(\s[^<>]{1999,})>")  # possessive name: no backtracking
_ATTRIBUTE = re.compile(r"""\s*([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def bounded_html(html: str) -> str:
    """`html` with every tag cut to its first `MAX_TAG_ATTRIBUTES` attributes (linear time).

    Only tags over 2,000 characters are looked at, so an ordinary page is unchanged.
    """
    return _LONG_TAG.sub(_fewer_attributes, html)


def _fewer_attributes(match: re.Match[str]) -> str:
    name, rest = match.group(1), match.group(2)
    kept = []
    for i, attribute in enumerate(_ATTRIBUTE.finditer(rest)):
        if i >= MAX_TAG_ATTRIBUTES:
            break
        kept.append(attribute.group().strip())
    return f"<{name} {' '.join(kept)}>" if kept else f"<{name}>"


def extract_html(html: str) -> dict[str, Any] | None:
    """Text, title, date, url and site name of an HTML page, via trafilatura (tags bounded first)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            bounded_html(html),
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
        )
    except Exception:  # trafilatura raises many kinds on broken markup; treat all as "no article"
        return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return {k: data.get(k) for k in ("text", "title", "date", "url", "sitename")}
