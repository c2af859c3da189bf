"""From the parse to a speaker: who does the saying, and the ActorRef that names them.

Which actors a phrase names is the shared reference service's answer (`annotators/references.py`:
coordination, possessors, offices, appositions, groups, pronouns and titles through the actors
layer's coreference); who does the saying is read with the shared syntax module
(`annotators/syntax.py`: subject, passive agent, relative clauses). What is left here belongs to
reporting alone:

- a speech noun stands for its owner ("the council's statement", "a readout issued by the
  ministry", "the council issued a statement"); with no owner, for the latest source named;
- a phrase that names several actors is one joint speaker ("A and B said");
- a speaker must be able to speak: an actor that is not a place, a name, or a noun for a person
  or a body ("an observer", knowledge/en/reporting_verbs.yaml); a thing or an event ("the
  talks", "a forecast") is nobody, and the quotation is better left without a speaker;
- a pronoun or a title the actors layer left open points back to the latest speaker of its kind;
- a person is printed under the fullest name the text gives them (`names.py`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...document import ActorRef
from ...knowledge import knowledge_of
from ..entities import entities
from ..pronouns import pronouns_of
from ..references import References, titled_holder
from ..syntax import (
    members,
    passive_agent,
    phrase_span,
    prepositional_objects,
    relative_antecedent,
)
from .discourse import Memory, Speaker, subject_before
from .names import full_person_names
from .sayers import Sayers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor, Document
    from .lexicon import Lexicon

_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP"})  # names that speak though the actors layer kept no actor
_MISREAD_NAMES = frozenset({"", "PRODUCT", "WORK_OF_ART"})  # labels a person's name may get by mistake
_SILENT_KINDS = frozenset({"location"})  # a place says where, not who
_NOMINAL = ("NOUN", "PROPN")


class SpeakerResolver:
    def __init__(self, document: Document, parsed: Doc, lexicon: Lexicon, inside_quote) -> None:
        self.document = document
        self.parsed = parsed
        self.lex = lexicon
        self.inside_quote = inside_quote  # offset -> bool
        self.refs = References(document, knowledge=knowledge_of(parsed))
        self.pronouns = pronouns_of(parsed)
        # a pronoun mention is no sign of who was heard outside quotes: any person or thing, and "we", "I"
        speakers = self.pronouns.person_speakers | self.pronouns.group_speakers
        self.all_pronouns = self.pronouns.third_person | (self.pronouns.first_person & speakers)
        self._listed = {a.id for a in document.actors}  # the reference service may add stand-ins of its own
        self.memory = Memory()
        self.sayers = Sayers(lexicon, inside_quote, self.names_actor, self.sentence)
        self._full_names: dict[str, str] | None = None
        self.text = document.text  # the same string as parsed.text, which spaCy rebuilds on every access
        self._ent_spans: dict[int, tuple[int, int]] | None = None
        self.sent_starts = [s.start for s in parsed.sents]
        self.sent_ends = [s.end for s in parsed.sents]

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (Token.sent walks every sentence)."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        return self.sent_starts[k], self.sent_ends[k]

    def subject_before(self, offset: int, **kwargs) -> Speaker | None:
        """The person the sentence before `offset` is about (`discourse.subject_before`)."""
        return subject_before(self, offset, **kwargs)

    def ref(self, actor: Actor) -> ActorRef:
        """The actor as a speaker, under the fullest name the text gives the person."""
        ref = actor.ref()
        if actor.kind == "person":
            if self._full_names is None:
                self._full_names = full_person_names(self.document, self.parsed)
            ref.name = self._full_names.get(actor.id, ref.name)
        return ref

    # ------------------------------------------------------------ who does the saying

    def subject_of(self, verb: Token) -> Token | None:
        """Who does the saying (`sayers.py`)."""
        return self.sayers.subject_of(verb)

    def can_speak(self, token: Token) -> bool:
        """A subject that may utter words: an actor, a name (also one the entity recognizer missed:
        "Factcheckr ruled ..."), a pronoun, a person or a body, a speech noun."""
        lemma = token.lemma_.lower()
        return (
            self.names_actor(token)
            or token.ent_type_ in _NAME_ENTS
            or self._unnamed_proper(token)
            or lemma in self.lex.person_titles
            or lemma in self.lex.speaking_nouns
            or lemma in self.lex.speech_nouns
            or token.lower_ in self.pronouns.relative
        )

    def names_actor(self, token: Token) -> bool:
        """Whether a phrase names an actor that can speak (or is a pronoun, a name with an apposition)."""
        return (
            token.pos_ == "PRON"
            or token.ent_type_ == "PERSON"
            or any(c.dep_ == "appos" for c in token.children)
            or bool(self.actors_named(token))
        )

    # ------------------------------------------------------------ which actors speak

    def actors_named(self, token: Token) -> list[Actor]:
        """The actors a phrase names, member by member: the actor of a member's own words, else what the
        reference service finds (possessor, office, apposition, coreference) but a place: a place that
        qualifies a speaker ("the Ohio governor") is not one."""
        found: list[Actor] = []
        for member in members(relative_antecedent(token)):
            own = self.own_actor(member)
            named = [own] if own is not None else self._referred(member)
            found += [a for a in named if a not in found]
        return found

    def _referred(self, token: Token) -> list[Actor]:
        return [a for a in self.refs.phrase(token) if a.kind not in _SILENT_KINDS]

    def own_actor(self, token: Token) -> Actor | None:
        """The actor whose mention covers the word itself (the longest such mention)."""
        hits = self.refs.mentions_in(*self.name_span(token))
        hits = [h for h in hits if h[0] <= token.idx < h[1]]
        return max(hits, key=lambda h: h[1] - h[0])[2] if hits else None

    def resolve(self, token: Token, pos: int, depth: int = 0) -> Speaker | None:
        """The speaker a noun phrase stands for, or None when it stands for nobody that can speak; a
        coordination of speakers ("A and B said") is one joint speaker."""
        if self.inside_quote(token.idx) or depth > 3:
            return None
        token = relative_antecedent(token)
        found = [s for m in self._referents(token) if (s := self._resolve_one(m, pos, depth)) is not None]
        if len(found) < 2:
            return found[0] if found else None
        return self._joint(found, *self._coordination_span(token))

    @staticmethod
    def _referents(token: Token) -> list[Token]:
        """The members of a coordination that name someone of their own: titles that share one article
        describe one person ("the former minister and current nominee"), not two."""
        items = members(token)
        if token.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in token.children):
            return items
        return [
            items[0],
            *(m for m in items[1:] if m.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in m.children)),
        ]

    def _resolve_one(self, token: Token, pos: int, depth: int) -> Speaker | None:
        if token.lemma_.lower() in self.lex.speech_nouns or token.lower_ in self.lex.speech_nouns:
            return self._owner_speaker(token, pos, depth)
        if token.pos_ == "PRON":
            actors = [a for a in self._referred(token) if not self._heard_only_in_quotes(a, token.idx)]
            return self._of_actors(actors, token) if actors else self._open_pronoun(token, pos)
        person = self._person_in_apposition(token)
        if person is not None:
            # "the head of the delegation, N.,": the person, not the body the office belongs to
            return self.resolve(person, pos, depth + 1)
        own = self.own_actor(token)
        if own is not None:
            return self._of_actors([own], token)
        principal = self._principal(token)
        if principal is not None:
            found = self.resolve(principal, pos, depth + 1)
            if found is not None:
                return found
        actors = self._referred(token)
        if token.pos_ == "PROPN":
            # a name the actors layer kept no actor for speaks as itself ("N. of A": not A itself)
            return self._unlisted(token, next((a.country for a in actors if a.country), None))
        if token.pos_ == "NOUN" and self._definite(token):
            titled = self._title_holder(token, actors, pos)
            if titled is not None:
                return titled
        if actors and all(a.id in self._listed for a in actors):
            return self._of_actors(actors, token)
        if actors:
            # a group or an official the text names only by its state ("A-ian officials", "the
            # ministers of A and B"): the phrase, with the state if it names one
            countries = {a.country for a in actors}
            return self._unlisted(token, countries.pop() if len(countries) == 1 else None, whole=True)
        return self._unlisted(token, None)

    def _principal(self, token: Token) -> Token | None:
        """Whom an unnamed spokesperson speaks for: "a spokesman for the ministry" is the ministry's voice."""
        if token.lemma_.lower() not in self.lex.voice_nouns:
            return None
        return next((obj for prep, obj in prepositional_objects(token) if prep in ("for", "of")), None)

    def _of_actors(self, actors: list[Actor], token: Token) -> Speaker:
        """One actor as a speaker, or the joint speaker of the several a phrase names ("the leaders of A
        and B")."""
        start, end = self.name_span(token)
        speakers = [Speaker(self.ref(a), a.kind == "person", start, end) for a in actors]
        return speakers[0] if len(speakers) == 1 else self._joint(speakers, start, end)

    @staticmethod
    def _joint(speakers: list[Speaker], start: int, end: int) -> Speaker:
        """The joint speaker of several ("A and B said"): one name, their country if they share one."""
        names = list(dict.fromkeys(s.ref.name for s in speakers))
        if len(names) == 1:
            return speakers[0]
        countries = {s.ref.country for s in speakers}
        country = countries.pop() if len(countries) == 1 else None
        name = f"{', '.join(names[:-1])} and {names[-1]}"
        return Speaker(ActorRef(name=name, country=country), False, start, end)

    def _title_holder(self, token: Token, actors: list[Actor], pos: int) -> Speaker | None:
        """A bare title the actors layer left open ("the special rapporteur", "the former A-ian
        premier"): the latest actor the text introduced with those title words; else, for a person's
        title, the latest person who spoke. Either must be of the state the phrase names, if it names one."""
        countries = {a.country for a in actors if a.country}
        holder = titled_holder(self.refs, token)
        if (
            holder is not None
            and holder.kind not in _SILENT_KINDS
            and (not countries or holder.country in countries)
        ):
            return Speaker(self.ref(holder), holder.kind == "person", *self.name_span(token))
        if token.lemma_.lower() in self.lex.person_titles:
            last = self.memory.last(pos, person=True)
            if last is not None and self._described_as(last.ref, token, countries):
                return Speaker(last.ref, True, token.idx, token.idx + len(token))
        return None

    def _described_as(self, ref: ActorRef, token: Token, countries: set[str | None]) -> bool:
        """Whether a title phrase fits a person: of the state it names, or described by the text with its
        words ("the former A-ian premier" after "former A-ian Prime Minister N. N.")."""
        if countries and ref.country in countries:
            return True
        words = [t.lower_ for t in token.lefts if t.pos_ in ("ADJ", "PROPN", "NOUN") and not t.is_stop]
        actor = next((a for a in self.document.actors if a.id == ref.actor_id), None)
        if actor is None:
            return not words and not countries
        said = " ".join([actor.name, actor.role or "", *(m.text for m in actor.mentions)]).lower().split()
        return all(w in said for w in words)

    def _open_pronoun(self, token: Token, pos: int) -> Speaker | None:
        """A pronoun the actors layer left open (the quotation ran over several sentences): a person
        pronoun is the person the sentence before is about, else the latest person who spoke or was
        named; "they", "we" the latest body that spoke."""
        lower = token.lower_
        span = self.name_span(token)
        if lower in self.lex.person_pronouns:
            recent = self.subject_before(pos, gender=self.pronouns.gender.get(lower)) or self.memory.last(
                pos, person=True
            )
            return Speaker(recent.ref, True, *span) if recent is not None else None
        if lower in self.lex.group_pronouns:
            return self.memory.last(pos, person=False) or self.memory.last(pos)
        return None

    def _unlisted(self, token: Token, country: str | None, whole: bool = False) -> Speaker | None:
        """A speaker the actors layer has no actor for: a name, or a noun for a person or a body ("an
        observer", "A-ian officials"), named by its phrase (`whole`: with its "of" phrase, which names
        whose they are)."""
        start, end = self.name_span(token)
        country = country or self._country_near(token)
        if token.ent_type_ == "NORP" and token.tag_ not in ("NNS", "NNPS"):
            return None  # a people speaks in the plural ("Democrats said"); "A-ian" alone names no one
        if token.ent_type_ in _NAME_ENTS:
            name = self.text[start:end].removeprefix("the ").removeprefix("The ")
            return Speaker(ActorRef(name=name, country=country), token.ent_type_ == "PERSON", start, end)
        lemma = token.lemma_.lower()
        if token.pos_ not in _NOMINAL:
            return None
        if self._definite(token) and lemma in self.lex.person_titles and country is None and not whole:
            # "the spokesman": someone the text named before but not found: better no one; a title of a
            # state ("the A-ian foreign minister") names one office holder and stays
            return None
        if lemma in self.lex.person_titles or lemma in self.lex.speaking_nouns or self._unnamed_proper(token):
            first, _ = phrase_span(token)
            words = [
                t for t in token.doc[token.left_edge.i : token.i + 1] if t.idx >= first and t.dep_ != "det"
            ]
            first = words[0].idx if words else token.idx
            if whole:
                end = max(
                    [end] + [c.right_edge.idx + len(c.right_edge) for c in token.children if c.lower_ == "of"]
                )
            return Speaker(
                ActorRef(name=" ".join(self.text[first:end].split()), country=country), False, first, end
            )
        return None

    @staticmethod
    def _unnamed_proper(token: Token) -> bool:
        """A proper name the entity recognizer missed or took for a work ("Factcheckr rated ..."); a
        lower-case word the tagger called a proper noun ("the weather forecast") is none."""
        return token.pos_ == "PROPN" and token.ent_type_ in _MISREAD_NAMES and token.text[:1].isupper()

    def _person_in_apposition(self, token: Token) -> Token | None:
        """The person a role noun is glued to: an apposition ("an economist, N. N.,"; also one the parser
        hung on a later word of the phrase), or a name compounded to it."""
        if token.pos_ != "NOUN" or token.ent_type_ in _NAME_ENTS:
            return None
        for t in reversed(list(token.subtree)):
            if t.i == token.i or t.ent_type_ != "PERSON" or self.inside_quote(t.idx):
                continue
            if t.dep_ == "appos" or (t.head.i == token.i and t.dep_ in ("compound", "nmod")):
                return t
        return None

    # ------------------------------------------------------------ speech nouns

    def _owner_speaker(self, noun: Token, pos: int, depth: int) -> Speaker | None:
        """Whose words a speech noun carries; a statement with no owner named, made definite or the
        subject, is the latest source's ("the statement said")."""
        found = self.owner_speaker(noun, pos, depth)
        if found is None and (self._definite(noun) or noun.dep_ in ("nsubj", "nsubjpass")):
            return self.memory.last(pos, via=("source",))
        return found

    def owner_speaker(self, noun: Token, pos: int, depth: int = 0) -> Speaker | None:
        """The owner of a speech noun as a speaker ("the council's statement", "a quote from the envoy",
        "the ministry's readout"), remembered as a source for a later "the statement said"."""
        actors = [a for a in self.refs.owner(noun) if a.kind not in _SILENT_KINDS]
        found = self._of_actors(actors, noun) if actors else None
        if found is None:
            owner = self.owner_of(noun)
            found = self.resolve(owner, pos, depth + 1) if owner is not None else None
        if found is not None:
            self.memory.add(noun.idx, found, "source")
        return found

    def owner_of(self, noun: Token) -> Token | None:
        """The word for whoever issued a speech noun, where the reference service finds no actor: a name
        before it ("the Factcheckr statement"), or the one who did the verb it is the object of ("the
        council issued a statement", "rolled out a message")."""
        for child in noun.children:
            if child.dep_ in ("compound", "poss") and (
                child.ent_type_ in _NAME_ENTS or self._unnamed_proper(child)
            ):
                return child
        for tok in noun.subtree:
            # "a readout of the call released by the ministry": the parser may hang the participle on the
            # nearer noun, but what is released or issued is the text that carries the words
            if (
                tok.dep_ in ("acl", "relcl")
                and tok.tag_ == "VBN"
                and (agent := passive_agent(tok)) is not None
            ):
                return agent
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            found = self.subject_of(noun.head)
            speech = found is not None and found.lemma_.lower() in self.lex.speech_nouns
            if found is not None and not speech and self.can_speak(found):
                return found
        return None

    # ------------------------------------------------------------ helpers

    def _heard_only_in_quotes(self, actor: Actor, offset: int) -> bool:
        """Whether every mention of the actor before `offset` is inside a quotation: then a
        pronoun in the frame cannot point to it ('"My adviser, John Holdren, ...," he said')."""
        return all(
            self.inside_quote(m.start)
            for m in actor.mentions
            if m.start < offset and m.text.lower() not in self.all_pronouns
        )

    def name_span(self, token: Token) -> tuple[int, int]:
        """The entity around a token, or the token itself."""
        if token.ent_type_:
            if self._ent_spans is None:
                self._ent_spans = {
                    i: (e.start_char, e.end_char)
                    for e in entities(self.parsed)
                    for i in range(e.start, e.end)
                }
            span = self._ent_spans.get(token.i)
            if span is not None:
                return span
        return token.idx, token.idx + len(token)

    def _coordination_span(self, token: Token) -> tuple[int, int]:
        items = members(token)
        return self.name_span(items[0])[0], self.name_span(items[-1])[1]

    @staticmethod
    def _definite(token: Token) -> bool:
        return any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
            for c in token.children
        )

    def _country_near(self, token: Token) -> str | None:
        """The country of the first actor named in the phrase ("a Ruritanian analyst")."""
        return next(
            (actor.country for _, _, actor in self.refs.mentions_in(*phrase_span(token)) if actor.country),
            None,
        )
