"""Per-article state of the event annotator: quoted speakers, actors by frequency, the narrative's dates."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...document import Actor, Document, Planned


class ArticleState:
    """Per-document state: quoted speakers, the actors by frequency."""

    def __init__(self, document: Document):
        counts: Counter[str] = Counter()
        for actor in document.actors:
            if actor.country:
                counts[actor.country] += len(actor.mentions)
        self.by_frequency = [code for code, _ in counts.most_common()]
        self.mentions = counts  # how often each code is mentioned in the article
        self.trigger_ids: frozenset[int] = frozenset()
        self.trigger_types: dict[int, str] = {}  # trigger token -> its frame's type
        self.last_of_type: dict[str, str] = {}  # the last date the text gave an action of each type
        self.opening_end: int | None = None  # where the headline and lead end, found once
        self.sections: list | None = None  # the article's date headings and what they govern, found once
        self.last_date: tuple[int, str] | None = None
        self.story_date: str | None = None
        self.inferred: set[int] = set()  # events dated by the narrative, not by their own clause
        self.sentence_starts: list[int] = []  # in text order
        self.timex_index = None  # dating.TimexIndex of the document's timexes, built on first use
        self.recent: list[tuple[frozenset[str], list[Actor]]] = []  # (types, doers) of actions so far
        self.plans: list[tuple[Planned, list[Actor]]] = []  # the plans told so far, with who is to act
        self.sides: list[Actor] = []  # the last sides that dealt with each other (talks, a deal, a fight)
        self.foes: dict[str, set[str]] = {}  # state code -> the states it was told fighting, either way
        by_id = {a.id: a for a in document.actors}
        # quoted words act for their speaker ("Well done to both of you," the president wrote)
        self.quoted: list[tuple[int, int, Actor]] = [
            (q.start, q.end, by_id[q.speaker.actor_id])
            for q in document.quotes
            if q.speaker is not None and q.speaker.actor_id in by_id and by_id[q.speaker.actor_id].country
        ]
        self.actors_by_code: dict[str, Actor] = {}
        for actor in sorted(document.actors, key=lambda a: -len(a.mentions)):
            if actor.country:
                self.actors_by_code.setdefault(actor.country, actor)

    def dated(self, sentence_start: int, date: str, etype: str | None = None) -> None:
        self.last_date = (sentence_start, date)
        if etype:
            self.last_of_type[etype] = date

    def recent_date(self, sentence_start: int) -> str | None:
        """The last event date, if given in this sentence or the one or two before it."""
        if self.last_date is None:
            return None
        # sentence starts in (last date's sentence, this one], by bisection: a scan per event was quadratic
        starts = self.sentence_starts
        gap = bisect_right(starts, sentence_start) - bisect_right(starts, self.last_date[0])
        return self.last_date[1] if gap <= 2 else None

    def last_doer(self, types: frozenset[str], exclude: set[str | None]) -> list[Actor]:
        """The doers of the last action of these types told so far, other than `exclude`."""
        for kinds, doers in reversed(self.recent):
            others = [a for a in doers if a.country not in exclude]
            if kinds & types and others:
                return others
        return []

    def speaker_at(self, offset: int) -> list[Actor]:
        for start, end, actor in self.quoted:
            if start <= offset < end:
                return [actor]
        return []
