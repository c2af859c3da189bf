"""What the article has said so far: the speakers already resolved (for pronouns, titles and
quotations that continue a speaker) and the person a sentence is about."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...document import ActorRef
from ..pronouns import pronouns_of
from ..syntax import own_subject

if TYPE_CHECKING:
    from ...document import Actor
    from .speakers import SpeakerResolver



@dataclass(slots=True)
class Said:
    """One resolved speaker, remembered for pronouns and continuations later on."""

    pos: int
    ref: ActorRef
    person: bool
    via: str  # quote, statement, source


@dataclass(slots=True)
class Speaker:
    ref: ActorRef
    person: bool
    start: int | None = None
    end: int | None = None


@dataclass
class Memory:
    said: list[Said] = field(default_factory=list)

    def add(self, pos: int, speaker: Speaker, via: str) -> None:
        self.said.append(Said(pos, speaker.ref, speaker.person, via))

    def last(self, before: int, *, person: bool | None = None, via: tuple[str, ...] = ()) -> Speaker | None:
        for s in reversed(self.said):
            if s.pos < before and (person is None or s.person == person) and (not via or s.via in via):
                return Speaker(s.ref, s.person)
        return None


def subject_before(
    resolver: SpeakerResolver, offset: int, *, gender: str | None = None, same_paragraph: bool = False
) -> Speaker | None:
    """The person who is the main subject of the sentence before the one holding `offset` (sentences
    inside quotation marks passed over): whom a frameless quotation or an unresolved "she said" after
    it points to ("Clinton criticized the officer. '... ?' she said.")."""
    doc = resolver.parsed
    char = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if char is None or not len(char):
        return None
    k = bisect.bisect_right(resolver.sent_starts, char[0].i) - 1
    while k > 0:
        k -= 1
        start, end = resolver.sent_starts[k], resolver.sent_ends[k]
        words = [t for t in doc[start:end] if not t.is_space and not t.is_punct]
        if words and all(resolver.inside_quote(t.idx) for t in words):
            continue  # a sentence of quoted words: its subject is no antecedent for the frame
        if same_paragraph and "\n" in resolver.text[doc[end - 1].idx : offset]:
            return None
        found, _ = own_subject(doc[start:end].root)
        if found is None or resolver.inside_quote(found.idx):
            return None
        actor = resolver.own_actor(found)
        if actor is not None and actor.kind == "person":
            if gender is not None and gender_of(actor, pronouns_of(doc).gender) not in (None, gender):
                return None
            return Speaker(resolver.ref(actor), True)
        if actor is None and found.ent_type_ == "PERSON" and gender is None:
            start_char, end_char = resolver.name_span(found)
            return Speaker(ActorRef(name=resolver.text[start_char:end_char]), True)
        return None
    return None


def gender_of(actor: Actor, genders: dict[str, str]) -> str | None:
    """The gender the pronouns the actors layer resolved to this person show (by `genders`: a
    pronoun's form -> its gender), if they agree."""
    seen = {genders[m.text.lower()] for m in actor.mentions if m.text.lower() in genders}
    return seen.pop() if len(seen) == 1 else None
