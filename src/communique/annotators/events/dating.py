"""When an action happened: the date of the timex that governs its clause.

Order of evidence, most to least direct:
1. a DATE/TIME timex attached to the trigger's clause ("met on Wednesday", "talks on 24 March");
   one that dates another reported action ("welcomed the exchange over the weekend") is not ours,
   but one that dates the content of this action ("agreed to a ceasefire on Monday") is;
2. the date of the report that carries the clause ("Qatar said Wednesday that they had agreed"):
   a reported past action happened by the time it was reported, which news gives as that day;
3. for a narrated past action with no date of its own, the day of the date heading it sits under
   ("June 2:"), or the date last given in the narrative (within two sentences), else the article's
   story day: the day its lead dates, or the dateline when the lead gives no date at all (news
   reports the day's events);
4. an intent stated in the past ("said Moscow wanted to continue talks") was stated on the day of
   its report, like any reported action; an action in the headline or the lead told in the simple
   present ("Chile agrees to ...") is the story's action, of the story's day.
A vague anchor in the clause ("recently", "previously", "since 2022") leaves the date open, and
an action in the future keeps the date it is planned for as its plan date. "Two days later" counts
from the day the time annotator anchored it to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date as Date
from datetime import timedelta
from typing import TYPE_CHECKING

from ...knowledge import Knowledge, knowledge_of
from ...periods import last_day
from ...publication_date import is_credit
from .article_days import (
    Line,
    LineTest,
    dated_sections,
    opening_end,
    section_day,
    story_day,
    undated_lead_end,
)
from .coding import recode_for_modality
from .modality import CLAUSE_BOUNDARY, head_chain

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...document import Document, Timex
    from .lexicon import Lexicon

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}(-WE)?)?")
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF"})
# the lead that dates an article's story: its first sentences
LEAD_SENTENCES = 2
# first-person pronouns in the text's own voice that make it a column or a commentary
AUTHOR_PRONOUNS = 3
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
# "two days later", "a week earlier": a stretch of time counted from the day its expression was anchored to
_OFFSET = re.compile(r"\b(?P<way>later|earlier|afterwards?|before)$", re.IGNORECASE)
_OFFSET_VALUE = re.compile(r"^P(?P<n>\d+)(?P<unit>[DW])$")
# conjunctions of a clause that happens at the time of the clause it modifies
_AT_ONCE = frozenset({"when", "as", "while"})
# a stretch of time that ends now: "recent weeks", "the past year", "the last 24 hours"
_UP_TO_NOW = re.compile(r"^(?:the\s+)?(?:recent|past|last)\b", re.IGNORECASE)
_HAVE = frozenset({"have", "has", "had", "'ve", "'d", "’ve", "’d"})
# nouns of a message whose participle tells its act ("a statement thanking", "a letter urging")
_MESSAGES = frozenset({"statement", "letter", "message", "post", "speech", "communique", "note", "tweet"})
# verbs whose infinitive object happened when they did ("prompted X to reopen", "forced Y to withdraw");
# not verbs of intent or request ("wanted to", "asked X to"), whose object may never happen
_CAUSING = frozenset({"prompt", "force", "compel", "lead", "cause", "oblige", "drive", "push"})
# verbs of the phase of an action ("continued to vow", "began to withdraw"): the action goes on (or starts)
# when they do
_ASPECTUAL = frozenset({"continue", "begin", "start", "resume", "keep"})


def intent_types(knowledge: Knowledge) -> frozenset[str]:
    """Event types whose record is the stated intent itself (knowledge/en/dating.yaml)."""
    return knowledge.derived(_intent_types)


def _intent_types(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.yaml("dating.yaml")["intent_types"])


def undated_adverbs(knowledge: Knowledge) -> frozenset[str]:
    """Adverbs that give an action no day of its own: "later", "repeatedly" (knowledge/en/dating.yaml)."""
    return knowledge.derived(_undated_adverbs)


def _undated_adverbs(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.yaml("dating.yaml")["undated_adverbs"])


def _undated_by_adverb(chain: list[Token], in_sentence: list[Timex]) -> bool:
    """ "the fishermen were later released", "has repeatedly pledged": an adverb on the clause that puts
    the action an unknown stretch from the narrative's time, or at many times (not one inside a time
    expression: "two days later" is a day of its own)."""
    words = undated_adverbs(knowledge_of(chain[0].doc))
    spans = [(t.start, t.end) for t in in_sentence]
    return any(
        c.dep_ == "advmod" and c.lower_ in words and not any(a <= c.idx < b for a, b in spans)
        for node in chain for c in node.children
    )


def _report_time(span: Span) -> Token | None:
    """The verb of a report that a timex dates, when the parse hangs it on the reported clause: "said on
    Tuesday it had met ...": a time between the verb and the subject of its complement is the saying's."""
    top = span.root.head if span.root.dep_ == "pobj" else span.root  # "on Tuesday": from the preposition
    verb = top.head
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.i > top.i or verb.i < span.end:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb.head if subjects and span.end <= subjects[0].left_edge.i else None


