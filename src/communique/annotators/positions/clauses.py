"""Clause-level frames: readiness, modal demands, conditions, refusals, expectations, agendas.

A mixin of `FrameFinder` (frames.py); it also owns finding who states a clause
(`reporter`) and what a demand is a condition for (`condition_for`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import phrases
from .base import SUBJECTS, Candidate, Holder, Resolver, subject_of
from .lexicon import Lexicon
from .resolve import same_actor
from .verbs import withholds_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class ClauseFrames:
    lex: Lexicon

    def readiness_frame(self, adj: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Chile is ready to draft a joint text": readiness to act is an offer."""
        if any(c.dep_ == "neg" for c in adj.head.children) or any(c.dep_ == "neg" for c in adj.children):
            return
        subject = subject_of(adj.head) if adj.dep_ == "acomp" else subject_of(adj)
        holder = resolver.holder(subject) if subject is not None else None
        if holder is None:
            return
        for child in adj.children:
            if child.dep_ == "xcomp":
                for item in phrases.coordinated_verbs(child):
                    kind = "support" if self.carries_out_deal(item) else self.lex.readiness_kind
                    yield Candidate(kind, adj, phrases.verb_phrase(item), holder)
            elif child.dep_ == "prep" and child.lower_ in ("to", "for"):
                for pobj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                    span = phrases.verb_phrase(pobj) if pobj.pos_ == "VERB" else phrases.noun_item(pobj)
                    yield Candidate(self.lex.readiness_kind, adj, span, holder)

    def carries_out_deal(self, verb: Token) -> bool:
        """Readiness to implement or honour a deal already made supports it; it offers nothing new."""
        if verb.lemma_.lower() not in self.lex.implementation_verbs:
            return False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return any(o.lemma_.lower() in self.lex.deal_nouns for o in objects)

    def modal_frame(self, modal: Token, sent: Span, resolver: Resolver) -> Iterator[Candidate]:
        """ "Russia has stated that ... Ukraine must halt mobilization": a demand of the reporter."""
        verb = modal.head
        if any(c.dep_ == "neg" for c in verb.children) or verb.dep_ in ("relcl", "acl"):
            return  # "the way the panel should work": a clause that describes a noun asks nothing
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.tag_ in ("WDT", "WP") or _anyone(subject):
            return  # "no one should doubt X", "everyone must vote": a maxim, no demand on a side
        holder = self.reporter(verb, resolver, sent)
        if holder is None:
            return
        actor = resolver.actor(subject, strict=True) if subject.pos_ in ("PROPN", "NOUN") else None
        if same_actor(actor, holder) or any(
            c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children
        ):
            return  # an actor's own commitment is no demand on anyone
        condition_for = self.condition_for(verb)
        if actor is not None:
            for item in phrases.coordinated_verbs(verb):
                yield Candidate("demand", modal, phrases.verb_phrase(item), holder, actor, condition_for)
            return
        attr = next((c for c in verb.children if c.dep_ == "attr"), None) if verb.lemma_ == "be" else None
        if verb.lemma_ == "be" and attr is None and not any(c.dep_ == "acomp" for c in verb.children):
            return  # "the question should be why ...": a judgment of what to ask, nothing to be done
        if attr is not None:
            for item in phrases.coordinated_nouns(attr):
                yield Candidate("demand", modal, phrases.noun_item(item), holder, None, condition_for)
            return
        if subject.lower_ in ("it", "this", "that", "he", "she", "they", "we", "i", "you"):
            return
        yield Candidate("demand", modal, phrases.clause(verb), holder, None, condition_for)

    def obligation_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Peru said Chile needs to pay X", "has to withdraw": an obligation a speaker puts on another
        named side is a demand, as with "must". Not a forecast ("will need to borrow"), not a side's
        own duty, not a denied one."""
        task = next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if task is None or verb.dep_ in ("relcl", "acl"):
            return
        if any(c.dep_ in ("neg", "dobj") for c in verb.children):
            return  # "has the means to act": "have" with an object owns something, it is not obliged
        if any(c.dep_ == "aux" and c.lower_ not in ("do", "does", "did") for c in verb.children):
            return  # "will need to", "may have to": a forecast of what is coming
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
            return
        holder = self.reporter(verb, resolver)
        actor = resolver.actor(subject, strict=True)
        if holder is None or actor is None or same_actor(actor, holder):
            return
        condition_for = self.condition_for(verb)
        for item in phrases.coordinated_verbs(task):
            yield Candidate("demand", verb, phrases.verb_phrase(item), holder, actor, condition_for)

    def condition_frame(self, mark: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "... would abandon the talks unless they show X": a demand of X, as a condition."""
        verb = mark.head
        main = verb.head if verb.head.i != verb.i else None
        if verb.i < mark.i:
            # parsed the other way round: "provided" heads its clause ("provided it was respected")
            verb = next(
                (c for c in mark.children if c.dep_ in ("pcomp", "ccomp", "advcl") and c.i > mark.i), None
            )
            if verb is None:  # or as a sibling of the clause that starts right after it
                verb = next(
                    (
                        t
                        for t in mark.sent
                        if t.i > mark.i
                        and t.left_edge.i == mark.i + 1
                        and t.pos_ in ("VERB", "AUX")
                        and t.dep_ in ("ccomp", "advcl", "conj")
                    ),
                    None,
                )
            if verb is None:
                return
            main = _verb_above(mark)
        if verb.pos_ not in ("VERB", "AUX") or _elliptic(verb):
            return
        if verb.lemma_.lower() in self.lex.expectations:
            return  # "unless it wants to X", "if they wish": a wish of the doer, not terms set by anyone
        holder = None
        if main is not None:
            holder = self.reporter(main, resolver)
            # "X is false unless ...", "a child has no rights unless ...": a state, not an act set on terms
            acts = main.lemma_ not in ("be", "have") and not _obliged(main) and not self.observed(main)
            if holder is None and acts and (s := subject_of(main)) is not None:
                # a condition is set on an act of its subject; "X is false unless ..." judges, it sets nothing
                holder = resolver.holder(s)
        if holder is None:
            return
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        addressee = resolver.holder(subject) if subject is not None else None
        skip = {mark.i} if mark.head.i == verb.i else set()
        condition_for = None
        if main is not None:
            # "such a meeting could happen only after X": the thing conditioned, with a subject that names it
            named = any(c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN") for c in main.children)
            s, e = phrases.clause(main, {verb.i}) if named else phrases.verb_phrase(main, {verb.i})
            if s < mark.i < e:  # "sign the accord provided that ...": the parse hung the mark on the object
                e = mark.i
            condition_for = main.doc[s:e].text
        if addressee is not None and not same_actor(addressee, holder):
            yield Candidate("demand", mark, phrases.verb_phrase(verb, skip), holder, addressee, condition_for)
        elif self.negative_if(mark):
            return  # "if it does not win": only a deed asked of another side is a condition set on it
        else:
            yield Candidate("demand", mark, phrases.clause(verb, skip), holder, None, condition_for)

    def observed(self, main: Token) -> bool:
        """ "X can act only when Y lets it", "it showed that X succeeds only if ...": what is possible, or
        what a fact shows, is a claim about the subject, not a condition it sets."""
        if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in main.children):
            return True
        return main.dep_ == "ccomp" and main.head.lemma_.lower() not in self.lex.reporting_verbs

    @staticmethod
    def negative_if(token: Token) -> bool:
        """ "will walk out if Lima does not pay": "if ... not" sets a condition as "unless" does
        ("even if ... not" and "as if" set none)."""
        if token.lower_ != "if" or token.dep_ != "mark" or token.head.i < token.i:
            return False
        if token.i > 0 and token.doc[token.i - 1].lower_ in ("even", "as", "only"):
            return False
        if any(c.dep_ == "neg" for a in token.head.ancestors for c in a.children):
            return False  # "I don't think he would come if X did not ...": an inference, not a condition
        return any(c.dep_ == "neg" for c in token.head.children)

    def restricted_mark(self, token: Token) -> bool:
        """ "only if", "only after", "on condition that": a condition set by the words before the mark."""
        if token.i == 0:
            return False
        before = token.doc[token.i - 1]
        if token.lower_ in self.lex.only_marks:
            return before.lower_ == "only"
        return token.lower_ == "that" and before.lemma_.lower() == "condition"

    def exchange_frame(self, noun: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "offered a truce in return for sanctions relief": what is asked in return is a demand,
        the condition of the offer."""
        prep = noun.head
        asked = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children
            if p.dep_ in ("pobj", "pcomp")
        ]
        verb = prep.head
        if prep.lower_ != "in" or not asked or verb.pos_ not in ("VERB", "AUX"):
            return
        subject = subject_of(verb)
        holder = resolver.holder(subject) if subject is not None else None
        if holder is None:
            return
        s, e = phrases.verb_phrase(verb, {prep.i})
        condition_for = verb.doc[s:e].text
        for item in asked:
            span = phrases.verb_phrase(item) if item.pos_ in ("VERB", "AUX") else phrases.noun_item(item)
            yield Candidate("demand", noun, span, holder, None, condition_for)

    def requirement_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Any deal would need the consent of parliament", a side said: what a future deal needs is
        that side's condition. "The accord requires X" (a deal made) is the deal's term: nobody's."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in self.lex.deal_nouns | self.lex.stance_nouns:
            return
        hypothetical = any(
            c.dep_ == "aux" and c.lower_ in ("would", "will", "must", "should") for c in verb.children
        )
        if not (hypothetical or any(c.lower_ in ("any", "a", "every") for c in subject.children)):
            return
        holder = self.reporter(verb, resolver)
        if holder is None:
            return
        owner = self.owner(subject, resolver)  # type: ignore[attr-defined]
        if owner is not None and not same_actor(owner, holder):
            return  # "the rival plan would require X", said of another's plan: a reading of it, no demand
        s, e = phrases.noun_item(subject)
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for item in phrases.coordinated_nouns(obj):
                yield Candidate("demand", verb, phrases.noun_item(item), holder, None, verb.doc[s:e].text)

    def refusal_frame(self, neg: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "Peru said it would not attend X or sign Y": a stated refusal, one rejection per verb."""
        verb = neg.head
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo") for c in verb.children):
            return
        if verb.lemma_.lower() in self.lex.empty_contents or verb.lemma_ in ("be", "have"):
            return
        if withholds_words(verb, self.lex):
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or verb.dep_ not in ("ccomp", "ROOT"):
            return
        if subject.pos_ == "PRON" and not (subject.lower_ in ("it", "they", "we") and verb.dep_ == "ccomp"):
            return  # "Syria says it will not accept X" is Syria's refusal; a lone "he would not" is not
        if any(
            c.dep_ == "advcl" and any(m.lower_ in self.lex.condition_marks for m in c.children)
            for c in verb.children
        ):
            return  # "would not do X unless Y" is a threat with a condition, read by the condition frame
        reporter = self.reporter(verb, resolver)
        # only an actor refuses: "pressure from Chile would not change X" names a thing, not a refuser
        holder = resolver.holder(subject) if subject.pos_ == "PRON" else resolver.actor(subject, strict=True)
        if reporter is None or holder is None:
            return
        if subject.pos_ == "PRON" and not same_actor(reporter, holder):
            return
        for item in phrases.coordinated_verbs(verb):
            if item.i != verb.i and item.lemma_.lower() in self.lex.verbs:
                continue  # "would not withdraw and called on X to ...": the call is a stance of its own
            yield Candidate("rejection", neg, phrases.verb_phrase(item), holder)

    def expectation_frame(self, verb: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "We trust both sides will honour X": a hope about the parties is a demand on them."""
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
        subject = (
            subject_of(verb.head)
            if verb.dep_ == "acomp"
            else next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        )
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

    def agenda_list_frame(self, subject: Token, resolver: Resolver) -> Iterator[Candidate]:
        """ "(X said) the agenda was to discuss a ceasefire and a summit": X proposes each item."""
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
            return
        task = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        obj = next((c for c in task.children if c.dep_ == "dobj"), None) if task is not None else None
        if obj is None or task.lemma_.lower() not in self.lex.deliberation_verbs:
            return
        holder = self.reporter(verb, resolver)
        if holder is None:
            return
        for item in phrases.listed(obj):
            yield Candidate(self.lex.agenda_kind, subject, phrases.noun_item(item), holder)

    # ------------------------------------------------------------------ helpers

    def reporter(self, verb: Token, resolver: Resolver, sent: Span | None = None) -> Holder | None:
        """Who states the clause: a reporting verb above it (or beside it), "according to X",
        or a quote's speaker."""
        for node in [verb, *verb.ancestors]:
            if node.lemma_.lower() in self.lex.reporting_verbs and node.i != verb.i:
                subject = subject_of(node)
                if subject is not None and (found := resolver.holder(subject)) is not None:
                    return found
        sent = sent or verb.sent
        for token in sent:
            if (
                token.lemma_.lower() in self.lex.reporting_verbs
                and token.pos_ == "VERB"
                and (
                    token.head.i == verb.i
                    or token.head.i == verb.head.i
                    and token.dep_ in ("ccomp", "parataxis")
                )
            ):
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
            if token.lower_ == "for" and (found := self._for_to_be(token)) is not None:
                return found
            if token.lemma_.lower() in ("condition", "precondition") and token.dep_ == "pobj":
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                pobj = (
                    next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                    if prep is not None
                    else None
                )
                if pobj is not None:
                    s, e = phrases.trim(verb.doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                    return verb.doc[s:e].text
        return None

    def _for_to_be(self, token: Token) -> str | None:
        """ "for a full ceasefire to be achieved": the words between "for" and "to", whatever the parse."""
        doc = token.doc
        limit = min(token.sent.end, token.i + 10)
        to = next((t for t in doc[token.i + 1 : limit] if t.lower_ == "to"), None)
        if to is None or to.i + 1 >= limit:
            return None
        after = doc[to.i + 1] if doc[to.i + 1].lower_ != "be" else doc[min(to.i + 2, len(doc) - 1)]
        if after.lemma_.lower() not in self.lex.condition_for_verbs:
            return None
        s, e = phrases.trim(doc, token.i + 1, to.i)
        return doc[s:e].text if e > s else None


def _verb_above(token: Token) -> Token | None:
    """The verb a word hangs from: "would sign the accord provided that ..." parsed with "provided"
    on "accord" still conditions "sign"."""
    node = token.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _elliptic(verb: Token) -> bool:
    """ "unless proven otherwise", "if needed": a condition clause with no subject and a bare participle
    is a hedge of the sentence, not a demand on anyone."""
    return verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children)


INDEFINITE_PRONOUNS = frozenset(
    {"anyone", "anybody", "everyone", "everybody", "nobody", "someone", "somebody"}
)


def _anyone(subject: Token) -> bool:
    """ "No one", "anyone", "everybody": a subject that names no side ("one of the points" names one)."""
    return subject.lower_ in INDEFINITE_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


OBLIGATION_MODALS = frozenset({"must", "should", "ought", "shall"})
POSSIBILITY_MODALS = frozenset({"can", "may", "might"})


def _obliged(verb: Token) -> bool:
    """ "X needs to stay out unless ...", "X must leave unless ...": the subject is asked, not the one
    who sets the condition."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in verb.children):
        return True
    return verb.lemma_.lower() in ("need", "have") and any(c.dep_ == "xcomp" for c in verb.children)
