"""From a subject in the parse to a speaker: an ActorRef with name and country.

The actors layer does the resolving (`Document.actor_at`, which also covers
pronouns and titles it has resolved). What is left here is narrow and local to
reporting: a speech noun stands for its owner ("the White House statement",
"a readout issued by the Kremlin"), a pronoun or a title the actors layer left
unresolved points back to the latest speaker of its kind, and an unknown
speaker ("an observer") becomes an ActorRef built from its noun phrase.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...document import Actor, ActorRef
from ..entities import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...document import Document
    from .lexicon import Lexicon

_RELATIVE = {"who", "which", "that", "whom"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_TITLE_WINDOW = 60  # characters before an actor's mention searched for its title ("Foreign Minister")
_CLAUSE_BREAK = re.compile(r"[\n,;:()]")
_TITLE_WORDS = 6
_PRONOUN_REACH = 600  # characters back in which the latest speaker is what "he said" points to
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_ALL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "we", "i"}  # words of that window that may hold the title


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

    def last(self, before: int, *, person: bool | None = None, via: tuple[str, ...] = (), within: int | None = None) -> Speaker | None:
        for s in reversed(self.said):
            if s.pos >= before:
                continue
            if within is not None and before - s.pos > within:
                return None
            if person is not None and s.person != person:
                continue
            if via and s.via not in via:
                continue
            return Speaker(s.ref, s.person)
        return None


class SpeakerResolver:
    def __init__(self, document: Document, parsed: Doc, lexicon: Lexicon, inside_quote) -> None:
        self.document = document
        self.parsed = parsed
        self.lex = lexicon
        self.inside_quote = inside_quote  # offset -> bool
        self.memory = Memory()
        self._full_names: dict[str, str] | None = None
        self.text = document.text  # the same string as parsed.text, which spaCy rebuilds on every access
        self._ent_spans: dict[int, tuple[int, int]] | None = None
        self._sent_starts = [s.start for s in parsed.sents]
        self._sent_ends = [s.end for s in parsed.sents]

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (Token.sent walks every sentence)."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return self._sent_starts[k], self._sent_ends[k]

    def subject_before(self, offset: int, *, gender: str | None = None, same_paragraph: bool = False) -> Speaker | None:
        """The person who is the main subject of the sentence before the one holding `offset` (sentences
        inside quotation marks passed over): whom a frameless quotation or an unresolved "she said" after
        it points to ("Clinton criticized the officer. '... ?' she said.")."""
        doc = self.parsed
        char = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if char is None or not len(char):
            return None
        k = bisect.bisect_right(self._sent_starts, char[0].i) - 1
        while k > 0:
            k -= 1
            start, end = self._sent_starts[k], self._sent_ends[k]
            words = [t for t in doc[start:end] if not t.is_space and not t.is_punct]
            if words and all(self.inside_quote(t.idx) for t in words):
                continue  # a sentence of quoted words: its subject is no antecedent for the frame
            if same_paragraph and "\n" in self.text[doc[end - 1].idx : offset]:
                return None
            root = doc[start:end].root
            for child in root.children:
                if child.dep_ not in ("nsubj", "nsubjpass") or self.inside_quote(child.idx):
                    continue
                actor = self.document.actor_at(*self._name_span(child))
                if actor is not None and actor.kind == "person":
                    if gender is not None and _gender_of(actor) not in (None, gender):
                        return None
                    return Speaker(self.ref(actor), True)
                if actor is None and child.ent_type_ == "PERSON" and gender is None:
                    start_char, end_char = self._name_span(child)
                    return Speaker(ActorRef(name=self.text[start_char:end_char]), True)
            return None
        return None

    def ref(self, actor: Actor) -> ActorRef:
        """The actor as a speaker, under the fullest name the text gives the person."""
        ref = actor.ref()
        if actor.kind == "person":
            if self._full_names is None:
                self._full_names = full_person_names(self.document, self.parsed)
            ref.name = self._full_names.get(actor.id, ref.name)
        return ref

    # ------------------------------------------------------------ subjects

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """Who does the saying: the subject, the passive agent, or one inherited from the clause above."""
        subject = None
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
            if child.dep_ in _SUBJECTS and subject is None and any(c.isalnum() for c in child.text):
                subject = child  # (a dash the parser took for a subject is none)
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if subject.lower_ in _RELATIVE and subject.i > 0 and verb.doc[subject.i - 1].pos_ in ("NOUN", "PROPN"):
                return verb.doc[subject.i - 1]  # a relative clause the parser hung elsewhere ("the police department which reported")
            if subject.lower_ == "it" and subject.dep_ == "nsubjpass":
                return None  # "it was agreed": no speaker here
            return subject
        if depth > 3 or verb.head.i == verb.i:
            return None
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN")):
            # "Kim, who offered", "footage of Hillary Clinton asking, '...'"
            return verb.head
        if verb.dep_ == "pcomp" and (verb.head.dep_ == "prep" or verb.head.pos_ == "ADP"):
            # "responded by saying ...", "appeared at a hearing ... and for saying ...": the one who
            # does the verb the preposition hangs on
            above = verb.head.head
            while above.pos_ not in ("VERB", "AUX") and above.dep_ in ("prep", "pobj", "conj", "cc") and above.head.i != above.i:
                above = above.head
            return self.subject_of(above, depth + 1)
        control = verb.head.lemma_.lower()
        if verb.dep_ == "xcomp" and control not in self.lex.verbs and control not in self.lex.speech_acts:
            # "prompted his wife to make a comment": the object does it; but the words of "urged the
            # minister to call it ...", "promised voters to ..." are the subject's
            for child in verb.head.children:
                if child.dep_ == "dobj" and child.i < verb.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                    return child
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp"):
            inherited = self.subject_of(verb.head, depth + 1)
            if verb.tag_ != "VBG" and verb.dep_ not in ("advcl", "acl"):
                return inherited
            # "..., accusing X of": the clause above may have a non-actor subject ("the conversation
            # took place as Trump intensified ..., accusing"); then the nearest actor subject on the left
            if inherited is not None and self._is_actorish(inherited):
                return inherited
            return self._nearest_actor_subject(verb) or inherited
        return None

    def _heard_only_in_quotes(self, actor: Actor, offset: int) -> bool:
        """Whether every mention of the actor before `offset` is inside a quotation: then a
        pronoun in the frame cannot point to it ('"My adviser, John Holdren, ...," he said')."""
        return all(self.inside_quote(m.start) for m in actor.mentions if m.start < offset and m.text.lower() not in _ALL_PRONOUNS)

    def _latest_person_named(self, offset: int) -> Speaker | None:
        """The person last named outside quotations shortly before a pronoun nobody resolved."""
        best: tuple[int, Actor] | None = None
        for actor in self.document.actors:
            if actor.kind != "person":
                continue
            for m in actor.mentions:
                if (
                    offset - _PRONOUN_REACH < m.start < offset
                    and (best is None or m.start > best[0])
                    and m.text.lower() not in _ALL_PRONOUNS
                    and not self.inside_quote(m.start)
                ):
                    best = (m.start, actor)
        return Speaker(self.ref(best[1]), True) if best else None

    def can_speak(self, token: Token) -> bool:
        """A subject that may utter words: an actor, a person, a pronoun, a role, a speech noun, or
        a proper name the entity recognizer missed ("Politifact ruled ...")."""
        lemma = token.lemma_.lower()
        return (
            self._is_actorish(token)
            or token.ent_type_ in _NAME_ENTS
            or (token.pos_ == "PROPN" and not token.ent_type_)
            or lemma in self.lex.person_titles
            or lemma in self.lex.speech_nouns
            or token.lower_ in _RELATIVE
        )

    def _is_actorish(self, token: Token) -> bool:
        span = self._name_span(token)
        return (
            self.document.actor_at(*span) is not None
            or token.ent_type_ == "PERSON"
            or token.pos_ == "PRON"
            or any(c.dep_ == "appos" for c in token.children)
        )

    def _nearest_actor_subject(self, verb: Token) -> Token | None:
        """The nearest actor subject on the left; else the nearest person named on the left
        ("footage of Hillary Clinton asking, '...'")."""
        start, _ = self.sentence(verb.i)
        before = [t for t in reversed(verb.doc[start : verb.i]) if not self.inside_quote(t.idx)]
        for tok in before:
            if tok.dep_ == "nsubj" and self._is_actorish(tok):
                return tok
        for tok in before:
            if tok.ent_type_ == "PERSON":
                return tok
        return None

    # ------------------------------------------------------------ resolving

    def resolve(self, token: Token, pos: int, depth: int = 0) -> Speaker | None:
        """The speaker a noun phrase head stands for, or None when it stands for nobody known."""
        if self.inside_quote(token.idx) or depth > 3:
            return None
        lower = token.lower_
        if token.lemma_.lower() in self.lex.speech_nouns or lower in self.lex.speech_nouns:
            owner = self.owner_of(token)
            if owner is not None:
                found = self.resolve(owner, pos, depth + 1)
                if found is not None:
                    self.memory.add(token.idx, found, "source")
                    return found
            if self._definite(token) or token.dep_ in _SUBJECTS:
                return self.memory.last(pos, via=("source",)) or self.memory.last(pos)
            return None
        if token.pos_ == "NOUN" and token.ent_type_ not in _NAME_ENTS:
            # "the head of the delegation, Vladimir Medinsky," / "Tammy Bruce, State Department spokeswoman,"
            for other in self._named_in_phrase(token):
                return self.resolve(other, pos, depth + 1)
        start, end = self._name_span(token)
        actor = self.document.actor_at(start, end)
        if token.pos_ == "PRON" and lower in self.lex.person_pronouns and (actor is None or self._heard_only_in_quotes(actor, token.idx)):
            # left unresolved by the actors layer (the quotation ran over several sentences): the person
            # the sentence before the quotation is about, else the latest speaker
            recent = self.subject_before(pos, gender=_GENDER.get(lower)) or self.memory.last(pos, person=True, within=_PRONOUN_REACH)
            if recent is not None:
                return Speaker(recent.ref, True, start, end)
        if actor is not None and not (token.pos_ == "PRON" and self._heard_only_in_quotes(actor, token.idx)):
            return Speaker(self.ref(actor), actor.kind == "person", start, end)
        if token.pos_ == "PRON":
            if lower in self.lex.person_pronouns:
                return self.memory.last(pos, person=True) or self._latest_person_named(token.idx)
            if lower in self.lex.group_pronouns:
                return self.memory.last(pos, person=False) or self.memory.last(pos)
            return None
        if token.ent_type_ in _NAME_ENTS:
            name = self.text[start:end].removeprefix("the ").removeprefix("The ")
            return Speaker(ActorRef(name=name, country=self._country_near(token)), token.ent_type_ == "PERSON", start, end)
        if token.pos_ in ("NOUN", "PROPN"):
            if self._definite(token):
                titled = self._titled_actor(token, pos)
                if titled is not None:
                    return titled
                if token.lemma_.lower() in self.lex.person_titles:
                    last = self.memory.last(pos, person=True)
                    if last is not None:
                        return Speaker(last.ref, True, token.idx, token.idx + len(token))
            return self._from_phrase(token)
        return None

    def _named_in_phrase(self, token: Token) -> list[Token]:
        """The person a role noun is glued to: an apposition, or a name compounded to it."""
        found = [
            t
            for t in token.subtree
            if t.i != token.i
            and t.ent_type_ == "PERSON"
            and not self.inside_quote(t.idx)
            and (t.dep_ == "appos" or (t.head.i == token.i and t.dep_ in ("compound", "nmod")))
        ]
        if token.dep_ == "appos" and (token.head.ent_type_ == "PERSON" or self.document.actor_at(*self._name_span(token.head))):
            found.append(token.head)
        return found[-1:]

    def owner_of(self, noun: Token) -> Token | None:
        """Whose words a speech noun carries: "the White House statement", "a readout issued by the Kremlin"."""
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
                return child
        for child in noun.children:
            if child.dep_ == "compound" and (child.ent_type_ in _NAME_ENTS or (child.pos_ == "PROPN" and not child.ent_type_)):
                return child
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in self.lex.owner_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in self.lex.speech_nouns:
                        span = self._name_span(pobj)
                        if pobj.ent_type_ in _NAME_ENTS or self.document.actor_at(*span) is not None:
                            return pobj
        # a passive participle's by-phrase names who issued the statement ("a summary released by the ministry")
        for tok in noun.subtree:
            if tok.dep_ == "agent" and tok.head.dep_ in ("acl", "relcl"):
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        # "the Council issued a statement calling ...", "Obama is rolling out a message: ...": who issued it
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            subject = self.subject_of(noun.head)
            if subject is not None and subject.lemma_.lower() not in self.lex.speech_nouns and self.can_speak(subject):
                return subject
        return None

    # ------------------------------------------------------------ helpers

    def _name_span(self, token: Token) -> tuple[int, int]:
        """The entity around a token, or the token with the name parts glued to it."""
        if token.ent_type_:
            if self._ent_spans is None:
                self._ent_spans = {i: (e.start_char, e.end_char) for e in entities(self.parsed) for i in range(e.start, e.end)}
            span = self._ent_spans.get(token.i)
            if span is not None:
                return span
        return token.idx, token.idx + len(token)

    def _definite(self, token: Token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in token.children)

    def _phrase(self, token: Token) -> Span:
        left = token
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod"):
                left = child if child.i < left.i else left
        start = left.left_edge.i if left.i != token.i else token.i
        return token.doc[start : token.i + 1]

    def _country_near(self, token: Token) -> str | None:
        phrase = self._phrase(token)
        for tok in phrase:
            actor = self.document.actor_at(tok.idx, tok.idx + len(tok))
            if actor is not None and actor.country:
                return actor.country
        return None

    def _titled_actor(self, token: Token, pos: int) -> Speaker | None:
        """ "the foreign minister": the latest actor named so, or introduced right after those title words."""
        head = token.lower_
        words = [t.lower_ for t in self._phrase(token) if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop]
        text = self.text
        best: tuple[int, Actor] | None = None
        for actor in self.document.actors:
            name = actor.name.lower().split()
            role = (actor.role or "").lower().split()
            for m in actor.mentions:
                if m.start >= token.idx or (best is not None and m.start <= best[0]):
                    continue
                if head in name and all(w in name for w in words):
                    best = (m.start, actor)
                    continue
                before = _CLAUSE_BREAK.split(text[max(0, m.start - _TITLE_WINDOW) : m.start])[-1]
                title = [w.strip(".,’'").lower().removesuffix("’s").removesuffix("'s") for w in before.split()[-_TITLE_WORDS:]]
                # the title sits right before the name: "Foreign Minister Sergey Lavrov"
                if ((title and title[-1] == head) or head in role) and all(w in title or w in role for w in words):
                    best = (m.start, actor)
        if best is None:
            return None
        actor = best[1]
        return Speaker(self.ref(actor), actor.kind == "person", token.idx, token.idx + len(token))

    def _from_phrase(self, token: Token) -> Speaker:
        phrase = [t for t in self._phrase(token) if t.dep_ != "det" and not t.is_punct]
        name = " ".join(t.text for t in phrase) or token.text
        return Speaker(ActorRef(name=name, country=self._country_near(token)), False, phrase[0].idx if phrase else token.idx, token.idx + len(token))


def _gender_of(actor: Actor) -> str | None:
    """The gender the pronouns the actors layer resolved to this person show, if they agree."""
    seen = {_GENDER[m.text.lower()] for m in actor.mentions if m.text.lower() in _GENDER}
    return seen.pop() if len(seen) == 1 else None


def full_person_names(document: Document, parsed: Doc) -> dict[str, str]:
    """Actor id -> the fullest name the text gives the person, spelled as the text spells it.

    Quotes are searched by the name the article prints ("Umierov", where a
    gazetteer may say "Umerov"); the actor id still links the canonical actor.
    A narrow stand-in for what the actors layer may come to do: a name split
    in two by the entity recognizer ("Sheikh Mohammed bin Abdulrahman" + "bin
    Jassim Al-Thani") is glued back, and a short name ("Trump", "Sheikh
    Mohammed") takes the one longer name that starts or ends with it; with two
    such names it is ambiguous and stays as it is.
    """
    text = document.text
    persons = [a for a in document.actors if a.kind == "person"]
    people = [(e.start_char, e.end_char) for e in entities(parsed) if e.label_ == "PERSON"]
    names: dict[str, set[str]] = {}
    spans: list[tuple[int, int, str]] = []
    for actor in persons:
        written = set()
        for m in actor.mentions:
            for start, end in people:
                if m.start <= start and end <= m.end:
                    written.add(" ".join(text[start:end].split()))
                    spans.append((start, end, actor.id))
        # the canonical name when the text writes it so, else the text's own spelling
        names[actor.id] = {actor.name} if actor.name in text or not written else {max(written, key=len)}
    spans.sort()
    for (s1, e1, id1), (s2, e2, id2) in zip(spans, spans[1:], strict=False):
        if id1 != id2 and s2 > e1 and not text[e1:s2].strip() and "\n" not in text[e1:s2]:
            glued = " ".join(text[s1:e2].split())
            names[id1].add(glued)
            names[id2].add(glued)
    every = {n for group in names.values() for n in group}
    out: dict[str, str] = {}
    for actor in persons:
        own = max(names[actor.id], key=len)
        longer = {n for n in every if len(n) > len(own) and (n.startswith(own + " ") or n.endswith(" " + own))}
        # keep only the longest of nested candidates ("Sheikh Mohammed bin Abdulrahman" inside the glued name)
        longest = {n for n in longer if not any(len(o) > len(n) and n in o for o in longer)}
        out[actor.id] = longest.pop() if len(longest) == 1 else own
    return out
