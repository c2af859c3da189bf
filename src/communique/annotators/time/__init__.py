"""Temporal expressions (TIMEX3): extents, types and values.

The extent grammar (`grammar`, data in knowledge/en/time*.yaml) finds the
expressions; `values` turns each into a TIMEX3 value resolved against the
publication date, the tense of its clause (`tense`) and, for anaphoric ones
("the day before"), the last day mentioned. Clock times take the day named
next to them in their sentence.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ...document import Timex
from ...knowledge import Knowledge, attach
from ..registry import annotator
from .amounts import share_of_quarters
from .dates import day_counted_to
from .grammar import Candidate, compile_patterns, load_vocabulary, scan
from .tense import clause_tense, is_past_perfect, marks_future
from .values import NORMALIZERS, Context

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...document import Document

_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
_PERIOD_VALUE = re.compile(r"^\d{4}(?:-\d\d)?(?:-\d\d)?$")
_QUARTER_VALUE = re.compile(r"^\d{4}-Q[1-4]$")
# a season, half or quarter of a year ("2011-SU", "2011-H1", "2011-Q3"): later expressions count
# from its year
_PART_OF_YEAR_VALUE = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI|H[12]|Q[1-4])$")
# entities whose names may contain date words ("Good Friday Agreement", "Theresa May")
_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT"})
# expressions that move the topic off the reported quarter
_NEW_PERIOD = frozenset({"duration", "whole_unit", "year", "month", "month_year", "relative_unit", "half"})
# "the quarter", "the latest quarter": the one reported ("the year-ago quarter" is compared with it)
_REPORTED_QUARTER = frozenset({"", "latest", "current", "recent"})
_ANAPHORIC = frozenset({"anaphoric_day", "ordinal_day"})
# expressions made of words written in lower case ("this week", "60 minutes", "noon"):
# capitalized inside a sentence, they are the name of a show, a film, a fund
_COMMON_WORD_KINDS = frozenset(
    {
        "relative_unit", "whole_unit", "duration", "half_duration", "vague_duration", "vague_period",
        "reference", "anaphoric_day", "ordinal_day", "part_of_day", "deictic_part", "that_unit",
        "the_year", "year_end", "weekend", "quarter_ref", "ago", "clock",
    }
)
# "(less) than forecast in", "as expected on": the time an estimate was made, compared with
_EARLIER_ESTIMATE = re.compile(
    r"\b(?:than|as)\s+(?:\w+ly\s+)?(?:forecast|predicted|estimated|projected)"
    r"\s+(?:in|on|at)\s+$",
    re.IGNORECASE,
)
_OPENERS = frozenset("\"'`“‘([:—–-")
# where a day dates something in the background of the narrative: a clause or phrase on a noun
# ("the war that began on ..."), an apposition; or the start of a state ("since")
_BACKGROUND_DEPS = frozenset({"relcl", "acl", "appos"})
_BACKGROUND_PREPS = frozenset({"since"})
# kinds whose value may count from the last day named rather than from publication
_COUNTS_FROM_REF = _ANAPHORIC | {"ago", "weekday", "relative_unit", "part_of_day", "clock"}


# adverbs placing an event before now ("recently", "previously"), which may instead date a
# participle that describes a noun
_PAST_ADVERBS = frozenset({"recently", "previously", "formerly", "lately"})


def _describes_noun_or_comparison(adverb: Token) -> bool:
    """The adverb dates a participle that describes a noun ("a plan previously announced", "the
    recently passed law", "a team, previously sent to ...") or a comparison ("as previously
    planned", "as was previously reported"): part of a description, not a time of the narrative."""
    head = adverb.head
    if head.tag_ != "VBN":
        return False
    if head.dep_ in ("amod", "acl"):
        return True
    return head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children)


def _compared(adverb: Token) -> bool:
    """ "most recently": the latest of a series of events, ordering them."""
    return any(c.dep_ == "advmod" and c.lower_ == "most" for c in adverb.children)