def _attached(timex: Timex, parsed: Doc, clause_ids: dict[int, int], other_triggers: frozenset[int],
              content: frozenset[int], trigger: int) -> tuple[bool, bool, int]:
    """Whether the timex hangs on the clause, whether it does so through the action's content, and how
    far up the clause's chain it hangs (the nearer the trigger, the more its own the date is)."""
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False, False, 0
    noun = span.root.head
    if _dates_a_noun(span.root) and noun.i != trigger and noun.i not in clause_ids \
            and not _doer_of_clause(noun, clause_ids):
        return False, False, 0  # "criticised Monday's vote", "accused B of the 2019 raid": the noun's date
    cur = _report_time(span) or span.root
    if cur.dep_ == "amod":
        return False, False, 0  # "the current chair": an adjective dates its noun, not the clause
    via_content = False
    for _ in range(8):
        if cur.i in clause_ids:
            return True, via_content, clause_ids[cur.i]
        if cur.i in content:
            return True, True, 0  # "agreed that talks would be held on Monday": the date of the content
        if cur.i in other_triggers and not _doer_of_clause(cur, clause_ids):
            return False, False, 0  # "welcomed the exchange over the weekend": the weekend dates the exchange
        # under the content, or under a verb of its own ("agreed to a truce starting on Sunday")
        via_content = via_content or cur.i in content or cur.pos_ == "VERB"
        if cur.dep_ in ("acl", "relcl"):
            # "the talks held yesterday": a clause on a noun dates that noun, and only it
            return cur.head.i == trigger, False, 0
        if cur.head is cur or cur.dep_ in CLAUSE_BOUNDARY:
            return False, False, 0
        cur = cur.head
    return False, False, 0


def _doer_of_clause(noun: Token, clause_ids: dict[int, int]) -> bool:
    """ "The Friday bombings killed 200", "the strike on Monday destroyed a bridge": an event named as the
    subject of the clause did the clause's action, on its own day."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in clause_ids


def _dates_a_noun(root: Token) -> bool:
    """A date that modifies a noun before it ("Monday's vote", "the 1995 raid", "the March 3 summit"): it
    dates what that noun names."""
    modifier = root.dep_ in ("poss", "compound", "nmod", "amod", "nummod")
    return modifier and root.head.pos_ in ("NOUN", "PROPN") and root.i < root.head.i


def offset_day(timex: Timex) -> str | None:
    """ "two days later", "a week earlier": the day it points to, counted from its anchor (TimeML values
    such an expression as the stretch of time, P2D; the day is what dates an action)."""
    if timex.type != "DURATION" or not timex.anchor or not timex.value:
        return None
    way, amount = _OFFSET.search(timex.text), _OFFSET_VALUE.match(timex.value)
    if way is None or amount is None:
        return None
    try:
        anchor = Date.fromisoformat(timex.anchor[:10])
    except ValueError:
        return None
    days = int(amount["n"]) * (7 if amount["unit"] == "W" else 1)
    sign = -1 if way["way"].lower() in ("earlier", "before") else 1
    return (anchor + timedelta(days=sign * days)).isoformat()


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


def _measured_day(top: Token, in_sentence: list[Timex], parsed: Doc) -> str | None:
    """ "accused B on March 9, two days after B had criticised A": a clause that "after" or "before" and
    a stretch of time tie to the clause it modifies happened that stretch before (or after) its day."""
    marks = [c.lower_ for c in top.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if top.dep_ != "advcl" or not marks:
        return None
    measures = {c.i for c in top.children if c.dep_ == "npadvmod"}
    step = main = None
    for timex in in_sentence:
        tokens = _timex_tokens(timex, parsed)
        amount = _OFFSET_VALUE.match(timex.value or "")
        if step is None and amount and any(t.i in measures for t in tokens):
            step = int(amount["n"]) * (7 if amount["unit"] == "W" else 1)
        elif main is None and FULL_DATE.match(timex.value or "") and not any(t.i in measures for t in tokens):
            attached, _, _ = _attached(timex, parsed, {top.head.i: 0}, frozenset(), frozenset(), -1)
            main = timex.value[:10] if attached else None
    if step is None or main is None:
        return None
    try:
        day = Date.fromisoformat(main)
    except ValueError:
        return None
    return (day + timedelta(days=step if marks[0] == "before" else -step)).isoformat()


def _measured_clause(top: Token) -> bool:
    """ "nearly a week after the shooting sparked protests", "hours before they met": a clause a stretch of
    time away from the clause it modifies; with no day to count from, it has none the text gives."""
    marks = [c for c in top.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    return top.dep_ == "advcl" and bool(marks) and any(c.dep_ == "npadvmod" for c in top.children)


def _dated_noun_day(top: Token, in_sentence: list[Timex], parsed: Doc) -> str | None:
    """ "the March 2019 raid that killed six guards": a clause on a noun of an event that a date modifies
    happened on that date (the clause has no date of its own)."""
    if top.dep_ not in ("relcl", "acl"):
        return None
    nouns = {top.head.i}
    if top.head.dep_ == "pobj" and top.head.head.dep_ == "prep":  # "the 2019 bombing of a market that ..."
        nouns.add(top.head.head.head.i)
    for timex in in_sentence:
        tokens = _timex_tokens(timex, parsed)
        if tokens and all(t.i < top.i for t in tokens) and any(_modifies(t, nouns) for t in tokens):
            match = DATE_VALUE.match(timex.value or "")
            return match.group(0) if match else None
    return None


def _modifies(token: Token, nouns: set[int]) -> bool:
    """Whether a timex's token dates one of the nouns: "the March 2019 bombing", "the bombing in 2019"."""
    if token.head.i in nouns and token.dep_ in ("compound", "nmod", "amod", "npadvmod"):
        return True
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in ("in", "on") and prep.head.i in nouns


