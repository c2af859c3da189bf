"""Holders and addressees of positions, from the actors, quotes and statements layers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import ActorRef, Document

Holder = tuple[str | None, str]

SPEAKER_PRONOUNS = frozenset({"we", "i", "our", "my", "us"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
OTHER_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
LOOKBACK_TOKENS = 120  # how far back a pronoun looks for its antecedent


class DocumentResolver:
    """Maps tokens of one parsed document to actors (code, name)."""

    def __init__(self, document: Document, parsed: Doc):
        self.document = document
        self.parsed = parsed

    def actor(self, token: Token | None, strict: bool = False) -> Holder | None:
        """The actor named by a token or by its name-like modifiers ("the Russian side").

        `strict` leaves out adjectives: "frozen Russian assets" are no actor."""
        if token is None:
            return None
        # a title names its holder beside it: "President of Ukraine Volodymyr Zelenskyy"
        near = [c for c in token.children if c.dep_ in ("compound", "nmod", "appos") or c.dep_ == "amod" and not strict]
        if not strict or token.pos_ == "PROPN":
            near += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not strict and token.pos_ == "NOUN":  # "opposition groups in Zimbabwe"
            near += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        for t in (token, *near):
            found = self.document.actor_at(t.idx, t.idx + len(t.text))
            if found is not None:
                return self._with_conjuncts(token, (found.country, found.name))
        return None

    def _with_conjuncts(self, token: Token, first: Holder) -> Holder:
        """ "China and the United States offered": one compound holder, codes joined by commas."""
        found = [first]
        for conj in token.conjuncts:
            if conj.i > token.i and conj.pos_ in ("PROPN", "NOUN"):
                actor = self.document.actor_at(conj.idx, conj.idx + len(conj.text))
                if actor is not None and actor.country and all(actor.country != f[0] for f in found):
                    found.append((actor.country, actor.name))
        if len(found) == 1 or not all(f[0] for f in found):
            return first
        return (",".join(str(f[0]) for f in found), " and ".join(f[1] for f in found))

    def holder(self, token: Token | None) -> Holder | None:
        """An actor, or the actor a pronoun stands for (the quote's speaker for "we")."""
        if token is None:
            return None
        found = self.actor(token)
        if found is not None:
            return found
        lower = token.lower_
        if lower in SPEAKER_PRONOUNS:
            return self.speaker(token) or self._antecedent(token, persons=None)
        if lower in PERSON_PRONOUNS:
            return self._antecedent(token, persons=True)
        if lower in OTHER_PRONOUNS:
            return self._antecedent(token, persons=False)
        return None

    def speaker(self, token: Token) -> Holder | None:
        """The speaker of the quote or reported statement around a token."""
        pos = token.idx
        for quote in self.document.quotes:
            if quote.start <= pos < quote.end and quote.speaker is not None:
                return _ref(quote.speaker)
        for statement in self.document.statements:
            if statement.start <= pos < statement.end and statement.speaker is not None:
                return _ref(statement.speaker)
        return None

    def _antecedent(self, token: Token, persons: bool | None) -> Holder | None:
        """The nearest earlier subject naming an actor of the right sort."""
        start = max(0, token.i - LOOKBACK_TOKENS)
        for t in reversed(self.parsed[start : token.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ == "PRON":
                continue
            actor = self.document.actor_at(t.idx, t.idx + len(t.text))
            if actor is None:
                continue
            is_person = actor.kind == "person"
            if persons is None or persons == is_person or actor.kind is None:
                return (actor.country, actor.name)
        return None


def same_actor(a: Holder | None, b: Holder | None) -> bool:
    """Two holders are one actor: the same code, or (codes unknown) the same name."""
    if a is None or b is None:
        return False
    if a[0] and b[0]:
        return a[0] == b[0]
    return a[1] == b[1]


def _ref(ref: ActorRef) -> Holder:
    return (ref.country, ref.name)
