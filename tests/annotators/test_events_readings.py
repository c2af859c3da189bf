"""Events: classes of wrong records found by reading output on unseen articles (a word's description
sense, a side's own meeting, a target guessed from whom a deed is reported to), on sentences written
here."""

from __future__ import annotations

from event_checks import codes, find, types


def test_a_participle_before_a_noun_describes_it_and_reports_no_support(annotate):
    doc = annotate(
        "Sudan struck the rebels on Friday, escalating the war between Sudan and the Chad-backed militia."
    )
    assert "SUPPORT" not in types(doc)


def test_a_backer_named_in_a_description_is_no_guessed_target(annotate):
    doc = annotate(
        "Sudan struck the rebels on Friday, escalating the war between Sudan and the Chad-backed militia."
    )
    assert all("TCD" not in codes(e.target) for e in doc.events)


def test_a_backing_told_as_a_deed_is_still_support(annotate):
    doc = annotate("Brazil backed the Colombian proposal at the summit on Tuesday.")
    event = find(doc, "SUPPORT")
    assert codes(event.source) == ["BRA"]
    assert codes(event.target) == ["COL"]


def test_calling_a_leader_a_name_is_no_phone_call(annotate):
    doc = annotate("The Bolivian president called the Chilean president a liar on Thursday.")
    assert "CONSULT" not in types(doc)


def test_calling_a_leader_is_a_phone_call(annotate):
    doc = annotate("The Bolivian president called the Chilean president on Thursday.")
    event = find(doc, "CONSULT")
    assert event.mode == "phone"
    assert codes(event.source + event.target) == ["BOL", "CHL"]


def test_a_meeting_put_off_did_not_take_place(annotate):
    doc = annotate("The announced meeting between the presidents of Chile and Peru has been postponed.")
    assert all(e.modality == "negated" for e in doc.events if e.type == "CONSULT")


def test_a_scheduled_meeting_is_still_to_come(annotate):
    doc = annotate("The scheduled meeting between the presidents of Chile and Peru drew protests in Lima.")
    assert "CONSULT" not in [e.type for e in doc.events if e.modality == "asserted"]


def test_an_infinitive_on_a_noun_is_still_to_come(pipeline):
    from communique.annotators.events import EventAnnotator
    from communique.annotators.events.modality import modality

    words = EventAnnotator(pipeline.knowledge).lex.modality
    doc = pipeline.nlp("The ministers look forward to the next meeting to be hosted by Norway in May.")
    hosted = next(t for t in doc if t.lower_ == "hosted")
    assert modality(hosted, words) == "future"
    doc = pipeline.nlp("The envoys, hosted by Norway in May, settled the details.")
    hosted = next(t for t in doc if t.lower_ == "hosted")
    assert modality(hosted, words) == "asserted"


def test_a_meeting_held_is_talks(annotate):
    doc = annotate("The foreign ministers of Chile and Peru held a meeting in Lima on Monday.")
    event = find(doc, "CONSULT")
    assert event.modality == "asserted"
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_allies_acting_together_are_no_guessed_target_later(annotate):
    doc = annotate(
        "China and Russia support the government in the civil war. The fighting has displaced thousands "
        "of families. Aid groups say food is running short. The Security Council has imposed sanctions "
        "on individual smugglers, freezing their assets."
    )
    sanction = find(doc, "SANCTION")
    assert codes(sanction.target) == []


def test_sides_that_met_are_the_guessed_target_later(annotate):
    doc = annotate(
        "Chile and Peru held talks in Lima on Monday. The fighting has displaced thousands of families. "
        "Aid groups say food is running short. On Tuesday the Chilean president rejected the demands."
    )
    rejection = find(doc, "REJECT")
    assert codes(rejection.target) == ["PER"]


def test_a_subjunctive_that_clause_is_the_content_of_a_demand(annotate):
    doc = annotate("European leaders urged Trump to insist that Putin agree to a ceasefire before any talks.")
    assert "AGREE" not in types(doc)


def test_a_that_clause_in_the_indicative_is_a_claim(annotate):
    doc = annotate("Chile insists that Peru agrees with the plan.")
    assert "REQUEST" not in types(doc)


def test_a_state_named_only_in_the_next_sentence_is_no_guessed_target(annotate):
    doc = annotate(
        "The Chilean president turned down the request for duty-free treatment on Monday. "
        "Many such watches are assembled in Peru and sold abroad."
    )
    rejection = find(doc, "REJECT")
    assert codes(rejection.target) == []