def _since(timex: Timex, parsed: Doc, published: str | None) -> bool:
    """ "since 2022", "for three years", "until Thursday": the start, length or end of a state, not the day
    of an action; but a day ahead after "for" is the day something is set for ("talks are scheduled for
    Monday")."""
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    bounds = ("since", "for", "until", "till")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in bounds:
        return False
    if span.root.head.lower_ == "for" and published and timex.value:
        return (last_day(timex.value) or "") < published
    if span.root.head.lower_ in ("until", "till"):
        return "T" not in (timex.value or "")  # "marched until 2 a.m. Friday": going on that very night
    return True


def _hanging(timexes: list[Timex], parsed: Doc, clause_ids: dict[int, int], other_triggers,
             content: frozenset[int], trigger: int) -> list[tuple[Timex, bool]]:
    """The timexes that hang on the clause, with whether through the action's content: the one on the
    trigger's own verb first ("met on Monday, and Peru had praised Chile the day before": the day
    before dates the praise), then in the order of the text."""
    rows = []
    for order, timex in enumerate(timexes):
        attached, via_content, rank = _attached(timex, parsed, clause_ids, other_triggers, content, trigger)
        if attached:
            rows.append((rank, order, timex, via_content))
    return [(timex, via_content) for _, _, timex, via_content in sorted(rows, key=lambda r: r[:2])]


def _report_layers(chain: list[Token], reporting_verbs: frozenset[str]) -> list[dict[int, int]]:
    """The clause chains that may date a reported past action after its own: the report's ("they agreed
    and will sign, he said Monday": up the coordinated clauses to the verb of saying)."""
    cur = chain[-1]
    for _ in range(4):
        report = _reporting_verb(cur, reporting_verbs)
        if report is not None:
            return [{t.i: rank for rank, t in enumerate(head_chain(report))}]
        if cur.dep_ not in ("conj", "ccomp", "advcl") or cur.head is cur:
            return []
        cur = head_chain(cur.head)[-1]
    return []


def _reading(timex: Timex, value: str, via_content: bool, published: str | None, future: bool) -> str:
    """What a date attached to the clause is to the action: "date" (its day), "plan" (the day it is
    planned for: the action is still to come), or "content" (the day of the action's content, still to
    come: "agreed to a truce starting on Sunday", "proposed holding talks on June 2")."""
    if published and FULL_DATE.match(value) and value[:10] > published:
        return "content" if via_content else "plan"
    if (future or via_content) and published and not FULL_DATE.match(value) \
            and (last_day(value) or "") >= published:
        # "will continue next week", "talks later this month", "agreed to meet again next week"
        return "content" if via_content and not future else "plan"
    return "date"


