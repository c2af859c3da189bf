"""When an action happened: the date of the timex that governs its clause.

Order of evidence, most to least direct:
1. a DATE/TIME timex attached to the trigger's clause ("met on Wednesday", "talks on 24 March");
   one that dates another reported action ("welcomed the exchange over the weekend") is not ours,
   but one that dates the content of this action ("agreed to a ceasefire on Monday") is;
2. the date of the report that carries the clause ("Qatar said Wednesday that they had agreed"):
   a reported past action happened by the time it was reported, which news gives as that day;
3. for a narrated past action with no date of its own, the date last given in the narrative
   (within two sentences), else the article's story day: the day its lead dates, or the
   dateline when the lead gives no date at all (news reports the day's events).
A vague anchor in the clause ("recently", "previously", "since 2022") leaves the date open, and
an action in the future keeps the date it is planned for as its plan date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date as Date
from itertools import islice
from typing import TYPE_CHECKING

from ...periods import last_day
from .modality import CLAUSE_BOUNDARY, head_chain

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Document, Timex
    from .lexicon import Lexicon

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}(-WE)?)?")
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF"})
# the lead that dates an article's story: its first sentences, and a day at most this many days
# before the dateline (an older date in the lead is background, not the story day)
LEAD_SENTENCES = 2
STORY_WINDOW_DAYS = 7


def _attached(timex: Timex, parsed: Doc, clause_ids: set[int], other_triggers: frozenset[int],
              content: frozenset[int], trigger: int) -> tuple[bool, bool]:
    """Whether the timex hangs on the clause, and whether it does so through the action's content."""
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False, False
    cur = span.root
    via_content = False
    for _ in range(8):
        if cur.i in clause_ids:
            return True, via_content
        if cur.i in other_triggers:
            return False, False  # "welcomed the exchange over the weekend": the weekend dates the exchange
        # under the content, or under a verb of its own ("agreed to a truce starting on Sunday")
        via_content = via_content or cur.i in content or cur.pos_ == "VERB"
        if cur.dep_ in ("acl", "relcl"):
            # "the talks held yesterday": a clause on a noun dates that noun, and only it
            return cur.head.i == trigger, False
        if cur.head is cur or cur.dep_ in CLAUSE_BOUNDARY:
            return False, False
        cur = cur.head
    return False, False


def _timex_tokens(timex: Timex, parsed: Doc) -> list[Token]:
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    return list(span) if span is not None else []


class _OtherTriggers:
    """The article's triggers other than `own` and those inside `content`, for `in` tests only.

    Built per event, a set of these was quadratic in the number of events of a long article.
    """

    __slots__ = ("content", "ids", "own")

    def __init__(self, ids: frozenset[int], own: int, content: frozenset[int]):
        self.ids, self.own, self.content = ids, own, content

    def __contains__(self, i: object) -> bool:
        return i in self.ids and i != self.own and i not in self.content


