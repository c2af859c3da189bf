"""Stage 6, date and place: when the action happened (the time layer's dates, read by `dating.py`)
and where, and whether talks were held through a third party."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....document import Planned
from ..candidates import all_content
from ..clauses import mediated
from ..dating import event_date
from ..modality import location
from .trigger import reported_fact

if TYPE_CHECKING:
    from ..draft import Context, Draft

__all__ = ["RULES"]


def the_time_layer_dates_the_action(draft: Draft, ctx: Context) -> bool:
    """The date of the timex governing the clause, else of the report, else the narrative's (see
    `dating.py`); a timex on the action's own content dates it too, one on an action it judges not."""
    content = frozenset(sub.tok.i for sub in all_content(draft.cand) if not reported_fact(sub, ctx.lex))
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
    """A place named with "in"/"at" in the clause, else in the action's content ("proposed holding
    talks in CITY")."""
    draft.place = location(draft.tok)
    for sub in all_content(draft.cand):
        draft.place = draft.place or location(sub.tok)
    return draft.place is not None


def _sides(draft: Draft) -> set[str | None]:
    return draft.codes("source") | draft.codes("target")


def talks_brokered_by_another_are_third_party(draft: Draft, ctx: Context) -> bool:
    """Talks that someone other than the sides hosts, chairs or brokers ("held in CITY, hosted by N.",
    "A-brokered talks") are third-party consultations."""
    if draft.type != "CONSULT" or len(_sides(draft)) < 2 or not mediated(draft.tok, ctx.lex.mediator_verbs):
        return False
    draft.mode = "third-party"
    return True


def talks_in_a_third_country_are_third_party(draft: Draft, ctx: Context) -> bool:
    """Talks between two sides held in a third state are third-party consultations."""
    place, sides = draft.place, _sides(draft)
    if draft.type != "CONSULT" or draft.mode is not None or place is None or not place.country:
        return False
    if len(sides) < 2 or place.country in sides:
        return False
    draft.mode = "third-party"
    return True


def a_plan_keeps_its_date_and_place_as_planned(draft: Draft, ctx: Context) -> bool:
    """An action still to come keeps the date and place it is planned for."""
    if not draft.plan_date and not (draft.modality == "future" and draft.place is not None):
        return False
    draft.planned, draft.place = Planned(date=draft.plan_date, location=draft.place), None
    return True


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
    a_plan_keeps_its_date_and_place_as_planned,
    hosted_talks_are_third_party,
)
