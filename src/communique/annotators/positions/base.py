"""What frames produce and share: candidates, the resolver interface, subjects of verbs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Token

Holder = tuple[str | None, str]  # (code, name)


class Resolver(Protocol):
    def holder(self, token: Token) -> Holder | None: ...
    def actor(self, token: Token, strict: bool = False) -> Holder | None: ...
    def speaker(self, token: Token) -> Holder | None: ...


@dataclass
class Candidate:
    kind: str
    cue: Token
    content: tuple[int, int] | None  # token range
    holder: Holder | None
    addressee: Holder | None = None
    condition_for: str | None = None
    refers: str | None = None  # "the demand": the kind of an earlier stance whose content this is, if any
    nested: bool = False  # a stance of its own inside another's content ("backed a truce announced by X")


SUBJECTS = ("nsubj", "nsubjpass", "csubj")


CONTROL_PREPS = ("on", "upon")  # "called on Lima to ...": the object of the preposition acts
# prepositions that say a gerund's deed is not done ("without asking", "instead of offering")
NOT_DONE_PREPS = frozenset({"without", "instead", "of", "rather", "than"})


def object_controller(xcomp: Token) -> Token | None:
    """Who does an infinitive that follows an object: in "urged Lima to withdraw" Lima withdraws
    (object control), while in "pledged to withdraw" the subject does."""
    head = xcomp.head
    for child in head.children:
        if child.i < xcomp.i and child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.i < xcomp.i and child.dep_ == "prep" and child.lower_ in CONTROL_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "announced on Monday to offer X": a day is when, not who acts
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, borrowed from the governing verb for infinitives, participles and conjuncts."""
    seen = 0
    while token is not None and seen < 4:
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ == "nsubjpass":
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                pobj = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                )
                return pobj if pobj is not None else child
        if token.dep_ == "xcomp" and (controller := object_controller(token)) is not None:
            return controller
        if token.dep_ in ("xcomp", "advcl", "conj", "acomp", "amod") and token.head.i != token.i:
            token = token.head
            seen += 1
            continue
        governor = token.head.head
        if (
            token.dep_ == "pcomp"
            and token.tag_ == "VBG"
            and token.head.lower_ not in NOT_DONE_PREPS  # "without requiring X": a deed not done
            and governor.pos_ in ("VERB", "AUX")
            # "has ways to seek X: by asking ...": options described, no deed done
            and governor.dep_ not in ("acl", "relcl")
            and governor.lemma_ not in ("be", "have")
        ):
            # "sought peace by promising to withdraw", "after offering talks": the gerund's doer is the
            # subject of the verb its preposition hangs on
            token = token.head.head
            seen += 1
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ in ("dobj", "pobj"):
            # "issued a declaration demanding that ...": the issuer demands; "published a letter from X
            # asking for ...": the letter's author, not its publisher
            author = next(
                (
                    p
                    for c in token.head.children
                    if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            if author is not None:
                return author
            token = governor
            seen += 1
            continue
        return None
    return None