class TimexIndex:
    """A document's timexes by position, to find those inside a sentence without scanning them all
    (a scan per event was quadratic on a long article)."""

    def __init__(self, timexes: list[Timex]):
        self.source, self.size = timexes, len(timexes)
        self.rows = sorted(((t.start, i, t) for i, t in enumerate(timexes)), key=lambda r: (r[0], r[1]))
        self.starts = [r[0] for r in self.rows]

    def fits(self, timexes: list[Timex]) -> bool:
        return self.source is timexes and self.size == len(timexes)

    def within(self, start: int, end: int) -> list[Timex]:
        """The timexes lying inside [start, end), in the order of the document's list."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [t for _, _, t in sorted(self.rows[lo:hi], key=lambda r: r[1]) if t.end <= end]


def _since(timex: Timex, parsed: Doc) -> bool:
    """ "since 2022", "for three years": the start of a state, not the day of an action."""
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ("since", "for")


def date_and_plan(tok: Token, parsed: Doc, timexes: list[Timex] | TimexIndex, published: str | None,
                  other_triggers: frozenset[int] = frozenset(), reporting_verbs: frozenset[str] = frozenset(),
                  reported_past: bool = False, content: frozenset[int] = frozenset(),
                  future: bool = False) -> tuple[str | None, str | None, bool]:
    """(date, plan date, vague): the date of the timex governing the trigger's clause, or, for a past action
    reported by a verb of saying, of the report; the plan date when that date is after publication (or, for
    an action still to come, a week, month or year not over by then); vague when only an open anchor
    ("recently", "since 2022") dates the clause."""
    chain = head_chain(tok)
    top = chain[-1]
    if top.dep_ == "advcl" and top.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in top.children):
        chain += head_chain(top.head)  # "called both leaders at the weekend, urging them ..."
    layers = [{t.i for t in chain}]
    if reported_past:
        cur = chain[-1]
        for _ in range(4):  # "they agreed and will sign, he said Monday": up the coordinated clauses
            report = _reporting_verb(cur, reporting_verbs)
            if report is not None:
                layers.append({t.i for t in head_chain(report)})
                break
            if cur.dep_ not in ("conj", "ccomp", "advcl") or cur.head is cur:
                break
            cur = head_chain(cur.head)[-1]
    sent = tok.sent
    index = timexes if isinstance(timexes, TimexIndex) else TimexIndex(timexes)
    in_sentence = [
        t for t in index.within(sent.start_char, sent.end_char) if t.type in ("DATE", "TIME") and t.value
    ]
    # "welcomed the exchange over the weekend": a date after an object that is an action of its own dates it
    judged = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i in other_triggers]
    vague = False
    plan: str | None = None  # a future date of the content: the plan, unless the action has a date of its own
    for clause_ids in layers:
        for timex in in_sentence:
            attached, via_content = _attached(timex, parsed, clause_ids, other_triggers, content, tok.i)
            if not attached or any(o.i < t.i for o in judged for t in _timex_tokens(timex, parsed)[:1]):
                continue
            match = DATE_VALUE.match(timex.value)
            if match is None or _since(timex, parsed):
                vague = vague or match is None and timex.value in VAGUE_VALUES or _since(timex, parsed)
                continue
            value = match.group(0)
            if published and FULL_DATE.match(value) and value[:10] > published:
                if via_content:
                    # "agreed to a truce starting on Sunday": the term's date, not the deal's;
                    # "proposed holding talks on June 2": the plan's date, when nothing dates the proposal
                    plan = plan or value
                    continue
                return None, value, False
            if (future or via_content) and published and not FULL_DATE.match(value) \
                    and (last_day(value) or "") >= published:
                # "will continue next week", "talks later this month", "agreed to meet again next week"
                if via_content and not future:
                    plan = plan or value
                    continue
                return None, value, False
            return value, None, False
        if vague:
            break  # "has recently had success": the own clause's open anchor outranks the report's day
    return None, plan, vague and plan is None


def _reporting_verb(top: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """The verb of saying that reports a clause: its head ("said Wednesday that they had agreed") or,
    when the report trails ("they agreed, the government said on Saturday"), the clause's head too."""
    if top.dep_ in ("ccomp", "parataxis") and top.head.lemma_.lower() in reporting_verbs:
        return top.head
    for child in top.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in reporting_verbs and child.i > top.i:
            return child
    return None


def reported_in_past(tok: Token, reporting_verbs: frozenset[str]) -> bool:
    """ "'we'll respond if he is,' Trump said": words reported as said in the past (a threat, an appeal)
    were said on the report's day, whatever their own tense."""
    cur = head_chain(tok)[-1]
    for _ in range(4):
        report = _reporting_verb(cur, reporting_verbs)
        if report is not None:
            return report.tag_ == "VBD"
        if cur.dep_ not in ("conj", "ccomp", "advcl") or cur.head is cur:
            return False
        cur = head_chain(cur.head)[-1]
    return False


