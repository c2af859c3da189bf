"""Holders and addressees of positions, from the actors, quotes, statements and events layers.

`DocumentResolver.holder` is the one place that says which actor a phrase names: when the
shared reference service of the events annotator lands, it is the function to switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge import knowledge_of
from ..pronouns import pronouns_of
from ..references import References
from .base import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor, ActorRef, Document
    from .lexicon import Lexicon

Holder = tuple[str | None, str]

JOINT_TYPES = frozenset({"CONSULT", "AGREE"})  # events between the two sides of a negotiation
LOOKBACK_TOKENS = 120  # how far back a pronoun looks for its antecedent


class DocumentResolver:
    """Maps tokens of one parsed document to actors (code, name)."""

    def __init__(self, document: Document, parsed: Doc, lexicon: Lexicon):
        self.document = document
        self.parsed = parsed
        self.lex = lexicon
        self.pronouns = pronouns_of(parsed)
        # the shared reference service (annotators/references.py)
        self.refs = References(document, knowledge=knowledge_of(parsed))

    def named(self, token: Token) -> Holder | None:
        """The actors the reference service finds for a phrase: coordination split into members,
        possessors and offices, titles, groups by demonym, pronouns through the actors layer's
        coreference. Several states are one compound holder; a news agency is nobody's side."""
        actors = [a for a in self.refs.named(token) if a.kind != "media" and not _place_beside(a, token)]
        coded = [(a.country, a.name) for a in actors if a.country]
        if not coded:
            return (None, actors[0].name) if actors else None
        return _compound(coded) or coded[0]

    def actor(self, token: Token | None, strict: bool = False) -> Holder | None:
        """The actor named by a token or by its name-like modifiers ("the Russian side").

        `strict` leaves out adjectives: "frozen Russian assets" are no actor."""
        if token is None:
            return None
        if not strict and (found := self.named(token)) is not None and found[0]:
            return found
        # a title names its holder beside it: "President of Ukraine Volodymyr Zelenskyy"
        near = [
            c
            for c in token.children
            if c.dep_ in ("compound", "nmod", "appos") or c.dep_ == "amod" and not strict
        ]
        if not strict or token.pos_ == "PROPN":
            near += [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
        if not strict and token.pos_ == "NOUN":  # "opposition groups in Zimbabwe"
            near += [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children
                if p.dep_ == "pobj"
            ]
        for t in (token, *near):
            found = self.document.actor_at(t.idx, t.idx + len(t.text))
            if found is not None and found.kind != "media":  # a news agency reports, it does not negotiate
                return self._with_conjuncts([t, *near], (found.country, found.name))
        return None

    def _with_conjuncts(self, tokens: list[Token], first: Holder) -> Holder:
        """ "China and the United States offered", "US and Russian delegations", "a joint US-Saudi
        statement": one compound holder, codes joined by commas."""
        found = [first]
        others = []
        for token in tokens:
            doc = token.doc
            others += [
                c
                for c in token.children
                if c.dep_ == "compound" and c.i == token.i - 2 and doc[c.i + 1].text == "-"
            ]
            members = [c for c in token.conjuncts if c.pos_ in ("PROPN", "NOUN", "ADJ")]
            others += [token, *members] if members else []
        for other in others:
            actor = self.document.actor_at(other.idx, other.idx + len(other.text))
            if actor is not None and actor.country and all(actor.country != f[0] for f in found):
                found.append((actor.country, actor.name))
        if len(found) == 1 or not all(f[0] for f in found):
            return first
        return (",".join(str(f[0]) for f in found), " and ".join(f[1] for f in found))

    def holder(self, token: Token | None) -> Holder | None:
        """An actor, or the actor a pronoun stands for (the quote's speaker for "we"); "both sides" and
        "the mediators" are the actors named as such before; a deal ("the accord requires ...") is nobody."""
        if token is None:
            return None
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.lex.deal_nouns or _denied_quantity(token):
            return None
        if (
            lemma in self.lex.party_nouns
            and token.tag_ in ("NNS", "NNPS")
            or lower == "both"
            and token.pos_ == "PRON"
        ):
            return self.parties(token)
        if lemma in self.lex.mediator_words and token.pos_ == "NOUN":
            return self.actor(token) or self.mediators(token)
        if lower in self.pronouns.first_person and (speaking := self.speaker(token)) is not None:
            return speaking
        if lower in self.pronouns.person_holders and (reporter := self.reported_self(token)) is not None:
            return reporter
        found = self.named(token)
        if found is not None and found[0] is None:
            found = self.by_demonym(token, found[1]) or found
        if found is not None:
            return found
        if token.pos_ == "NOUN" and (by_adjective := self.by_demonym(token, "")) is not None:
            return by_adjective
        if lower in self.pronouns.first_person:
            return self.speaker(token) or self._antecedent(token, persons=None)
        if lower in self.pronouns.person_holders:
            return self._antecedent(token, persons=True)
        if lower in self.pronouns.things:
            return self._antecedent(token, persons=False)
        return None

    def by_demonym(self, token: Token, name: str) -> Holder | None:
        """ "the Chilean foreign minister": a title with a state's adjective speaks for that state."""
        words = [*name.split(), *(c.text for c in token.children if c.dep_ in ("amod", "compound"))]
        for word in words:
            code = self.lex.demonyms.get(word.lower())
            if code is not None:
                return (code, name or " ".join(t.text for t in token.subtree if not t.is_punct))
        return None

    def parties(self, token: Token) -> Holder | None:
        """ "both sides", "the two parties": the two sides of the latest talks or deal reported before."""
        for event in reversed(self.document.events):
            if event.evidence.start > token.idx or not (event.mutual or event.type in JOINT_TYPES):
                continue
            refs = [r for r in (*event.source, *event.target) if r.country]
            joint = _compound([(r.country, r.name) for r in refs])
            if joint is not None:
                return joint
        return None

    def mediators(self, token: Token) -> Holder | None:
        """ "the mediators": the actors named beside a word of mediation ("mediator Qatar", "Egypt,
        which brokered the truce", "a truce brokered by Oman") anywhere in the article."""
        found: list[Holder] = []
        for word in self.parsed:
            if word.i == token.i or word.lemma_.lower() not in self.lex.mediator_words:
                continue
            near = [c for c in word.children if c.dep_ in ("appos", "compound", "nsubj", "npadvmod")]
            near += [p for c in word.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if word.dep_ in ("appos", "compound") or word.dep_ == "relcl":
                near.append(word.head)
            for t in near:
                actor = self.document.actor_at(t.idx, t.idx + len(t.text))
                if actor is not None and actor.country:
                    found.append((actor.country, actor.name))
        return _compound(found) if len({f[0] for f in found}) > 1 else (found[0] if found else None)

    def speaker(self, token: Token) -> Holder | None:
        """The speaker of the quote or reported statement around a token."""
        pos = token.idx
        found = next(
            (_ref(q.speaker) for q in self.document.quotes if q.start <= pos < q.end and q.speaker), None
        )
        if found is None:
            found = next(
                (_ref(s.speaker) for s in self.document.statements if s.start <= pos < s.end and s.speaker),
                None,
            )
        if found is not None and found[0] is None:  # "the Peruvian envoy said": the state its title names
            return self.by_demonym(token, found[1]) or found
        return found

    def reported_self(self, token: Token) -> Holder | None:
        """ "The Brazilian leader said he offered to mediate": the subject pronoun of a reported clause is
        its speaker, whoever else was named before (a direct quote's "he" is someone else)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
            return None
        pos = token.idx
        if any(q.start <= pos < q.end for q in self.document.quotes):
            return None
        statement = next(
            (s for s in self.document.statements if s.start <= pos < s.end and s.speaker), None
        )
        if statement is None or token.head.head.lemma_.lower() != (statement.verb or "").lower():
            return None  # "X said Y told him he would ...": the pronoun is in a clause of another verb
        if not self.one_person(subject_of(token.head.head)):
            return None  # "Police say he ...": "he" cannot be a group or a state, so it is someone else
        speaker = _ref(statement.speaker)
        if speaker[0] is None:  # "the Peruvian envoy said": the state its title names
            return self.by_demonym(token, speaker[1])
        return speaker

    def one_person(self, token: Token | None) -> bool:
        """A singular noun naming a person or a title ("the Brazilian leader"), not a group or a state."""
        if token is None or token.tag_ not in ("NN", "NNP"):
            return False
        actor = self.document.actor_at(token.idx, token.idx + len(token.text))
        return actor is None or actor.kind in (None, "person")

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


DENYING_QUANTIFIERS = frozenset({"no", "few", "neither", "none"})


def _denied_quantity(token: Token) -> bool:
    """ "Not all Chileans insist", "few Peruvians want", "no country demanded": a subject quantified so
    that the stance is denied of the group (or held by some unnamed part of it) has no holder."""
    return any(
        c.dep_ == "neg" or c.dep_ in ("det", "amod", "advmod") and c.lower_ in DENYING_QUANTIFIERS
        for c in token.children
    )


def _place_beside(actor: ActorRef | Actor, token: Token) -> bool:
    """A place inside a phrase that names another body: "the head of the mission in Lima" sits in Lima,
    he does not speak for Peru. The place itself ("Lima rejected X") or a place that is all the phrase
    names ("officials in Lima", "the Lima officials") stands for its state."""
    if getattr(actor, "kind", None) != "location":
        return False
    mentions = getattr(actor, "mentions", ())
    inside = [t for t in token.subtree if any(m.start <= t.idx < m.end for m in mentions)]
    if not inside or any(t.i == token.i for t in inside):
        return False
    words = {t.i for t in inside}
    place = next((t for t in inside if t.head.i not in words), inside[0])  # "South Carolina": "Carolina"
    if place.head.i == token.i:  # "the Lima officials"
        return False
    return not (place.head.dep_ == "prep" and place.head.head.i == token.i)


def same_actor(a: Holder | None, b: Holder | None) -> bool:
    """Two holders are one actor: the same code, or (codes unknown) the same name."""
    if a is None or b is None:
        return False
    if a[0] and b[0]:
        return a[0] == b[0]
    return a[1] == b[1]


def _compound(refs: list[Holder]) -> Holder | None:
    """Two or more actors of different codes as one compound holder ("CHL,PER"); else nothing."""
    seen: dict[str, str] = {}
    for code, name in refs:
        if code and code not in seen:
            seen[code] = name
    if len(seen) < 2:
        return None
    return (",".join(seen), " and ".join(seen.values()))


def _ref(ref: ActorRef) -> Holder:
    return (ref.country, ref.name)
