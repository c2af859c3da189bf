"""Events: who did what to whom, coded in PLOVER 2.0 (with CAMEO, QuadClass and Goldstein codes).

Triggers (verbs, nominalizations, readiness adjectives) and their argument frames
are data (`knowledge/en/event_triggers.yaml`). A trigger governed by another
trigger ("agreed to carry out a swap", "proposed holding talks") is the content
of that action, not an action of its own: it sets the action's mode (or type, or
target); only an action that is judged or answered ("denounced a U.S. attack")
is also reported on its own. Reporting frames need no rule: "X said Y would
visit" finds "visit" with its own subject Y; "X said Y must ..." is X's REQUEST.
Modality comes from the parse, and a future or conditional action is recoded
(a promise is AGREE, a possible sanction THREATEN). The date comes from the time
layer, sides from the actors layer by offsets. Repeats of one action become
mentions of one Event.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string

from ...document import Event, Evidence, Planned
from ..registry import annotator
from .arguments import (
    ActorIndex,
    agent,
    direct_object,
    noun_sources,
    side,
    subject,
    subject_here,
    targets,
)
from .candidates import Candidate, all_content, governor
from .clauses import (
    agentless_content,
    before_unrealised,
    clause_span,
    clause_state,
    in_condition_or_purpose,
    mediated,
    partnered,
    preceding_subject,
    reciprocal,
    target_tokens,
)
from .clauses import (
    obligations as reported_obligations,
)
from .coding import add_codes, merge_events, recode_for_modality
from .dating import event_date, story_date
from .fallbacks import antecedent, continued_action, guess_target
from .frames import characterises, licensed, select_frame
from .judgements import judgements
from .lexicon import Lexicon, load_lexicon
from .modality import deed_place, failed, head_chain, location, modality, obliged, will_not
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor, Document

__all__ = ["EventAnnotator"]

# argument slots that on a light verb name the noun itself, not its target
OWN_SLOTS = frozenset({"obj", "poss_obj", "obj_prep", "xcomp_obj"})
@annotator("events", requires=("timexes", "actors", "quotes"), assigns=("events",))
class EventAnnotator:
    def __init__(self) -> None:
        self.lex = load_lexicon()
        lex = self.lex
        # spaCy lemmas of common words are lower case; capitalised variants are added for PROPN lemmas
        words = {w for table in (lex.verbs, lex.nouns, lex.adjectives) for w in table}
        words |= {w.capitalize() for w in words}
        self._lemma_hashes = numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")
        # modals, and adjectives of state by their written form ("annoyed" is the participle of "annoy")
        self._form_hashes = numpy.array(sorted(hash_string(w) for w in lex.obligation_modals | set(lex.adjectives)),
                                         dtype="uint64")
        self._judging_hashes = numpy.array(sorted(hash_string(w) for w in lex.judgement_verbs), dtype="uint64")

    def __call__(self, document: Document, parsed: Doc) -> None:
        lex = self.lex
        index = ActorIndex(document, lex.party_heads, lex.demonyms, lex.relation_nouns)
        cands: dict[int, Candidate] = {}
        modals: list[Token] = []
        # one vectorised pass picks the few tokens worth a look: no Python loop over every token
        rows = parsed.to_array([LEMMA, LOWER])
        judging = numpy.isin(rows[:, 0], self._judging_hashes)
        wanted = numpy.isin(rows[:, 0], self._lemma_hashes) | numpy.isin(rows[:, 1], self._form_hashes) | judging
        judging_verbs: list[Token] = []
        for i in numpy.flatnonzero(wanted):
            tok = parsed[int(i)]
            if judging[i]:
                judging_verbs.append(tok)
            if tok.lower_ in lex.obligation_modals:
                modals.append(tok)
            frames = lex.adjectives[tok.lower_] if _stative(tok, lex) else lex.frames(tok.pos_, tok.lemma_.lower())
            if frames:
                frame = select_frame(tok, frames, lex.modality.conditional_marks)
                if frame is not None:
                    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.carrier_nouns:
                        tok = tok.head  # "a mediation effort between X and Y": the effort carries the action
                    cands.setdefault(tok.i, Candidate(tok, frame))
        for cand in cands.values():
            cand.governor = governor(cand.tok, cands, lex.circumstance_preps)
            if cand.governor is not None:
                cand.governor.content.append(cand)
        state = ArticleState(document)
        state.trigger_ids = frozenset(cands)
        state.trigger_types = {i: c.frame.type for i, c in cands.items()}
        state.sentence_starts = [sent.start for sent in parsed.sents]
        state.story_date = story_date(parsed, document.text, document.timexes, document.article.published)
        obligations = reported_obligations(parsed, modals, index, lex)
        events: list[Event] = list({id(e): e for _, e in obligations}.values())
        skip = {tok_i for tok_i, _ in obligations}
        # "Saudi Arabia hosted talks between X and Y": the talks are the record, their host a mediator
        hosts = {c.governor.tok.i: c for c in cands.values() if self._hosted(c, index)}
        for i in sorted(cands):
            cand = cands[i]
            if i in hosts:
                continue
            hosted = cand.governor is not None and hosts.get(cand.governor.tok.i) is cand
            if i in skip or (cand.governor is not None and not hosted and not self._reported_fact(cand)):
                continue
            head = cands.get(cand.tok.head.i)
            if (cand.tok.dep_ == "nsubj" and cand.tok.pos_ == "NOUN" and head is not None
                    and head.frame.type == cand.frame.type):
                continue  # "US sanctions target banks": the noun is the verb's doer, one action
            event = self._event(cand, document, parsed, index, state)
            if event is not None:
                if hosted:
                    event.mode = "third-party"
                events.append(event)
        for event, verb in judgements(parsed, judging_verbs, index, lex, state.speaker_at):
            event.date, plan, inferred = event_date(verb, event.modality, frozenset(), state, document, lex)
            if inferred:
                state.inferred.add(id(event))
            events.append(event)
        merged = merge_events(events, state.inferred)
        for event in merged:
            add_codes(event, lex)
        document.events.extend(merged)

    def _own_members(self, tok: Token, index: ActorIndex, source: list[Actor]) -> bool:
        """The verb's object is "member states", "its members": the doer's own members, no other actor."""
        obj = direct_object(tok)
        owners = (side(obj, index) or [a for c in obj.children if c.dep_ == "poss" for a in side(c, index)]
                  ) if obj is not None else []
        if obj is None or any(a not in source for a in owners):
            return False
        words = {obj.lemma_.lower(), obj.lower_} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
        # "member states" are members of the doer by the word itself; "people" or "citizens" only when the
        # phrase names the doer as theirs ("its citizens"), not "killed 20 people"
        return bool(words & self.lex.own_members) and (bool(owners) or bool(words & {"member", "members"}))

    def _hosted(self, cand: Candidate, index: ActorIndex) -> bool:
        """Talks with their own sides ("between X and Y") as the object of a hosting or brokering verb."""
        gov = cand.governor
        # ("offered to host a meeting between ..." is an offer: the host verb must be an action of its own)
        return (gov is not None and gov.governor is None and gov.tok.pos_ == "VERB"
                and gov.tok.lemma_.lower() in self.lex.mediator_verbs
                and cand.frame.type == "CONSULT" and cand.tok.pos_ in ("NOUN", "PROPN")
                and len({a.country for a in noun_sources(cand.tok, index, True)}) > 1)

    def _reported_fact(self, cand: Candidate) -> bool:
        """ "denounced a U.S. attack on Iran": the attack judged is itself a reported action."""
        gov = cand.governor
        return (gov is not None and gov.frame.type in self.lex.judging_types
                and cand.frame.type in self.lex.reported_content_types and cand.tok.pos_ in ("NOUN", "PROPN"))

    # ------------------------------------------------------------------ one trigger

    def _event(self, cand: Candidate, document: Document, parsed: Doc, index: ActorIndex, state: ArticleState) -> Event | None:
        lex, tok, frame = self.lex, cand.tok, cand.frame
        etype, mode = frame.type, frame.mode
        content = all_content(cand)
        # the deed itself, with its coordinated deeds ("proposed a ceasefire and a meeting")
        direct = cand.content + [s for c in cand.content for s in c.content if s.tok.dep_ == "conj"]
        for sub in content:
            if sub in direct:
                # "prepared to lift the curfew": the deed itself recodes, not what it acts on
                etype = frame.content_type.get(sub.frame.type, etype)
                mode = mode or frame.content_mode.get(sub.frame.type)
            mode = mode or (sub.frame.mode if sub.frame.type == etype else None)
        if obliged(tok, lex.obligation_modals):
            return None  # "Y must withdraw": an obligation put on Y (the speaker's REQUEST), not Y's act
        if in_condition_or_purpose(tok, lex) or before_unrealised(tok, lex, state.trigger_types):
            return None  # "unless Baghdad accepted", "to allow aid": a condition or an aim, not an action
        if etype in lex.protest_topics and tok.dep_ in ("advcl", "xcomp", "acl", "conj") and (
                state.trigger_types.get(tok.head.i) == "PROTEST" or any(
                    c.dep_ == "dobj" and state.trigger_types.get(c.i) == "PROTEST" for c in tok.head.children)):
            # "demonstrated in Kirkuk calling for independence", "continued their hunger strike to demand
            # ...": the protest's topic (PLOVER)
            return None
        is_noun = tok.pos_ in ("NOUN", "PROPN")
        if is_noun and characterises(tok, index):
            # "it is an ultimatum", "this is a provocation": a judgement of a thing, not an action
            if etype not in lex.characterising:
                return None
            etype, mode = lex.characterising[etype]
        if is_noun:
            if frame.light and not licensed(tok, lex, index) and not self._reported_fact(cand) and not (
                    modality(tok, lex.modality) == "future" and continued_action(tok, etype, frame.mutual, index, state, lex)):
                # (an action judged, "welcomed Russia and Ukraine's exchange", is told as done; "the exchange
                # will continue next week" plans more of the exchange told before)
                return None
            # ("mediation between X and Y" is aimed at X and Y; "talks between X and Y" are theirs)
            source = noun_sources(tok, index, frame.mutual, between="between" not in frame.target)
            subj, passive, undergoer = None, False, []
            if not source and licensed(tok, lex, index):
                subj, passive = subject(tok)
                if passive:
                    undergoer = side(subj, index)  # "X was put under investigation": X undergoes it
                else:
                    source = side(subj, index)
            named_agent = bool(source) or (subj is not None and not passive)
            target = targets(tok, frame, index) or undergoer
            if not target and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.light_verbs:
                # "expressed appreciation to Trump and to China": the light verb's phrases are the noun's
                # ("sent congratulations to both countries": the recipient is the verb's dative)
                target = targets(tok.head, replace(frame, target=("dative", *(
                    s for s in frame.target if s not in OWN_SLOTS))), index)
        else:
            subj, passive = subject(tok)
            if (passive and tok.dep_ == "conj" and direct_object(tok) is not None and tok.head.dep_ == "ccomp"
                    and not any(c.dep_ in ("auxpass", "nsubj") for c in tok.children)):
                # "the Soviet Union has said its missions are subjected to surveillance and has accused
                # Washington": an active verb hung on a reported passive belongs with the reporter
                subj, passive = subject(tok.head.head)
            if subj is None and tok.dep_ == "acl" and tok.head.lemma_.lower() in lex.message_nouns:
                subj, passive = subject(tok.head)  # "issued a declaration demanding ...": the declaration's author
            own_subj, own_passive = subject_here(tok)
            if (own_subj is None and passive and tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD")
                    and direct_object(tok) is None):
                # "hostages will be released and wounded": a participle coordinated with a passive shares it
                own_subj, own_passive = subj, True
            if own_passive and not _stative(tok, lex):
                by = agent(tok)
                source = side(by, index)
                # ("it was agreed that ...": "it" stands for the clause, not for an actor)
                extraposed = own_subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in tok.children)
                target = [] if extraposed else side(own_subj, index)
                named_agent = by is not None
            else:
                source = side(subj, index)
                target = targets(tok, frame, index)
                named_agent = subj is not None and subj.lower_ != "it"
            if not source:
                source = noun_sources(tok, index)  # "it was agreed between them"
        if not source and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj"):
            source = preceding_subject(tok, index)
        # quoted words act for their speaker: what they say ("congratulations"), what "we" do, what they
        # announce ("there will be a ceasefire"); not a deed whose doer is left unsaid ("... wounded", "hostages
        # will be released"), nor one by a doer named but not coded ("the mediators announce")
        unnamed = subj is None or passive or subj.pos_ not in ("NOUN", "PROPN")
        if not source and unnamed and (
                etype not in lex.agentless_types or (subj is not None and subj.lower_ in ("we", "i"))
                or (modality(tok, lex.modality) in ("future", "hypothetical") and not passive)):
            source = state.speaker_at(tok.idx)
        if not source and is_noun:
            source = continued_action(tok, etype, frame.mutual, index, state, lex)
        if not any(a.country for a in source) and lex.place_doer(etype, mode):
            # "was arrested in Lebanon", "a bombing near Samarra killed ...": no doer named, the deed is
            # done by (or coded for) the state where it happens
            place = deed_place(tok, None if passive else subj)
            if place is not None and place.country:
                source, named_agent = [index.synthetic(place.country, place.name)], True
        if not any(a.country for a in source) and etype in lex.home_types and not (
                tok.dep_ == "pobj" and tok.head.lower_ in lex.circumstance_preps):
            # "Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian
            # President ...": protesters the text gives no country protest at home, in the state their
            # clause names (not a protest told as the setting of another deed: "after a demonstration")
            home, aimed = clause_state(tok, index)
            if home is not None:
                source, named_agent = [home], True
                target = target or aimed  # "marched outside the Russian embassy in Berlin"
        if not is_noun and self._own_members(tok, index, source):
            return None  # "urged member states to ...": an organisation addressing its own members
        for sub in content:
            if not target:
                target = targets(sub.tok, sub.frame, index)
                if target and sub.frame.type == "CONSULT" and etype == lex.obligation_type:
                    # "calls for dialogue with Ukraine", made in talks with Russia: asked of the other party
                    # to those talks, not of the partner named for the dialogue
                    named = {a.country for a in target} | {a.country for a in source}
                    target = [a for a in index.parties if a.country not in named] or target
        source_codes = {a.country for a in source}
        own_target = False  # the target named is the doer's own state: no other target is guessed
        target = [a for a in target if a not in source and not (len(source) > 1 and a.country in source_codes)]
        if (target and etype not in lex.domestic_types and all(a.country in source_codes for a in target)
                and not any(a.sector in lex.domestic_opponents for a in source + target)
                and all(a.sector is None or a.sector in {s.sector for s in source} for a in target)):
            # "the ministry warned that Beijing would ...": the warner's own state is the doer, not the target
            # (but "the opposition demands that Mugabe ..." is aimed at him)
            # an action on the own state itself ("promised to democratize Serbia") has no other target to
            # guess; one on its people ("violations of the rights of Russian speakers") is aimed at whoever
            # harms them; and one named as the doer of the content ("warned that Ankara would respond") is no target
            doers = {id(a) for c in tok.children if c.dep_ == "ccomp" for a in side(subject_here(c)[0], index)}
            target, own_target = [], any(a.kind == "state" and id(a) not in doers for a in target)
        if not any(a.country for a in source) and not (
                named_agent and not is_noun and etype in lex.agentless_types and any(a.country for a in target)):
            # nobody to code the record for; an agent the actors layer could not code ("security
            # forces", "a roadside bombing") still makes an action on a coded target
            return None
        kind = modality(tok, lex.modality)
        if kind == "negated" and etype in lex.failure_types and failed(tok, lex.modality):
            etype, mode = lex.failure_types[etype]  # "failed to reach agreement": they refused each other's terms
            kind = "asserted"
        if kind == "negated" and etype in lex.refusal_types and will_not(tok, lex.modality):
            # "Ukraine would not take part in the talks": announcing one will not act is refusing
            etype, mode = lex.refusal_types[etype]
            kind = "asserted"
            if is_noun:
                # the refuser is the clause's subject; the talks' own sides are whom it rebuffs
                refuser = side(subject(tok)[0], index)
                if refuser:
                    codes = {a.country for a in refuser}
                    sides = [a for a in index.parties if a.country not in codes] or [
                        a for a in source + target if a not in refuser]
                    source, target = refuser, sides
        if (kind == "asserted" and tok.dep_ == "pobj" and tok.head.lower_ == "for"
                and tok.head.head.lemma_.lower() in lex.purpose_verbs):
            kind = "future"  # "arrived in Riyadh for a meeting"
        if kind == "future" and etype in lex.readiness_types and any(
                node.lemma_.lower() in lex.readiness_verbs for node in head_chain(tok)[1:]):
            etype, mode = lex.readiness_types[etype]  # "prepared to resume shelling": forces made ready
            kind = "asserted"
        if frame.joint_type and (len({a.country for a in source}) > 1 or target or any(
                c.lower_ in ("joint", "combined") for c in tok.children) or partnered(tok, index)):
            etype, mode = frame.joint_type, None  # joint exercises are cooperation; one side's are a show of force
        recoded = recode_for_modality(etype, mode, kind, lex)
        if kind == "hypothetical" and (recoded[0] != etype or etype == "THREATEN"):
            kind = "asserted"  # "could abandon talks unless ...": the threat (or offer) itself is made
        etype, mode = recoded
        if target and any(reciprocal(t) for t in target_tokens(tok)):
            target = []  # "accuse each other": a joint action of the subjects
        explicit_target = bool(target)
        joint = len(source) > 1 and not target
        if joint and etype != "CONSULT" and index.parties and not {a.country for a in source} & {a.country for a in index.parties}:
            # outsiders acting together in someone else's conflict act on its parties
            target, joint = list(index.parties), False
        if etype == "CONSULT" and len(source) == 1 and not target and not joint:
            if subj is not None and subj.lemma_.lower() in lex.member_heads and subj.tag_ in ("NNS", "NNPS") and not is_noun:
                return None  # "EU ambassadors have met": members of one side meeting among themselves
            host = location(tok, relative=True) if mode == "visit" else None
            if host is not None and host.country and host.country not in {a.country for a in source}:
                # "Putin was making his first visit" in Pyongyang: a visit is paid to the state it is in
                target = [index.synthetic(host.country, host.name)]
            else:
                target = guess_target(tok, etype, source, index, state, lex)
            if not target:
                return None  # talks with nobody named are no record
        if frame.needs_target and not target and not joint:
            return None  # "we hope that the solutions will hold": an appeal to no one named
        if not target and not is_noun and source:
            target = antecedent(tok, source, index, state, lex)  # "rejected the proposal" made before
        if (not target and not joint and not own_target and not frame.no_target and not agentless_content(tok, index, source)
                and etype not in lex.intransitive_types and source):
            # "refused to deploy peacekeepers in Iraq": the place of the content's deed is aimed at
            places = any(sub.frame.type in lex.place_targets for sub in content)
            target = guess_target(tok, etype, source, index, state, lex, mode, places)
        # (and a refusal or promise of a deed that has no recipient: "declined to resign")
        domestic = etype in lex.domestic_types or frame.type in lex.domestic_types or any(
            sub.frame.type in lex.domestic_types or sub.frame.no_target for sub in content)
        if not target and not joint and domestic and len(source) == 1 and source[0].country:
            # a protest, curfew or concession aimed at no one named acts on the state where it happens
            # (and so does the promise of one: "is prepared to lift the ban")
            place = location(tok)
            here = place is not None and place.country and place.country != source[0].country
            target = [index.synthetic(place.country, place.name)] if here else list(source)
        # a timex on this action's own content ("agreed to a ceasefire on Monday") dates this action
        # (a deed judged by another, "welcomed the exchange over the weekend", is older than the narrative)
        date, plan_date, inferred = event_date(tok, kind, frozenset(
            sub.tok.i for sub in content if not self._reported_fact(sub)), state, document, lex,
            narrate=not self._reported_fact(cand))
        place = location(tok)
        for sub in content:
            place = place or location(sub.tok)  # "proposed holding talks in Istanbul"
        sides = {a.country for a in source + target}
        if etype == "CONSULT" and len(sides) > 1 and mediated(tok, lex.mediator_verbs):
            mode = "third-party"  # "met in Istanbul, hosted by Fidan", "US-brokered talks"
        if etype == "CONSULT" and mode is None and place is not None and place.country and len(sides) > 1 \
                and place.country not in sides:
            mode = "third-party"  # talks between two parties held in a third country
        planned = None
        if plan_date or (kind == "future" and place is not None):
            planned, place = Planned(date=plan_date, location=place), None
        if joint or (etype == "CONSULT" and source and explicit_target and (
                frame.mutual or len(source) + len(target) == 2)):
            # "both sides", "the two countries", "they" later refer to these parties (also the two ends of a
            # call or a visit; not a third party calling both)
            index.parties = source + target
        start, end = clause_span(tok)
        event = Event(
            type=etype,
            mode=mode,
            source=[a.ref() for a in source],
            target=[a.ref() for a in target],
            evidence=Evidence(start, end, document.text[start:end]),
            modality=kind,
            date=date,
            location=place,
            planned=planned,
            mutual=joint or (len(source) + len(target) > 1 and etype == frame.type and (frame.mutual or (
                frame.joint_content and any(sub.frame.mutual and sub.frame.type != "CONSULT" for sub in direct)))),
            trigger=tok.text,
        )
        if inferred:
            state.inferred.add(id(event))
        # talks are their parties' ("slammed the summit" is aimed at both sides), other deeds their doers'
        state.recent.append((frozenset({frame.type, etype}), source + target if etype == "CONSULT" else source))
        return event


def _stative(tok: Token, lex: Lexicon) -> bool:
    """ "Vietnam is committed to ...", "is prepared to ...": a participle of state, read as the adjective."""
    return (tok.tag_ == "VBN" and tok.lower_ in lex.adjectives and agent(tok) is None
            and any(c.dep_ == "auxpass" for c in tok.children))
