"""Verb frames: a stance verb and what it takes (object, infinitive, complement clause, preposition).

A mixin of `FrameFinder` (frames.py): `verb_frame` reads one cue verb from the lexicon
(knowledge/en/positions.yaml); the helpers split its content into one candidate per item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import phrases
from .base import SUBJECTS, Candidate, Holder, Resolver, object_controller, subject_of
from .lexicon import Lexicon, VerbCue
from .resolve import same_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# what a stance is about: the object, or the subject of a passive ("the plan was rejected by Quito"),
# whose holder `subject_of` finds in the by-phrase
OBJECTS = ("dobj", "attr", "nsubjpass")


class VerbFrames:
    lex: Lexicon
    frame_verbs: frozenset[str]

    def verb_frame(self, verb: Token, lemma: str, resolver: Resolver) -> Iterator[Candidate]:
        if lemma in self.lex.appraisal_verbs and self.appraisal(verb) is not None:
            yield from self.appraisal_frame(verb, lemma, resolver)
            return
        cue = self.lex.verbs.get(lemma)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle and (lemma, particle) in self.lex.phrasal:
            cue = self.lex.phrasal[(lemma, particle)]
        if cue is None:
            return
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.verbs and object_controller(verb):
            return  # "called on Lima to accept the plan": what is asked of Lima, read by "called"
        conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children)
        if conditional or self.under_terms(verb):
            return  # only "if Congress requires ...", or a deal's term carried out (denied or not)
        if any(c.dep_ == "neg" for c in verb.children):
            if cue.negated:
                yield from self.negated_frame(verb, cue, resolver)
            return  # "did not demand X" reports no stance
        if cue.factual and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return  # "could abandon the talks unless ...": a threat, not a stance given up
        if _counterfactual(verb):
            return  # "would have required X": what did not happen states no stance
        preps = cue.content_preps | cue.addressee_preps
        marked = (m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")
        cued = any(c.lower_ in preps and not _dated(c) for c in (*verb.children, *marked))
        if lemma == "call" and not cued:
            yield from self.evaluation_frame(verb, resolver)
            return
        if _passive_without_agent(verb):
            return  # "Peru was asked to withdraw", "recalled being asked to help": the asker is unnamed
        holder_token = _agent(verb) or subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None or cue.single_holder and (self.joint(holder_token, holder) or _reciprocal(verb)):
            return
        if cue.promises and _both_sides(holder_token, holder):
            return  # "both sides pledged to X": a joint commitment is a deal, no one side's offer
        items = self.restricted_items if cue.objects is not None else self.open_items
        if cue.promises:
            yield from self.promised_clauses(verb, cue, holder, resolver)
        for cand in items(verb, cue, holder, resolver):
            # "a memorandum that demands X": the document's author states X, inside what others do with it
            cand.nested = cand.nested or verb.dep_ == "relcl"
            yield cand

    def restricted_items(
        self, verb: Token, cue: VerbCue, holder: Holder, resolver: Resolver
    ) -> Iterator[Candidate]:
        """A verb that counts only with a stance object ("backed the plan"), a directive clause
        ("suggested that X") when its cue allows one, or a deed of the holder's own
        ("wants to resume talks")."""
        for cand in self.object_items(
            verb, cue.kind, resolver, preps=tuple(cue.content_preps), objects=cue.objects
        ):
            cand.holder = holder
            if cue.deed:  # "extended the truce by three days": the extension is offered, not the truce
                cand.content, cand.refers = phrases.verb_phrase(verb), None
            yield cand
        if cue.clauses:
            for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and _directive(c)):
                for item in _complement_items(verb, comp):
                    cand = self.clause_item(cue.kind, verb, item, holder, resolver, None)
                    if cand is not None:
                        yield cand
        if cue.own_action:
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            for item in phrases.coordinated_verbs(xcomp) if xcomp is not None else ():
                if self.own_deed(item, cue):
                    yield from self.infinitive_item(cue.own_action, verb, item, holder, None, None, resolver)

    def promised_clauses(
        self, verb: Token, cue: VerbCue, holder: Holder, resolver: Resolver
    ) -> Iterator[Candidate]:
        """ "Lima assured Quito that it would reopen the port": a promise that the holder's own side will
        act binds it to the act. A clause about another side's deed ("assured them that Peru would
        pay") promises what the holder cannot give, and a denied deed is read by the refusal frame."""
        whom = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        addressee = resolver.actor(whom) if whom is not None else None
        for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
            if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in comp.children):
                continue
            if any(c.dep_ == "neg" for c in comp.children):
                continue
            subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            own = subject.lower_ in ("it", "we", "i") or subject.lower_ in ("he", "she", "they") and (
                subject.lower_ != "they" or "," not in (holder[0] or "")
            )
            if not (own or same_actor(resolver.holder(subject), holder)):
                continue
            for item in phrases.coordinated_verbs(comp):
                yield Candidate(cue.kind, verb, self.deed(item), holder, addressee)

    def own_deed(self, item: Token, cue: VerbCue) -> bool:
        """The holder's own deed counts when its object is a stance ("to resume talks"), or when the
        cue takes any deed (an empty `own_objects`)."""
        if cue.own_objects is None:
            return True
        objects = [c for c in item.children if c.dep_ in ("dobj", "attr")]
        objects += [
            p
            for c in item.children
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "into", "to")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return any(phrases.noun_forms(o) & cue.own_objects for o in objects)

    def infinitive_item(
        self,
        kind: str,
        verb: Token,
        item: Token,
        holder: Holder,
        addressee: Holder | None,
        condition_for: str | None,
        resolver: Resolver,
    ) -> Iterator[Candidate]:
        """One infinitive as content; a stance verb there reads itself ("pledged to back the plan"),
        and a promise not to obstruct X supports X ("agreed not to block the bid")."""
        lemma = item.lemma_.lower()
        if lemma in self.lex.empty_contents or (kind == "rejection" and withholds_words(item, self.lex)):
            return
        if addressee is None and lemma != verb.lemma_.lower() and self.reads_itself(item):
            return
        if any(c.dep_ == "neg" for c in item.children):
            if lemma in self.lex.obstruction_verbs:
                for obj in (c for c in item.children if c.dep_ == "dobj"):
                    for noun in phrases.coordinated_nouns(obj):
                        yield Candidate(
                            "support", verb, phrases.noun_item(noun), holder, addressee, condition_for
                        )
            return  # a promise not to do something is not the deed it names
        if self.carries_out_deal(item):
            kind = "support"  # "pledged to honour the truce": it backs a deal already made
        span = self.deed(item)
        yield Candidate(kind, verb, span, holder, addressee, condition_for)
        if kind == "offer":
            yield from self.offer_conditions(item, span, holder, resolver)

    def conditional_clauses(self, verb: Token) -> list[Token]:
        """The clauses "if X" or "unless X" that set a condition on a verb's deed, also where the parse
        hangs them on a word inside the deed ("to cut its target for emissions if X")."""
        marks = self.lex.condition_marks | {"if"}
        return [
            c
            for c in verb.subtree
            if c.i > verb.i
            and c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        ]

    def offer_conditions(
        self, deed: Token, span: tuple[int, int], holder: Holder, resolver: Resolver
    ) -> Iterator[Candidate]:
        """ "offered to withdraw its troops if Lima freed the prisoners": what the offer waits for is the
        offering side's condition (a demand), and the offered deed is what it is a condition for."""
        condition_for = deed.doc[span[0] : span[1]].text
        for clause in self.conditional_clauses(deed):
            if any(m.lower_ == "unless" for m in clause.children):
                continue  # "unless X" is read by the condition frame
            skip = {m.i for m in clause.children if m.dep_ == "mark"}
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            whom = resolver.holder(subject) if subject is not None else None
            if whom is not None and same_actor(whom, holder):
                whom = None
            # asked of another side: its deed is the content; else the whole clause
            whole = phrases.verb_phrase(clause, skip) if whom is not None else phrases.clause(clause, skip)
            pledged = self.pledged_deeds(clause) if whom is not None else []
            for span in pledged or [whole]:
                yield Candidate("demand", clause, span, holder, whom, condition_for)

    def pledged_deeds(self, verb: Token) -> list[tuple[int, int]]:
        """ "if Lima pledged to cap and then cut its tariffs": what the other side is to pledge is the
        deed it binds itself to, one per coordinated verb, not the words "pledged to"."""
        cue = self.lex.verbs.get(verb.lemma_.lower())
        if cue is None or cue.kind != "offer":
            return []
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        return [self.deed(item) for item in phrases.coordinated_verbs(xcomp)] if xcomp is not None else []

    def reads_itself(self, verb: Token) -> bool:
        """A stance verb in an infinitive ("pledged to back the plan") is read by its own frame."""
        cue = self.lex.verbs.get(verb.lemma_.lower())
        if cue is None:
            return False
        if cue.objects is None:
            return True
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in cue.content_preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return any(phrases.noun_forms(o) & cue.objects for o in objects)

    def deed(self, verb: Token) -> tuple[int, int]:
        """A deed as content, without the condition set on it ("to withdraw if X": X is a condition);
        to consider or discuss a thing proposes the thing ("that Lima consider a truce")."""
        if verb.lemma_.lower() in self.lex.deliberation_verbs:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return phrases.noun_item(obj)
        start, end = phrases.verb_phrase(verb, {c.i for c in self.conditional_clauses(verb)})
        for clause in self.conditional_clauses(verb):  # one hung deeper ends the deed where it starts
            if start < clause.left_edge.i < end and clause.right_edge.i + 1 >= end:
                end = phrases.trim(verb.doc, start, clause.left_edge.i)[1]
        return start, end

    def open_items(
        self, verb: Token, cue: VerbCue, holder: Holder, resolver: Resolver
    ) -> Iterator[Candidate]:
        """A verb whose content is any clause, infinitive, content preposition or object."""
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if (
            cue.needs_xcomp
            and xcomp is None
            and not any(c.dep_ == "prep" and c.lower_ in cue.content_preps for c in verb.children)
        ):
            return
        addressee_token = self.addressee_token(verb, cue, xcomp)
        addressee = resolver.actor(addressee_token) if addressee_token is not None else None
        condition_for = self.condition_for(verb)
        found = False
        for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and _directive(c)):
            for item in _complement_items(verb, comp):
                found = True
                cand = self.clause_item(cue.kind, verb, item, holder, resolver, condition_for)
                if cand is not None:
                    yield cand
        for clause in verb.children:
            # "called for Serbia to recognise X", parsed as a clause marked by "for"
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in cue.content_preps for m in clause.children
            ):
                subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
                whom = resolver.holder(subject) if subject is not None else None
                for item in phrases.coordinated_verbs(clause):
                    found = True
                    yield Candidate(
                        cue.kind, verb, phrases.verb_phrase(item), holder, whom or addressee, condition_for
                    )
        if xcomp is not None:
            for item in phrases.coordinated_verbs(xcomp):
                found = True
                kind = cue.own_action if cue.own_action and addressee_token is None else cue.kind
                yield from self.infinitive_item(kind, verb, item, holder, addressee, condition_for, resolver)
        seen_preps: set[str] = set()
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in cue.content_preps or xcomp is not None:
                continue  # "called for contestants to wear X": the infinitive is the content
            if prep.lower_ in seen_preps:
                continue  # "asked for visas for the envoys": a second "for" names whom it is for
            seen_preps.add(prep.lower_)
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if phrases.noun_forms(pobj) & cue.excluded_objects:
                    continue  # "asked him for updates": news or details asked for, a question
                items = self.colon_items(pobj) or [
                    phrases.noun_item(n) for n in phrases.coordinated_nouns(pobj)
                ]
                for span in items:
                    found = True
                    yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)
        if found or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or cue.needs_xcomp:
            return  # a complement that states a fact ("insisted the unrest reflected ...") is no stance
        yield from self.object_content(verb, cue, holder, addressee, addressee_token, condition_for, resolver)

    def addressee_token(self, verb: Token, cue: VerbCue, xcomp: Token | None) -> Token | None:
        """Whom a verb asks: "asked Peru to ...", "called on Peru", "called for Peru to ..."."""
        found = next((c for c in verb.children if c.dep_ == "dative"), None)
        if found is None and xcomp is not None:
            found = next((c for c in verb.children if c.dep_ == "dobj"), None)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in cue.addressee_preps:
                found = next((c for c in prep.children if c.dep_ == "pobj"), found)
        if found is None and xcomp is not None:  # ... and the "for" phrase whom it asks
            found = next(
                (
                    p
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in cue.content_preps
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
        return found

    def object_content(
        self,
        verb: Token,
        cue: VerbCue,
        holder: Holder,
        addressee: Holder | None,
        addressee_token: Token | None,
        condition_for: str | None,
        resolver: Resolver,
    ) -> Iterator[Candidate]:
        """The object as content: a gerund ("proposed holding talks"), nouns, or a list after a colon."""
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ in OBJECTS and (addressee_token is None or c.i != addressee_token.i)
            ),
            None,
        )
        if obj is not None and obj.pos_ == "PRON":
            return  # "offering it up": what "it" is, another sentence says
        if obj is not None and cue.kind == "demand" and resolver.actor(obj, strict=True) is not None:
            return  # '"Leave," he urged the envoys': whom a demand is put to, what is asked stands elsewhere
        noun_cue = self.lex.nouns.get(obj.lemma_.lower()) if obj is not None else None
        if noun_cue is not None and noun_cue.objects is not None:
            return  # "offered its support for X": the noun states the stance, and reads itself
        content = self.noun_content(obj) if noun_cue is not None else []
        if content and noun_cue is not None:
            # "offered a proposal for X" proposes X (the noun's own frame reads it when it has an owner);
            # "refused the demand for X" turns X down, addressed to the noun's owner
            owner = self.owner(obj, resolver)  # type: ignore[attr-defined]
            same = cue.kind == noun_cue.kind or {cue.kind, noun_cue.kind} <= {"offer", "proposal"}
            if same and owner is not None:
                return
            kind, whom = (noun_cue.kind, addressee) if same else (cue.kind, addressee or owner)
            for span in content:
                yield Candidate(kind, verb, span, holder, whom, condition_for)
            return
        if obj is not None and obj.pos_ in ("VERB", "AUX"):  # "proposed holding the next round"
            yield Candidate(cue.kind, verb, phrases.verb_phrase(obj), holder, addressee, condition_for)
        elif obj is not None and (listed := self.colon_items(obj)):
            for span in listed:
                yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)
        elif obj is not None:
            items = phrases.coordinated_nouns(obj)
            for noun in items:
                if self.generic(noun) or phrases.noun_forms(noun) & cue.excluded_objects:
                    continue  # "offered insights into X": words or feelings, nothing one side gives
                span = phrases.noun_item(noun)
                if len(items) == 1 and obj.i > verb.i:
                    span = (span[0], self.right_edge(verb, span[1]))
                yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)
        elif verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # a parse that hangs the verb on its object ("proposed ceasefire talks")
            head = verb.head
            span = phrases.subtree_range(
                head, {c.i for c in head.children if c.i == verb.i or c.dep_ in ("cc", "conj", "punct")}
            )
            yield Candidate(cue.kind, verb, span, holder, addressee, condition_for)

    def right_edge(self, verb: Token, end: int) -> int:
        """Extend an object to the verb's trailing modifiers ("urging calm in Gaza before ...")."""
        for child in verb.children:
            if child.i < end or child.dep_ in ("punct", "cc", "conj", "parataxis", "ccomp", "npadvmod"):
                continue
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                or child.lower_ in ("according", "as", "during", "after")
                or any(p.lower_ in self.lex.exchange_nouns for p in child.children if p.dep_ == "pobj")
                or child in self.conditional_clauses(verb)
            ):
                break  # "in return for X" is what is asked for the offer, not part of it
            end = max(end, child.right_edge.i + 1)
        return end

    def clause_item(
        self,
        kind: str,
        cue: Token,
        verb: Token,
        holder: Holder,
        resolver: Resolver,
        condition_for: str | None,
    ) -> Candidate | None:
        """A complement clause as content: "that Quito must abandon X" -> addressee Quito,
        content "abandon X"."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.pos_ == "PRON" and subject.dep_ != "expl":
            # "Israel insists it will continue": a pronoun for the holder is its own commitment, not a demand
            return None
        actor = (
            resolver.actor(subject, strict=True)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN")
            else None
        )
        if actor is not None and not same_actor(actor, holder):
            return Candidate(kind, cue, self.deed(verb), holder, actor, condition_for)
        return Candidate(kind, cue, phrases.clause(verb), holder, None, condition_for)

    def object_items(
        self, verb: Token, kind: str, resolver: Resolver, *, preps: tuple[str, ...], objects: frozenset[str]
    ) -> Iterator[Candidate]:
        """Support or rejection of a stance noun: "backed Chile's proposal for X",
        "dismissed the proposal"."""
        holder_token = subject_of(verb)
        holder = resolver.holder(holder_token) if holder_token is not None else None
        if holder is None:
            return
        targets = [c for c in verb.children if c.dep_ in OBJECTS]
        targets += [
            p
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in preps
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        for obj in targets:
            if not phrases.noun_forms(obj) & objects and not self.phase_of(obj, objects):
                continue
            owner = self.owner(obj, resolver)
            if listed := self.colon_items(obj):
                for span in listed:
                    yield Candidate(kind, verb, span, holder, owner)
                continue
            # "proposal for X" is about X; "changes to X" are the changes themselves
            content = self.noun_content(obj) if obj.lemma_.lower() in self.lex.nouns else []
            if content:
                for span in content:
                    yield Candidate(kind, verb, span, holder, owner)
            elif obj.lemma_.lower() in self.lex.nouns and owner is None:
                # "dismissed the proposal": the one made earlier; its own words when there is none
                yield Candidate(
                    kind,
                    verb,
                    phrases.noun_item(obj),
                    holder,
                    None,
                    refers=self.lex.nouns[obj.lemma_.lower()].kind,
                )
            else:
                yield Candidate(kind, verb, phrases.noun_item(obj), holder, owner)

    def phase_of(self, noun: Token, objects: frozenset[str]) -> bool:
        """ "welcomed the start of talks": a phase of a stance ("start", "resumption") stands for it."""
        if noun.lemma_.lower() not in self.lex.phase_nouns:
            return False
        return any(
            phrases.noun_forms(p) & objects
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        )

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


def _complement_items(verb: Token, comp: Token) -> list[Token]:
    """The verbs of a directive complement, one per item. A base-form verb the parser hung on the
    finite stance verb instead ("demands that X withdraw ... and give up ...", with no subject of
    its own) belongs to the complement's list: the stance verb is not in the base form."""
    items = phrases.coordinated_verbs(comp)
    if comp.tag_ == "VB" and verb.tag_ in ("VBZ", "VBD", "VBP"):
        items += [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.tag_ == "VB"
            and c.i > comp.i
            and not any(s.dep_ in SUBJECTS for s in c.children)
        ]
    return items


def _passive_without_agent(verb: Token) -> bool:
    """A passive stance verb with no by-phrase: its subject, its own or one borrowed from the verb above
    ("was asked to", "recalled being urged to"), is the one asked; the one who asks goes unnamed."""
    # a contracted "'s" may be "has" ("who's called for X"), whatever the parser made of it
    if any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _both_sides(token: Token | None, holder: Holder) -> bool:
    """Two sides named as the doers: a compound holder ("Peru and Chile") or "both" ("both sides")."""
    if "," in (holder[0] or ""):
        return True
    return token is not None and (token.lower_ == "both" or any(c.lower_ == "both" for c in token.children))


def _counterfactual(verb: Token) -> bool:
    """ "would have demanded", "could have offered": a modal perfect tells what did not happen."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    hedged = any(a in ("would", "could", "might", "should") for a in auxes)
    return verb.tag_ == "VBN" and "have" in auxes and hedged


def _agent(verb: Token) -> Token | None:
    """Who does a passive verb: the object of its by-phrase."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)


def _reciprocal(verb: Token) -> bool:
    """ "agreed with Lima on a protocol": a deal made with a counterpart, not one side's acceptance
    ("agreed on Friday" is only a date)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("with", "on", "between")
        and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ == "pobj")
        for c in verb.children
    )


# auxiliaries of a deed promised for later ("assured them it would reopen the port")
FUTURE_AUX = frozenset({"will", "would", "shall", "wo", "'ll"})
# modals that ask ("that Lima must withdraw"); "could", "would", "will" predict or report
_DIRECTIVE_MODALS = frozenset({"must", "should", "shall", "ought", "need"})


def _directive(verb: Token) -> bool:
    """A clause that asks for something: "that the US cancel", "that sanctions be lifted", "that Kiev must
    abandon" (base form or a modal of obligation), not a claim of fact
    ("insisted the unrest reflected ...")."""
    modals = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in verb.children):
        return False  # "does not want", "did agree": the do of a statement; a subjunctive has none
    if modals:
        return all(m in _DIRECTIVE_MODALS for m in modals)
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" for c in verb.children):
        return True
    # a plural subjunctive looks like the present tense ("that its partners refuse"); "are" is a claim
    return verb.tag_ == "VB" or verb.tag_ == "VBP" and verb.lemma_ != "be"


def _dated(prep: Token) -> bool:
    """ "called him on Friday": a preposition of time, not the "on" of "called on X to ..."."""
    return any(p.ent_type_ in ("DATE", "TIME") for p in prep.children if p.dep_ == "pobj")


def withholds_words(verb: Token, lex: Lexicon) -> bool:
    """Giving details or information is speaking, not acting: refusing it withholds words and takes no
    side ("refused to provide details of the arrests")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "the word blockade" may be parsed with "word" as a modifier of the word it names
    objects += [m for o in objects for m in o.children if m.dep_ in ("compound", "nmod")]
    return verb.lemma_.lower() in lex.giving_verbs and any(
        o.lemma_.lower() in lex.information_nouns for o in objects
    )