def narrated_past(tok: Token) -> bool:
    """ "agreed", "has agreed", "had agreed", "held talks" (not "has been bombing", not "agrees"):
    an action the text narrates as done."""
    verb = next((t for t in head_chain(tok) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not auxes and verb.head is not verb and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return narrated_past(verb.head)  # "he said, expressing thanks to ...": the participle shares its verb's time
    if verb.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes):
        return False  # "has been bombing since 2022": a state that goes on, not one day's act
    if verb.tag_ == "VBD" or (verb.tag_ == "VBG" and any(a.lower_ in ("was", "were") for a in auxes)):
        return True  # "signed", "was making his first visit"
    # ("we’ve agreed": the model leaves the curly contraction's lemma as written)
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" or a.lower_.replace("’", "'") in ("'ve", "'d") for a in auxes)


def event_date(tok: Token, kind: str, content: frozenset[int], state, document: Document,
               lex: Lexicon, narrate: bool = True) -> tuple[str | None, str | None, bool]:
    """(date, plan date, inferred) of the action at `tok`; `state` keeps the narrative's last date, the
    story day and the trigger positions (a timex on another reported action is not this one's). An action
    told inside another (`narrate` false) does not move the narrative's date."""
    parsed = tok.doc
    others = _OtherTriggers(state.trigger_ids, tok.i, content)
    past = kind == "asserted" and (narrated_past(tok) or reported_in_past(tok, lex.reporting_verbs))
    if state.timex_index is None or not state.timex_index.fits(document.timexes):
        state.timex_index = TimexIndex(document.timexes)
    date, plan, vague = date_and_plan(tok, parsed, state.timex_index, document.article.published, others,
                                      lex.reporting_verbs, reported_past=past, content=content,
                                      future=kind == "future")
    etype = state.trigger_types.get(tok.i)
    if date is not None:
        if narrate:
            state.dated(tok.sent.start, date, etype)  # only a date the text gives carries the narrative on
        return date, None, False
    if plan is None and past and not vague:
        anchor = _anchor_type(tok, state.trigger_types, lex.circumstance_preps, reported=past)
        if anchor is not None and anchor in state.last_of_type:
            # "after the talks, he said they had agreed": the day of the talks the narrative dated
            return state.last_of_type[anchor], None, True
        # narrative past goes on at the last date given, else on the story's day
        date = state.recent_date(tok.sent.start) or state.story_date
        return date, None, date is not None
    return None, plan, False


def _anchor_type(tok: Token, trigger_types: dict[int, str], preps: frozenset[str], reported: bool) -> str | None:
    """The type of an action named by "after"/"during" in the clause (or in the clause reporting it)."""
    chain = head_chain(tok)
    nodes = list(chain)
    if reported and chain[-1].dep_ in ("ccomp", "parataxis"):
        nodes += head_chain(chain[-1].head)
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.lower_ != "since":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in trigger_types and obj.i != tok.i:
                        return trigger_types[obj.i]
    return None


def story_date(parsed: Doc, text: str, timexes: list[Timex], published: str | None) -> str | None:
    """The day an article's story happened: the first day its lead gives, when that day is within a week
    before the dateline; the dateline itself when the lead gives no date at all."""
    if not published or not FULL_DATE.match(published):
        return None
    sents = list(islice(parsed.sents, LEAD_SENTENCES))
    if not sents:
        return None
    lead_end = sents[-1].end_char
    first_para = text.find("\n\n")
    if 0 < first_para < lead_end:
        lead_end = first_para
    try:
        pub = Date.fromisoformat(published[:10])
    except ValueError:
        return None
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start >= lead_end:
            break
        if timex.type not in ("DATE", "TIME") or not timex.value:
            continue
        match = FULL_DATE.match(timex.value)
        if match is None:
            continue
        try:
            day = Date.fromisoformat(match.group(0))
        except ValueError:
            continue
        if day > pub:
            continue  # a plan the lead announces ("a truce from Sunday") does not date the story
        if (pub - day).days <= STORY_WINDOW_DAYS:
            return day.isoformat()
        return None  # the lead dates something else (a plan, an anniversary): no story day to assume
    return published[:10]
