"""Position frames over one parsed sentence: who demands, proposes, offers, supports or rejects what.

Each frame reads the dependency parse around a cue from the lexicon and yields
`Candidate`s: a kind, the holder and addressee (resolved through the actors
layer by `Resolver`), and the content as a token range of the sentence. One
candidate per item of a coordinated list ("halt X, stop Y and withdraw Z").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..entities import lowercase_forms, lowercase_lemmas
from . import phrases
from .assertion import asserted
from .base import Candidate, Holder, Resolver, subject_of
from .clauses import ClauseFrames
from .lexicon import Lexicon
from .resolve import same_actor
from .stances import StanceFrames
from .verbs import VerbFrames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Candidate", "FrameFinder", "Holder", "Resolver", "subject_of"]


class FrameFinder(VerbFrames, ClauseFrames, StanceFrames):
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        # verb_frame finds nothing for any other lemma: skipped without a look at the parse
        self.frame_verbs = (
            frozenset(lexicon.verbs)
            | {verb for verb, _ in lexicon.phrasal}
            | frozenset(lexicon.appraisal_verbs)
        )
        # a token can open a frame only through one of these words: the rest are skipped unseen
        self.cue_lemmas = (
            self.frame_verbs
            | lexicon.expectations
            | lexicon.agenda_verbs
            | frozenset(lexicon.nouns)
            | lexicon.readiness
            | frozenset(lexicon.participles)
            | lexicon.converse_verbs
            | lexicon.disinterest_nouns
            | lexicon.approvals
            | lexicon.necessities
            | lexicon.agenda_subjects
            | lexicon.obligation_verbs
            | lexicon.moments
        )
        self.cue_forms = (
            lexicon.agenda_adjectives
            | lexicon.modals
            | lexicon.condition_marks
            | lexicon.only_marks
            | lexicon.exchange_nouns
            | lexicon.requirement_verbs
            | {"not", "never", "n't", "that"}
        )
        self._cues: tuple[Doc | None, frozenset[int]] = (None, frozenset())
        # verbs that ask something of another: what their complement's doer is to do is no stance of his
        self.directives = frozenset(verb for verb, cue in lexicon.verbs.items() if cue.kind == "demand")
        # nouns that ask or propose: a stance in the clause they head is asked of its subject
        self.asking_nouns = frozenset(
            noun for noun, cue in lexicon.nouns.items() if cue.kind in ("demand", "proposal")
        )

    def cue_tokens(self, doc: Doc) -> frozenset[int]:
        """Indices of the tokens worth a look in `doc` (computed once per Doc)."""
        if self._cues[0] is not doc:
            lemmas, forms = lowercase_lemmas(doc), lowercase_forms(doc)
            found = frozenset(
                i
                for i, (lemma, form) in enumerate(zip(lemmas, forms, strict=True))
                if lemma in self.cue_lemmas or form in self.cue_forms
            )
            self._cues = (doc, found)
        return self._cues[1]

    def find(self, sent: Span, resolver: Resolver) -> list[Candidate]:
        out: list[Candidate] = []
        lex = self.lex
        cues = self.cue_tokens(sent.doc)
        doc = sent.doc
        for i in range(sent.start, sent.end):
            if i not in cues:
                continue
            token = doc[i]
            pos, lower, dep = token.pos_, token.lower_, token.dep_
            lemma = token.lemma_.lower()
            if pos in ("VERB", "AUX"):
                if lemma in self.frame_verbs:
                    out.extend(self.verb_frame(token, lemma, resolver))
                if lemma in lex.expectations:
                    out.extend(self.expectation_frame(token, resolver))
                if lemma in lex.agenda_verbs:
                    out.extend(self.agenda_frame(token, resolver))
                if lemma in lex.obligation_verbs:
                    out.extend(self.obligation_frame(token, resolver))
            if pos in ("NOUN", "PROPN") and lemma in lex.nouns:
                out.extend(self.noun_frame(token, lemma, resolver))
                out.extend(self.provision_frame(token, lemma, resolver))
            if pos == "NOUN" and lemma in lex.agenda_subjects:
                out.extend(self.agenda_list_frame(token, resolver))
            if pos == "NOUN" and lemma in lex.moments:
                out.extend(self.moment_frame(token, resolver))
            if pos == "NOUN" and lemma in lex.disinterest_nouns:
                out.extend(self.disinterest_frame(token, resolver))
            if token.tag_ == "VBN" and dep in ("acl", "amod") and lemma in lex.participles:
                out.extend(self.participle_frame(token, lemma, resolver))
            if pos == "VERB" and lemma in lex.converse_verbs:
                out.extend(self.converse_frame(token, resolver))
            if pos == "ADJ" and dep == "acomp" and lemma in lex.approvals:
                out.extend(self.approval_frame(token, resolver))
            if pos == "ADJ" and dep == "acomp" and lemma in lex.necessities:
                out.extend(self.necessity_frame(token, resolver))
            if pos == "ADJ" and lemma in lex.readiness:
                out.extend(self.readiness_frame(token, resolver))
            if pos in ("ADJ", "VERB") and lower in lex.agenda_adjectives and dep == "acomp":
                out.extend(self.agenda_frame(token, resolver))
            if lower in lex.modals and dep == "aux":
                out.extend(self.modal_frame(token, sent, resolver))
            if lower in lex.condition_marks or self.restricted_mark(token) or self.negative_if(token):
                out.extend(self.condition_frame(token, resolver))
            if lower in lex.exchange_nouns and dep == "pobj":
                out.extend(self.exchange_frame(token, resolver))
            if lemma in lex.requirement_verbs and pos == "VERB":
                out.extend(self.requirement_frame(token, resolver))
            if lower in ("not", "never", "n't") and dep == "neg":
                out.extend(self.refusal_frame(token, resolver))
        weighed = (self.lex.disposition_nouns, self.lex.disposition_governors)
        return [
            cand
            for cand in out
            if asserted(
                cand,
                self.lex.deal_nouns,
                self.directives,
                weighed=weighed,
                asking_nouns=self.asking_nouns,
                deliberating=self.lex.deliberation_verbs,
            )
        ]

    # ------------------------------------------------------------------ nouns

    def owner(self, noun: Token, resolver: Resolver) -> Holder | None:
        """Whose proposal: "Trump's proposal", "the U.S. proposal", "a proposal by Turkey"."""
        for child in noun.children:
            if (
                child.dep_ == "poss"
                or child.dep_ in ("compound", "amod", "nmod")
                and child.pos_ in ("PROPN", "ADJ")
            ):
                found = resolver.holder(child) if child.dep_ == "poss" else resolver.actor(child)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                found = resolver.actor(pobj) or next(
                    (resolver.holder(c) for c in pobj.children if c.dep_ == "poss" and resolver.holder(c)),
                    None,
                )
                if found is not None:
                    return found
        return None

    def noun_content(self, noun: Token) -> list[tuple[int, int]]:
        """What a stance noun is about: "proposal for X", "idea of doing X", "demand to do X"."""
        cue = self.lex.nouns.get(noun.lemma_.lower())
        out: list[tuple[int, int]] = []
        # "calls by Belarus's rulers for aid": the parser often hangs the content on the author
        authors = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        hosts = [*authors]
        if noun.dep_ == "dobj" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
            # "accepted the proposal for a truce": or on the verb the noun is the object of
            hosts.append(noun.head)
        # "gave its backing to X": a noun restricted to stance contents may take it from its verb's "to"
        hosted = ("for", "to") if cue is not None and cue.objects is not None else ("for",)
        borrowed = [
            c
            for h in hosts
            for c in h.children
            if c.dep_ in ("prep", "dative") and c.lower_ in hosted and c.i > noun.i
        ]
        for child in [*noun.children, *borrowed]:
            if child.dep_ in ("prep", "dative") and child.lower_ in (
                "for",
                "of",
                "on",
                "to",
                "concerning",
                "regarding",
            ):
                for pobj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                    if pobj.pos_ in ("VERB", "AUX"):
                        out.append(phrases.verb_phrase(pobj))
                    elif cue is None or cue.objects is None or phrases.noun_forms(pobj) & cue.objects:
                        out.extend(phrases.noun_item(n) for n in phrases.coordinated_nouns(pobj))
            elif _infinitive(child) and (cue is None or cue.infinitive):
                out.append(phrases.verb_phrase(child))
        return out

    def noun_frame(self, noun: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        cue = self.lex.nouns[lemma]
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.lex.market_modifiers
               for c in noun.children):
            return  # "a tender offer for the shares" is a market deal, not a stance between parties
        head = noun.head
        linked = noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.lex.linking_verbs
        holder = self.owner(noun, resolver)
        if holder is None and linked:
            holder = self.reporter(head, resolver)
        if holder is None:
            holder = self.stater(noun, resolver)
        if holder is None or self.given_up(noun, holder, resolver):
            return
        if linked:
            for obj in (c for c in head.children if c.dep_ in ("attr", "dobj")):
                if obj.pos_ in ("VERB", "AUX"):
                    yield Candidate(cue.kind, noun, phrases.verb_phrase(obj), holder)
                    continue
                if self.judges(obj):
                    continue
                for item in phrases.coordinated_nouns(obj):
                    yield Candidate(cue.kind, noun, phrases.noun_item(item), holder)
            return
        if listed := self.colon_items(noun):
            for span in listed:
                yield Candidate(cue.kind, noun, span, holder)
            return
        if cue.purpose:
            return  # "conditions for settling the war" names what they are for, not what they are
        for span in self.noun_content(noun):
            yield Candidate(cue.kind, noun, span, holder)

    def judges(self, predicate: Token) -> bool:
        """A predicate noun that judges the stance instead of saying what it holds ("the plan was a
        sensible one", "the offer is a ploy", "the idea was a good idea")."""
        lemma = predicate.lemma_.lower()
        return lemma in self.lex.judging_predicates or lemma in self.lex.nouns

    def provision_frame(self, noun: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        """ "Under the Brazilian plan, Peru would stay neutral": a clause inside a proposal is part of
        it (its author's proposal), not a stance of the clause's subject."""
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.lower_ != "under"
            or self.lex.nouns[lemma].kind not in ("proposal", "offer")
        ):
            return
        owner = self.owner(noun, resolver)
        verb = prep.head
        if owner is None or verb.pos_ not in ("VERB", "AUX"):
            return
        for item in phrases.coordinated_verbs(verb):
            yield Candidate(self.lex.nouns[lemma].kind, noun, phrases.clause(item, {prep.i}), owner)

    def given_up(self, noun: Token, holder: Holder, resolver: Resolver) -> bool:
        """ "Chile dropped its demand for X": a stance its own holder turns down is no longer held."""
        cue = self.lex.verbs.get(noun.head.lemma_.lower())
        if noun.dep_ != "dobj" or cue is None or cue.kind != "rejection":
            return False
        subject = subject_of(noun.head)
        return subject is not None and same_actor(resolver.holder(subject), holder)

    def stater(self, noun: Token, resolver: Resolver) -> Holder | None:
        """Whose stance an unowned noun is: the subject of the stating verb it is the object of
        ("stressed the need for X", "gave its backing to X")."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.stating_verbs:
            return None
        subject = subject_of(verb)
        return resolver.holder(subject) if subject is not None else None

    # ------------------------------------------------------------------ helpers

    def generic(self, noun: Token) -> bool:
        """ "several demands", "a number of unacceptable conditions": a stance with no content."""
        if (
            noun.lemma_.lower() not in self.lex.generic_contents
            and noun.lower_ not in self.lex.generic_contents
        ):
            return False
        for child in noun.children:
            if child.dep_ == "prep":
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ != "of" or not all(self.generic(p) for p in pobjs):
                    return False
            if child.dep_ == "acl" and any(c.lower_ == "to" for c in child.children):
                return False
        return True


def _infinitive(token: Token) -> bool:
    """A to-infinitive on a noun: "a demand to withdraw", "readiness to talk"."""
    return (
        token.dep_ in ("acl", "relcl")
        and token.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )
