"""Stage 6, date and place: when the action happened (the time layer's dates, read by `dating.py`)
and where, whether talks were held through a third party or among many, and, for an action still to
come, what is planned, for which day and where (`Planned`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....document import Planned
from ....knowledge import knowledge_of
from ....periods import last_day
from ...syntax import clause_chain, own_subject
from ..candidates import all_content, direct_content
from ..clauses import mediated
from ..dating import event_date, intent_types
from ..modality import destination, location
from ..slots import noun_doers
from .trigger import reported_fact

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ....document import Actor, Location
    from ..candidates import Candidate
    from ..draft import Context, Draft

__all__ = ["RULES", "planned_action"]

CONSULT_MODES = frozenset({"phone", "visit", "third-party", "multilateral"})
# sectors and kinds of an actor that is a bloc of states: talks it holds are multilateral
BLOC_SECTORS = frozenset({"IGO"})
STILL_TO_COME = frozenset({"future", "hypothetical"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _content_words(sub: Candidate) -> tuple[int, ...]:
    """A content trigger, and the verb it is the subject of ("proposed that talks be held on June 2")."""
    tok = sub.tok
    return (tok.i, tok.head.i) if tok.dep_ in ("nsubj", "nsubjpass") else (tok.i,)


def the_time_layer_dates_the_action(draft: Draft, ctx: Context) -> bool:
    """The date of the timex governing the clause, else of the report, else the narrative's (see
    `dating.py`); a timex on the action's own content dates it too, one on an action it judges not."""
    content = frozenset(
        i for sub in all_content(draft.cand) if not reported_fact(sub, ctx.lex) for i in _content_words(sub)
    )
    draft.date, draft.plan_date, draft.inferred = event_date(
        draft.tok,
        draft.modality,
        content,
        ctx.state,
        ctx.document,
        ctx.lex,
        narrate=not reported_fact(draft.cand, ctx.lex),
    )
    return bool(draft.date or draft.plan_date)


def the_place_named_in_the_clause(draft: Draft, ctx: Context) -> bool:
    """A place named with "in"/"at" in the clause, or the place a visit goes to ("visited CITY", "a
    trip to A"); else the place of the action's content ("proposed holding talks in CITY")."""
    draft.content_place = next(
        (p for sub in all_content(draft.cand) if (p := location(sub.tok, below=draft.tok))), None
    )
    own = location(draft.tok) or _destination(draft, ctx)
    if own is not None and draft.content_place is not None and own.name == draft.content_place.name:
        own = None  # ("agreed to meet in C": the place of the meeting, reached through the infinitive)
    draft.place = own or draft.content_place
    return draft.place is not None


def _destination(draft: Draft, ctx: Context) -> Location | None:
    """Where a visit goes ("visited CITY", "a trip to A"), or the journey that talks are the purpose of
    ("will travel to CITY for talks")."""
    if draft.frame.mode == "visit":
        found = destination(draft.tok)
        if found is not None:
            return found
    chain = clause_chain(draft.tok)[1:]
    journey = next((n for n in chain if n.lemma_.lower() in ctx.lex.purpose_verbs), None)
    return destination(journey) if journey is not None and draft.frame.type == "CONSULT" else None


def _sides(draft: Draft) -> set[str | None]:
    return draft.codes("source") | draft.codes("target")


def _in_a_third_state(place: Location | None, sides: set[str | None]) -> bool:
    return place is not None and bool(place.country) and len(sides) > 1 and place.country not in sides


def _at_one_sides_home(place: Location | None, draft: Draft) -> bool:
    """A place in the state of one side and not of the other: the other side is visiting."""
    if place is None or not place.country or not draft.target:
        return False
    return (place.country in draft.codes("source")) != (place.country in draft.codes("target"))


def _many_or_a_bloc(draft: Draft) -> bool:
    """More than two states, or a bloc of states, among the sides."""
    sides = draft.source + draft.target
    return len({a.country for a in sides if a.country}) > 2 or any(a.sector in BLOC_SECTORS for a in sides)


