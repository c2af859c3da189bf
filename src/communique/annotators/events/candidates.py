"""Trigger candidates of one article and how they nest: a trigger governed by another ("agreed to carry
out a swap") is that action's content, within one clause.

`TriggerScanner` finds the candidates: one vectorised pass over the parse's lemmas and forms picks the
few tokens worth a look (no Python loop over every token), then each gets the first sense (frame) of
its word whose conditions hold there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string

from ..syntax import passive_agent
from .frames import select_frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Frame, Lexicon

# the type of a frame for a sense in which a trigger word reports no action
NO_ACTION = "none"

__all__ = ["Candidate", "Scan", "TriggerScanner", "all_content", "direct_content", "governor", "stative"]

# where a trigger stops being the content of the trigger above it
CONTENT_BOUNDARY = frozenset({"ccomp", "relcl", "parataxis", "ROOT", "nsubj", "nsubjpass", "csubj", "advcl"})


@dataclass
class Candidate:
    tok: Token
    frame: Frame
    governor: Candidate | None = None
    content: list[Candidate] = field(default_factory=list)


def _proposed_subject(
    tok: Token, cands: dict[int, Candidate], light_verbs: frozenset[str]
) -> Candidate | None:
    """ "proposed that talks be held in C", "agreed that a meeting will take place": an action named as
    the subject of a light verb in the clause a trigger takes as its content is that content."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return None
    if verb.lemma_.lower() not in light_verbs:
        return None
    above = cands.get(verb.head.i)
    return above if above is not None and above.frame.takes_clause else None


def governor(
    tok: Token,
    cands: dict[int, Candidate],
    circumstance: frozenset[str],
    light_verbs: frozenset[str] = frozenset(),
) -> Candidate | None:
    """The trigger this one is the content of, if any (within one clause)."""
    if (proposer := _proposed_subject(tok, cands, light_verbs)) is not None:
        return proposer
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


def stative(tok: Token, lex: Lexicon) -> bool:
    """A participle of state ("is committed to", "is prepared to"): read as the adjective."""
    return (
        tok.tag_ == "VBN"
        and tok.lower_ in lex.adjectives
        and passive_agent(tok) is None
        and any(c.dep_ == "auxpass" for c in tok.children)
    )


def _hashes(words) -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def _among(values: numpy.ndarray, hashes: numpy.ndarray) -> numpy.ndarray:
    """For each of `values`, whether it is one of the sorted `hashes` (numpy.isin, without sorting
    both arrays again on every call: a binary search of each value)."""
    if not len(hashes):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(hashes, values).clip(max=len(hashes) - 1)
    return hashes[at] == values


@dataclass
class Scan:
    """What one pass over a parse found: trigger candidates by token index, obligation modals and
    verbs of characterising (for judgements worded indirectly)."""

    cands: dict[int, Candidate]
    modals: list[Token]
    judging_verbs: list[Token]


class TriggerScanner:
    """Finds trigger candidates in a parse; built once per lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        words = {w for table in (lex.verbs, lex.nouns, lex.adjectives) for w in table}
        # spaCy lemmas of common words are lower case; capitalised variants cover PROPN lemmas
        self._lemmas = _hashes(words | {w.capitalize() for w in words})
        # modals, and adjectives of state by their written form ("annoyed" is the participle of "annoy")
        self._forms = _hashes(lex.obligation_modals | set(lex.adjectives))
        self._judging = _hashes(lex.judgement_verbs)

    def scan(self, parsed: Doc) -> Scan:
        lex = self.lex
        rows = parsed.to_array([LEMMA, LOWER])
        judging = _among(rows[:, 0], self._judging)
        wanted = _among(rows[:, 0], self._lemmas) | _among(rows[:, 1], self._forms) | judging
        found = Scan({}, [], [])
        for i in numpy.flatnonzero(wanted):
            tok = parsed[int(i)]
            if judging[i]:
                found.judging_verbs.append(tok)
            if tok.lower_ in lex.obligation_modals:
                found.modals.append(tok)
            self._add(tok, found.cands)
        for cand in found.cands.values():
            cand.governor = governor(cand.tok, found.cands, lex.circumstance_preps, lex.light_verbs)
            if cand.governor is not None:
                cand.governor.content.append(cand)
        return found

    def _add(self, tok: Token, cands: dict[int, Candidate]) -> None:
        lex = self.lex
        frames = lex.adjectives[tok.lower_] if stative(tok, lex) else lex.frames(tok.pos_, tok.lemma_.lower())
        frame = select_frame(tok, frames, lex.modality.conditional_marks) if frames else None
        if frame is None or frame.type == NO_ACTION:
            return  # no sense applies, or the sense that does reports no action ("met the deadline")
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.carrier_nouns:
            tok = tok.head  # "a mediation effort between A and B": the effort carries the action
        cands.setdefault(tok.i, Candidate(tok, frame))


def direct_content(cand: Candidate) -> list[Candidate]:
    """The deeds a trigger governs directly, with the deeds coordinated with them ("proposed a
    ceasefire and a meeting")."""
    return cand.content + [s for c in cand.content for s in c.content if s.tok.dep_ == "conj"]