def date_and_plan(tok: Token, parsed: Doc, timexes: list[Timex] | TimexIndex, published: str | None,
                  other_triggers: frozenset[int] = frozenset(), reporting_verbs: frozenset[str] = frozenset(),
                  reported_past: bool = False, content: frozenset[int] = frozenset(),
                  future: bool = False, own_only: bool = False,
                  judge: Token | None = None) -> tuple[str | None, str | None, bool]:
    """(date, plan date, vague): the date of the timex governing the trigger's clause, or, for a past action
    reported by a verb of saying, of the report; the plan date when that date is after publication (or, for
    an action still to come, a week, month or year not over by then), or when the action's content is
    still to come on a day of its own (an agreement made on Tuesday to meet on June 10 has both); vague
    when only an open anchor ("recently", "since 2022") dates the clause; with `own_only`, only a date on
    the trigger's own phrase counts (an action named as the time of another: "ahead of the talks"); with a
    `judge`, the verb of a judgement whose object the action is, only a date after the noun or on it."""
    chain = [tok] if own_only else head_chain(tok)
    top = chain[-1]
    if own_only:
        pass
    elif top.dep_ == "advcl" and top.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in top.children):
        chain += head_chain(top.head)  # "phoned the two presidents on Sunday, pressing them ..."
    elif top.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_ONCE
                                     for c in top.children):
        chain += head_chain(top.head)  # "on May 2, when rebels attacked the port, Peru closed the border"
    layers = [{t.i: rank for rank, t in enumerate(chain)}]
    layers += _report_layers(chain, reporting_verbs) if reported_past and judge is None else []
    sent = tok.sent
    index = timexes if isinstance(timexes, TimexIndex) else TimexIndex(timexes)
    in_sentence = [t for t in index.within(sent.start_char, sent.end_char)
                   if (t.type in ("DATE", "TIME") or offset_day(t) or _open_stretch(t)) and t.value]
    valued = [t for t in index.within(sent.start_char, sent.end_char) if t.value]
    measured = _measured_day(chain[-1], valued, parsed)
    if measured is not None:
        return (measured, None, False) if not published or measured <= published else (None, measured, False)
    # "welcomed the exchange over the weekend": a date after an object that is an action of its own dates it
    judged = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i in other_triggers]
    # ("were later released": no day of the narrative's nor of the report's, unless the clause gives one)
    vague = _undated_by_adverb(head_chain(tok), valued)
    plan: str | None = None  # a future date of the content: the plan, unless the action has a date of its own
    found: tuple[str | None, str | None] | None = None  # the action's own (date, plan date)
    for clause_ids in layers:
        hanging = _hanging(in_sentence, parsed, clause_ids, other_triggers, content, tok.i)
        for timex, via_content in _judged_own(hanging, tok, judge, parsed):
            if any(o.i < t.i for o in judged for t in _timex_tokens(timex, parsed)[:1]):
                continue
            match = DATE_VALUE.match(_day_of(offset_day(timex) or timex.value, published, future))
            since = _since(timex, parsed, published)
            if match is None or since:
                if found is None:
                    vague = vague or match is None and (timex.value in VAGUE_VALUES or _open_stretch(timex)) \
                        or since
                continue
            reading = _reading(timex, match.group(0), via_content, published, future)
            if reading == "content":
                plan = plan or match.group(0)
            elif found is None:
                found = (match.group(0), None) if reading == "date" else (None, match.group(0))
        if found is not None and found[0] is None:
            # "said on Monday he would visit Chile next week": the visit is planned for next week, the promise
            # was made on the report's day (the next layer, when the action is reported)
            plan, found = plan or found[1], None
            continue
        if found is not None or vague:
            break  # "has recently had success": the own clause's open anchor outranks the report's day
    if found is not None:
        return found[0], found[1] or plan, False
    if _measured_clause(chain[-1]):
        return None, plan, plan is None  # "nearly a week after the shooting sparked protests, the city ..."
    noun_day = _dated_noun_day(chain[-1], in_sentence, parsed) if not vague and plan is None else None
    if noun_day is not None:  # the clause has no date of its own; its noun's is the action's
        return (noun_day, None, False) if not published or noun_day <= published else (None, noun_day, False)
    return None, plan, vague and plan is None


def judge_of(tok: Token, other_triggers, trigger_types: dict[int, str],
             judging: frozenset[str]) -> Token | None:
    """The verb of a judgement (an accusation, a rejection, praise, talks) that takes this action's noun as
    its object ("condemned the attacks", "discussed the exchange"): it came after the deed, on a day of its
    own; not a deed done to the action ("repelled the invasion"), which shares its time."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") and tok.head.i in other_triggers \
            and trigger_types.get(tok.head.i) in judging:
        return tok.head
    return None


def _judged_own(hanging: list[tuple[Timex, bool]], tok: Token, judge: Token | None,
                parsed: Doc) -> list[tuple[Timex, bool]]:
    """ "Peru on Saturday condemned the attacks in Lima Friday": for the noun a judgement takes as its
    object, a time after the noun (or on the noun itself) is its own; one the verb has before it is not."""
    if judge is None:
        return hanging

    def own(row: tuple[Timex, bool]) -> bool:
        first = _timex_tokens(row[0], parsed)[:1]
        return bool(first) and (first[0].i > tok.i or _below(first[0], tok, judge))

    return [row for row in hanging if own(row)]


def inside_another(tok: Token, other_triggers) -> bool:
    """ "the detention of a student in the stabbing of a guard": an action named inside the phrase of another
    action's noun; the clause's date is that noun's, not its own."""
    if tok.pos_ != "NOUN":
        return False
    cur = tok
    for _ in range(8):
        if cur.head is cur or cur.dep_ in CLAUSE_BOUNDARY or cur.head.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.i in other_triggers:
            return True
    return False