def talks_brokered_by_another_are_third_party(draft: Draft, ctx: Context) -> bool:
    """Talks that someone other than the sides hosts, chairs or brokers ("held in CITY, hosted by N.",
    "A-brokered talks") are third-party consultations."""
    if draft.type != "CONSULT" or len(_sides(draft)) < 2 or not mediated(draft.tok, ctx.lex.mediator_verbs):
        return False
    draft.mode = "third-party"
    return True


def talks_in_a_third_country_are_third_party(draft: Draft, ctx: Context) -> bool:
    """Talks between two sides held in a third state are third-party consultations."""
    if draft.type != "CONSULT" or draft.mode is not None or not _in_a_third_state(draft.place, _sides(draft)):
        return False
    draft.mode = "third-party"
    return True


def talks_at_one_sides_home_are_a_visit(draft: Draft, ctx: Context) -> bool:
    """Talks held in the state of one side are the other side's visit (PLOVER CONSULT `visit`)."""
    if draft.type != "CONSULT" or draft.mode is not None or not _at_one_sides_home(draft.place, draft):
        return False
    draft.mode = "visit"
    return True


def talks_among_many_or_of_a_bloc_are_multilateral(draft: Draft, ctx: Context) -> bool:
    """Talks of more than two states, or of a bloc (an alliance, an IGO), that no third party hosts are
    multilateral consultations (PLOVER: a meeting in a multilateral context)."""
    if draft.type != "CONSULT" or draft.mode in ("third-party", "phone") or not _many_or_a_bloc(draft):
        return False
    draft.mode = "multilateral"
    return True


def _deed_committed_to(draft: Draft, ctx: Context) -> Candidate | None:
    """The deed a promise, an offer, an agreement or a threat commits to ("agreed to meet", "offered to
    host talks", "vowed to strike"): what such an intent plans."""
    if draft.type not in intent_types(knowledge_of(ctx.parsed)):
        return None
    # (an intent of the trigger's own kind is the same one: "signed an accord", "accepted the offer")
    return next(
        (
            sub
            for sub in direct_content(draft.cand)
            if sub.frame.type != draft.frame.type and not reported_fact(sub, ctx.lex)
        ),
        None,
    )


def _hosted_content(sub: Candidate, ctx: Context) -> Candidate | None:
    """Talks that a verb of hosting or brokering carries ("offered to host a meeting between A and B")."""
    if sub.tok.lemma_.lower() not in ctx.lex.mediator_verbs:
        return None
    return next((c for c in sub.content if c.frame.type == "CONSULT"), None)


def _doers_of(sub: Candidate, ctx: Context) -> list[Actor]:
    """The coded actors a deed's own phrase names as its doers ("that A and B hold talks", "talks between
    A and B"), if it names any."""
    found = []
    if sub.tok.pos_ in ("NOUN", "PROPN"):
        found = noun_doers(sub.tok, ctx.refs, sub.frame.mutual, brokers=ctx.lex.broker_words)
    if not found:  # the subject of the deed's own clause, not climbing to the intent's
        verb = sub.tok if sub.tok.pos_ in ("VERB", "AUX") else sub.tok.head
        subj, passive = own_subject(verb)
        found = ctx.refs.named(subj) if subj is not None and not passive else []
    return [a for a in found if a.country]


def planned_action(
    draft: Draft, ctx: Context, content: Candidate | None, place: Location | None
) -> tuple[str, str | None]:
    """What is planned: the deed an intent commits to ("agreed to meet": a meeting), else the action the
    clause reports, as it was before an announced action was coded as its promise ("will visit": a
    visit). Planned talks are third-party when someone else hosts or proposes them or they are held in
    a third state, multilateral among many or in a bloc."""
    if content is None:
        etype, mode = draft.action or (draft.type, draft.mode)
    else:
        hosted = _hosted_content(content, ctx)
        etype, mode = (hosted or content).frame.type, (hosted or content).frame.mode
    if etype != "CONSULT":
        return etype, mode
    doers = {a.country for a in _doers_of(content, ctx)} if content is not None else set()
    proposer_outside = bool(doers) and not draft.codes() & doers
    sides = doers or _sides(draft)
    if (
        draft.hosted
        or mediated(draft.tok, ctx.lex.mediator_verbs)
        or (content is not None and _hosted_content(content, ctx) is not None)
        or proposer_outside
        or _in_a_third_state(place, sides)
    ):
        return etype, "third-party"
    if _many_or_a_bloc(draft):
        return etype, "multilateral"
    if _at_one_sides_home(place, draft):
        return etype, "visit"
    return etype, mode if mode in CONSULT_MODES else None