def _in_past_narrative(adverb: Token) -> bool:
    """The adverb's verb tells an event in the past tense, with no modal and no condition ("was soon
    released", "soon became"); "unless there were signs of progress soon" looks ahead."""
    verb = adverb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_ == "be" or any(a.tag_ == "MD" for a in auxes):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _wire_style_adverbial(span: Span) -> bool:
    """ "The ministers Friday signed ...": a day between the subject and its verb, which the
    parser reads as an apposition of the subject, dates the verb."""
    root = span.root
    if root.dep_ != "appos" or root.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head.head
    following = [t for t in span.doc[span.end : verb.i] if t.pos_ not in ("ADV", "AUX", "PART")]
    return verb.i >= span.end and not following


def _figurative_day(span: Span) -> bool:
    """ "Tomorrow" or "today" as a noun with an article or adjective ("a brighter tomorrow", "the
    today of ...") or after "of" ("the leaders of tomorrow") names an era, not a day."""
    if len(span) != 1 or span[0].lower_ not in ("today", "tomorrow") or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.lower_ == "of":
        return span[0].lower_ == "tomorrow"  # "as of today" is a day
    return prev.head.i == span[0].i and prev.dep_ in ("det", "amod", "poss")


def _capitals_in_lower_text(span: Span) -> bool:
    """Words written all in capitals in a sentence that is not: the name of a paper or a show."""
    letters = [c for c in span.text if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return False
    sent_letters = [c for c in span.sent.text if c.isalpha()]
    return sum(c.islower() for c in sent_letters) > len(sent_letters) / 2


def _after_possessive(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].tag_ == "POS"


def _counted_from_ref(cand: Candidate, type_: str) -> bool:
    """ "two days later", "a week earlier": a stretch of time (TimeML's value) counted from the day
    last named; its anchor is that day, from which the dating of events reads the day it points to."""
    return cand.kind == "ago" and type_ == "DURATION"


def _named_period(value: str) -> str | None:
    """The calendar period a DATE names, as "a year later" and "later that year" count from it: the
    value itself ("2011", "2011-03", "2011-03-14"), or the year of a season, half or quarter ("the summer of
    2011 ... a year later" is 2012)."""
    if _PERIOD_VALUE.match(value):
        return value
    part = _PART_OF_YEAR_VALUE.match(value)
    return part.group(1) if part else None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _quarter_begun(value: str, pub: date | None) -> bool:
    """A reported quarter, not a forecast one: it began before publication."""
    year, q = (int(x) for x in value.split("-Q"))
    return pub is None or (year, q) <= (pub.year, (pub.month - 1) // 3 + 1)


@annotator("time", assigns=("timexes",))
class TimeAnnotator:
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or Knowledge.from_env()
        self.vocab = load_vocabulary(self.knowledge)
        self.patterns = compile_patterns(self.vocab, self.knowledge)
        self.second_day = re.compile(self.knowledge.yaml("time_patterns.yaml")["second_day"])

    def __call__(self, document: Document, parsed: Doc) -> None:
        attach(parsed, self.knowledge)
        text = document.text
        pub = _parse_date(document.article.published)
        candidates = scan(text, self.patterns, lambda c: self._plausible(c, parsed, text))
        ref = pub
        ref_past = pub  # the last day named that is not after publication
        last_quarter: str | None = None
        last_period: str | None = None
        last_duration: str | None = None
        found: list[tuple[Candidate, Timex]] = []
        for cand in candidates:
            anchor_day = self._anchor_day(text, parsed, cand, pub, ref, ref_past)
            ctx = Context(
                pub=pub,
                ref=anchor_day,
                tense=lambda c=cand: self._tense(text, parsed, c),
                text=text,
                vocab=self.vocab,
                last_quarter=last_quarter,
                last_period=last_period,
                last_duration=last_duration,
                marked_future=lambda c=cand: marks_future(parsed, c.start, c.end, self.vocab),
            )
            result = NORMALIZERS[cand.kind](cand, ctx)
            if result is None:
                continue
            type_, value = result
            # what the value counts from: the day last named for "the day before" and "two days later"
            anchor = anchor_day if cand.kind in _ANAPHORIC or _counted_from_ref(cand, type_) else pub
            timex = Timex(
                text[cand.start : cand.end],
                cand.start,
                cand.end,
                type_,
                value,
                anchor.isoformat() if anchor else None,
            )
            found.append((cand, timex))
            pair = self._second_day(text, cand, value)
            if pair is not None:
                found.append(pair)
            day = _DAY_VALUE.match(value)
            moved_to = day_counted_to(cand, ctx, anchor_day) if _counted_from_ref(cand, type_) else None
            if moved_to is not None or (day and cand.kind != "clock" and self._narrative(parsed, cand)):
                ref = moved_to or date.fromisoformat(day.group(1))
                if pub is None or ref <= pub:
                    ref_past = ref
            if type_ == "DATE":
                last_period = _named_period(value) or last_period
            if type_ == "DURATION" and "X" not in value:
                last_duration = value
            if _QUARTER_VALUE.match(value) and self._reports_quarter(cand) and _quarter_begun(value, pub):
                last_quarter = value
            elif cand.kind in _NEW_PERIOD:
                last_quarter = None  # "in the nine months ... a year earlier" compares years
        self._place_clock_times(found, parsed, pub)
        document.timexes.extend(t for _, t in found)

    def _anchor_day(
        self,
        text: str,
        parsed: Doc,
        cand: Candidate,
        pub: date | None,
        ref: date | None,
        ref_past: date | None,
    ) -> date | None:
        """The day an anaphoric expression counts from: the last day named, except that a past-tense
        one ("the day before, they had met") does not count from a day still to come (a plan's date)."""
        if ref is None or pub is None or ref <= pub or cand.kind not in _COUNTS_FROM_REF:
            return ref
        return ref_past if self._tense(text, parsed, cand) == "past" else ref

    @staticmethod
    def _narrative(parsed: Doc, cand: Candidate) -> bool:
        """A day that dates what the text narrates, from which "the day before" and "two days later"
        count: not a day in the background, in a clause about something else ("the war that began on
        February 24, 2022", "since the war began on ...", "since March 3")."""
        span = parsed.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return True
        node = span.root
        if _wire_style_adverbial(span):
            return True
        for _ in range(12):
            if node.dep_ in _BACKGROUND_DEPS or (
                node.dep_ == "pobj" and node.head.lower_ in _BACKGROUND_PREPS
            ):
                return False
            if node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _BACKGROUND_PREPS for c in node.children
            ):
                return False  # "since the war began on February 24"
            if node.head is node or node.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
                return True
            node = node.head
        return True

    def _second_day(self, text: str, cand: Candidate, value: str) -> tuple[Candidate, Timex] | None:
        """ "April 24 and 25": the bare day after a month-day is a date of the same month."""
        if cand.kind != "month_day" or "year" in cand.groups or not _DAY_VALUE.fullmatch(value):
            return None
        m = self.second_day.match(text, cand.end)
        if m is None or not int(cand.groups["day"]) < int(m.group("day")) <= 31:
            return None
        try:
            d = date.fromisoformat(value).replace(day=int(m.group("day")))
        except ValueError:
            return None
        start, end = m.span("day")
        second = Candidate("month_day", start, end, {"day": m.group("day")}, cand.rank)
        return second, Timex(text[start:end], start, end, "DATE", d.isoformat(), value)

    @staticmethod
    def _reports_quarter(cand: Candidate) -> bool:
        """ "the third quarter", "the latest quarter": the quarter the report is about
        (not "the year-ago quarter", which is compared with it)."""
        if cand.kind == "quarter":
            return "year_back" not in cand.groups
        return (
            cand.kind == "quarter_ref"
            # "the 1988 quarter", "the quarter a year ago" are compared with the one reported
            and "year" not in cand.groups
            and "year_back" not in cand.groups
            and cand.groups.get("year_rel", "this").lower() == "this"
            and cand.groups.get("qref", "").lower() in _REPORTED_QUARTER
        )

    def _tense(self, text: str, parsed: Doc, cand: Candidate) -> str | None:
        cue = self._direction_cue(text, cand.start)
        if cue is None:
            return clause_tense(parsed, cand.start, cand.end, self.vocab)
        if cue == "future" and is_past_perfect(parsed, cand.start, cand.end):
            return None  # "had filed reports by Wednesday": a deadline already past, or not
        return cue

    def _direction_cue(self, text: str, start: int) -> str | None:
        """ "until Friday" lies ahead and "since May 16" behind, whatever the tense; a time of an
        estimate compared with ("less than forecast in July") is when it was made, before now."""
        if _EARLIER_ESTIMATE.search(text, max(0, start - 40), start):
            return "past"
        before = text[max(0, start - 12) : start].split()
        return self.vocab.direction_cues.get(before[-1].lower()) if before else None

    def _plausible(self, cand: Candidate, parsed: Doc, text: str) -> bool:
        """Context checks for matches that are often not times at all."""
        span = parsed.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return False
        # a name ends at its possessive: "Smith's 1995 return" is no name
        named = cand.kind not in ("month_day", "iso_date", "clock") and self._inside_name(span)
        if named and not (cand.kind == "year" and _after_possessive(span)):
            return False
        if cand.kind in _COMMON_WORD_KINDS and self._capitalized_name(span, whole=cand.kind != "clock"):
            return False  # ABC's "This Week", CBS's "60 Minutes", "High Noon"
        if cand.kind in _COMMON_WORD_KINDS - {"clock"} | {"deictic"} and _capitals_in_lower_text(span):
            return False  # "a USA TODAY poll": a name in capitals
        if cand.kind == "deictic" and _figurative_day(span):
            return False  # "a brighter tomorrow", "the world of tomorrow": the future, no day
        if cand.kind == "holiday" and self._names_a_thing(span):
            return False  # "Christmas trees", "Easter eggs"
        if cand.kind == "clock" and span[0].i > 0 and span.doc[span[0].i - 1].lower_ == "high":
            return False  # "high noon": the idiom of a showdown, no time of day
        if cand.kind == "duration" and share_of_quarters(cand, text, self.vocab):
            return False
        if cand.kind == "reference" and not self._temporal_reference(span):
            return False
        if cand.kind == "reference" and span.text.lower() == "current":
            return self._current_dates_noun(span)
        if (
            cand.kind == "set"
            and span.text.lower() in self.vocab.periodic_adjectives
            and self._attributive(span)
        ):
            return False  # "its quarterly dividend", "the Communist Party daily": not a recurrence
        if cand.kind == "year" and set(cand.groups) == {"year"}:
            return self._year_alone(span)
        if cand.kind == "month" and set(cand.groups) == {"month"}:
            word = cand.groups["month"]
            if len(word.rstrip(".")) <= 3 and word.lower() != "may":
                return False  # "Jan" alone is more often a name
            if word.lower() == "may":
                first = span[0]
                prev = parsed[first.i - 1] if first.i > 0 else None
                return prev is not None and prev.lower_ in self.vocab.month_may_cues
            if self._named_march(span):
                return False
        return True

    def _year_alone(self, span: Span) -> bool:
        """A bare four-digit number is a year where spaCy reads a date or a word before it says so
        ("in 2022", "since 1998"); after an article, a possessive or "for", only when no plural noun
        follows, which would make it a count ("a 2014 study", "his 1995 tax return", "for 2015";
        not "for 2000 people")."""
        first = span[0]
        doc = span.doc
        prev = doc[first.i - 1].lower_.replace("’", "'") if first.i > 0 else ""
        if first.ent_type_ == "DATE" or prev in self.vocab.year_cues:
            return True
        if prev not in self.vocab.year_modifier_cues:
            return False
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is None or not (nxt.tag_ in ("NNS", "NNPS", "CD") or nxt.lower_ in ("percent", "%"))

    def _names_a_thing(self, span: Span) -> bool:
        """A holiday right before a noun of the things named after it ("Christmas trees")."""
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ in self.vocab.holiday_things

    @staticmethod
    def _named_march(span: Span) -> bool:
        """ "the annual March for Life", "the March of the Mothers": a month name after
        an article and before "for" or "of" (not "of 2020") is a noun, a march."""
        doc = span.doc
        nxt = doc[span.end : span.end + 2]
        if (
            not len(nxt)
            or nxt[0].lower_ not in ("for", "of", "on", "against")
            or (len(nxt) > 1 and nxt[1].like_num)
        ):
            return False
        i = span.start - 1
        while i >= 0 and doc[i].is_quote:
            i -= 1
        return i >= 0 and (doc[i].tag_ == "DT" or doc[i].lower_ == "annual")

    @staticmethod
    def _capitalized_name(span: Span, whole: bool = True) -> bool:
        """Capitals where the words take none, in a sentence that is not a headline.

        The first word counts unless it opens a sentence or a quote; with `whole`
        false (clock times, whose time zones are capitalized), only the first word counts.
        """
        first = span[0]
        prev = span.doc[first.i - 1] if first.i > span.sent.start else None
        first_is_name = (
            first.is_alpha and first.text[0].isupper() and prev is not None and prev.text[-1] not in _OPENERS
        )
        later_is_name = whole and any(t.is_alpha and t.text[0].isupper() for t in span[1:])
        if not (first_is_name or later_is_name):
            return False
        # a title-case headline capitalizes every longer word
        return any(t.is_alpha and len(t) > 3 and t.text[0].islower() for t in span.sent)

    @staticmethod
    def _temporal_reference(span: Span) -> bool:
        """ "as soon as", "soon after" and "a previously announced plan" are links
        between events or parts of a noun phrase, not times."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        word = span.text.lower()
        if (
            word == "soon"
            and nxt is not None
            and nxt.lower_ in ("as", "after", "before", "afterward", "afterwards")
        ):
            return False
        if word == "soon" and prev is not None and prev.lower_ == "as":
            return False
        if word == "the past" and nxt is not None and (nxt.like_num or nxt.pos_ == "NOUN"):
            return False  # "in the past nine elections": an adjective of what is counted, not the past
        if word == "soon" and _in_past_narrative(span.root):
            return False  # "he was soon released": shortly after the last event told, not the future
        if word in _PAST_ADVERBS and (_describes_noun_or_comparison(span.root) or _compared(span.root)):
            return False
        adjectival = (
            nxt is not None and nxt.tag_ == "VBN" and prev is not None and prev.tag_ in ("DT", "PRP$", "POS")
        )
        return not (word == "previously" and adjectival)

    def _current_dates_noun(self, span: Span) -> bool:
        """The adjective "current" places what its noun names at the present ("the current talks",
        "its current chief", TimeML's PRESENT_REF), unless the pair is a term ("the current account")
        or "then" moves the present into the past ("the then current price")."""
        word = span[0]
        doc = span.doc
        if word.tag_ != "JJ" or word.dep_ not in ("amod", "compound"):
            return False
        prev = doc[word.i - 1] if word.i > 0 else None
        if prev is not None and prev.lower_ == "then":
            return False
        nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
        return (
            word.head.i > word.i
            and nxt is not None
            and nxt.lower_ not in self.vocab.current_not_time
        )

    @staticmethod
    def _attributive(span: Span) -> bool:
        """An adjective before its noun, or a noun itself ("its initial quarterly")."""
        root = span.root
        if root.pos_ in ("NOUN", "PROPN"):
            return True
        return root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i

    @staticmethod
    def _inside_name(span: Span) -> bool:
        """Part of a longer name ("Good Friday Agreement") or a person ("Theresa May")."""
        ents = {(t.ent_type_, t.ent_iob_) for t in span}
        if not all(label in _NAME_ENTS for label, _ in ents):
            return False
        doc = span.doc
        ent_start, ent_end = span.start, span.end
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        # a possessive the entity took in ("Today's") makes no longer name
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I" and doc[ent_end].tag_ != "POS":
            ent_end += 1
        return span[0].ent_type_ == "PERSON" or ent_start < span.start or ent_end > span.end

    def _place_clock_times(self, found: list[tuple[Candidate, Timex]], parsed: Doc, pub: date | None) -> None:
        """A clock time without its own day takes the nearest day named in its sentence."""
        if pub is None:
            return
        for cand, timex in found:
            if cand.kind != "clock" or "dayword" in cand.groups:
                continue
            sent = parsed.char_span(cand.start, cand.end, alignment_mode="expand")
            if sent is None:
                continue
            lo, hi = sent.sent.start_char, sent.sent.end_char
            best: tuple[int, str] | None = None
            for other_cand, other in found:
                if other is timex or other_cand.kind == "clock" or not (lo <= other.start < hi):
                    continue
                day = _DAY_VALUE.match(other.value or "")
                if not day:
                    continue
                # prefer the day right after ("1500 GMT on Saturday") over one before
                distance = (
                    other.start - timex.end
                    if other.start >= timex.end
                    else 2 * (timex.start - other.end) + 10
                )
                if best is None or distance < best[0]:
                    best = (distance, day.group(1))
            if best is not None and timex.value:
                timex.value = best[1] + timex.value[10:]
