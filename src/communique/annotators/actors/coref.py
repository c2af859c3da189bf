"""Small in-document coreference: pronouns to the salient subject before them.

"he"/"she" go to the latest compatible person that is a grammatical subject earlier in the same
sentence, else to the main-clause subject of the previous sentence (then any subject, then any
mention there); "it"/"they" do the same with states and organisations. Expletive "it" ("it is
unclear whether") refers to nothing. A name met only inside quotation marks is no antecedent for a
pronoun outside them (the caller leaves quoted slots out). "they" after a coordinated subject
("China and the United States agreed ... they") names every conjunct: the caller records one
mention of the pronoun per actor, and `Document.actor_at` (longest mention, first actor on a tie)
returns the first of them; `[a for a in doc.actors if any(...)]` over the span gives them all.
Each resolved pronoun becomes a mention, so a chain ("Trump said ... He stopped short ... something
he suggested") follows its first link.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..pronouns import pronouns_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_COPULAS = {"be", "seem", "appear", "remain", "become"}


@dataclass(slots=True)
class Slot:
    """One mention as coreference sees it."""

    start: int  # character offsets
    end: int
    token: int  # index of the mention's root token
    sent: int  # sentence index
    key: str  # the working actor's key
    person: bool
    gender: str | None
    subject: bool
    main: bool  # subject of the sentence root
    coordinated: bool = False  # "China and the United States": "they" means both, not one
    plural: bool = False  # "Russian officials", "the Houthis": what "they" can name
    quoted: bool = False  # inside quotation marks: no antecedent for a pronoun outside them
    group: int = -1  # token index of the first conjunct of a coordination ("China" in "China and the US")
    group_subject: bool = False  # that coordination is a subject
    group_main: bool = False  # ... of the sentence root
    # the subject only through a modifier ("Trump" in "Trump campaign spokesman Jason Miller")
    modifier: bool = False


# Slots of one sentence a pronoun looks back over: antecedents lie near it, and a bounded window keeps a long
# line with no sentence break linear (a sentence of ordinary length holds far fewer).
WINDOW = 48


@dataclass(slots=True)
class SlotIndex:
    """Slots by sentence, each sentence's in text order: what a pronoun may refer to, found without a pass
    over the whole document per pronoun."""

    by_sentence: dict[int, list[Slot]] = field(default_factory=dict)

    def add(self, slot: Slot) -> None:
        insort(self.by_sentence.setdefault(slot.sent, []), slot, key=lambda s: s.start)

    def window(self, sent_index: int, before: int, quoted: bool) -> list[Slot]:
        """The slots a pronoun at char `before` of sentence `sent_index` may refer to, in text order: those of
        the two sentences before (their first and last WINDOW) and the last WINDOW before it in its own;
        slots inside quotation marks only for a pronoun inside them (`quoted`)."""
        out: list[Slot] = []
        for back in (2, 1):
            slots = self.by_sentence.get(sent_index - back, [])
            out.extend(slots if len(slots) <= 2 * WINDOW else slots[:WINDOW] + slots[-WINDOW:])
        same = self.by_sentence.get(sent_index, [])
        k = bisect_left(same, before, key=lambda s: s.start)
        out.extend(same[max(0, k - WINDOW) : k])
        return out if quoted else [s for s in out if not s.quoted]


def is_subject(token: Token) -> tuple[bool, bool]:
    """(the mention heads a subject, that subject belongs to the sentence's root)."""
    t = token
    modifier = False
    # climb compounds and possessives: "Russia's lead negotiator" is the subject through "negotiator"
    while t.dep_ in ("compound", "poss", "amod", "appos", "flat") and t.head is not t:
        if t.dep_ == "appos" and modifier:
            # "Pakistan, a key U.S. ally, ...": a modifier inside the subject's description is not the subject
            return False, False
        modifier = modifier or t.dep_ != "appos"
        t = t.head
    if t.dep_ not in _SUBJECT_DEPS:
        return False, False
    return True, t.head.dep_ == "ROOT"


def is_coordinated(token: Token) -> bool:
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def phrase_head(token: Token) -> Token:
    """The noun a mention's root modifies, if any: "delegation" for "Ukraine" in "Ukraine's delegation"."""
    t = token
    while t.dep_ in ("compound", "poss", "amod", "flat") and t.head is not t and t.head.i > t.i:
        t = t.head
    return t


def first_conjunct(token: Token) -> Token:
    """The head of a coordination a token belongs to:
    "China" for "the United States" in "China and the United States"."""
    t = token
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t


def resolve_group(token: Token, sent_index: int, slots: list[Slot]) -> list[Slot]:
    """For "they"/"them"/"their": the actors of a coordinated subject before it
    ("China and the United States ... they"): one slot per actor, from the same sentence,
    else the main clause of the previous one."""
    if token.lower_ not in _plural_things(token):
        return []
    before = [s for s in slots if s.start < token.idx and s.group >= 0]
    for sent, test in ((sent_index, lambda s: s.group_subject), (sent_index - 1, lambda s: s.group_main)):
        candidates = [s for s in before if s.sent == sent and test(s)]
        if not candidates:
            continue
        group = candidates[-1].group
        members: dict[str, Slot] = {}
        for s in candidates:
            if s.group == group:
                members.setdefault(s.key, s)
        if len(members) >= 2:
            return list(members.values())
    return []



def is_expletive(token: Token) -> bool:
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.lower_ == "it" and head.lemma_ in _COPULAS:
        return any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in head.children)
    return False


