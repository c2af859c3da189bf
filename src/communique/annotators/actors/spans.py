"""Small span and token helpers shared by the actor modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Entry
    from .resolve import Working

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "to", "across", "into", "on", "from"}

def indices(lowers, hashes) -> list[int]:
    """Token indices whose lower-case form is one of `hashes`, found without building Token objects."""
    import numpy

    if not len(hashes) or not len(lowers):
        return []
    return numpy.nonzero(numpy.isin(lowers, numpy.fromiter(hashes, dtype=numpy.uint64)))[0].tolist()


def in_longer_name(doc: Doc, i: int) -> bool:
    """Whether the capitalised word at i is glued to another name word ("Marcos Tavares")."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    glued_before = before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
    return glued_before or (after is not None and after.is_title and after.pos_ == "PROPN")


def same_name(parts: list[str], actor: Working) -> bool:
    """Whether a full name and a known person's names can be the same person (one ends the other)."""
    words = [p.lower() for p in parts]
    for name in actor.names or [actor.name]:
        known = name.lower().split()
        n = min(len(known), len(words))
        if known[-n:] == words[-n:] and (n == len(words) or n == len(known)):
            return True
        if known[-1] == words[-1] and known[0][:1] == words[0][:1] and (known[0] == words[0] or len(words[0].rstrip(".")) == 1):
            return True  # "Vladimir V. Putin" and "Vladimir Putin", "J. Smith" and "John Smith"
    return False


def heading(doc: Doc, ent: Span) -> bool:
    after = doc[ent.end] if ent.end < len(doc) else None
    return (after is not None and after.text == ":") or (ent.start == ent.sent.start and ent.end >= ent.sent.end - 1)


def inside(ent: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= ent.start_char and ent.end_char <= e for s, e in ranges)


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