def _below(token: Token, noun: Token, stop: Token) -> bool:
    """Whether `token` hangs under `noun` (below `stop`): "condemned Friday's attacks"."""
    cur = token
    for _ in range(8):
        if cur.i == noun.i:
            return True
        if cur.i == stop.i or cur.head is cur:
            return False
        cur = cur.head
    return False


def sequence_object(tok: Token, preps: frozenset[str]) -> bool:
    """ "ahead of his trip", "since the invasion", "two weeks after the attack": an action named as the
    time before or after which the clause happens; the clause's date is not its own."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("after", "following") and any(c.dep_ == "npadvmod" for c in prep.children):
        return True  # "two weeks after the attack" (with no stretch, "after the talks" is mostly that day)
    return prep.lower_ in preps or f"{prep.head.lower_} {prep.lower_}" in preps


def judging_types(knowledge: Knowledge) -> frozenset[str]:
    """Event types of a judgement made of a deed after it (knowledge/en/dating.yaml)."""
    return knowledge.derived(_judging_types)


def _judging_types(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.yaml("dating.yaml")["judging_types"])


def sequence_preps(knowledge: Knowledge) -> frozenset[str]:
    """Prepositions of sequence: "after", "ahead of" (knowledge/en/dating.yaml)."""
    return knowledge.derived(_sequence_preps)


def _sequence_preps(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.yaml("dating.yaml")["sequence_preps"])


def definite_noun(tok: Token) -> bool:
    """ "the bombings", "his visit", "that meeting": an action named as one the reader knows of."""
    return tok.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in tok.children)


def _open_stretch(timex: Timex) -> bool:
    """ "in recent months", "over the past week": a stretch of time up to now; an action told over it (often
    more than once) has no single day."""
    return timex.type == "DURATION" and bool(_UP_TO_NOW.match(timex.text))


def _day_of(value: str, published: str | None = None, future: bool = False) -> str:
    """A time's value as the day it falls on: TimeML writes the midnight that opens a day as the 24th hour
    of the day before ("2024-03-03T24:00" is the start of 4 March). A deed done by the day of the report
    ("struck after midnight on 7 May", reported on 7 May) was done in the small hours of the day written."""
    if FULL_DATE.match(value) and value[10:16] == "T24:00":
        day = (Date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat()
        return value[:10] if published and not future and day > published >= value[:10] else day
    return value


def _reporting_verb(top: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """The verb of saying that reports a clause: its head ("said Wednesday that they had agreed") or,
    when the report trails ("they agreed, the government said on Saturday"), the clause's head too."""
    if top.dep_ in ("ccomp", "parataxis") and top.head.lemma_.lower() in reporting_verbs:
        return top.head
    for child in top.children:
        if (
            child.dep_ in ("parataxis", "ccomp")
            and child.lemma_.lower() in reporting_verbs
            and child.i > top.i
        ):
            return child
    return None


def reported_in_past(tok: Token, reporting_verbs: frozenset[str]) -> bool:
    """ "'we'll respond if he is,' Trump said": words reported as said in the past (a threat, an appeal)
    were said on the report's day, whatever their own tense."""
    cur = head_chain(tok)[-1]
    for _ in range(4):
        report = _reporting_verb(cur, reporting_verbs)
        if report is not None:
            return _past_form(report)
        if cur.dep_ not in ("conj", "ccomp", "advcl") or cur.head is cur:
            return False
        cur = head_chain(cur.head)[-1]
    return False


def _past_form(verb: Token) -> bool:
    """ "said", "had said", "has said": a verb in the past or the perfect (not "says", not "will say")."""
    if verb.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBN" and bool(auxes & _HAVE) and not any(c.tag_ == "MD" for c in verb.children)


