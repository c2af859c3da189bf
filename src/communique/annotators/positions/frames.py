"""Position frames over one parsed sentence: who demands, proposes, offers, supports or rejects what.

Each frame reads the dependency parse around a cue from the lexicon and yields
`Candidate`s: a kind, the holder and addressee (resolved through the actors
layer by `Resolver`), and the content as a token range of the sentence. One
candidate per item of a coordinated list ("halt X, stop Y and withdraw Z").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from . import phrases
from .lexicon import Lexicon
from .resolve import same_actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Holder = tuple[str | None, str]  # (code, name)


class Resolver(Protocol):
    def holder(self, token: Token) -> Holder | None: ...
    def actor(self, token: Token, strict: bool = False) -> Holder | None: ...
    def speaker(self, token: Token) -> Holder | None: ...


@dataclass
class Candidate:
    kind: str
    cue: Token
    content: tuple[int, int] | None  # token range; None when `refers`
    holder: Holder | None
    addressee: Holder | None = None
    condition_for: str | None = None
    refers: bool = False  # "the proposal": content is an earlier proposal's


SUBJECTS = ("nsubj", "nsubjpass", "csubj")


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
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj if pobj is not None else child
        if token.dep_ in ("xcomp", "advcl", "conj", "acomp", "amod") and token.head.i != token.i:
            token = token.head
            seen += 1
            continue
        return None
    return None


class FrameFinder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def find(self, sent: Span, resolver: Resolver) -> list[Candidate]:
        out: list[Candidate] = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX"):
                out.extend(self.verb_frame(token, lemma, resolver))
                if lemma in self.lex.expectations:
                    out.extend(self.expectation_frame(token, resolver))
                if lemma in self.lex.agenda_verbs:
                    out.extend(self.agenda_frame(token, resolver))
            if token.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                out.extend(self.noun_frame(token, lemma, resolver))
            if token.pos_ == "ADJ" and lemma in self.lex.readiness:
                out.extend(self.readiness_frame(token, resolver))
            if token.lower_ in self.lex.modals and token.dep_ == "aux":
                out.extend(self.modal_frame(token, sent, resolver))
            if token.lower_ in self.lex.condition_marks:
                out.extend(self.condition_frame(token, resolver))
            if token.lower_ == "not" and token.dep_ == "neg":
                out.extend(self.refusal_frame(token, resolver))
        return out

    # ------------------------------------------------------------------ verbs

    def verb_frame(self, verb: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        cue = self.lex.verbs.get(lemma)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle and (lemma, particle) in self.lex.phrasal:
            cue = self.lex.phrasal[(lemma, particle)]
        if lemma in self.lex.response_verbs and any(c.lower_ in self.lex.response_positive for c in verb.children):
            yield from self.object_items(verb, self.lex.response_kind, resolver, preps=("to",), objects=self.lex.stance_nouns)
            return
        if cue is None or any(c.dep_ == "neg" for c in verb.children):
            return
        if lemma == "call" and not any(c.lower_ in cue.content_preps | cue.addressee_preps for c in verb.children):
            yield from self.evaluation_frame(verb, resolver)
            return
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        if cue.objects is not None:
            for cand in self.object_items(verb, cue.kind, resolver, preps=(), objects=cue.objects):
                cand.holder = holder
                yield cand
            return
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if cue.needs_xcomp and xcomp is None:
            return
        addressee_token = next((c for c in verb.children if c.dep_ == "dative"), None)
        if addressee_token is None and xcomp is not None:
            addressee_token = next((c for c in verb.children if c.dep_ == "dobj"), None)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in cue.addressee_preps:
                addressee_token = next((c for c in prep.children if c.dep_ == "pobj"), addressee_token)
        addressee = resolver.actor(addressee_token) if addressee_token is not None else None
        condition_for = self.condition_for(verb)
        found = False
        for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
            for item in phrases.coordinated_verbs(comp):
                found = True
                yield self.clause_item(cue.kind, verb, item, holder, resolver, condition_for)
        if xcomp is not None:
            for item in phrases.coordinated_verbs(xcomp):
                if item.lemma_.lower() in self.lex.empty_contents:
                    continue
                found = True
                yield Candidate(cue.kind, verb, phrases.verb_phrase(item), holder, addressee, condition_for)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in cue.content_preps:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for noun in phrases.coordinated_nouns(pobj):
                        found = True
                        yield Candidate(cue.kind, verb, phrases.noun_item(noun), holder, addressee, condition_for)
        if found:
            return
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and (addressee_token is None or c.i != addressee_token.i)), None)
        if obj is not None and obj.pos_ in ("VERB", "AUX"):  # "proposed holding the next round"
            yield Candidate(cue.kind, verb, phrases.verb_phrase(obj), holder, addressee, condition_for)
        elif obj is not None:
            items = phrases.coordinated_nouns(obj)
            for noun in items:
                if self.generic(noun):
                    continue
                span = phrases.noun_item(noun)
                if len(items) == 1:
                    span = (span[0], self.right_edge(verb, span[1]))
                yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)
        elif verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # a parse that hangs the verb on its object ("proposed ceasefire talks")
            head = verb.head
            span = phrases.subtree_range(head, {c.i for c in head.children if c.i == verb.i or c.dep_ in ("cc", "conj", "punct")})
            yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)

    def right_edge(self, verb: Token, end: int) -> int:
        """Extend an object to the verb's trailing modifiers ("urging calm in Gaza before ...")."""
        for child in verb.children:
            if child.i < end or child.dep_ in ("punct", "cc", "conj", "parataxis", "ccomp", "npadvmod"):
                continue
            if child.dep_ == "advcl" and child.tag_ == "VBG" or child.lower_ in ("according", "as", "during", "after"):
                break
            end = max(end, child.right_edge.i + 1)
        return end

    def clause_item(self, kind: str, cue: Token, verb: Token, holder: Holder, resolver: Resolver, condition_for: str | None) -> Candidate:
        """A complement clause as content: "that Kiev must abandon X" -> addressee Kiev, content "abandon X"."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        actor = resolver.actor(subject, strict=True) if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None
        if actor is not None and not same_actor(actor, holder):
            return Candidate(kind, cue, phrases.verb_phrase(verb), holder, actor, condition_for)
        return Candidate(kind, cue, phrases.clause(verb), holder, None, condition_for)

    def object_items(self, verb: Token, kind: str, resolver: Resolver, *, preps: tuple[str, ...], objects: frozenset[str]) -> Iterator[Candidate]:
        """Support or rejection of a stance noun: "backed Trump's proposal for X", "dismissed the proposal"."""
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        targets = [c for c in verb.children if c.dep_ in ("dobj", "attr")] if not preps else [
            p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in preps for p in prep.children if p.dep_ == "pobj"
        ]
        for obj in targets:
            if obj.lemma_.lower() not in objects:
                continue
            owner = self.owner(obj, resolver)
            content = self.noun_content(obj)
            if content:
                for span in content:
                    yield Candidate(kind, verb, span, holder, owner)
            elif obj.lemma_.lower() in self.lex.nouns and owner is None:
                yield Candidate(kind, verb, None, holder, None, refers=True)
            else:
                yield Candidate(kind, verb, phrases.noun_item(obj), holder, owner)

    def evaluation_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "called Ukraine's demand to X unconstructive": a rejection of X."""
        if not any(t.lower_ in self.lex.negative_evaluations for t in verb.subtree):
            return
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if holder is None or obj is None or obj.lemma_.lower() not in self.lex.stance_nouns:
            return
        for span in self.noun_content(obj) or [phrases.noun_item(obj)]:
            yield Candidate("rejection", verb, span, holder, self.owner(obj, resolver))

    # ------------------------------------------------------------------ nouns

    def owner(self, noun: Token, resolver: Resolver) -> Holder | None:
        """Whose proposal: "Trump's proposal", "the U.S. proposal", "a proposal by Turkey"."""
        for child in noun.children:
            if child.dep_ == "poss" or child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("PROPN", "ADJ"):
                found = resolver.holder(child) if child.dep_ == "poss" else resolver.actor(child)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and (found := resolver.actor(pobj)) is not None:
                    return found
        return None

    def noun_content(self, noun: Token) -> list[tuple[int, int]]:
        """What a stance noun is about: "proposal for X", "idea of doing X", "demand to do X"."""
        out: list[tuple[int, int]] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "on", "to", "concerning", "regarding"):
                for pobj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                    if pobj.pos_ in ("VERB", "AUX"):
                        out.append(phrases.verb_phrase(pobj))
                    else:
                        out.extend(phrases.noun_item(n) for n in phrases.coordinated_nouns(pobj))
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                out.append(phrases.verb_phrase(child))
        return out

    def noun_frame(self, noun: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        kind = self.lex.nouns[lemma]
        head = noun.head
        linked = noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.lex.linking_verbs
        holder = self.owner(noun, resolver)
        if holder is None and linked:
            holder = self.reporter(head, resolver)
        if holder is None:
            return
        if linked:
            for obj in (c for c in head.children if c.dep_ in ("attr", "dobj")):
                if obj.pos_ in ("VERB", "AUX"):
                    yield Candidate(kind, noun, phrases.verb_phrase(obj), holder)
                    continue
                for item in phrases.coordinated_nouns(obj):
                    yield Candidate(kind, noun, phrases.noun_item(item), holder)
            return
        if lemma in ("focus", "priority", "condition", "precondition"):
            return  # "conditions for settling the war" names what they are for, not what they are
        for span in self.noun_content(noun):
            yield Candidate(kind, noun, span, holder)

    # ------------------------------------------------------------------ other frames

    def readiness_frame(self, adj: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Russia is ready to work on a memorandum": an offer."""
        if any(c.dep_ == "neg" for c in adj.head.children) or any(c.dep_ == "neg" for c in adj.children):
            return
        subject = subject_of(adj.head) if adj.dep_ == "acomp" else subject_of(adj)
        holder = resolver.holder(subject) if subject is not None else None
        if holder is None:
            return
        for child in adj.children:
            if child.dep_ == "xcomp":
                for item in phrases.coordinated_verbs(child):
                    yield Candidate(self.lex.readiness_kind, adj, phrases.verb_phrase(item), holder)
            elif child.dep_ == "prep" and child.lower_ in ("to", "for"):
                for pobj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                    span = phrases.verb_phrase(pobj) if pobj.pos_ == "VERB" else phrases.noun_item(pobj)
                    yield Candidate(self.lex.readiness_kind, adj, span, holder)

    def modal_frame(self, modal: Token, sent: Span, resolver: Resolver) -> Iterator[Candidate]:
        """ "Russia has stated that ... Ukraine must halt mobilization": a demand of the reporter."""
        verb = modal.head
        if any(c.dep_ == "neg" for c in verb.children):
            return
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            return
        holder = self.reporter(verb, resolver, sent)
        if holder is None:
            return
        actor = resolver.actor(subject, strict=True) if subject.pos_ in ("PROPN", "NOUN") else None
        if same_actor(actor, holder) or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children):
            return  # an actor's own commitment is no demand on anyone
        condition_for = self.condition_for(verb)
        if actor is not None:
            for item in phrases.coordinated_verbs(verb):
                yield Candidate("demand", modal, phrases.verb_phrase(item), holder, actor, condition_for)
            return
        attr = next((c for c in verb.children if c.dep_ == "attr"), None) if verb.lemma_ == "be" else None
        if attr is not None:
            for item in phrases.coordinated_nouns(attr):
                yield Candidate("demand", modal, phrases.noun_item(item), holder, None, condition_for)
            return
        if subject.lower_ in ("it", "this", "that", "he", "she", "they", "we", "i", "you"):
            return
        yield Candidate("demand", modal, phrases.clause(verb), holder, None, condition_for)

    def condition_frame(self, mark: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "... would abandon the talks unless they show X": a demand of X, as a condition."""
        verb = mark.head
        if verb.i < mark.i or verb.pos_ not in ("VERB", "AUX"):
            return
        main = verb.head if verb.head.i != verb.i else None
        holder = None
        if main is not None:
            holder = self.reporter(main, resolver)
            if holder is None and (s := subject_of(main)) is not None:
                holder = resolver.holder(s)
        if holder is None:
            return
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        addressee = resolver.holder(subject) if subject is not None else None
        skip = {mark.i} if mark.head.i == verb.i else set()
        condition_for = None
        if main is not None:
            s, e = phrases.verb_phrase(main, {verb.i})
            condition_for = main.doc[s:e].text
        if addressee is not None and not same_actor(addressee, holder):
            yield Candidate("demand", mark, phrases.verb_phrase(verb, skip), holder, addressee, condition_for)
        else:
            yield Candidate("demand", mark, phrases.clause(verb, skip), holder, None, condition_for)

    def refusal_frame(self, neg: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Zelenskyy said Ukraine would not take part in X or recognize Y": rejections."""
        verb = neg.head
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo") for c in verb.children):
            return
        if verb.lemma_.lower() in self.lex.empty_contents or verb.lemma_ in ("be", "have"):
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN") or verb.dep_ not in ("ccomp", "ROOT"):
            return
        if any(c.dep_ == "advcl" and any(m.lower_ in self.lex.condition_marks or m.lower_ == "if" for m in c.children) for c in verb.children):
            return  # "would not do X unless Y" is a threat with a condition, read by the condition frame
        if self.reporter(verb, resolver) is None:
            return
        holder = resolver.holder(subject)
        if holder is None:
            return
        for item in phrases.coordinated_verbs(verb):
            yield Candidate("rejection", neg, phrases.verb_phrase(item), holder)

    def expectation_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "We hope that all parties will commit to X": a demand on the parties."""
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            subject = next((c for c in comp.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.lemma_.lower() in self.lex.party_nouns:
                yield Candidate("demand", verb, phrases.verb_phrase(comp), holder)

    def agenda_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "(X said) the meeting will focus on restoring relations": X proposes that agenda."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.lemma_.lower() not in self.lex.agenda_subjects:
            return
        holder = self.reporter(verb, resolver)
        if holder is None:
            return
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in self.lex.agenda_preps:
                for pobj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                    span = phrases.verb_phrase(pobj) if pobj.pos_ == "VERB" else phrases.noun_item(pobj)
                    yield Candidate(self.lex.agenda_kind, verb, span, holder)

    # ------------------------------------------------------------------ helpers

    def reporter(self, verb: Token, resolver: Resolver, sent: Span | None = None) -> Holder | None:
        """Who states the clause: a reporting verb above it (or beside it), "according to X", a quote's speaker."""
        for node in [verb, *verb.ancestors]:
            if node.lemma_.lower() in self.lex.reporting_verbs and node.i != verb.i:
                subject = subject_of(node)
                if subject is not None and (found := resolver.holder(subject)) is not None:
                    return found
        sent = sent or verb.sent
        for token in sent:
            if token.lemma_.lower() in self.lex.reporting_verbs and token.pos_ == "VERB" and (token.head.i == verb.i or token.head.i == verb.head.i and token.dep_ in ("ccomp", "parataxis")):
                subject = subject_of(token)
                if subject is not None and (found := resolver.holder(subject)) is not None:
                    return found
            if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
                pobj = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
                if pobj is not None and (found := resolver.holder(pobj)) is not None:
                    return found
        return resolver.speaker(verb)

    def condition_for(self, verb: Token) -> str | None:
        """ "for a full ceasefire to be achieved" or "as a condition for X" near the demand."""
        for token in verb.sent:
            if token.lower_ == "for" and token.dep_ == "mark" and token.head.lemma_.lower() in self.lex.condition_for_verbs:
                subject = next((c for c in token.head.children if c.dep_ in SUBJECTS), None)
                if subject is not None:
                    s, e = phrases.trim(verb.doc, *phrases.noun_item(subject))
                    return verb.doc[s:e].text
            if token.lemma_.lower() in ("condition", "precondition") and token.dep_ == "pobj":
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
                if pobj is not None:
                    s, e = phrases.trim(verb.doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                    return verb.doc[s:e].text
        return None

    def generic(self, noun: Token) -> bool:
        """ "several demands", "a number of unacceptable conditions": a stance with no content."""
        if noun.lemma_.lower() not in self.lex.generic_contents and noun.lower_ not in self.lex.generic_contents:
            return False
        for child in noun.children:
            if child.dep_ == "prep":
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ != "of" or not all(self.generic(p) for p in pobjs):
                    return False
            if child.dep_ == "acl" and any(c.lower_ == "to" for c in child.children):
                return False
        return True