def test_a_deed_repeated_without_its_target_is_one_record(annotate):
    doc = annotate(
        "Chile imposed new sanctions on Peru on Monday. Chilean officials said the sanctions took effect "
        "at midnight."
    )
    sanctions = [e for e in doc.events if e.type == "SANCTION"]
    assert len(sanctions) == 1
    assert codes(sanctions[0].target) == ["PER"]
    assert len(sanctions[0].mentions) == 2


def test_a_state_striking_no_one_named_does_not_strike_itself(annotate):
    doc = annotate(
        "Bolivia launched missile strikes on Wednesday. Bolivia said the strikes were intended to destroy "
        "camps used by smugglers."
    )
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert strikes
    assert all("BOL" not in codes(e.target) for e in strikes)


def test_a_city_naming_a_summit_is_where_it_was_held(annotate):
    doc = annotate("NATO leaders will gather at the Lisbon summit in April to admit two more members.")
    assert doc.events
    assert all("PRT" not in codes(e.source) + codes(e.target) for e in doc.events)


def test_a_capital_naming_a_proposal_is_its_government(annotate):
    doc = annotate("Peru rejected the Santiago proposal on Monday.")
    rejection = find(doc, "REJECT")
    assert codes(rejection.target) == ["CHL"]


def test_condemning_this_assault_is_aimed_at_its_doer_told_before(annotate):
    doc = annotate(
        "Peru shelled a Bolivian border post on Monday. Chile said it strongly condemns this assault."
    )
    judged = find(doc, "ACCUSE")
    assert codes(judged.target) == ["PER"]


def test_a_reward_offered_for_information_is_no_promise_to_a_party(annotate):
    doc = annotate(
        "Peru and Bolivia traded fire on the border. The Chilean government is offering a reward of "
        "$1 million for information on the Bolivian smuggler."
    )
    assert "AGREE" not in types(doc)


def test_a_loan_offered_to_a_state_is_a_promise(annotate):
    doc = annotate("Chile offered Peru a loan of $2 billion on Monday.")
    offer = find(doc, "AGREE")
    assert codes(offer.target) == ["PER"]


def test_a_truce_agreement_announced_is_the_agreement_of_its_sides(annotate):
    doc = annotate("The Libyan ministry announced on Monday a truce agreement between Chad and Sudan.")
    assert [(e.type, codes(e.source), e.modality) for e in doc.events] == [
        ("AGREE", ["SDN", "TCD"], "asserted")
    ]


def test_sides_announcing_their_truce_agreement_agree_and_concede_nothing(annotate):
    assert types(annotate("Chad and Sudan announced a truce agreement.")) == ["AGREE"]


def test_a_truce_one_side_announces_alone_is_still_a_concession(annotate):
    assert types(annotate("Chad announced a truce on Monday.")) == ["CONCEDE"]


def test_a_side_shown_fighting_abroad_does_not_strike_itself_when_no_one_is_named(annotate):
    doc = annotate("Chilean jets bombed a Peruvian radar site on Monday, wounding three technicians.")
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert strikes and all("CHL" not in codes(e.target) for e in strikes)


def test_a_campaign_rally_is_no_protest(annotate):
    doc = annotate("The Kenyan president held a campaign rally in Mombasa on Saturday.")
    assert "PROTEST" not in types(doc)


def test_markets_rallying_are_no_protest(annotate):
    assert types(annotate("Stocks rallied in Nairobi after the central bank cut rates.")) == []


def test_people_rallying_to_demand_something_protest(annotate):
    doc = annotate("Opposition supporters rallied in Nairobi to demand the release of detained activists.")
    assert "PROTEST" in types(doc)


def test_a_court_blocking_a_company_is_no_protest(annotate):
    assert types(annotate("The high court blocked a Danish company from closing its plants.")) == []


def test_people_blocking_a_road_obstruct_it(annotate):
    doc = annotate("Angry French farmers blocked the main highway into Lyon for six hours.")
    assert [(e.type, e.mode) for e in doc.events] == [("PROTEST", "obstruct")]


def test_showing_no_interest_is_no_demonstration(annotate):
    assert types(annotate("The Danish minister has not demonstrated any interest in the talks.")) == []


