"""Stance frames beyond a verb and its object: denials, contrasts, appraisals, participles, converses, lists.

A mixin of `FrameFinder` (frames.py), next to `ClauseFrames`. Each frame states in its
docstring the general reason it reads a stance, with an example of our own wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import phrases
from .base import Candidate, Holder, Resolver, subject_of
from .lexicon import Lexicon, VerbCue

if TYPE_CHECKING:
    from spacy.tokens import Token

# words for both sides at once (a plural "they" is joint only when it stands for two actors)
JOINT_WORDS = frozenset({"we", "both", "each"})
LIST_LOOKAHEAD = 6  # tokens between a list noun and its colon ("its three main conditions:")


class StanceFrames:
    lex: Lexicon

    # (owner, noun_content, object_items and own_deed are FrameFinder's, shared with these frames)

    # ------------------------------------------------------------------ appraisal

    def appraisal(self, verb: Token) -> str | None:
        """The kind a manner adverb of approval or disapproval gives its verb ("views X favourably")."""
        return next(
            (
                self.lex.appraisal_manners[c.lower_]
                for c in verb.children
                if c.dep_ == "advmod" and c.lower_ in self.lex.appraisal_manners
            ),
            None,
        )

    def appraisal_frame(self, verb: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        """Looking at a stance with approval supports it, with disapproval rejects it:
        "Lima views the plan favourably", "Quito responded coolly to the offer"."""
        kind = self.appraisal(verb)
        if kind is None or any(c.dep_ == "neg" for c in verb.children):
            return
        preps = tuple(p for p in self.lex.appraisal_verbs[lemma] if p)
        yield from self.object_items(verb, kind, resolver, preps=preps, objects=self.lex.stance_nouns)

    # ------------------------------------------------------------------ denials

    def negated_frame(self, verb: Token, cue: VerbCue, resolver: Resolver) -> Iterator[Candidate]:
        """Denying a wish or an acceptance turns the thing down: "Lima is not seeking a truce",
        "Quito cannot accept the plan"; "not X but Y" still asks for Y."""
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None or cue.negated is None:
            return
        targets = [c for c in verb.children if c.dep_ == "dobj"]
        targets += [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in cue.content_preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for obj in targets:
            if cue.objects is not None and not phrases.noun_forms(obj) & cue.objects:
                continue
            yield from self.denied_items(verb, obj, cue.negated, holder, resolver)
            yield from self.contrast_items(verb, obj, cue.kind, holder)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if xcomp is not None and cue.own_action and self.own_deed(xcomp, cue):
            yield Candidate(cue.negated, verb, phrases.verb_phrase(xcomp), holder)

    def denied_items(
        self, verb: Token, obj: Token, kind: str, holder: Holder, resolver: Resolver
    ) -> Iterator[Candidate]:
        owner = self.owner(obj, resolver)
        content = self.noun_content(obj) if obj.lemma_.lower() in self.lex.nouns else []
        if content:
            for span in content:
                yield Candidate(kind, verb, span, holder, owner)
        elif obj.lemma_.lower() in self.lex.nouns and owner is None:
            yield Candidate(
                kind,
                verb,
                phrases.noun_item(obj),
                holder,
                None,
                refers=self.lex.nouns[obj.lemma_.lower()].kind,
            )
        else:  # "not a truce or a pause": denied alternatives are one refusal
            skip = {c.i for c in obj.children if c.dep_ == "conj" and _after_but(c)}
            skip |= {
                c.i
                for c in obj.children
                if c.dep_ in ("appos", "punct") or c.dep_ == "cc" and c.lower_ == "but"
            }
            yield Candidate(kind, verb, phrases.subtree_range(obj, skip), holder, owner)

    def contrast_items(self, verb: Token, obj: Token, kind: str, holder: Holder) -> Iterator[Candidate]:
        """ "not X, but Y": Y is what is sought, wherever the parser hung it (the object,
        or the clause above)."""
        above = {obj.i, verb.i, *(a.i for a in verb.ancestors)}
        for token in verb.sent:
            conjunct = token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and token.head.i in above
            if token.i > obj.i and conjunct and _after_but(token):
                yield Candidate(kind, verb, phrases.noun_item(token), holder)

    def disinterest_frame(self, noun: Token, resolver: Resolver) -> Iterator[Candidate]:
        """Having no interest in, or no intention of, doing X rejects X:
        "Lima has no interest in new talks"."""
        verb = noun.head
        denied = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or any(
            c.dep_ == "neg" for c in verb.children
        )
        if not denied or noun.dep_ != "dobj" or verb.lemma_.lower() != "have":
            return
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
                for pobj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                    span = (
                        phrases.verb_phrase(pobj) if pobj.pos_ in ("VERB", "AUX") else phrases.noun_item(pobj)
                    )
                    yield Candidate("rejection", noun, span, holder)
            elif child.dep_ in ("acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                yield Candidate("rejection", noun, phrases.verb_phrase(child), holder)

    # ------------------------------------------------------------------ implicit stances

    def approval_frame(self, adj: Token, resolver: Resolver) -> Iterator[Candidate]:
        """Approving a deal others made supports what they agreed: "We are glad that Chile and Peru
        agreed to a truce" (a holder's own deal is an event, not a stance: see `joint`)."""
        if any(c.dep_ == "neg" for c in adj.head.children):
            return
        holder_token = subject_of(adj.head)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        for verb in adj.subtree:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.deal_verbs or verb.i == adj.i:
                continue
            deals = [c for c in verb.children if c.dep_ == "dobj"]
            deals += [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("to", "on")
                for p in c.children
                if p.dep_ == "pobj"
            ]
            for deal in deals:
                if phrases.noun_forms(deal) & self.lex.stance_nouns:
                    yield Candidate("support", adj, phrases.noun_item(deal), holder)

    def necessity_frame(self, adj: Token, resolver: Resolver) -> Iterator[Candidate]:
        """What a side calls necessary it asks for: "the time is ripe for talks", "it is vital that
        Lima withdraw" (stated by the reporter of the clause, or the quote's speaker)."""
        if any(c.dep_ == "neg" for c in adj.head.children):
            return
        holder = self.reporter(adj.head, resolver)
        if holder is None:
            return
        subject = next((c for c in adj.head.children if c.dep_ in ("nsubj", "expl")), None)
        for child in adj.children:
            # "the time is ripe for talks", "it is vital for a truce" ask for the for-phrase; "trade is
            # vital for growth" calls the subject necessary for it, which is its purpose, not a demand
            if child.dep_ == "prep" and child.lower_ == "for" and _empty_subject(subject):
                for pobj in (c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
                    yield Candidate("demand", adj, phrases.noun_item(pobj), holder)
        for clause in (c for c in (*adj.children, *adj.head.children) if c.dep_ in ("ccomp", "xcomp")):
            if clause.pos_ not in ("VERB", "AUX") or clause.i < adj.i:
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            addressee = resolver.actor(subject, strict=True) if subject is not None else None
            span = phrases.verb_phrase(clause) if addressee or subject is None else phrases.clause(clause)
            yield Candidate("demand", adj, span, holder, addressee)

    def moment_frame(self, noun: Token, resolver: Resolver) -> Iterator[Candidate]:
        """What a side says the time has come for it asks for: "it is time for Lima to lift the blockade",
        "now is the time for talks" (in the present; "it was time to leave" narrates)."""
        verb = noun.head
        present = verb.tag_ in ("VBZ", "VBP")
        if verb.lemma_ != "be" or not present or any(c.dep_ == "neg" for c in verb.children):
            return
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
        now = any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children)
        framed = noun.dep_ == "attr" and subject is not None and subject.lower_ in ("it", "this")
        if not (framed or now and noun.dep_ in ("nsubj", "attr")):
            return
        if any(c.dep_ == "det" and c.lower_ not in ("the",) for c in noun.children):
            return  # "it is a time to reflect", "some time to think": no call for anything
        holder = self.reporter(verb, resolver)
        if holder is None:
            return
        for child in noun.children:
            infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            if child.dep_ in ("relcl", "acl") and infinitive:
                doer = next((c for c in child.children if c.dep_ == "nsubj"), None)
                whom = resolver.actor(doer, strict=True) if doer is not None else None
                for item in phrases.coordinated_verbs(child):
                    yield Candidate("demand", noun, phrases.verb_phrase(item), holder, whom)
            elif child.dep_ == "prep" and child.lower_ == "for":
                for pobj in (c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
                    yield Candidate("demand", noun, phrases.noun_item(pobj), holder)

    # ------------------------------------------------------------------ participles and converses

    def participle_frame(self, part: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        """A stance verb's participle on a noun states the proposal of the actor it names:
        "a truce announced by Chile", "the Peru-proposed corridor", "Bolivia's proposed route"."""
        cue = self.lex.participles[lemma]
        noun = part.head
        if (
            noun.pos_ not in ("NOUN", "PROPN")
            or cue.objects is not None
            and not phrases.noun_forms(noun) & cue.objects
        ):
            return
        holder = self.participle_agent(part, resolver) or self.owner(noun, resolver)
        if holder is None:
            return
        start, end = phrases.noun_item(noun)
        if part.i > noun.i:
            end = min(end, part.left_edge.i)
        else:
            start = max(start, part.right_edge.i + 1)
        if end > start:
            yield Candidate(cue.kind, part, (start, end), holder, nested=True)

    @staticmethod
    def participle_agent(part: Token, resolver: Resolver) -> Holder | None:
        for child in part.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return resolver.actor(pobj)
            if child.dep_ in ("npadvmod", "compound", "nmod", "amod") and child.i < part.i:
                found = resolver.actor(child)
                if found is not None:
                    return found
        return None

    def converse_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """Receiving a pledge names its giver after "from": "Quito won assurances from Lima that the
        border stays open" is Lima's offer to Quito."""
        for obj in (
            c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.lex.converse_nouns
        ):
            source = next(
                (
                    p
                    for c in (*obj.children, *verb.children)
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            giver = resolver.holder(source) if source is not None else None
            if giver is None:
                continue
            receiver_token = subject_of(verb)
            receiver = resolver.holder(receiver_token) if receiver_token is not None else None
            kind = self.lex.converse_nouns[obj.lemma_.lower()]
            for span in self.pledge_contents(obj, verb):
                yield Candidate(kind, verb, span, giver, receiver)

    def pledge_contents(self, noun: Token, verb: Token) -> list[tuple[int, int]]:
        """What a pledge binds its giver to: a that-clause, an infinitive, or an of/on phrase."""
        out = []
        for child in (*noun.children, *verb.children):
            if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
                marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                out.append(phrases.clause(child) if marked else phrases.verb_phrase(child))
            elif child.dep_ == "prep" and child.lower_ in ("of", "on") and child.head.i == noun.i:
                out.extend(phrases.noun_item(p) for p in child.children if p.dep_ == "pobj")
        return out

    # ------------------------------------------------------------------ lists, deals, joint holders

    def colon_items(self, noun: Token) -> list[tuple[int, int]]:
        """ "laid out its conditions: A, B and C": one content per item after the colon."""
        if noun.lemma_.lower() not in self.lex.list_nouns:
            return []
        sent = noun.sent
        colon = next(
            (t for t in noun.doc[noun.i + 1 : min(sent.end, noun.i + LIST_LOOKAHEAD)] if t.text == ":"), None
        )
        if colon is None or any(t.pos_ in ("VERB", "AUX") for t in noun.doc[noun.i + 1 : colon.i]):
            return []
        after = range(colon.i + 1, sent.end)
        first = next(
            (t for t in noun.doc[colon.i + 1 : sent.end] if t.head.i not in after and not t.is_punct), None
        )
        if first is None:
            return []
        return [
            phrases.verb_phrase(t) if t.pos_ in ("VERB", "AUX") else phrases.noun_item(t)
            for t in phrases.listed(first)
        ]

    def under_terms(self, verb: Token) -> bool:
        """A deed done "under the terms of the truce" or "as part of the deal" carries out a deal
        already made: it is no new stance of the side doing it."""
        for node in (verb, *verb.ancestors):
            for prep in (c for c in node.children if c.dep_ == "prep"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if prep.lower_ in self.lex.term_preps and self.names_deal(pobj, node):
                        return True
                    if prep.lower_ == "as" and pobj.lower_ == "part":
                        return True
        return False

    def names_deal(self, pobj: Token, node: Token) -> bool:
        """A deal named, or pointed at by "which" in a clause on it ("the accord, under which Peru agreed
        to X")."""
        if pobj.lemma_.lower() in self.lex.deal_nouns:
            return True
        relative = pobj.tag_ == "WDT" and node.dep_ == "relcl"
        return relative and node.head.lemma_.lower() in self.lex.deal_nouns

    def joint(self, token: Token, holder: Holder) -> bool:
        """A holder made of both sides: "Peru and Chile", "both sides", "we", "they", a headline's
        "Peru, Chile agree", or the unnamed doers of "it was agreed"."""
        siblings = [
            c
            for c in token.head.children
            if c.i != token.i
            and c.i < token.head.i
            and c.dep_ in ("npadvmod", "nsubj", "nmod")
            and c.pos_ == "PROPN"
        ]
        return (
            "," in (holder[0] or "")
            or token.lower_ in JOINT_WORDS
            or token.dep_ == "nsubjpass"
            or token.lemma_.lower() in self.lex.party_nouns
            or any(c.lower_ in JOINT_WORDS or c.dep_ == "conj" for c in token.children)
            or bool(siblings)
            or _headline_pair(token)
        )


TIME_NOUNS = frozenset({"time", "moment", "hour"})


def _empty_subject(subject: Token | None) -> bool:
    """A subject that carries no thing of its own: "it", "this", or "the time" of "the time is ripe"."""
    return subject is None or subject.lower_ in ("it", "this") or subject.lemma_.lower() in TIME_NOUNS


def _headline_pair(token: Token) -> bool:
    """ "Peru, Chile extend truce": a headline names both sides before the verb, split by a comma."""
    first = token.left_edge.i
    sent_start = token.sent.start
    return (
        first - sent_start == 2 and token.doc[first - 1].text == "," and token.doc[sent_start].pos_ == "PROPN"
    )


def _after_but(token: Token) -> bool:
    """A conjunct joined by "but" ("not X, but Y")."""
    return any(c.dep_ == "cc" and c.lower_ == "but" and c.i < token.i for c in token.head.children)