def resolve_pronoun(token: Token, sent_index: int, slots: list[Slot]) -> Slot | None:
    """The slot a pronoun refers to, from slots in text order (those before it are candidates)."""
    low = token.lower_
    pronouns = pronouns_of(token.doc)
    if low in pronouns.gender:
        gender = pronouns.gender[low]

        def fits(s: Slot) -> bool:
            return s.person and (s.gender is None or s.gender == gender)
    elif low in pronouns.things:
        if is_expletive(token):
            return None
        plural = low in _plural_things(token)

        def fits(s: Slot) -> bool:
            return not s.person and (not plural or (s.plural and not s.coordinated))
    else:
        return None
    mates = clause_subjects_of_object(token)
    before = [s for s in slots if s.start < token.idx and fits(s) and s.token not in mates]
    same = [s for s in before if s.sent == sent_index]
    subjects = [s for s in same if s.subject]
    if subjects:
        return subjects[-1]
    thing = low in pronouns.things
    for back in (1, 2):
        sentence = [s for s in slots if s.sent == sent_index - back]
        previous = [s for s in sentence if fits(s)]
        if thing and low in _plural_things(token) and any(s.main and s.person for s in sentence):
            return None  # "they" after a sentence about people means people, whom it cannot name here
        groups = [[s for s in previous if s.main], [s for s in previous if s.subject]]
        if not thing:
            groups.append(previous)
        for n, group in enumerate(groups):
            if group:
                if n == 0:  # the head of the subject before a name that only modifies it
                    return next((s for s in group if not s.modifier), group[0])
                return group[-1]
        if sentence:
            break
    return None if thing else (same[-1] if same else None)



def clause_subjects_of_object(token: Token) -> frozenset[int]:
    """A plain (not reflexive) object pronoun never names the subject of its own verb ("Kamau joined her":
    her is not Kamau; he would have written "himself"): the token indices of that verb's subjects."""
    if token.dep_ not in ("dobj", "dative", "iobj"):
        return frozenset()
    return frozenset(c.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass"))


def _plural_things(token: Token) -> frozenset[str]:
    """ "they", "them", "their": the plural pronouns that may stand for a group
    (of the table the parse carries)."""
    pronouns = pronouns_of(token.doc)
    return pronouns.things & pronouns.third_plural