def finite_verb(tok: Token) -> Token | None:
    """The first verb above the trigger (itself included) that carries the clause's tense: not an
    infinitive ("to continue") nor a participle without an auxiliary."""
    for node in head_chain(tok):
        if node.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "to" for a in auxes) or (node.tag_ in ("VB", "VBG", "VBN") and not auxes):
            continue
        return node
    return None


def past_perfect(tok: Token) -> bool:
    """ "had warned", "had been refused": an action told as done before the narrative's time (its day is
    not the narrative's, and the text gives none when the clause has no date of its own)."""
    verb = finite_verb(tok)
    if verb is None or verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "MD"]
    return any(a.lower_ in ("had", "'d", "’d") for a in auxes)


def stated_in_past(tok: Token) -> bool:
    """ "Moscow wanted to continue the talks", "had promised to meet": an intent stated in the past."""
    verb = finite_verb(tok)
    if verb is None or any(c.tag_ == "MD" for c in verb.children):
        return False
    return _past_form(verb)


def simple_present(tok: Token, reporting_verbs: frozenset[str]) -> bool:
    """ "Chile agrees to ...", "Peru backs ...", "Chile says Peru must ...": the present of headlines."""
    verb = finite_verb(tok)
    if verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
            c.tag_ == "MD" or c.lower_ in ("will", "'ll", "’ll") for c in verb.children):
        return True
    report = _reporting_verb(head_chain(tok)[-1], reporting_verbs)
    return report is not None and report.tag_ in ("VBZ", "VBP")


