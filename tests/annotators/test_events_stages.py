"""The event stages one by one: each test runs a trigger's draft up to one stage and checks what
that stage's rules decided (and that the trace names them). Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.annotators.events import EventAnnotator
from communique.document import Article


@pytest.fixture(scope="module")
def stage(pipeline):
    """stage(text, trigger, until) -> the Draft of the trigger word `trigger` after stage `until`."""
    annotator = EventAnnotator()

    def run(text: str, trigger: str, until: str, published: str = "2025-05-28", media: str | None = None):
        parsed = pipeline.nlp(text)
        document = pipeline.annotate_parsed(Article(id="t", text=text, published=published), parsed)
        for actor in document.actors:
            if actor.country == media:
                actor.kind = "media"  # as the actors layer marks a news outlet
        ctx, scan, _ = annotator.context(document, parsed)
        cand = next(c for c in scan.cands.values() if c.tok.text == trigger)
        return annotator.run_stages(cand, ctx, until)

    return run


def codes(actors) -> list[str | None]:
    return sorted(a.country for a in actors)


def fired(draft, rule: str) -> bool:
    return any(step.endswith("." + rule) for step in draft.trace)


# ---------------------------------------------------------------- trigger


def test_trigger_a_deed_governed_by_another_is_its_content(stage):
    draft = stage("Chile agreed to release the fishermen.", "release", "trigger")
    assert draft.dropped and fired(draft, "a_trigger_governed_by_another_is_its_content")


def test_trigger_a_deed_condemned_is_reported_too(stage):
    draft = stage("Chile condemned the Bolivian attack on the border post.", "attack", "trigger")
    assert not draft.dropped and fired(draft, "an_action_judged_is_also_reported")


# ---------------------------------------------------------------- frame


def test_frame_an_action_in_a_condition_is_no_action(stage):
    draft = stage("Chile will retaliate if Peru arrests the fishermen.", "arrests", "frame")
    assert draft.dropped and fired(draft, "a_condition_or_an_aim_is_not_an_action")


def test_frame_a_vow_to_strike_is_a_threat(stage):
    draft = stage("Chile vowed to strike the rebel camps.", "vowed", "frame")
    assert draft.type == "THREATEN" and fired(draft, "the_content_sets_type_and_mode")


def test_frame_failing_to_agree_refuses_the_terms(stage):
    draft = stage("Chile and Peru failed to agree on the fishing quotas.", "agree", "frame")
    assert draft.type == "REJECT" and draft.mood == "asserted"
    assert fired(draft, "failing_to_agree_is_refusing_the_terms")


def test_frame_announcing_one_will_not_attend_is_a_refusal(stage):
    draft = stage("Peru will not attend the talks in Quito.", "talks", "frame")
    assert draft.type == "REJECT" and draft.refusal


def test_frame_a_noun_predicated_of_a_thing_judges_it(stage):
    draft = stage("Chile said the new quota was a threat.", "threat", "frame")
    assert draft.type == "ACCUSE" and fired(draft, "a_noun_predicated_of_a_thing_judges_it")


# ---------------------------------------------------------------- participants


def test_participants_a_passive_by_phrase_is_the_doer(stage):
    draft = stage("Peru was criticised by Chile over the quotas.", "criticised", "participants")
    assert codes(draft.source) == ["CHL"] and codes(draft.target) == ["PER"]
    assert fired(draft, "a_passive_verbs_by_phrase_is_the_doer")


def test_participants_a_participle_on_a_noun_swaps_giver_and_receiver(stage):
    draft = stage("The Peruvian envoy, received by the Chilean president, handed over a letter.",
                  "received", "participants")
    assert codes(draft.source) == ["CHL"] and codes(draft.target) == ["PER"]
    assert fired(draft, "a_participle_on_a_noun_is_done_to_that_noun")


def test_participants_a_visit_named_as_a_setting_is_made_by_the_clauses_subject(stage):
    draft = stage("During a visit to Peru, the Chilean foreign minister praised the new port.",
                  "visit", "participants")
    assert codes(draft.source) == ["CHL"] and codes(draft.target) == ["PER"]
    assert fired(draft, "a_meeting_named_as_a_clauses_setting_is_its_subjects")


def test_participants_a_light_noun_is_done_by_its_verbs_subject(stage):
    draft = stage("Chile imposed sanctions on Peru.", "sanctions", "participants")
    assert codes(draft.source) == ["CHL"] and codes(draft.target) == ["PER"]


# ---------------------------------------------------------------- roles


def test_roles_a_news_outlet_is_never_a_side(stage):
    draft = stage("Chile accused Peru of spying.", "accused", "roles", media="PER")
    assert "PER" not in codes(draft.target) + codes(draft.source)
    assert fired(draft, "a_news_outlet_is_never_a_side")


def test_roles_the_doers_own_state_is_no_target(stage):
    draft = stage("The Chilean navy warned that Chile would defend its waters.", "warned", "roles")
    assert "CHL" not in codes(draft.target)


def test_roles_talks_with_no_partner_named_are_no_record(stage):
    draft = stage("Chile held talks on Monday.", "talks", "roles")
    assert draft.dropped and fired(draft, "talks_need_a_partner")


def test_roles_an_unnamed_target_is_the_nearest_other_party_of_the_sentence(stage):
    draft = stage("After Peru closed the border, Chile complained bitterly.", "complained", "roles")
    assert not draft.dropped
    assert codes(draft.target) == ["PER"] and fired(draft, "an_unnamed_target_is_the_nearest_other_party")


def test_roles_a_protest_aimed_at_no_one_acts_on_its_own_state(stage):
    draft = stage("Thousands of Chilean teachers demonstrated in Santiago.", "demonstrated", "roles")
    assert codes(draft.source) == ["CHL"] and codes(draft.target) == ["CHL"]


# ---------------------------------------------------------------- modality


def test_modality_an_announced_aid_delivery_is_a_promise(stage):
    draft = stage("Chile will send aid to Peru next week.", "send", "modality")
    assert draft.type == "AGREE" and draft.modality == "future"
    assert fired(draft, "an_announced_action_is_a_promise_or_a_threat")


def test_modality_a_conditional_sanction_threat_is_made_now(stage):
    draft = stage("Chile could impose sanctions on Peru if the talks fail.", "sanctions", "modality")
    assert draft.type == "THREATEN" and draft.modality == "asserted"


# ---------------------------------------------------------------- date and place, coding


def test_date_and_place_talks_in_a_third_state_are_third_party(stage):
    draft = stage("Chile and Peru held talks in Madrid on Monday.", "talks", "date_and_place")
    assert draft.mode == "third-party" and draft.date == "2025-05-26"
    assert fired(draft, "talks_in_a_third_country_are_third_party")


def test_coding_talks_are_mutual(stage):
    draft = stage("Chile and Peru held talks in Madrid on Monday.", "talks", "coding")
    assert draft.mutual and fired(draft, "a_symmetric_action_is_mutual")


# ---------------------------------------------------------------- trace and --explain


def test_every_event_carries_its_trace_into_the_json(annotate):
    doc = annotate("Chile accused Peru of spying on Tuesday.")
    event = next(e for e in doc.events if e.type == "ACCUSE")
    assert "participants.an_active_verbs_subject_does_it" in event.trace
    assert doc.to_dict()["events"][0]["trace"] == event.trace


def test_explain_prints_each_event_with_its_rules(annotate):
    from communique.cli.annotate import explain_events

    text = explain_events(annotate("Peru was criticised by Chile over the quotas."))
    assert "ACCUSE/disapprove CHL -> PER" in text
    assert "a_passive_verbs_by_phrase_is_the_doer" in text


def test_roles_a_state_and_its_own_rebels_are_two_sides(stage):
    draft = stage("Sudanese troops attacked Sudanese rebels near the border on Monday.", "attacked", "roles")
    assert codes(draft.source) == ["SDN"] and codes(draft.target) == ["SDN"]


def test_roles_a_group_acting_on_an_institution_of_its_own_state_is_a_same_state_dyad(stage):
    draft = stage("Striking Bolivian miners attacked police units in eastern Bolivia.", "attacked", "roles")
    assert codes(draft.source) == ["BOL"] and codes(draft.target) == ["BOL"]


def test_roles_a_joint_action_of_two_sides_of_one_state_is_a_dyad_within_it(stage):
    draft = stage("The Chadian army and Chadian rebels agreed to a truce on Monday.", "agreed", "roles")
    assert codes(draft.source) == ["TCD"] and codes(draft.target) == ["TCD"]
    assert draft.source[0] is not draft.target[0] and draft.mutual_sides


def test_frame_a_could_in_one_clause_does_not_reach_a_coordinated_clause_with_its_own_subject(stage):
    draft = stage(
        "Peru could close the border, and Chile expelled the Peruvian ambassador.", "expelled", "frame"
    )
    assert draft.mood == "asserted"


def test_frame_a_noun_that_sets_the_scene_keeps_its_own_mood(stage):
    draft = stage(
        "Chile could impose sanctions after the Peruvian attack on its border post.", "attack", "frame"
    )
    assert draft.mood == "asserted"
    draft = stage("Chile could impose sanctions after the Peruvian attack on its border post.", "sanctions",
                  "frame")
    assert draft.mood == "hypothetical"


def test_modality_a_future_term_of_a_deal_keeps_its_type(stage):
    draft = stage("Under the new accord, Chile will release forty Peruvian fishermen next week.", "release",
                  "modality")
    assert draft.type == "RETREAT" and draft.modality == "future" and draft.term


def test_modality_terms_a_joint_statement_announces_keep_their_type(stage):
    draft = stage("A joint statement said Chile would free twelve Peruvian sailors.", "free", "modality")
    assert draft.type == "RETREAT" and draft.modality == "future"


def test_modality_a_promise_outside_any_deal_is_still_an_agreement(stage):
    draft = stage("Chile will release forty Peruvian fishermen next week.", "release", "modality")
    assert draft.type == "AGREE" and not draft.term


def test_frame_a_warning_that_only_quotes_words_threatens_nothing(stage):
    draft = stage(
        '"This is only the first step of a long road," warned the Chilean envoy.', "warned", "frame"
    )
    assert draft.dropped and fired(draft, "a_warning_that_only_quotes_words_threatens_nothing")


def test_frame_a_quoted_warning_of_force_is_still_a_threat(stage):
    draft = stage('"We will strike back at Peru," warned the Chilean defence minister.', "warned", "frame")
    assert not draft.dropped and draft.type == "THREATEN"


def test_roles_doers_who_attack_together_act_on_someone_else(stage):
    draft = stage(
        "Chilean and Peruvian jets bombed the camps of Bolivian rebels on Monday.", "bombed", "roles"
    )
    assert not draft.joint and codes(draft.target) == ["BOL"]


def test_roles_fighting_between_two_sides_is_their_joint_action(stage):
    draft = stage("The fighting between Chile and Peru resumed on Monday.", "fighting", "roles")
    assert draft.joint and codes(draft.source) == ["CHL", "PER"]


def test_roles_a_deed_known_only_by_its_place_is_aimed_at_home_when_its_sentence_names_no_one(stage):
    text = ("Chile and Peru signed a water deal on Monday. Argentina praised the deal. "
            "In Lima, witnesses reported heavy shelling on Tuesday.")
    draft = stage(text, "shelling", "roles", published="2025-05-28")
    assert draft.placed and codes(draft.source) == ["PER"] and codes(draft.target) == ["PER"]


def test_roles_rejecting_the_idea_is_aimed_at_whoever_proposed_it(annotate):
    doc = annotate("Peru proposed a joint border patrol on Monday. Bolivia welcomed the plan, but Chile "
                   "rejected the idea.")
    event = next(e for e in doc.events if e.type == "REJECT")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]
    assert "roles.a_definite_object_points_to_its_author" in event.trace


def test_frame_a_noun_made_generic_names_no_action(stage):
    draft = stage("Chile said any attack on its ships would be answered.", "attack", "frame")
    assert draft.dropped and fired(draft, "a_noun_made_generic_names_no_action")
    draft = stage("Chile condemned the attack on its ships.", "attack", "frame")
    assert not draft.dropped


def test_frame_an_infinitive_on_a_noun_names_a_possibility(stage):
    draft = stage("Chile said there was no reason to meet the Peruvian envoy.", "meet", "frame")
    assert draft.dropped and fired(draft, "an_infinitive_on_a_noun_names_a_possibility")


def test_frame_an_infinitive_on_a_noun_of_intent_is_a_commitment(stage):
    draft = stage(
        "Chile announced its decision to withdraw troops from the Peruvian border.", "withdraw", "frame"
    )
    assert not draft.dropped


def test_roles_a_mediator_announcing_the_sides_truce_concedes_nothing(stage):
    text = ("Norway, which has mediated between the two sides, announced a truce between Chile and Peru on "
            "Monday.")
    draft = stage(text, "announced", "roles")
    assert draft.dropped and fired(draft, "a_mediator_does_not_make_the_sides_concessions")
    draft = stage("Chile announced a truce on Monday.", "announced", "roles")
    assert not draft.dropped and draft.type == "CONCEDE"


def test_frame_a_deed_carried_by_an_infinitive_on_a_noun_is_a_possibility_too(stage):
    draft = stage("Chile said there was a real chance to reach a truce with Peru.", "truce", "frame")
    assert draft.dropped and fired(draft, "an_infinitive_on_a_noun_names_a_possibility")


# ---------------------------------------------------------------- wrong records on untuned text


def test_frame_seeking_a_person_is_a_search_not_a_request(stage):
    draft = stage("A Peruvian man was sought by the police in Quito.", "sought", "frame")
    assert draft.dropped and fired(draft, "seeking_a_person_is_searching_for_them")


def test_frame_seeking_help_is_still_a_request(stage):
    draft = stage("Peru sought Chilean military help on Monday.", "sought", "frame")
    assert not draft.dropped and draft.type == "REQUEST"


def test_frame_refusing_an_everyday_act_of_ones_own_rejects_no_one(stage):
    draft = stage("A Peruvian driver refused to give his name to Chilean officers.", "refused", "frame")
    assert draft.dropped and fired(draft, "refusing_an_act_of_ones_own_rejects_no_one")


def test_frame_refusing_a_deed_between_parties_is_still_a_rejection(stage):
    draft = stage("Peru refused to release the Chilean fishermen.", "refused", "frame")
    assert not draft.dropped and draft.type == "REJECT"


def test_modality_a_deed_coordinated_onto_an_agreement_is_agreed_now(stage):
    text = "Peru and Chile agreed to a truce and to meet again next month."
    draft = stage(text, "meet", "modality")
    assert (draft.type, draft.mode, draft.modality) == ("AGREE", "meet", "asserted")
    assert fired(draft, "a_promise_joined_to_a_promise_is_made_when_it_is")


def test_modality_a_deed_coordinated_onto_a_future_agreement_stays_future(stage):
    text = "Peru will agree to a truce and to meet Chile next month."
    draft = stage(text, "meet", "modality")
    assert draft.modality == "future"


def test_frame_announcing_a_truce_between_others_concedes_nothing(stage):
    text = "The Chilean foreign minister announced a truce between Peru and Bolivia on Friday."
    draft = stage(text, "announced", "roles")
    assert draft.dropped and fired(draft, "announcing_a_truce_between_others_concedes_nothing")


def test_frame_announcing_ones_own_truce_is_still_a_concession(stage):
    draft = stage("Peru announced a truce with Bolivia on Friday.", "announced", "roles")
    assert not draft.dropped and draft.type == "CONCEDE"
