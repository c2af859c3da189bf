"""Events: PLOVER coding of actions, their sides, modality, dates and one record per action."""

from __future__ import annotations

import pytest

from event_checks import codes, find


def test_accusing_verb_codes_subject_as_source_and_object_as_target(annotate):
    doc = annotate("France accused Germany of violating the trade agreement.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["FRA"]
    assert codes(event.target) == ["DEU"]
    assert event.modality == "asserted"


def test_passive_accusation_takes_source_from_the_by_phrase(annotate):
    doc = annotate("Germany was accused by France of spying on its ministries.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["FRA"]
    assert codes(event.target) == ["DEU"]


def test_talks_held_by_coordinated_subject_are_one_joint_consult_with_place_and_date(annotate):
    doc = annotate("France and Germany held talks in Paris on Monday.", published="2025-05-28")
    event = find(doc, "CONSULT")
    assert codes(event.source) == ["DEU", "FRA"]
    assert event.target == []
    assert event.mutual
    assert event.date == "2025-05-26"
    assert event.location is not None and event.location.country == "FRA"


def test_phone_call_with_a_minister_is_a_phone_consult(annotate):
    doc = annotate("France's president discussed trade in a phone call with Japan on Wednesday.")
    event = find(doc, "CONSULT")
    assert set(codes(event.source) + codes(event.target)) == {"FRA", "JPN"}
    assert event.mode == "phone"


def test_agreeing_to_carry_out_an_exchange_is_one_agreement_not_a_release(annotate):
    doc = annotate("India and Pakistan agreed to carry out a prisoner exchange.")
    assert [e.type for e in doc.events] == ["AGREE"]
    event = doc.events[0]
    assert codes(event.source) == ["IND", "PAK"]
    assert event.mutual


def test_reported_future_aid_is_the_promise_of_the_embedded_subject(annotate):
    doc = annotate("Poland said Japan would send humanitarian aid to Ukraine.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["JPN"]
    assert codes(event.target) == ["UKR"]
    assert event.modality == "future"


def test_did_not_impose_sanctions_is_negated(annotate):
    doc = annotate("France did not impose sanctions on Germany.")
    event = find(doc, "SANCTION")
    assert event.modality == "negated"


def test_stopped_short_of_imposing_sanctions_is_negated(annotate):
    doc = annotate("France stopped short of imposing new sanctions on Germany.")
    event = find(doc, "SANCTION")
    assert event.modality == "negated"


def test_future_meeting_is_an_agreement_to_meet_with_a_planned_date(annotate):
    doc = annotate("France will meet Germany on June 2.", published="2025-05-28")
    event = find(doc, "AGREE")
    assert event.mode == "meet"
    assert event.modality == "future"
    assert event.planned is not None and event.planned.date == "2025-06-02"
    assert event.date is None


def test_conditional_sanctions_are_a_threat_and_the_threat_is_made(annotate):
    doc = annotate("France could impose sanctions on Germany if the talks stall.")
    event = find(doc, "THREATEN")
    assert event.modality == "asserted"  # the sanctions are possible; the threat is a fact
    assert codes(event.source) == ["FRA"] and codes(event.target) == ["DEU"]


def test_reported_obligation_is_the_speakers_request_not_the_subjects_retreat(annotate):
    doc = annotate("Poland said that Ukraine must withdraw its forces from the border.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["POL"] and codes(event.target) == ["UKR"]
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_backing_a_proposal_targets_the_proposals_author(annotate):
    doc = annotate("Ukraine has backed France's proposal for a ceasefire.")
    event = find(doc, "SUPPORT")
    assert codes(event.source) == ["UKR"] and codes(event.target) == ["FRA"]


def test_the_same_action_reported_twice_is_one_event_with_two_mentions(annotate):
    doc = annotate("France criticized Germany on Monday. Later that day, France criticized Germany again.")
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    assert len(accusations) == 1
    assert len(accusations[0].mentions) == 2


@pytest.mark.parametrize(
    ("sentence", "etype", "mode"),
    [
        ("Egypt condemned the attack by Israel.", "ACCUSE", "disapprove"),
        ("Poland rejected Germany's demands.", "REJECT", None),
        ("Spain welcomed Italy's decision.", "SUPPORT", None),
        ("Japan urged India to release the fishermen.", "REQUEST", None),
        ("Israeli soldiers arrested dozens of Egyptian traders.", "COERCE", "arrest"),
    ],
)
def test_frames_code_type_and_mode(annotate, sentence, etype, mode):
    event = find(annotate(sentence), etype)
    assert event.mode == mode


def test_events_carry_cameo_quad_class_and_goldstein(annotate):
    event = find(annotate("France accused Germany of spying."), "ACCUSE")
    assert event.cameo == "111"
    assert event.quad_class == 3
    assert event.goldstein == -2.0


def test_both_sides_refers_to_the_parties_of_the_last_joint_action(annotate):
    doc = annotate("India and Pakistan held talks on Monday. Both sides agreed to release prisoners.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["IND", "PAK"]


def test_outsiders_acting_together_act_on_the_parties_of_the_conflict(annotate):
    doc = annotate(
        "India and Pakistan held talks on Monday. Japan and France offered to assist in the negotiations."
    )
    event = find(doc, "AGREE")
    assert codes(event.source) == ["FRA", "JPN"]
    assert codes(event.target) == ["IND", "PAK"]


def test_accusing_each_other_is_a_joint_accusation(annotate):
    doc = annotate("India and Pakistan blame each other for the border clashes.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["IND", "PAK"]
    assert event.target == [] and event.mutual


def test_anti_adjective_names_the_target_of_sanctions(annotate):
    doc = annotate("France adopted fresh anti-Japanese sanctions on Friday.")
    event = find(doc, "SANCTION")
    assert codes(event.source) == ["FRA"]
    assert codes(event.target) == ["JPN"]


def test_condemning_an_attack_also_reports_the_attack(annotate):
    doc = annotate("Egypt condemned the Israeli attack on Gaza on Monday.")
    assert {e.type for e in doc.events} >= {"ACCUSE", "ASSAULT"}


def test_action_in_a_condition_clause_is_no_event(annotate):
    doc = annotate("Japan will send aid unless France imposes sanctions on Germany.")
    assert not [e for e in doc.events if e.type in ("SANCTION", "THREATEN") and codes(e.source) == ["FRA"]]


def test_announcing_one_will_not_take_part_in_talks_is_a_refusal_to_meet(annotate):
    doc = annotate("Poland said it would not join the negotiations with Germany.")
    event = find(doc, "REJECT")
    assert event.mode == "meet"
    assert codes(event.source) == ["POL"]


def test_demonym_group_acts_for_its_state_when_no_actor_covers_it(annotate):
    doc = annotate("Israeli soldiers arrested dozens of Egyptian traders on Monday.")
    event = find(doc, "COERCE")
    assert codes(event.source) == ["ISR"] and codes(event.target) == ["EGY"]


def test_pronoun_subject_of_a_reported_clause_is_the_reporter(annotate):
    doc = annotate("Japan said on Monday that it had expelled two Polish diplomats.")
    event = find(doc, "SANCTION")
    assert codes(event.source) == ["JPN"] and codes(event.target) == ["POL"]


def test_proposed_talks_carry_the_planned_place_and_date(annotate):
    doc = annotate("Poland proposed holding further talks with Germany in Istanbul on June 2.",
                   published="2025-05-28")
    event = find(doc, "AGREE")
    assert event.mode == "meet"
    assert event.planned is not None and event.planned.date == "2025-06-02"
    assert event.planned.location is not None and event.planned.location.country == "TUR"
    assert event.planned.location.lat is not None


def test_talks_in_a_third_country_are_third_party_consultations(annotate):
    doc = annotate("India and Pakistan held talks in Istanbul on Monday.")
    event = find(doc, "CONSULT")
    assert event.mode == "third-party"


def test_unilateral_ceasefire_declaration_is_a_concession(annotate):
    doc = annotate("Egypt declared a unilateral ceasefire in Libya on Saturday.")
    event = find(doc, "CONCEDE")
    assert codes(event.source) == ["EGY"]


def test_evidence_points_into_the_document_text(annotate):
    doc = annotate("France and Germany held talks on Monday. Poland rejected Germany's demands.")
    assert doc.events
    for event in doc.events:
        assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text
        assert event.trigger and event.trigger in event.evidence.text


def test_hoping_that_others_will_act_is_an_appeal_to_them(annotate):
    doc = annotate("Egypt said it hoped that Israel would respect the ceasefire.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["EGY"] and codes(event.target) == ["ISR"]


# ---------------------------------------------------------------- dates


def test_a_timex_on_the_agreements_content_dates_the_agreement(annotate):
    doc = annotate("The leaders of Chile and Peru agreed to a truce on Monday.", published="2025-07-28")
    assert find(doc, "AGREE").date == "2025-07-28"


def test_a_reported_past_action_takes_the_date_of_the_report_not_of_its_terms(annotate):
    doc = annotate("Norway said Wednesday that Chile and Peru had agreed to a truce starting on Sunday.",
                   published="2025-01-16")
    event = find(doc, "AGREE")
    assert event.date == "2025-01-15"


def test_an_undated_narrated_action_happened_on_the_day_the_lead_gives(annotate):
    doc = annotate(
        "Chile and Peru signed a border treaty on Tuesday.\n\nLater, Chile accused Bolivia of spying.",
        published="2025-05-28",
    )
    assert find(doc, "ACCUSE").date == "2025-05-27"


def test_an_undated_action_in_an_undated_story_happened_on_the_dateline_day(annotate):
    doc = annotate("Chile accused Bolivia of spying on its ministries.", published="2025-05-28")
    assert find(doc, "ACCUSE").date == "2025-05-28"


def test_an_ongoing_or_vaguely_dated_action_gets_no_date(annotate):
    doc = annotate("Chile has been shelling Peru since 2022. Peru has recently criticized Bolivia.",
                   published="2025-05-28")
    assert all(e.date is None for e in doc.events), [(e.type, e.date) for e in doc.events]


def test_a_timex_in_a_clause_on_the_content_dates_only_that_content(annotate):
    doc = annotate(
        "Norway and Sweden discussed the outcome of the negotiations held on May 2.", published="2025-06-03"
    )
    consult = [e for e in doc.events if e.type == "CONSULT" and "NOR" in codes(e.source + e.target)]
    assert consult and consult[0].date != "2025-05-02"


# ---------------------------------------------------------------- settings, hosts, judgements


def test_talks_after_which_an_agreement_came_do_not_make_it_an_agreement_to_meet(annotate):
    doc = annotate("Chile and Peru agree on a prisoner swap after talks in Lima.")
    event = find(doc, "AGREE")
    assert event.mode != "meet"
    assert codes(event.source) == ["CHL", "PER"]


def test_talks_hosted_by_a_third_party_are_third_party_consultations_between_the_parties(annotate):
    doc = annotate(
        "Delegations from Chile and Peru met in Lima on Monday, hosted by Norwegian Foreign Minister "
        "Espen Barth Eide."
    )
    event = find(doc, "CONSULT")
    assert event.mode == "third-party"
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_calling_a_thing_an_ultimatum_is_criticism_not_a_request(annotate):
    doc = annotate('Peru sent Chile a draft treaty. "This is not a document for peace, it is an ultimatum," '
                   "Chilean President Gabriel Boric said.")
    assert not [e for e in doc.events if e.type == "REQUEST"]
    assert codes(find(doc, "ACCUSE").source) == ["CHL"]


def test_a_response_promised_on_a_condition_is_a_threat_made_against_the_condition_subject(annotate):
    doc = annotate('"If Peru keeps stalling, we will respond differently," Chilean President Gabriel Boric '
                   "said on Wednesday.", published="2025-05-28")
    event = find(doc, "THREATEN")
    assert codes(event.source) == ["CHL"]
    assert codes(event.target) == ["PER"]
    assert event.modality == "asserted"
    assert event.date == "2025-05-28"


def test_a_response_without_a_condition_is_no_threat(annotate):
    doc = annotate("Chile responded to the letter from Peru.")
    assert not [e for e in doc.events if e.type == "THREATEN"]


def test_a_conditional_abandonment_of_talks_is_an_asserted_threat(annotate):
    doc = annotate("Norway said it could abandon the talks with Chile unless Peru shows progress.")
    event = find(doc, "THREATEN")
    assert codes(event.source) == ["NOR"]
    assert event.modality == "asserted"


@pytest.mark.parametrize("sentence", [
    "Chile called Peru's demand for talks unconstructive.",
    "Chile described Peru's border policy as a provocation.",
    "Chile dismissed the plan as an attempt by Peru to delay the vote.",
])
def test_a_judgement_worded_indirectly_is_criticism_of_the_thing_judged_owner(annotate, sentence):
    doc = annotate(sentence)
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_dismissing_as_an_attempt_is_both_a_rejection_and_criticism(annotate):
    doc = annotate("Chile dismissed Peru's proposal as an attempt to delay the vote.")
    assert codes(find(doc, "REJECT").target) == ["PER"]
    assert codes(find(doc, "ACCUSE").target) == ["PER"]


def test_characterising_without_a_judging_word_is_no_judgement(annotate):
    doc = annotate("Chile described Peru's border policy in a long letter.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]


def test_a_protest_aimed_at_no_one_named_acts_on_its_own_state(annotate):
    doc = annotate("Thousands of Chilean students demonstrated in Santiago on Tuesday.")
    event = find(doc, "PROTEST")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["CHL"]


def test_a_curfew_imposed_at_home_acts_on_the_own_state(annotate):
    doc = annotate("Peruvian authorities imposed a curfew on Tuesday.")
    event = find(doc, "COERCE")
    assert codes(event.target) == ["PER"]


def test_a_domestic_action_is_aimed_at_the_state_itself_not_at_its_doer(annotate):
    doc = annotate("Thousands of Chilean students demonstrated in Santiago on Tuesday.")
    event = find(doc, "PROTEST")
    assert [a.name for a in event.target] == ["Chile"]
    assert event.target[0].actor_id not in [a.actor_id for a in event.source]


def test_a_domestic_action_reuses_the_articles_own_actor_for_the_state(annotate):
    doc = annotate("Peru faces unrest. Peruvian police cordoned off the old town on Tuesday.")
    event = find(doc, "COERCE")
    peru = [a for a in doc.actors if a.name == "Peru"]
    assert [a.actor_id for a in event.target] == [a.id for a in peru]


def test_members_of_one_side_meeting_among_themselves_are_no_talks_with_a_guessed_partner(annotate):
    doc = annotate("The bloc's ambassadors have met to consider tougher penalties for Russia.")
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_a_deed_with_no_doer_in_a_quote_is_not_the_speakers(annotate):
    doc = annotate('"Many civilians were wounded in the shelling of Lima," the Chilean foreign minister '
                   "Alberto van Klaveren said.")
    assert not [e for e in doc.events if e.type == "ASSAULT" and "CHL" in codes(e.source)]


def test_a_date_after_a_judged_action_dates_that_action_not_the_judgement(annotate):
    doc = annotate(
        "Chile and Peru held talks on Wednesday. Norway welcomed the prisoner exchange between Chile "
        "and Peru over the weekend.",
        published="2025-05-28",
    )
    # the welcome goes on at the narrative's day, the Wednesday of the talks
    assert find(doc, "SUPPORT").date == "2025-05-28"


def test_after_the_talks_dates_a_reported_agreement_on_the_day_of_the_talks(annotate):
    doc = annotate(
        "Chile and Peru held talks in Quito on May 2.\n\nThe delegations were led by their foreign "
        "ministers. The weather was mild. Lima hosted a fair.\n\nAfter the talks, Chile's "
        "foreign minister said that Chile and Peru had agreed on a prisoner swap.",
        published="2025-05-20",
    )
    assert find(doc, "AGREE").date == "2025-05-02"


def test_agreeing_to_exchange_prisoners_with_someone_is_a_joint_agreement(annotate):
    doc = annotate("Chilean officials said on Monday that Chile had agreed to exchange prisoners with Peru.")
    event = find(doc, "AGREE")
    assert event.mutual
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_a_perfect_with_a_curly_contraction_is_narrated_past_dated_by_the_narrative(annotate):
    doc = annotate("Chile and Peru held talks in Lima on Monday. Chile’s envoy said: “We’ve agreed to swap "
                   "hundreds of detainees with Peru.”", published="2025-05-28")
    event = find(doc, "AGREE")
    assert event.date == "2025-05-26"
    assert event.mutual


def test_failing_to_reach_agreement_is_a_joint_rejection(annotate):
    doc = annotate("Chile and Peru failed to agree on a new border treaty on Monday.")
    event = find(doc, "REJECT")
    assert event.modality == "asserted" and event.mutual
    assert codes(event.source) == ["CHL", "PER"]
    assert not [e for e in doc.events if e.type == "AGREE"]


def test_a_release_welcomed_by_another_is_also_reported_as_done(annotate):
    doc = annotate("Chile's foreign minister welcomed Bolivia's release of two Peruvian soldiers on Sunday.")
    event = find(doc, "RETREAT")
    assert event.mode == "release" and event.modality == "asserted"
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["PER"]


def test_withdrawing_from_an_initiative_named_by_a_relative_is_a_sanction_not_a_retreat(annotate):
    doc = annotate("The talks focused on the Andean Trade Initiative, from which Bolivia withdrew in 2023.")
    event = find(doc, "SANCTION")
    assert event.mode == "withdraw" and codes(event.source) == ["BOL"]
    assert "RETREAT" not in [e.type for e in doc.events]


def test_anger_at_anothers_decision_is_criticism_of_its_maker(annotate):
    doc = annotate("Peru's president was angry at Chile's decision to close the border.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["PER"] and codes(event.target) == ["CHL"]
    doc = annotate(
        "Sergei Ivanov, the Russian minister, spoke for an hour. "
        "He was visibly angry at NATO's plans to grow.",
        published="2025-04-28",
    )
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["RUS"] and codes(event.target) == ["NATO"]


# ---------------------------------------------------------------- multi-party meetings


def test_every_member_of_a_coordinated_list_of_envoys_is_a_participant(annotate):
    doc = annotate("Envoys from Chile, Peru and Bolivia met in Lima on Monday.")
    event = find(doc, "CONSULT")
    assert codes(event.source) == ["BOL", "CHL", "PER"] and event.mutual


def test_leaders_gathering_for_a_summit_consult_one_another(annotate):
    doc = annotate("The leaders of Chile, Peru and Bolivia gathered in Lima on Monday for a summit on water.")
    event = find(doc, "CONSULT")
    assert codes(event.source) == ["BOL", "CHL", "PER"] and event.modality == "asserted"


def test_a_participant_named_in_a_later_sentence_joins_the_one_meeting(annotate):
    doc = annotate("Chile and Peru held a summit in Lima on Monday. Bolivia also attended the summit.")
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert codes(meetings[0].source) == ["BOL", "CHL", "PER"] and len(meetings[0].mentions) == 2


def test_taking_part_in_the_talks_told_before_joins_them(annotate):
    doc = annotate(
        "Chile and Peru opened talks in Lima on Monday. Ecuador's foreign minister took part in the talks."
    )
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert [codes(e.source) for e in meetings] == [["CHL", "ECU", "PER"]]


def test_talks_a_mediator_hosts_between_the_two_sides_are_the_sides_talks(annotate):
    doc = annotate("Chile and Peru signed a truce in March. Norway, which has mediated talks between the two "
                   "sides, praised the truce on Monday.")
    talks = [e for e in doc.events if e.type == "CONSULT"]
    assert talks and codes(talks[0].source + talks[0].target) == ["CHL", "PER"]
    assert talks[0].mode == "third-party"


def test_an_international_body_acting_with_no_one_named_is_not_its_own_target(annotate):
    doc = annotate("NATO cordoned off the area on Monday.")
    event = find(doc, "COERCE")
    assert codes(event.source) == ["NATO"] and event.target == []
