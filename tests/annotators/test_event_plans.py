"""Plans (annotators/events/stages/date_and_place.py): an action the text says is still to come keeps
the action planned (PLOVER type and mode), its day and its place, whether the record is the action
announced ("will visit") or an intent made now to do it ("agreed to meet"). Past actions plan nothing,
and no plan is for a day over before the article was published. Sentences written for these tests;
places are real cities, people and talks are invented."""

from __future__ import annotations

import pytest

from communique.annotators.events import EventAnnotator
from communique.annotators.events.stages.date_and_place import _never_before
from communique.document import Article, Document
from communique.periods import last_day
from event_checks import codes

# 2025-05-28 is a Wednesday: "Thursday" is 05-29, "Friday" 05-30, "Monday" 06-02, "next week" 2025-W23.
PUBLISHED = "2025-05-28"


def plans_of(doc) -> list:
    return [e for e in doc.events if e.planned is not None]


def the_plan(doc):
    plans = plans_of(doc)
    assert len(plans) == 1, [(e.type, e.trigger, e.planned) for e in doc.events]
    return plans[0]


@pytest.fixture(scope="module")
def stage(pipeline):
    """stage(text, trigger, until) -> the Draft of the trigger word after stage `until`."""
    annotator = EventAnnotator()

    def run(text: str, trigger: str, until: str = "date_and_place", published: str = PUBLISHED):
        parsed = pipeline.nlp(text)
        document = pipeline.annotate_parsed(Article(id="t", text=text, published=published), parsed)
        ctx, scan, _ = annotator.context(document, parsed)
        cand = next(c for c in scan.cands.values() if c.tok.text == trigger)
        return annotator.run_stages(cand, ctx, until)

    return run


# ---------------------------------------------------------------- the action announced


def test_a_visit_announced_plans_a_visit_to_the_place_it_goes(annotate):
    event = the_plan(annotate("Chile's president will visit Peru on Friday.", published=PUBLISHED))
    assert (event.type, event.modality) == (
        "AGREE",
        "future",
    )  # the record is the promise (the gold's reading)
    planned = event.planned
    assert (planned.type, planned.mode, planned.date) == ("CONSULT", "visit", "2025-05-30")
    assert planned.location is not None and planned.location.country == "PER"


def test_a_signing_announced_plans_a_signing_in_the_capital_named(annotate):
    doc = annotate(
        "Chile and Peru reached a trade deal on Monday. The accord will be signed in Lima on Thursday.",
        published=PUBLISHED,
    )
    event = the_plan(doc)
    assert codes(event.source) == ["CHL", "PER"] and event.modality == "future"
    planned = event.planned
    assert (planned.type, planned.date, planned.location.name) == ("AGREE", "2025-05-29", "Lima")
    assert planned.location.country == "PER" and planned.location.lat is not None
    deal = next(e for e in doc.events if e.modality == "asserted")
    assert deal.planned is None and deal.date == "2025-05-26"


def test_talks_scheduled_for_a_day_in_a_third_state_are_third_party_talks(annotate):
    event = the_plan(
        annotate("Talks between Chile and Peru are scheduled for Monday in Geneva.", published=PUBLISHED)
    )
    planned = event.planned
    assert (planned.type, planned.mode, planned.date) == ("CONSULT", "third-party", "2025-06-02")
    assert (planned.location.name, planned.location.country) == ("Geneva", "CHE")
    assert event.location is None  # the talks have not been held anywhere yet


def test_the_next_round_held_on_a_date_is_planned_for_that_date(annotate):
    text = "The next round of talks between Chile and Peru will be held in Istanbul on June 2."
    planned = the_plan(annotate(text, published=PUBLISHED)).planned
    assert (planned.type, planned.date, planned.location.name) == ("CONSULT", "2025-06-02", "Istanbul")


def test_two_leaders_expected_to_meet_next_week_plan_a_meeting_that_week(annotate):
    doc = annotate(
        "Chile's president met Peru's president in Lima on Monday. "
        "The two leaders are expected to meet again next week.",
        published=PUBLISHED,
    )
    event = the_plan(doc)
    assert codes(event.source + event.target) == ["CHL", "PER"]
    assert (event.planned.type, event.planned.date) == ("CONSULT", "2025-W23")