def test_a_law_making_room_for_something_concedes_nothing(annotate):
    assert types(annotate("The Norwegian law allows for fines and other penalties.")) == []


def test_a_government_letting_someone_act_concedes(annotate):
    doc = annotate("The Danish government allowed the opposition leader to return from exile.")
    assert types(doc) == ["CONCEDE"]


def test_defending_ones_own_record_or_oneself_supports_no_other_side(annotate):
    doc = annotate("The Bolivian president defended his own record in a long interview on Monday. "
                   "Bolivia also defended itself against the complaint at the tribunal.")
    assert "SUPPORT" not in types(doc)


def test_defending_another_side_or_its_decision_is_support(annotate):
    doc = annotate("The Bolivian president defended his Paraguayan counterpart on Monday.")
    assert codes(find(doc, "SUPPORT").target) == ["PRY"]
    doc = annotate("Bolivia's foreign minister defended the Paraguayan decision to close the border.")
    assert codes(find(doc, "SUPPORT").target) == ["PRY"]


def test_what_is_sent_is_the_object_and_the_recipient_is_whom_it_goes_to(annotate):
    doc = annotate("Bolivia sent Bolivian troops and helicopters to Paraguay on Monday.")
    event = find(doc, "AID")
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["PRY"]
    doc = annotate("Bolivia delivered Paraguay two shipments of food on Monday.")
    assert codes(find(doc, "AID").target) == ["PRY"]


def test_agreeing_that_something_is_so_is_a_view_not_an_agreement(annotate):
    doc = annotate("The Bolivian senator agreed that the electoral rules were outdated.")
    assert "AGREE" not in types(doc)


def test_agreeing_that_a_deed_will_come_or_on_an_action_is_an_agreement(annotate):
    doc = annotate("Bolivia and Paraguay agreed that their border talks would resume in Asuncion next week.")
    assert "AGREE" in types(doc)
    doc = annotate("Bolivia and Paraguay agreed that a truce was needed on the border.")
    assert "AGREE" in types(doc)


def test_offering_no_proof_or_details_promises_nothing(annotate):
    doc = annotate("The Bolivian minister said Paraguay had armed the smugglers but offered no evidence.")
    assert "AGREE" not in types(doc)


def test_a_deed_there_is_no_chance_of_is_denied(annotate):
    doc = annotate("There is no chance that Paraguay will withdraw its troops from Bolivia, the envoy said.")
    assert [e.modality for e in doc.events] == ["negated"]


