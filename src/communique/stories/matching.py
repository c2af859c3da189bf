"""Whether an event reports a story: its day, its sides, its place and its words against the story's.

Plain functions over an `EventKey`, the report's lead words and a story's profile (a dict
kept in the `stories` table, see `linking.profile_of`); no database here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import config
from .profile import BACKGROUND, CENTRAL, EventKey, Report, days_between
from .words import similarity

Profile = dict[str, Any]
LEAD_DAYS = 1  # reports alike in their leads are one news when published this many days apart at most


def expand(codes: Iterable[str]) -> frozenset[str]:
    """Codes with the member states of the organisations among them ("EU" also reads as its members)."""
    members = config.members()
    out = set(codes)
    for code in list(out):
        out |= members.get(code, frozenset())
    return frozenset(out)


def organisations_of(codes: Iterable[str]) -> frozenset[str]:
    """The organisations any of `codes` belongs to (to find a story told with the organisation's name)."""
    codes = set(codes)
    return frozenset(org for org, states in config.members().items() if codes & states)


def overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two sides share an actor: the same state or organisation, or a state and an organisation it is in."""
    a, b = frozenset(a), frozenset(b)
    return bool(a & b) or bool(expand(a) & expand(b) - {""}) if a and b else False


def sides_match(key: EventKey, story: Profile) -> bool:
    """Whether the event and the story are about the same parties.

    In a directed family (one side striking, sanctioning or condemning another), the sources must
    share an actor when both reports name one, else the targets must: a strike back is another
    event. Otherwise the parties count together, whoever each outlet says moved first."""
    mine = [*key.sources, *key.targets]
    directed = config.is_directed(key.family) and config.is_directed(story["family"])
    # a joint action ("X and Y agreed") has no one acting on another: its parties count together
    if directed and key.targets and not story.get("joint"):
        if key.sources and story["sources"]:
            return overlap(key.sources, story["sources"])
        if key.targets and story["targets"]:
            return overlap(key.targets, story["targets"])
    if overlap(mine, story["codes"]):
        return True
    return bool(set(key.names) & set(story["names"])) and not (mine and story["codes"])


def place_conflict(key: EventKey, story: Profile) -> bool:
    """The event happened in another country than every place the story's reports give."""
    countries = {c for _, c in story["places"] if c}
    return bool(key.place_country and countries and key.place_country not in countries)


def _comparable_leads(key: EventKey, report: Report, story: Profile) -> list[tuple[str, bool, list[str]]]:
    """(article id, central, words) of the story's reports whose headline and lead can vouch for this event.

    A report's own lead says nothing about whether another of its events is the same; two leads
    alike tell the same news only when they come out the same day or the next; and outside the
    lead, a plan, a condition or a denial (future, hypothetical, negated) is not that news."""
    if key.role != CENTRAL and key.facts.get("modality", "asserted") != "asserted":
        return []
    out = []
    for article_id, central, published, words in story["leads"]:
        if article_id == report.article_id:
            continue
        if report.published and published and abs(days_between(report.published, published)) > LEAD_DAYS:
            continue
        out.append((article_id, central, words))
    return out


def score(key: EventKey, report: Report, story: Profile, leads_seen: dict[str, float] | None = None) -> float:
    """How well the event reports the story, 0 when it does not (below the thresholds).

    The news of a report is told in its headline and lead. An event of a family the story belongs
    to is one with it when their sentences are alike, or when the headline and lead of its report
    are alike to another report's of the story, or when it is a meeting of the same parties on the
    same day; one of the two must be the news of its report. Two events both told only in the body
    of their reports are one only when their sentences are very close. Central events coded in
    unrelated families ("welcomed the leaders for the signing" and "signed") are one only when the
    leads are close. A background event joins only on close words."""
    if not sides_match(key, story) or place_conflict(key, story):
        return 0.0
    seen = leads_seen if leads_seen is not None else {}

    def lead_to(article_id: str, words: list[str]) -> float:  # one report's lead meets many stories
        if article_id not in seen:
            seen[article_id] = similarity(report.lead, words)
        return seen[article_id]

    related = bool(set(key.families) & set(story["families"]))
    others = [e for e in story["evidence"] if e[0] != report.article_id]
    evidence = max((similarity(key.words, words) for _, _, words in story["evidence"]), default=0.0)
    if key.role == BACKGROUND:  # a look back places its event only when it names the day
        placed = key.facts.get("to_the_day") and any(
            abs(days_between(key.day or "", d)) <= LEAD_DAYS for d in story.get("days", [])
        )
        return evidence if related and placed and evidence >= config.threshold("background") else 0.0
    leads = _comparable_leads(key, report, story)
    if not related:
        if key.role != CENTRAL:
            return 0.0
        close = max((lead_to(a, w) for a, central, w in leads if central), default=0.0)
        return close if close >= config.threshold("cross_family") else 0.0
    if others and key.role != CENTRAL and not any(central for _, central, _ in others):
        body = max((similarity(key.words, words) for _, _, words in others), default=0.0)
        return body if body >= config.threshold("body") else 0.0
    best = evidence if evidence >= config.threshold("evidence") else 0.0
    lead = max((lead_to(a, w) for a, _, w in leads), default=0.0)
    if lead >= config.threshold("lead"):
        best = max(best, lead)
    if not best and (_same_meeting(key, story) or _same_headline_act(key, story, others)):
        best = config.threshold("lead")
    return best


def _same_meeting(key: EventKey, story: Profile) -> bool:
    """The same set of two or more parties meeting on the same day or the next, told as having happened
    (a meeting held, not one agreed or asked for)."""
    parties = {*key.sources, *key.targets}
    return (
        key.type in config.one_a_day(key.family)
        and key.type in story["types"]
        and len(parties) >= 2
        and parties == set(story["codes"])
        and key.facts.get("modality", "asserted") == "asserted"
        and bool(key.day)
        and any(abs(days_between(key.day, day)) <= LEAD_DAYS for day in story.get("days", []))
    )


def _same_headline_act(key: EventKey, story: Profile, others: list[list[Any]]) -> bool:
    """The news of this report and of another report of the story is one party acting on another in the
    same directed family, the same sides on the same day: one event, however differently the outlets
    word it ("struck", "the missile attacks it condemned"). A strike back or a third party's act has
    other sides, a look back or a plan is not the news of its report, an act the report does not date
    itself may be a habit or an old one, and an act in another town is another act."""
    places = {name for name, _ in story["places"] if name}
    return (
        key.role == CENTRAL
        and bool(key.facts.get("date_words") and key.facts.get("to_the_day"))
        and not (key.place and places and key.place not in places)
        and config.is_directed(key.family)
        and config.is_directed(story["family"])
        and not story.get("joint")
        and bool(key.sources and key.targets and key.day)
        and sorted(set(key.sources)) == story["sources"]
        and sorted(set(key.targets)) == story["targets"]
        and key.day in story.get("days", [])
        and key.facts.get("modality", "asserted") == "asserted"
        and any(central for _, central, _ in others)
    )