def test_a_summit_of_three_states_is_planned_as_multilateral_talks(annotate):
    text = "Leaders of Chile, Peru and Bolivia will hold a summit in La Paz on June 15."
    planned = the_plan(annotate(text, published=PUBLISHED)).planned
    assert (planned.type, planned.mode, planned.date, planned.location.country) == (
        "CONSULT",
        "multilateral",
        "2025-06-15",
        "BOL",
    )


def test_a_journey_for_talks_plans_a_visit_to_where_it_goes(annotate):
    text = (
        "The Peruvian foreign minister is expected to travel to Santiago next week "
        "for talks with Chilean officials."
    )
    event = the_plan(annotate(text, published=PUBLISHED))
    assert codes(event.source) == ["PER"]  # the one expected to travel goes: not the one acted upon
    planned = event.planned
    assert (planned.type, planned.mode, planned.date, planned.location.name) == (
        "CONSULT",
        "visit",
        "2025-W23",
        "Santiago",
    )


def test_a_release_announced_plans_a_release(annotate):
    text = "Chile will release 20 Peruvian fishermen on Saturday, the foreign ministry said."
    event = the_plan(annotate(text, published=PUBLISHED))
    assert (event.planned.type, event.planned.mode, event.planned.date) == (
        "RETREAT",
        "release",
        "2025-05-31",
    )


def test_an_exchange_to_go_on_next_week_plans_a_release_by_both_sides(annotate):
    doc = annotate(
        "Chile and Peru agreed to a prisoner swap on Monday. "
        "The two sides will exchange prisoners next week, Chile's defence ministry said.",
        published=PUBLISHED,
    )
    event = the_plan(doc)
    assert codes(event.source + event.target) == ["CHL", "PER"]
    assert (event.planned.type, event.planned.mode, event.planned.date) == ("RETREAT", "release", "2025-W23")


def test_a_blocs_leaders_meeting_again_plan_their_own_meeting_with_no_partner(annotate):
    doc = annotate(
        "European Union leaders imposed new sanctions on Russia on Thursday. Moscow condemned the "
        "move. The leaders will meet again in Brussels on June 19.",
        published=PUBLISHED,
    )
    event = the_plan(doc)
    assert (
        codes(event.source) == ["EU"] and event.target == []
    )  # "the leaders" are the bloc's, met among themselves
    planned = event.planned
    assert (planned.type, planned.mode, planned.date, planned.location.name) == (
        "CONSULT",
        "multilateral",
        "2025-06-19",
        "Brussels",
    )


def test_a_blocs_ministers_who_met_among_themselves_met_no_partner(annotate):
    doc = annotate("European Union foreign ministers met in Brussels on Monday.", published=PUBLISHED)
    assert not [e for e in doc.events if e.type == "CONSULT"], [(e.type, codes(e.target)) for e in doc.events]


# ---------------------------------------------------------------- an intent made now for a deed to come


def test_an_agreement_to_meet_is_made_now_and_plans_the_meeting(annotate):
    event = the_plan(
        annotate("Chile and Peru agreed on Tuesday to meet again in Quito on June 10.", published=PUBLISHED)
    )
    assert (event.type, event.modality, event.date) == ("AGREE", "asserted", "2025-05-27")
    planned = event.planned
    assert (planned.type, planned.date, planned.location.name) == ("CONSULT", "2025-06-10", "Quito")
    assert event.location is None  # Quito is where they will meet, not where they agreed


def test_a_meeting_coordinated_onto_an_agreement_is_still_to_come(annotate):
    doc = annotate("Chile and Peru agreed to a truce and to meet again in Quito.", published=PUBLISHED)
    assert not [e for e in doc.events if e.type == "CONSULT" and e.modality == "asserted"]
    assert any(e.type == "AGREE" for e in doc.events)