def _never_before(day: str | None, published: str | None) -> str | None:
    """A plan's day, unless it is over before the article was published (a plan lies ahead)."""
    if day is None or published is None:
        return day
    return day if (last_day(day) or day) >= published else None


def a_plan_keeps_its_date_and_place_as_planned(draft: Draft, ctx: Context) -> bool:
    """An action still to come keeps the day and place it is planned for, and what it is (see
    `planned_action`); so does an intent made now for a deed to come on a day or at a place of its own
    ("agreed on Tuesday to meet in C next week": the agreement is Tuesday's, the meeting is planned).
    A refusal or a denial plans nothing, nor does any other action done now (a call for talks is no plan)."""
    if draft.modality == "negated" or draft.refusal:
        return False
    content = _deed_committed_to(draft, ctx)
    if draft.modality in STILL_TO_COME:
        if not draft.plan_date and not (draft.modality == "future" and draft.place is not None):
            return False
        place, draft.place = draft.place, None
    elif content is not None:
        if not draft.plan_date and draft.content_place is None:
            return False
        place = draft.content_place
        draft.place = None if draft.place is draft.content_place else draft.place
    elif draft.plan_date and not direct_content(draft.cand):
        place, draft.place = draft.place, None  # "talks on June 2": an action whose own day lies ahead
    else:
        draft.plan_date = None
        return False
    etype, mode = planned_action(draft, ctx, content, place)
    day = _never_before(draft.plan_date, ctx.document.article.published)
    draft.planned = Planned(date=day, location=place, type=etype, mode=mode)
    draft.plan_sides = _plan_sides(draft, ctx, content, etype)
    return True


def _plan_sides(draft: Draft, ctx: Context, content: Candidate | None, etype: str) -> list[Actor]:
    """Who is to carry out a plan: the doers its deed's own phrase names, else the event's sides (both,
    for talks and mutual deeds)."""
    named = _doers_of(content, ctx) if content is not None else []
    if named:
        return named
    both = etype == "CONSULT" or draft.mutual or draft.joint
    return draft.source + draft.target if both else list(draft.source)


def _definite(tok: Token) -> bool:
    """ "the talks", "this meeting", "the next round of talks": an action noun that points back."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def a_plan_told_again_gives_it_its_day_and_place(draft: Draft, ctx: Context) -> bool:
    """ "proposed that A and B hold talks in C ... the talks could begin on Monday": a definite action
    still to come, of the kind and by the sides of a plan told before, is that plan: it gives the plan
    the day and place it lacked, and is no record of its own (a plan for another day is another plan)."""
    action = (draft.action or (draft.type, draft.mode))[0]
    if not draft.is_noun or draft.mood not in STILL_TO_COME or not _definite(draft.tok):
        return False
    codes = _sides(draft)
    day = _never_before(draft.plan_date, ctx.document.article.published)
    for planned, sides in reversed(ctx.state.plans):
        if planned.type != action or not codes or not codes <= {a.country for a in sides}:
            continue
        if planned.date and day and planned.date != day:
            return False
        planned.date = planned.date or day
        planned.location = planned.location or draft.place
        third = _in_a_third_state(planned.location, codes)
        if planned.type == "CONSULT" and planned.mode is None and third:
            planned.mode = "third-party"
        return draft.drop()
    return False


def hosted_talks_are_third_party(draft: Draft, ctx: Context) -> bool:
    """Talks that are the object of a third party's hosting (trigger stage) are third-party."""
    if not draft.hosted:
        return False
    draft.mode = "third-party"
    return True


RULES = (
    the_time_layer_dates_the_action,
    the_place_named_in_the_clause,
    talks_brokered_by_another_are_third_party,
    talks_in_a_third_country_are_third_party,
    talks_at_one_sides_home_are_a_visit,
    a_plan_told_again_gives_it_its_day_and_place,
    a_plan_keeps_its_date_and_place_as_planned,
    hosted_talks_are_third_party,
    talks_among_many_or_of_a_bloc_are_multilateral,
)
