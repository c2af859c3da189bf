"""Positions: who demands, proposes, offers, supports or rejects what, of whom, on what condition.

Frames over the dependency parse (`frames.py`, cues in knowledge/en/positions.yaml)
find the stance and its content as words of the text; holders and addressees
come from the actors layer (`Document.actor_at`), quotes and reported speech
(their speakers hold what a quoted "X must ..." demands), and events of the
matching type in the same sentence name an addressee the parse left open. The
same stance is recorded once per sentence, and once per article when several
sentences repeat it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...document import Evidence, Position
from ...knowledge import Knowledge, attach
from ..registry import annotator
from . import phrases
from .frames import Candidate, FrameFinder, Holder
from .lexicon import load_lexicon
from .links import link_sources
from .resolve import DocumentResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...document import Document

# kinds a reader treats as one stance when deduplicating
KIND_CLASS = {"offer": "proposal", "condition": "demand", "request": "demand"}
# the event type that reports the same stance as a position kind
EVENT_KINDS = {"REQUEST": "demand", "REJECT": "rejection", "SUPPORT": "support", "AGREE": "proposal"}
MAX_CONTENT_TOKENS = 40


@annotator(
    "positions", requires=("timexes", "actors", "quotes", "statements", "events"), assigns=("positions",)
)
class PositionAnnotator:
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or Knowledge.from_env()
        self.lexicon = self.knowledge.derived(load_lexicon)
        self.frames = FrameFinder(self.lexicon)

    def __call__(self, document: Document, parsed: Doc) -> None:
        attach(parsed, self.knowledge)
        resolver = DocumentResolver(document, parsed, self.lexicon)
        for sent in parsed.sents:
            kept: list[Candidate] = []
            for cand in self.frames.find(sent, resolver):
                if self._same_in_sentence(cand, kept) or _inside_content(cand, kept):
                    continue
                if _threat(document, cand):
                    continue
                position = self._position(document, parsed, sent, cand)
                if position is None:
                    continue
                fresh = [p for p in _per_party(position, cand) if not self._repeated(p, document.positions)]
                if fresh:
                    kept.append(cand)
                    document.positions.extend(fresh)
        self._fill_from_events(document, parsed)
        for position in document.positions:
            link_sources(document, position)

    # ------------------------------------------------------------------ building

    def _position(self, document: Document, parsed: Doc, sent, cand: Candidate) -> Position | None:
        if cand.holder is None or not cand.holder[0]:
            return None  # a stance nobody can be named for is not recorded
        addressee = cand.addressee
        earlier = _earlier_stance(document.positions, cand) if cand.refers else None
        if earlier is not None:
            start, end, content = earlier.start, earlier.end, earlier.content
            addressee = (earlier.holder, earlier.holder_name or "")
        elif cand.content is None:
            return None
        else:
            s, e = phrases.trim(parsed, *cand.content, drop=self.lexicon.negative_evaluations)
            if e <= s or e - s > MAX_CONTENT_TOKENS:
                return None
            lone = parsed[s] if e - s == 1 else None
            if lone is not None and (lone.lower_ in self.lexicon.generic_contents or _object_elsewhere(lone)):
                return None
            start, end = parsed[s].idx, parsed[e - 1].idx + len(parsed[e - 1].text)
            content = document.text[start:end]
        if not phrases.words(content):
            return None
        if addressee is not None:
            addressee = _others(addressee, cand.holder)
        text = document.text[sent.start_char : sent.end_char].strip()
        return Position(
            holder=_codes(cand.holder[0]),
            kind=cand.kind,
            content=content,
            start=start,
            end=end,
            addressee=_codes(addressee[0]) if addressee else None,
            condition_for=cand.condition_for,
            date=_date(document, sent.start_char, sent.end_char, start, end),
            holder_name=cand.holder[1],
            evidence=Evidence(sent.start_char, sent.start_char + len(text), text),
        )

    @staticmethod
    def _same_in_sentence(cand: Candidate, kept: list[Candidate]) -> bool:
        """One stance per sentence: a second frame over the same words adds nothing."""
        if cand.content is None:
            return any(k.refers and k.holder == cand.holder and k.kind == cand.kind for k in kept)
        s, e = cand.content
        for k in kept:
            if k.content is None or k.holder != cand.holder:
                continue
            if (
                KIND_CLASS.get(k.kind, k.kind) == KIND_CLASS.get(cand.kind, cand.kind)
                and k.content[0] < e
                and s < k.content[1]
            ):
                return True
        return False

    @staticmethod
    def _repeated(position: Position, earlier: list[Position]) -> bool:
        """The same holder's same stance restated later in the article ("Russia proposed a meeting ...").

        A restatement that says more (every word of the first and others: a headline's "a truce",
        the body's "a truce that X could exploit") replaces the first wording."""
        kind = KIND_CLASS.get(position.kind, position.kind)
        mine = phrases.words(position.content, measures=False)
        for p in earlier:
            if p.holder != position.holder or KIND_CLASS.get(p.kind, p.kind) != kind:
                continue
            theirs = phrases.words(p.content, measures=False)
            if not (mine and theirs):
                continue
            shorter = min(len(mine), len(theirs))
            if len(mine & theirs) * 2 >= shorter + (1 if shorter > 2 else 0):
                if mine > theirs:
                    p.content, p.start, p.end, p.evidence = (
                        position.content,
                        position.start,
                        position.end,
                        position.evidence,
                    )
                return True
        return False

    @staticmethod
    def _fill_from_events(document: Document, parsed: Doc) -> None:
        """Addressees the parse left open, from events of the matching type in the same sentence."""
        by_sentence: dict[int, list] = {}
        for event in document.events:
            if event.modality == "negated" or not event.target:
                continue
            span = parsed.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
            if span is not None:
                by_sentence.setdefault(span.sent.start_char, []).append(event)
        for position in document.positions:
            if (
                position.addressee is not None
                or position.evidence is None
                or not isinstance(position.holder, str)
            ):
                continue
            for event in by_sentence.get(position.evidence.start, ()):
                sources = {r.country for r in event.source}
                targets = [r.country for r in event.target if r.country and r.country != position.holder]
                if (
                    EVENT_KINDS.get(event.type) == KIND_CLASS.get(position.kind, position.kind)
                    and position.holder in sources
                    and targets
                ):
                    position.addressee = targets[0]
                    break


def _object_elsewhere(verb) -> bool:
    """A lone verb as content whose object stands elsewhere: shared with the next verb ("promised to meet
    and exceed the goals") or moved out by a relative or wh-clause ("the people they refuse to name",
    "how far he is willing to go"). The verb alone says nothing of what is at stake."""
    if verb.pos_ != "VERB":
        return False
    # the next verb is base-form with the object both share (the parser hangs it on either verb);
    # a new finite clause ("promised to withdraw and signed X") shares nothing
    nexts = [c for c in (*verb.children, *verb.head.children) if c.dep_ == "conj" and c.i > verb.i]
    # ("to withdraw and to pay X": a verb with a "to" of its own is an item of its own)
    if any(
        c.tag_ in ("VB", "VBP")
        and any(d.dep_ == "dobj" for d in c.children)
        and not any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children)
        for c in nexts
    ):
        return True
    if _shares_next_object(verb):
        return True
    return any(
        node.dep_ in ("relcl", "ccomp", "advcl") and any(c.tag_ in ("WRB", "WDT", "WP") for c in node.subtree)
        or node.dep_ == "relcl"
        for node in [verb, *verb.ancestors]
    )