def test_a_deed_coordinated_onto_an_agreed_infinitive_is_still_to_come(annotate):
    doc = annotate("Chile agreed to ease its export controls and continue supplying copper to Peru.",
                   published=PUBLISHED)
    assert not [e for e in doc.events if e.type == "AID" and e.modality == "asserted"]
    assert any(e.type == "AGREE" for e in doc.events)


def test_a_proposal_of_talks_in_a_clause_plans_those_talks(annotate):
    text = "Chile proposed on Tuesday that talks with Peru be held in Geneva on June 9."
    event = the_plan(annotate(text, published=PUBLISHED))
    assert event.type == "AGREE" and event.date == "2025-05-27"
    assert (event.planned.type, event.planned.date, event.planned.location.name) == (
        "CONSULT",
        "2025-06-09",
        "Geneva",
    )


def test_an_offer_to_host_talks_between_others_plans_third_party_talks(annotate):
    event = the_plan(
        annotate("Peru offered to host talks between Chile and Bolivia in Lima.", published=PUBLISHED)
    )
    assert (event.planned.type, event.planned.mode, event.planned.location.name) == (
        "CONSULT",
        "third-party",
        "Lima",
    )


def test_readiness_for_a_new_round_in_a_city_is_not_aimed_at_the_city(annotate):
    doc = annotate(
        "Peru rejected Chile's border proposal on Monday. Chile said it was ready to hold a new round "
        "of talks with Peru in Quito next week.",
        published=PUBLISHED,
    )
    event = the_plan(doc)
    assert codes(event.source) == ["CHL"] and "ECU" not in codes(event.target)
    assert (event.planned.type, event.planned.mode, event.planned.date, event.planned.location.name) == (
        "CONSULT",
        "third-party",
        "2025-W23",
        "Quito",
    )


def test_a_proposal_for_two_other_states_to_talk_is_third_party(annotate):
    text = "Brazil proposed that Chile and Peru hold talks in Brasilia."
    event = the_plan(annotate(text, published=PUBLISHED))
    assert (event.planned.type, event.planned.mode) == ("CONSULT", "third-party")


# ---------------------------------------------------------------- what plans nothing


@pytest.mark.parametrize(
    "text",
    [
        "Chile's foreign minister met his Peruvian counterpart in Lima on Monday.",
        "Chile and Peru signed a trade accord in Lima on Tuesday.",
        "Peru released 20 Chilean fishermen on Saturday.",
        "Chile and Peru held talks in Geneva last week.",
    ],
)
def test_an_action_done_plans_nothing(annotate, text):
    doc = annotate(text, published=PUBLISHED)
    assert doc.events and not plans_of(doc), [(e.type, e.planned) for e in doc.events]


def test_a_signing_done_keeps_its_place_as_where_it_happened(annotate):
    event = annotate("Chile and Peru signed a trade accord in Lima on Tuesday.", published=PUBLISHED).events[
        0
    ]
    assert event.location is not None and event.location.name == "Lima" and event.planned is None


def test_a_call_for_talks_next_week_is_no_plan(annotate):
    doc = annotate("Peru called for talks with Chile next week.", published=PUBLISHED)
    assert any(e.type == "REQUEST" for e in doc.events) and not plans_of(doc)


def test_a_refusal_to_attend_plans_nothing(annotate):
    doc = annotate("Peru will not attend the summit in Lima on June 5.", published=PUBLISHED)
    assert not plans_of(doc), [(e.type, e.planned) for e in doc.events]


PLAN_SENTENCES = [
    "Chile's president will visit Peru on Friday.",
    "Talks between Chile and Peru are scheduled for Monday in Geneva.",
    "Chile and Peru agreed on Tuesday to meet again in Quito on June 10.",
    "Chile said on Tuesday it would free 20 Peruvian fishermen next week.",
    "The Chilean envoy will meet his Peruvian counterpart later this month.",
    "Peru and Bolivia will sign the border treaty on Thursday, officials said on Monday.",
]


@pytest.mark.parametrize("text", PLAN_SENTENCES)
def test_a_plans_day_is_never_over_before_its_article_was_published(annotate, text):
    doc = annotate(text, published=PUBLISHED)
    plans = plans_of(doc)
    assert plans, [(e.type, e.date) for e in doc.events]
    for event in plans:
        assert event.planned.date is not None and last_day(event.planned.date) >= PUBLISHED


def test_a_day_over_before_publication_is_kept_out_of_a_plan():
    assert _never_before("2025-05-24", PUBLISHED) is None
    assert _never_before("2025-W22", PUBLISHED) == "2025-W22"  # the week under way is not over
    assert _never_before("2025-05-28", PUBLISHED) == "2025-05-28"
    assert _never_before("2025-W21", PUBLISHED) is None


# ---------------------------------------------------------------- the stage, rule by rule


def test_stage_the_plan_rule_is_in_the_trace(stage):
    draft = stage("Chile and Peru will hold talks in Geneva on Monday.", "talks")
    assert any(step.endswith(".a_plan_keeps_its_date_and_place_as_planned") for step in draft.trace)
    assert draft.action == ("CONSULT", None) and draft.type == "AGREE"
    assert (draft.planned.type, draft.planned.mode, draft.planned.date) == (
        "CONSULT",
        "third-party",
        "2025-06-02",
    )


def test_stage_talks_held_at_one_sides_home_are_a_visit(stage):
    draft = stage("Chile's foreign minister held talks in Lima with Peru's president on Monday.", "talks")
    assert draft.type == "CONSULT" and draft.mode == "visit"
    assert any(step.endswith(".talks_at_one_sides_home_are_a_visit") for step in draft.trace)


def test_stage_talks_of_a_bloc_are_multilateral(stage):
    draft = stage("The foreign ministers of Chile, Peru, Bolivia and Ecuador held talks on Monday.", "talks")
    assert draft.type == "CONSULT" and draft.mode == "multilateral"


# ---------------------------------------------------------------- the record


def test_a_plan_round_trips_through_json_and_old_json_still_loads(annotate):
    doc = annotate("Talks between Chile and Peru are scheduled for Monday in Geneva.", published=PUBLISHED)
    data = doc.to_dict()
    planned = next(e["planned"] for e in data["events"] if e.get("planned"))
    assert (planned["type"], planned["mode"], planned["date"]) == ("CONSULT", "third-party", "2025-06-02")
    assert Document.from_dict(data).events[0].planned == doc.events[0].planned
    for event in data["events"]:  # JSON written before the planned action was recorded
        if event.get("planned"):
            event["planned"] = {"date": event["planned"]["date"], "location": event["planned"]["location"]}
    old = Document.from_dict(data).events[0].planned
    assert (old.date, old.location.name, old.type, old.mode) == ("2025-06-02", "Geneva", None, None)


# ---------------------------------------------------------------- a plan told over two sentences


def test_the_day_given_to_a_proposed_plan_later_completes_it(annotate):
    doc = annotate(
        "Brazil proposed on Tuesday that Chile and Peru hold talks in Brasilia. "
        "The talks could begin on June 9, Brazil's foreign minister said.",
        published=PUBLISHED,
    )
    event = the_plan(doc)  # one plan, not a second record for "the talks"
    assert codes(event.source) == ["BRA"]
    planned = event.planned
    assert (planned.type, planned.mode, planned.date, planned.location.name) == (
        "CONSULT",
        "third-party",
        "2025-06-09",
        "Brasilia",
    )


def test_the_place_given_to_an_agreed_plan_later_completes_it(annotate):
    doc = annotate(
        "Chile and Peru agreed on Tuesday to hold talks next month. "
        "The talks will take place in Quito, officials said.",
        published=PUBLISHED,
    )
    planned = the_plan(doc).planned
    assert (planned.date, planned.location.name, planned.mode) == ("2025-06", "Quito", "third-party")


def test_talks_told_again_for_another_day_are_another_plan(annotate):
    doc = annotate(
        "Chile and Peru agreed on Tuesday to hold talks in Lima on June 3. "
        "The talks will continue in Quito on June 20.",
        published=PUBLISHED,
    )
    assert sorted((e.planned.date, e.planned.location.name) for e in plans_of(doc)) == [
        ("2025-06-03", "Lima"),
        ("2025-06-20", "Quito"),
    ]
