"""Trigger candidates of one article and how they nest: a trigger governed by another ("agreed to carry
out a swap") is that action's content, within one clause."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Frame

__all__ = ["Candidate", "all_content", "governor"]

# where a trigger stops being the content of the trigger above it
CONTENT_BOUNDARY = frozenset({"ccomp", "relcl", "parataxis", "ROOT", "nsubj", "nsubjpass", "csubj", "advcl"})


@dataclass
class Candidate:
    tok: Token
    frame: Frame
    governor: Candidate | None = None
    content: list[Candidate] = field(default_factory=list)


def governor(tok: Token, cands: dict[int, Candidate], circumstance: frozenset[str]) -> Candidate | None:
    """The trigger this one is the content of, if any (within one clause)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in circumstance:
            return None  # "agree on an exchange after talks": the talks are a circumstance, not the content
        if cur.dep_ == "ccomp" and cur.head.i in cands and cands[cur.head.i].frame.takes_clause:
            return cands[cur.head.i]
        if cur.dep_ in CONTENT_BOUNDARY or cur.head is cur:
            return None
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return None
        cur = cur.head
        if cur.i in cands:
            return cands[cur.i]
    return None


def all_content(cand: Candidate) -> list[Candidate]:
    """Every trigger nested under this one ("discussed talks in a call with ..."), nearest first."""
    out, stack = [], list(cand.content)
    while stack:
        sub = stack.pop(0)
        out.append(sub)
        stack.extend(sub.content)
    return out
