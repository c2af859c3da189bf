"""Small span and token helpers shared by the actor modules."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING

from ..entities import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Entry
    from .resolve import Working

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "to", "across", "into", "on", "from"}


class SentenceIndex:
    """Sentence bounds of one Doc, found by bisection: spaCy's `Span.sent` walks the tokens back to the
    sentence start on every call, which is quadratic over a long line with no sentence break."""

    def __init__(self, doc: Doc):
        self.starts = [sent.start for sent in doc.sents] or [0]
        self.ends = [*self.starts[1:], len(doc)]

    def index(self, i: int) -> int:
        """The number of the sentence holding token i."""
        return max(0, bisect_right(self.starts, i) - 1)

    def bounds(self, i: int) -> tuple[int, int]:
        """(first token, end token) of the sentence holding token i."""
        n = self.index(i)
        return self.starts[n], self.ends[n]


def indices(lowers, hashes) -> list[int]:
    """Token indices whose lower-case form is one of `hashes`, found without building Token objects."""
    if not len(hashes) or not len(lowers):
        return []
    wanted = hashes if isinstance(hashes, (set, frozenset)) else set(hashes)
    # a set look-up per token: numpy.isin sorts both arrays on every call, slower for an article's length
    return [i for i, h in enumerate(lowers.tolist()) if h in wanted]


def in_longer_name(doc: Doc, i: int) -> bool:
    """Whether the capitalised word at i is glued to another name word ("Marcos Tavares")."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    glued_before = (
        before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
    )
    return glued_before or (after is not None and after.is_title and after.pos_ == "PROPN")


def same_name(parts: list[str], actor: Working, key=str.lower) -> bool:
    """Whether a full name and a known person's names can be the same person (one ends the other); words
    compare by `key` (folded spellings and transliterations are one word)."""
    words = [key(p) for p in parts]
    for name in actor.names or [actor.name]:
        known = [key(w) for w in name.split()]
        n = min(len(known), len(words))
        if known[-n:] == words[-n:] and (n == len(words) or n == len(known)):
            return True
        if (
            known[-1] == words[-1]
            and known[0][:1] == words[0][:1]
            and (known[0] == words[0] or len(words[0].rstrip(".")) == 1)
        ):
            return True  # "Vladimir V. Putin" and "Vladimir Putin", "J. Smith" and "John Smith"
    return False


def heading(doc: Doc, ent: Span, sentence: tuple[int, int]) -> bool:
    """A name followed by a colon, or filling its sentence alone ("Background:", a one-name line)."""
    after = doc[ent.end] if ent.end < len(doc) else None
    alone = ent.start == sentence[0] and ent.end >= sentence[1] - 1
    return (after is not None and after.text == ":") or alone


class Covered:
    """Character ranges, asked whether one of them covers a stretch of text. Sorted once, so each
    question is a bisection: a long article has thousands of ranges and thousands of names."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        rows = sorted(ranges)
        self._starts = [start for start, _ in rows]
        # the farthest end among the ranges starting at or before each one
        self._reach = list(accumulate((end for _, end in rows), max))

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


def inside(ent: Span, ranges: Covered) -> bool:
    return ranges.covers(ent.start_char, ent.end_char)


def is_person(entries: list[Entry]) -> bool:
    return bool(entries) and entries[0].kind == "person"


def strip_possessive(ent: Span) -> str:
    text = ent.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    if text.lower().startswith("the "):
        return text  # kept: the mention covers the determiner the model included
    return text


def ent_of(token: Token) -> Span | None:
    return entity_at(token)


def ent_starting(doc: Doc, i: int) -> Span | None:
    if i < len(doc) and doc[i].ent_iob_ == "B":
        return ent_of(doc[i])
    return None


def no_ent_between(doc: Doc, start: int, end: int) -> bool:
    return all(doc[i].ent_iob_ == "O" for i in range(start, end))


def locative(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE
