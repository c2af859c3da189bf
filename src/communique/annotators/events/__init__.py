"""Events: who did what to whom, coded in PLOVER 2.0 (with CAMEO, QuadClass and Goldstein codes).

Triggers (verbs, nominalizations, readiness adjectives) and their argument frames
are data (`knowledge/en/event_triggers.yaml`). A trigger governed by another
trigger ("agreed to carry out a swap", "proposed holding talks") is the content
of that action, not an action of its own: it can only set its mode. Reporting
frames need no rule: "X said Y would visit" finds "visit" with its own subject Y.
Modality comes from the parse; the date from the time layer; sides from the
actors layer by offsets. Repeats of one action become mentions of one Event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...document import Event, Evidence, Planned
from .. import annotator
from .arguments import ActorIndex, agent, noun_sources, side, subject, subject_here, targets
from .coding import add_codes, merge_events, recode_for_modality
from .lexicon import Frame, Lexicon, load_lexicon
from .modality import date_and_plan, head_chain, location, modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor, Document

__all__ = ["EventAnnotator"]

# where a trigger stops being the content of the trigger above it
CONTENT_BOUNDARY = frozenset({"ccomp", "relcl", "parataxis", "ROOT", "nsubj", "nsubjpass", "csubj", "advcl", "acl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "nsubjpass", "attr"})


@dataclass
class Candidate:
    tok: Token
    frame: Frame
    governor: Candidate | None = None
    content: list[Candidate] = field(default_factory=list)


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas of what a trigger acts on: its object, an embedded verb's object, prepositional objects."""
    out: set[str] = set()
    stack = list(tok.children)
    for child in stack:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            out.update(t.lemma_.lower() for t in (child, *child.conjuncts))
        elif child.dep_ in ("prep", "xcomp", "pcomp", "prt"):
            stack.extend(child.children)
        elif child.dep_ == "pobj":
            out.update(t.lemma_.lower() for t in (child, *child.conjuncts))
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return out


def select_frame(tok: Token, frames: tuple[Frame, ...]) -> Frame | None:
    """The first frame whose conditions hold for this occurrence."""
    for frame in frames:
        if frame.when_prep and not any(
            c.lower_ in frame.when_prep for c in tok.children if c.dep_ in ("prep", "prt", "agent", "advmod")
        ):
            continue
        if frame.when_obj and not (_object_lemmas(tok) & frame.when_obj):
            continue
        if frame.when_head and tok.head.lemma_.lower() not in frame.when_head:
            continue
        return frame
    return None