def headline_participle(tok: Token) -> bool:
    """ "Rebel commander killed in air strike", "Two soldiers freed by rebels": a headline drops the
    auxiliary, and its participle hangs on the line's only noun phrase; it tells the story's action."""
    verb = next((t for t in head_chain(tok) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.dep_ != "ROOT":
        return False
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def narrated_past(tok: Token) -> bool:
    """ "agreed", "has agreed", "had agreed", "held talks" (not "has been bombing", not "agrees"):
    an action the text narrates as done."""
    verb = next((t for t in head_chain(tok) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not auxes and verb.head is not verb and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        # "he said, expressing thanks to ...": the participle shares its verb's time
        return narrated_past(verb.head)
    if verb.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes):
        return False  # "has been bombing since 2022": a state that goes on, not one day's act
    if not auxes and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.lemma_.lower() in _MESSAGES:
        # "said in a statement thanking the troops": the message's act, done when it was issued
        return narrated_past(verb.head)
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and [a.lower_ for a in auxes] == ["to"] \
            and verb.head.lemma_.lower() in _CAUSING | _ASPECTUAL:
        # "the clashes prompted Chile to close the border", "Peru continued to accuse Chile": done when the
        # causing (or aspectual) verb says
        return narrated_past(verb.head)
    if verb.tag_ == "VBD" or (verb.tag_ == "VBG" and any(a.lower_ in ("was", "were") for a in auxes)):
        return True  # "signed", "was making his first visit"
    if verb.tag_ == "VB" and any(a.lower_ == "did" for a in auxes):
        return True  # "the meeting did produce one accord": the past, stressed
    # ("we’ve agreed": the model leaves the curly contraction's lemma as written)
    return verb.tag_ == "VBN" and any(
        a.lemma_ == "have" or a.lower_.replace("’", "'") in ("'ve", "'d") for a in auxes
    )


def event_date(tok: Token, kind: str, content: frozenset[int], state, document: Document,
               lex: Lexicon, narrate: bool = True) -> tuple[str | None, str | None, bool]:
    """(date, plan date, inferred) of the action at `tok`; `state` keeps the narrative's last date, the
    story day and the trigger positions (a timex on another reported action is not this one's). An action
    told inside another (`narrate` false) does not move the narrative's date."""
    parsed = tok.doc
    others = _OtherTriggers(state.trigger_ids, tok.i, content)
    etype = state.trigger_types.get(tok.i)
    past = kind == "asserted" and (narrated_past(tok) or reported_in_past(tok, lex.reporting_verbs))
    # "said Moscow wanted to continue the talks", "said it would free the fishermen": the promise is the
    # record, and it was made on the report's day
    stated = _intent(etype, kind, lex, tok) and (
        stated_in_past(tok) or reported_in_past(tok, lex.reporting_verbs)
    )
    if state.timex_index is None or not state.timex_index.fits(document.timexes):
        state.timex_index = TimexIndex(document.timexes)
    sequence = sequence_object(tok, sequence_preps(knowledge_of(parsed))) or inside_another(tok, others)
    judge = judge_of(tok, others, state.trigger_types, judging_types(knowledge_of(parsed)))
    date, plan, vague = date_and_plan(tok, parsed, state.timex_index, document.article.published, others,
                                      lex.reporting_verbs, reported_past=past or stated, content=content,
                                      future=kind == "future", own_only=sequence, judge=judge)
    if date is not None:
        if narrate and not _background_noun(tok) and not sequence:
            state.dated(tok.sent.start, date, etype)  # only a date the text gives carries the narrative on
        elif etype:
            state.last_of_type[etype] = date  # (what "the attacks" told again later refers to)
        return date, plan, False
    judged_later = judge is not None and kind == "asserted" and tok.idx >= _opening_end(tok, state, document)
    if sequence or judged_later:
        # "ahead of the trip", "condemned the bombings": the day of the ones the text dated, if it did (in the
        # headline or the lead, a deed judged is the story's own, of its day)
        earlier = state.last_of_type.get(etype or "") if definite_noun(tok) else None
        return earlier, plan, earlier is not None
    if vague or (plan is not None and not (past or stated)):
        return None, plan, False
    if past or stated:  # (a plan of its content stays: "agreed to meet again on June 10")
        # ("before the talks", "ahead of the vote", "since the war": another time than the named action's)
        preps = lex.circumstance_preps - {p.split()[0] for p in sequence_preps(knowledge_of(parsed))}
        anchor = _anchor_type(tok, state.trigger_types, preps, reported=past)
        if anchor is not None and anchor in state.last_of_type:
            # "after the talks, he said they had agreed": the day of the talks the narrative dated
            return state.last_of_type[anchor], plan, True
        if definite_noun(tok) and (etype or "") in state.last_of_type:
            # "the two bombings happened minutes apart": the bombings the text dated before
            return state.last_of_type[etype or ""], plan, True
        if past_perfect(tok) and not reported_in_past(tok, lex.reporting_verbs):
            return None, plan, False  # "the fund had warned that": before the narrative's day, by how long?
        # narrative past goes on at the last date given since its date heading, else on the heading's day,
        # else on the story's day
        heading, dated_since = _heading_day(tok, state, document)
        # (a date given later in the text, by an action dated out of order, is not the narrative's yet)
        told_before = state.last_date is not None and state.last_date[0] <= tok.sent.start
        recent = state.recent_date(tok.sent.start) if told_before else None
        date = (recent if dated_since else None) or heading or recent or _story_day_at(tok, state, document)
        return date, plan, date is not None
    if _told_as_news(tok, kind, etype, lex) or (kind == "asserted" and headline_participle(tok)):
        date, _ = _heading_day(tok, state, document)
        if date is None and tok.idx < _opening_end(tok, state, document):
            date = state.story_date  # "Chile agrees to ..." in the headline or the lead: the story's action
        if date is None and _quoted(tok.idx, document, state):
            # a statement quoted with no verb of its own ("'We stand ready to help.'"): it was made when the
            # article reports it, the day the narrative last gave, else the story's day
            told_before = state.last_date is not None and state.last_date[0] <= tok.sent.start
            date = (state.recent_date(tok.sent.start) if told_before else None) or state.story_date
        return date, None, date is not None
    return None, None, False


def _comparable(line: str) -> str:
    """A line's words, for comparing a headline with the title: case, punctuation and spacing aside."""
    return " ".join(re.findall(r"\w+", line.lower()))


def _background_noun(tok: Token) -> bool:
    """ "a change from their tense meeting in February": an action named by a noun in a phrase that
    describes another noun is background; its date does not carry the narrative on."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN")


def _opening_end(tok: Token, state, document: Document) -> int:
    """Where the article's headline and lead sentence end (found once per article: it reads every line)."""
    if state.opening_end is None:
        state.opening_end = opening_end(document.text, caption_test(tok.doc, document.article.title))
    return state.opening_end


def _story_day_at(tok: Token, state, document: Document) -> str | None:
    """The story's day for an undated past deed at `tok`; none past the lead of a column whose lead names no
    day: its author speaks in the first person, the story day is only the dateline's guess, and the deeds it
    recounts are background (a wire report with an undated lead does tell the day's news)."""
    if not hasattr(state, "column_lead_end"):  # once per article
        caption = caption_test(tok.doc, document.article.title)
        end = undated_lead_end(document.text, document.timexes, document.article.published, LEAD_SENTENCES,
                               caption)
        state.column_lead_end = end if end is not None and _author_speaks(tok.doc, document, state) else None
    end = state.column_lead_end
    return state.story_date if end is None or tok.idx < end else None


def _author_speaks(parsed: Doc, document: Document, state) -> bool:
    """Whether the text's own voice says "I", "me" or "my" (outside any quotation) at least
    AUTHOR_PRONOUNS times: a column, a commentary or a transcript, not a report."""
    found = 0
    for token in parsed:
        if token.lower_ in _FIRST_PERSON and token.tag_ in ("PRP", "PRP$") and not _in_quotes(token, document,
                                                                                               state):
            found += 1
            if found >= AUTHOR_PRONOUNS:
                return True
    return False


def _in_quotes(token: Token, document: Document, state) -> bool:
    """Inside a quotation the quotes annotator found, or after an odd number of quotation marks in its
    paragraph (a quotation it left out)."""
    if _quoted(token.idx, document, state):
        return True
    text = document.text
    para = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
    marks = sum(para.count(m) for m in ('"', "``", "''")) + para.count("“") + para.count("”")
    return marks % 2 == 1 or para.count("“") > para.count("”")


def _quoted(offset: int, document: Document, state) -> bool:
    """Whether the character at `offset` lies inside a quotation the quotes annotator found (the spans
    sorted once per article and searched by bisection: a scan per event was quadratic on a long one)."""
    spans = getattr(state, "quote_spans", None)
    if spans is None:
        spans = state.quote_spans = sorted((q.start, q.end) for q in document.quotes)
    k = bisect_left(spans, (offset + 1, -1)) - 1
    return any(start <= offset < end for start, end in spans[max(0, k - 8) : k + 1])


def _intent(etype: str | None, kind: str, lex: Lexicon, tok: Token) -> bool:
    """A future or conditional action recorded as the promise or threat to do it ("will free" is AGREE)."""
    if etype is None or kind not in ("future", "hypothetical"):
        return False
    return recode_for_modality(etype, None, kind, lex)[0] in intent_types(knowledge_of(tok.doc))


def _told_as_news(tok: Token, kind: str, etype: str | None, lex: Lexicon) -> bool:
    """An action told in the simple present, as headlines and dated lists tell what happened."""
    if kind != "asserted" and not _intent(etype, kind, lex, tok):
        return False
    return simple_present(tok, lex.reporting_verbs)


def _heading_day(tok: Token, state, document: Document) -> tuple[str | None, bool]:
    """The day of the date heading over the action's line ("June 2:"), and whether the narrative has
    given a date since that heading (a date nearer the action than the heading's)."""
    if state.sections is None:  # once per article: a scan per event was quadratic on a long one
        state.sections = dated_sections(document.text, document.timexes,
                                        caption_test(tok.doc, document.article.title))
    section = section_day(state.sections, tok.idx)
    if section is None:
        return None, True
    if state.last_date is None:
        return section.day, False
    return section.day, state.last_date[0] >= _sentence_start_at(tok.doc, section.start)


def _sentence_start_at(parsed: Doc, offset: int) -> int:
    """The start (a token index) of the sentence that holds character `offset`."""
    token = parsed.char_span(offset, offset + 1, alignment_mode="expand")
    return token.sent.start if token is not None else 0


def _anchor_type(
    tok: Token, trigger_types: dict[int, str], preps: frozenset[str], reported: bool
) -> str | None:
    """The type of an action named by "after"/"during" in the clause (or in the clause reporting it)."""
    chain = head_chain(tok)
    nodes = list(chain)
    if reported and chain[-1].dep_ in ("ccomp", "parataxis"):
        nodes += head_chain(chain[-1].head)
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in trigger_types and obj.i != tok.i:
                        return trigger_types[obj.i]
    return None


def story_date(parsed: Doc, text: str, timexes: list[Timex], published: str | None,
               title: str | None = None) -> str | None:
    """The day an article's story happened: the first day its lead gives, when that day is within a week
    before the dateline; the dateline itself when the lead gives no date at all (see `article_days`)."""
    return story_day(text, timexes, published, LEAD_SENTENCES, caption=caption_test(parsed, title))


def caption_test(parsed: Doc, title: str | None = None) -> LineTest:
    """Whether a line is a photo caption: a credit line ("Photo: ..."), or one sentence in the simple
    present that reports no words ("X testifies before ...", "Delegates attend the opening ...").
    Captions describe a picture; a lead reports news, in the past, or in the present of a verb that
    reports a clause ("Chile says its navy ..."). The article's own title, repeated as its first line, is
    its headline, never its lead, however it ends."""
    headline = _comparable(title) if title else None

    def is_caption(line: Line) -> bool:
        if is_credit(line.text) or (headline and _comparable(line.text) == headline):
            return True
        span = parsed.char_span(line.start, line.end, alignment_mode="expand")
        if span is None or len(list(span.sents)) != 1:
            return False
        root = span.root
        return root.tag_ in ("VBZ", "VBP") and not any(
            c.tag_ == "MD" or c.dep_ in ("ccomp", "parataxis") for c in root.children)

    return is_caption