def _threat(document: Document, cand: Candidate) -> bool:
    """A promise of force ("vowed to retaliate", "pledged to strike the camps") is a threat, not an
    offer: the events layer codes it THREATEN from the same verb."""
    if cand.kind != "offer":
        return False
    cue = cand.cue
    return any(
        event.type == "THREATEN"
        and event.trigger == cue.text
        and event.evidence.start <= cue.idx < event.evidence.end
        for event in document.events
    )


def _shares_next_object(verb) -> bool:
    """ "to meet and in some cases exceed the goals", whatever the parse: a lone verb right before "and"
    or "or" whose next bare verb (no "to" of its own) takes an object shares that object."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in ("and", "or"):
        return False
    for token in doc[verb.i + 2 : min(len(doc), verb.i + 8)]:
        if token.pos_ == "VERB":
            bare = doc[token.i - 1].lower_ != "to"
            return bare and token.tag_ in ("VB", "VBP") and any(c.dep_ == "dobj" for c in token.children)
    return False


def _codes(code: str | None) -> str | list[str] | None:
    """A compound side ("CHN,USA" inside the annotator) is a list of codes in the Position."""
    return code.split(",") if code and "," in code else code


def _inside_content(cand: Candidate, kept: list[Candidate]) -> bool:
    """A cue inside another stance's content belongs to it ("unless they show they are ready to X")."""
    if cand.nested:
        return False
    return any(k.content is not None and k.content[0] <= cand.cue.i < k.content[1] for k in kept)


def _others(addressee: Holder, holder: Holder) -> Holder | None:
    """The addressee without the holder itself ("the sides agree", said by one of the sides)."""
    mine = set((holder[0] or "").split(","))
    codes = [c for c in (addressee[0] or "").split(",") if c and c not in mine]
    if not codes:
        return None
    return (",".join(codes), addressee[1]) if len(codes) > 1 or codes[0] == addressee[0] else (codes[0], "")


EACH_WORDS = frozenset({"each", "respectively", "separately", "individually"})


def _per_party(position: Position, cand: Candidate) -> list[Position]:
    """A compound holder acting one by one ("Chile and Peru each proposed a venue") holds one position
    per party; acting together ("Chile and Peru proposed a venue") it holds one, jointly."""
    if not isinstance(position.holder, list):
        return [position]
    verb = cand.cue
    near = [
        *verb.children,
        *(t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree),
    ]
    if not any(t.lower_ in EACH_WORDS for t in near):
        return [position]
    names = (position.holder_name or "").split(" and ")
    return [
        dataclasses.replace(
            position, holder=code, holder_name=names[i] if len(names) == len(position.holder) else None
        )
        for i, code in enumerate(position.holder)
    ]


def _earlier_stance(positions: list[Position], cand: Candidate) -> Position | None:
    """The earlier stance "the demand" or "the proposal" refers to: another holder's, of the same class
    as the noun; one addressed to the holder of the answer wins over the latest one."""
    wanted = KIND_CLASS.get(cand.refers or "proposal", cand.refers)
    holder = cand.holder[0] if cand.holder else None
    others = [
        p
        for p in positions
        if KIND_CLASS.get(p.kind, p.kind) == wanted and p.holder != holder and p.kind != "rejection"
    ]
    aimed = [
        p
        for p in others
        if holder and (p.addressee == holder or isinstance(p.addressee, list) and holder in p.addressee)
    ]
    return (aimed or others)[-1] if (aimed or others) else None


def _date(document: Document, sent_start: int, sent_end: int, start: int, end: int) -> str | None:
    """The date the stance was stated: a date in its sentence outside the content, else publication."""
    for timex in document.timexes:
        inside = sent_start <= timex.start < sent_end and not (start <= timex.start < end)
        if inside and timex.type == "DATE" and timex.value and timex.value[:1].isdigit():
            return timex.value
    return document.article.published