def _governor(tok: Token, cands: dict[int, Candidate]) -> Candidate | None:
    """The trigger this one is the content of, if any (within one clause)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in CONTENT_BOUNDARY or cur.head is cur:
            return None
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return None
        cur = cur.head
        if cur.i in cands:
            return cands[cur.i]
    return None


def _licensed(tok: Token, lex: Lexicon, index: ActorIndex) -> bool:
    """A light noun ("talks", "a deal") is an action when a light verb or an owner makes it one."""
    if tok.dep_ in OBJECT_DEPS and tok.head.lemma_.lower() in lex.light_verbs:
        return True
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in lex.light_verbs:
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and bool(noun_sources(tok, index))


class _Article:
    """Per-document state: the parties of the last joint action, the actors by frequency."""

    def __init__(self, document: Document):
        self.parties: list[Actor] = []
        counts: Counter[str] = Counter()
        for actor in document.actors:
            if actor.country:
                counts[actor.country] += len(actor.mentions)
        self.by_frequency = [code for code, _ in counts.most_common()]
        self.actors_by_code: dict[str, Actor] = {}
        for actor in sorted(document.actors, key=lambda a: -len(a.mentions)):
            if actor.country:
                self.actors_by_code.setdefault(actor.country, actor)


@annotator("events", requires=("actors", "timexes"), assigns=("events",))
class EventAnnotator:
    def __init__(self) -> None:
        self.lex = load_lexicon()

    def __call__(self, document: Document, parsed: Doc) -> None:
        lex = self.lex
        index = ActorIndex(document)
        cands: dict[int, Candidate] = {}
        for tok in parsed:
            frames = lex.frames(tok.pos_, tok.lemma_.lower())
            if frames:
                frame = select_frame(tok, frames)
                if frame is not None:
                    cands[tok.i] = Candidate(tok, frame)
        for cand in cands.values():
            cand.governor = _governor(cand.tok, cands)
            if cand.governor is not None:
                cand.governor.content.append(cand)
        state = _Article(document)
        obligations = self._obligations(parsed, index, state)
        events: list[Event] = list({id(e): e for _, e in obligations}.values())
        skip = {tok_i for tok_i, _ in obligations}
        for i in sorted(cands):
            cand = cands[i]
            if cand.governor is not None or i in skip:
                continue
            event = self._event(cand, document, parsed, index, state)
            if event is not None:
                events.append(event)
        merged = merge_events(events)
        for event in merged:
            add_codes(event, lex)
        document.events.extend(merged)

    # ------------------------------------------------------------------ one trigger

    def _event(self, cand: Candidate, document: Document, parsed: Doc, index: ActorIndex, state: _Article) -> Event | None:
        lex, tok, frame = self.lex, cand.tok, cand.frame
        etype, mode = frame.type, frame.mode
        for sub in cand.content:
            etype = frame.content_type.get(sub.frame.type, etype)
            mode = mode or frame.content_mode.get(sub.frame.type) or (sub.frame.mode if sub.frame.type == etype else None)
        is_noun = tok.pos_ in ("NOUN", "PROPN")
        if is_noun:
            if frame.light and not _licensed(tok, lex, index):
                return None
            source = noun_sources(tok, index)
            if not source and _licensed(tok, lex, index):
                subj, _ = subject(tok)
                source = side(subj, index, state.parties, lex)
            target = targets(tok, frame, index)
        else:
            subj, passive = subject(tok)
            own_subj, own_passive = subject_here(tok)
            if own_passive:
                source = side(agent(tok), index, state.parties, lex)
                target = side(own_subj, index, state.parties, lex)
            else:
                source = side(subj, index, state.parties, lex)
                target = targets(tok, frame, index)
        for sub in cand.content:
            if not target:
                target = targets(sub.tok, sub.frame, index)
        target = [a for a in target if a not in source]
        if not source and not target:
            return None
        kind = modality(tok, lex.modality)
        etype, mode = recode_for_modality(etype, mode, kind, lex)
        joint = len(source) > 1 and not target
        if not target and not joint and not frame.no_target and etype not in lex.intransitive_types and source:
            target = self._guess_target(tok, source, index, state)
        date, plan_date = date_and_plan(tok, parsed, document.timexes, document.article.published)
        place = location(tok)
        planned = None
        if plan_date or (kind == "future" and place is not None):
            planned, place = Planned(date=plan_date, location=place), None
        if joint or (etype == "CONSULT" and source and target):
            state.parties = source + target
        start, end = _clause_span(tok)
        return Event(
            type=etype,
            mode=mode,
            source=[a.ref() for a in source],
            target=[a.ref() for a in target],
            evidence=Evidence(start, end, document.text[start:end]),
            modality=kind,
            date=date,
            location=place,
            planned=planned,
            mutual=joint or (frame.mutual and len(source) + len(target) > 1 and etype == frame.type),
            trigger=tok.text,
        )

    def _guess_target(self, tok: Token, source: list[Actor], index: ActorIndex, state: _Article) -> list[Actor]:
        """No explicit target: the nearest other actor of the sentence, else the article's main other party."""
        codes = {a.country for a in source}
        sent = tok.sent
        best: tuple[int, Actor] | None = None
        for start, end, actor in index.within(sent.start_char, sent.end_char):
            if not actor.country or actor.country in codes:
                continue
            head = tok.doc.char_span(start, end, alignment_mode="expand")
            if head is not None and head.root.dep_ == "pobj" and head.root.head.lower_ in ("in", "at", "from"):
                continue  # a place, not a party
            distance = abs(start - tok.idx)
            if best is None or distance < best[0]:
                best = (distance, actor)
        if best is not None:
            return [best[1]]
        for code in state.by_frequency:
            if code not in codes:
                return [state.actors_by_code[code]]
        return []

    # ------------------------------------------------------------------ reported obligation

    def _obligations(self, parsed: Doc, index: ActorIndex, state: _Article) -> list[tuple[int, Event]]:
        """ "X said Y must halt ..." is X's demand of Y (REQUEST), not Y's action."""
        lex = self.lex
        out: list[tuple[int, Event]] = []
        for tok in parsed:
            if tok.dep_ != "aux" or tok.lower_ not in lex.obligation_modals:
                continue
            verb = tok.head
            subj, _ = subject_here(verb)
            if subj is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.speech_verbs:
                continue
            speaker, _ = subject(verb.head)
            source, target = side(speaker, index, state.parties, lex), side(subj, index, state.parties, lex)
            if not source or not target or {a.country for a in source} & {a.country for a in target}:
                continue
            start, end = _clause_span(verb.head)
            text = parsed.text
            event = Event(
                type=lex.obligation_type,
                mode=lex.obligation_mode,
                source=[a.ref() for a in source],
                target=[a.ref() for a in target],
                evidence=Evidence(start, end, text[start:end]),
                trigger=tok.text,
            )
            out.append((verb.i, event))
            out.extend((c.i, event) for c in verb.conjuncts)
        return out


def _clause_span(tok: Token) -> tuple[int, int]:
    """The clause that proves an action: the subtree of the trigger's clause verb, within its sentence."""
    top = head_chain(tok)[-1]
    sent = tok.sent
    left = max(top.left_edge.i, sent.start)
    right = min(top.right_edge.i, sent.end - 1)
    doc = tok.doc
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)