def test_an_opening_participle_is_done_to_the_subject_of_its_clause(annotate):
    doc = annotate("Criticized by Paraguay for the raid, the Bolivian army pulled back on Friday.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["PRY"] and codes(event.target) == ["BOL"]


def test_a_question_put_to_a_speaker_is_no_request_of_theirs(annotate):
    doc = annotate("Asked about the Paraguayan offer, the Bolivian minister said he had not read it.")
    assert not [e for e in doc.events if e.type == "REQUEST" and codes(e.source) == ["BOL"]]


def test_appealing_a_ruling_asks_nothing_of_a_party(annotate):
    doc = annotate("The Bolivian families appealed the ruling on Monday.")
    assert "REQUEST" not in types(doc)
    doc = annotate("Bolivia appealed to Paraguay for calm on Monday.")
    assert codes(find(doc, "REQUEST").target) == ["PRY"]


def test_an_order_that_names_no_one_to_carry_it_out_is_no_request(annotate):
    doc = annotate("The Bolivian president ordered a review of the border posts after the Paraguayan raid.")
    assert "REQUEST" not in types(doc)
    doc = annotate("The Bolivian president ordered Paraguay to pay for the damage.")
    assert codes(find(doc, "REQUEST").target) == ["PRY"]


def test_encouraging_someone_to_act_appeals_to_them(annotate):
    doc = annotate("Bolivia encouraged Paraguay to reopen the border crossings.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["PRY"]


def test_encouraging_a_thing_or_being_encouraged_is_no_appeal(annotate):
    doc = annotate("Bolivia said the new road would encourage trade with Paraguay.")
    assert "REQUEST" not in types(doc)
    doc = annotate("Bolivia was encouraged by the progress of its talks with Paraguay.")
    assert "REQUEST" not in types(doc)


def test_a_deed_wanted_of_another_is_not_done(annotate):
    doc = annotate("Bolivia wants Paraguay to impose sanctions on Chile.")
    assert "SANCTION" not in types(doc)
    doc = annotate("Bolivia expects Paraguay to withdraw its troops from the border.")
    assert "RETREAT" not in types(doc)


def test_telling_someone_to_act_is_a_demand_and_forcing_them_makes_it_happen(annotate):
    doc = annotate("Bolivia told Paraguay to impose sanctions on Chile.")
    assert types(doc) == ["REQUEST"] and codes(doc.events[0].target) == ["PRY"]
    doc = annotate("Bolivia forced Paraguay to withdraw its troops from the border.")
    assert "RETREAT" in types(doc)


def test_asking_whether_something_is_so_requests_nothing(annotate):
    doc = annotate("The Peruvian foreign minister asked whether Chile would join the pact.")
    assert "REQUEST" not in types(doc)


def test_the_deed_an_if_question_asks_about_is_not_announced(annotate):
    doc = annotate("The reporters asked if Norway would send more aid to Chad.")
    assert all("NOR" not in codes(e.source) for e in doc.events)


def test_asking_a_party_to_act_is_still_a_request(annotate):
    doc = annotate("The Peruvian foreign minister asked Chile to join the pact.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["PER"]
    assert codes(event.target) == ["CHL"]


def test_asking_not_to_be_named_requests_nothing(annotate):
    doc = annotate("A Chilean diplomat, who asked not to be identified, said Peru had closed the crossing.")
    assert "REQUEST" not in types(doc)


def test_seeking_a_way_out_asks_no_one(annotate):
    doc = annotate("Norway and Chad sought a way out of the dispute.")
    assert "REQUEST" not in types(doc)


def test_people_sought_by_the_police_are_searched_for(annotate):
    doc = annotate(
        '"They were being sought for interviews because they were in the area," the Chilean police said.'
    )
    assert "REQUEST" not in types(doc)


def test_releasing_tax_returns_or_an_ad_frees_no_one(annotate):
    doc = annotate(
        "The Peruvian minister released his tax returns, and his party released an ad about Chile."
    )
    assert "RETREAT" not in types(doc)


def test_committing_troops_sends_them(annotate):
    doc = annotate("Brazil committed 300 troops to the mission in Haiti.")
    assert find(doc, "MOBILIZE").mode == "troops"
    assert "AGREE" not in types(doc)


def test_readiness_with_no_deed_named_commits_to_nothing(annotate):
    doc = annotate(
        "The Chilean army is not prepared for winter operations, and the Peruvian army will not be ready."
    )
    assert not any(e.type in ("AGREE", "REJECT") for e in doc.events)


def test_readiness_for_talks_is_an_offer_to_meet(annotate):
    doc = annotate("Peru is ready for talks with Chile.")
    event = find(doc, "AGREE")
    assert event.mode == "meet"
    assert codes(event.target) == ["CHL"]


def test_an_infinitive_fused_by_hyphens_names_a_kind(annotate):
    doc = annotate("The Peruvian firm Acme has been losing share in the ready-to-eat soup market.")
    assert "AGREE" not in types(doc)


def test_hosting_an_event_that_is_no_meeting_meets_no_one(annotate):
    doc = annotate(
        "Ohio will host a governor's race and a golf open next year, and Kenya must meet future floods."
    )
    assert "AGREE" not in types(doc) and "CONSULT" not in types(doc)


def test_hosting_a_named_leader_is_a_visit(annotate):
    doc = annotate("Peru will host Chilean President Ana Soto next week.")
    event = find(doc, "AGREE")
    assert event.mode == "meet"
    assert codes(event.target) == ["CHL"]


def test_meeting_a_counterpart_is_talks(annotate):
    doc = annotate("The Peruvian president met his Chilean counterpart on Monday.")
    assert codes(find(doc, "CONSULT").target) == ["CHL"]


def test_a_condition_opened_by_had_before_its_subject_did_not_happen(annotate):
    doc = annotate("Had the Peruvian government allowed the monitors to enter, the crisis would have ended.")
    assert "CONCEDE" not in types(doc)


def test_a_condition_opened_by_were_before_its_subject_did_not_happen(annotate):
    doc = annotate("Were Chile to send troops to Peru, the region would suffer.")
    assert doc.events == []


def test_a_deed_told_with_had_after_its_subject_happened(annotate):
    doc = annotate("The Peruvian government had allowed the monitors to enter, and the crisis ended.")
    assert find(doc, "CONCEDE").modality == "asserted"


def test_a_deed_one_is_capable_of_has_not_happened(annotate):
    doc = annotate("The Pentagon said it was capable of deploying 5,000 troops to Chad.")
    assert "MOBILIZE" not in [e.type for e in doc.events if e.modality == "asserted"]


def test_shooting_oneself_in_the_foot_attacks_no_one(annotate):
    doc = annotate("The Chilean army shot itself in the foot when it fired at the Peruvian monitors.")
    assert [codes(e.target) for e in doc.events if e.type == "ASSAULT"] == [["PER"]]


def test_a_warning_that_only_foresees_threatens_no_one(annotate):
    doc = annotate("The Peruvian minister warned that the new port would not be a cure for the economy.")
    assert "THREATEN" not in types(doc)


def test_a_warning_that_names_a_party_is_a_threat(annotate):
    doc = annotate("The Peruvian minister warned that Chile would pay a heavy price.")
    assert codes(find(doc, "THREATEN").target) == ["CHL"]


def test_a_rally_a_candidate_holds_is_no_protest(annotate):
    doc = annotate("The Chilean candidate held rallies in Lima and Cusco.")
    assert "PROTEST" not in types(doc)


def test_a_rally_students_hold_is_a_protest(annotate):
    doc = annotate("Thousands of Chilean students held rallies against the government in Santiago.")
    assert find(doc, "PROTEST").mode == "demo"


def test_a_deed_known_by_several_places_is_aimed_at_none_of_them(annotate):
    doc = annotate("Norway condemned the two bomb attacks in Peru and Chile on Friday.")
    attack = find(doc, "ASSAULT")
    assert "CHL" not in codes(attack.target)


def test_claims_about_a_topic_accuse_no_one(annotate):
    doc = annotate("Lima said the Chilean claims about the border were unfounded.")
    assert "ACCUSE" not in types(doc)


def test_support_received_from_leaders_is_no_visit(annotate):
    doc = annotate(
        "The Peruvian president's decision to restore ties received strong support from Chilean leaders."
    )
    assert "CONSULT" not in types(doc)


def test_receiving_a_delegation_is_a_visit(annotate):
    doc = annotate("The Peruvian president received the Chilean delegation on Monday.")
    assert codes(find(doc, "CONSULT").target) == ["CHL"]


def test_a_visit_something_is_done_ahead_of_is_still_to_come(annotate):
    doc = annotate("Just ahead of the Peruvian president's visit to Chile, Lima issued a new decree.")
    assert "CONSULT" not in [e.type for e in doc.events if e.modality == "asserted"]


def test_a_travel_warning_threatens_no_one(annotate):
    doc = annotate("Peru issued a travel warning for Chile on Monday.")
    assert "THREATEN" not in types(doc)


def test_a_second_deed_wanted_of_another_is_not_theirs(annotate):
    doc = annotate("The Peruvian minister wants Chile to withdraw its troops and release the prisoners.")
    assert all("CHL" not in codes(e.source) for e in doc.events)


def test_a_second_deed_asked_of_another_is_part_of_the_request(annotate):
    doc = annotate("The Peruvian minister urged Chile to withdraw its troops and release the prisoners.")
    assert types(doc) == ["REQUEST"]


def test_what_a_thing_should_do_is_foreseen_not_demanded(annotate):
    doc = annotate("The Chilean senator said the Peruvian president's speech should lift his poll numbers.")
    assert "REQUEST" not in types(doc)


def test_what_a_party_should_do_is_demanded(annotate):
    doc = annotate("The Chilean senator said the Peruvian government should withdraw its troops.")
    assert codes(find(doc, "REQUEST").target) == ["PER"]


def test_a_share_of_support_is_a_poll(annotate):
    doc = annotate(
        "The Peruvian candidate has just 5 percent support, and a majority of Peruvian voters support "
        "the Chilean proposal."
    )
    assert "SUPPORT" not in types(doc)


def test_claims_of_wrongdoing_accuse(annotate):
    doc = annotate("Peru voiced claims of abuses against Peruvian workers in Chile.")
    assert codes(find(doc, "ACCUSE").target) == ["CHL"]


def test_reinforcing_a_view_moves_no_troops(annotate):
    doc = annotate("The stigma was later reinforced by the Peruvian president.")
    assert "MOBILIZE" not in types(doc)


def test_reinforcing_a_border_moves_troops(annotate):
    doc = annotate("Peru reinforced its border with Chile.")
    assert find(doc, "MOBILIZE").mode == "troops"


def test_a_deed_one_will_be_unable_to_do_is_denied(annotate):
    doc = annotate("The Peruvian president will be unable to accuse Chile of fraud.")
    assert find(doc, "ACCUSE").modality == "negated"


def test_leaving_a_race_retreats_from_no_side(annotate):
    doc = annotate("The Peruvian candidate will withdraw from the race, and the senator withdrew her bid.")
    assert doc.events == []


def test_withdrawing_troops_is_still_a_retreat_promised(annotate):
    doc = annotate("Peru will withdraw its troops from Chile.")
    assert codes(find(doc, "AGREE").target) == ["CHL"]


def test_attacking_someone_for_what_they_did_blames_them(annotate):
    doc = annotate(
        "Chilean senator Ana Ortega spoke in Lima on Monday. She attacked the Peruvian candidates for "
        "accepting bribes."
    )
    assert "ASSAULT" not in types(doc)
    assert codes(find(doc, "ACCUSE").target) == ["PER"]


def test_attacking_for_a_span_of_time_is_force(annotate):
    doc = annotate("Chilean troops attacked the Peruvian convoy for the second time this week.")
    assert "ACCUSE" not in types(doc)
    assert codes(find(doc, "ASSAULT").target) == ["PER"]


def test_speaking_to_the_public_is_no_talks(annotate):
    doc = annotate(
        "Speaking to students in Lima, the Chilean president praised Peru. He met reporters in Lima, and "
        "the Peruvian candidate reached out to Chilean voters."
    )
    assert "CONSULT" not in types(doc)


def test_meeting_the_public_and_a_leader_is_still_talks(annotate):
    doc = annotate("The Chilean president met students and the Peruvian president.")
    assert codes(find(doc, "CONSULT").target) == ["PER"]


def test_a_population_that_explodes_attacks_no_one(annotate):
    doc = annotate("The prison population in Peru has exploded since 1990.")
    assert "ASSAULT" not in types(doc)


def test_exploding_bombs_is_an_attack(annotate):
    doc = annotate("Peruvian rebels exploded a series of bombs in Lima, and a car bomb exploded in Cusco.")
    assert types(doc).count("ASSAULT") >= 1


def test_avoiding_a_condemnation_denies_it_but_not_the_deed_judged(annotate):
    doc = annotate("The Chilean president avoids condemning the Peruvian invasion.")
    assert find(doc, "ACCUSE").modality == "negated"
    assert find(doc, "ASSAULT").modality == "asserted"


def test_a_deed_to_be_condemned_has_happened(annotate):
    doc = annotate("The Chilean president will condemn the Peruvian invasion.")
    assert "THREATEN" not in types(doc)
    assert find(doc, "ASSAULT").modality == "asserted"


def test_a_deed_asked_about_in_a_direct_question_did_not_happen(annotate):
    doc = annotate("Did Peru strike Chilean positions first?")
    assert doc.events == []


def test_a_quoted_question_is_no_request(annotate):
    doc = annotate('"Will you pardon the Peruvian general?" the Chilean senator asked.')
    assert "REQUEST" not in types(doc)


def test_offering_advice_promises_nothing(annotate):
    doc = annotate("The Chilean senator offered some pointed advice to the Peruvian president.")
    assert "AGREE" not in types(doc)


def test_asking_someone_a_question_requests_no_deed(annotate):
    doc = annotate("The Chilean senator asked the Peruvian envoy a question about the border.")
    assert "REQUEST" not in types(doc)


def test_one_person_attacking_someones_kin_attacks_in_words(annotate):
    doc = annotate("Ana Soto, a Chilean senator, spoke on Monday. She attacked his wife and his father.")
    assert "ASSAULT" not in types(doc)
    assert find(doc, "ACCUSE").mode == "disapprove"


def test_troops_attacking_villagers_use_force(annotate):
    doc = annotate("Chilean troops attacked Peruvian villagers on Monday.")
    assert codes(find(doc, "ASSAULT").target) == ["PER"]


def test_a_person_attacking_positions_uses_force(annotate):
    doc = annotate("He attacked their positions on Monday, the Chilean army said.")
    assert "ACCUSE" not in types(doc)
