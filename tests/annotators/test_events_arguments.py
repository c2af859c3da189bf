"""Events: who acts and who is acted upon (argument finding over the parse, actor fallbacks)."""

from __future__ import annotations

from event_checks import codes, find


def test_coordinated_demonyms_before_one_noun_name_a_joint_side(annotate):
    doc = annotate("Senior Chilean and Peruvian officials agreed on Monday to share data on fishing.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["CHL", "PER"]
    assert event.target == []


def test_coordinated_country_and_demonym_before_one_noun_are_both_obliged(annotate):
    doc = annotate("Norway said French and Spanish forces must leave the port.")
    event = find(doc, "REQUEST")
    assert codes(event.target) == ["ESP", "FRA"]


def test_a_recipient_after_to_is_the_object_not_its_relative_clause(annotate):
    doc = annotate("Japan is providing radar data and other help to Chile which is planning a campaign "
                   "against Peruvian rebels.")
    event = find(doc, "AID")
    assert codes(event.source) == ["JPN"]
    assert codes(event.target) == ["CHL"]


def test_staged_protests_are_protests_despite_the_lemma_stag(annotate):
    doc = annotate("Thousands of Chilean workers staged protests in Santiago on Friday.")
    event = find(doc, "PROTEST")
    assert codes(event.source) == ["CHL"]


def test_an_actor_describing_the_doer_is_not_the_guessed_target(annotate):
    doc = annotate("Chile, a close ally of Spain, refused to join the pact proposed by Peru.")
    event = find(doc, "REJECT")
    assert codes(event.target) == ["PER"]


def test_a_refusal_to_deploy_somewhere_is_aimed_at_that_place(annotate):
    doc = annotate("Chile has refused to deploy troops in Bolivia, Peru said.")
    event = find(doc, "REJECT")
    assert codes(event.target) == ["BOL"]


def test_an_attack_aimed_at_no_one_named_acts_on_its_own_state(annotate):
    doc = annotate("Colombian rebels blew up an oil pipeline near the border on Sunday.")
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["COL"] and codes(event.target) == ["COL"]


def test_a_coordinated_deed_does_not_take_the_first_verbs_object_as_target(annotate):
    doc = annotate("Chilean rebels kidnapped two Peruvian engineers and destroyed a bridge in Santiago.")
    destroyed = [e for e in doc.events if e.trigger == "destroyed"]
    assert destroyed and codes(destroyed[0].target) == ["CHL"]


def test_the_place_a_deed_is_reported_from_is_not_its_guessed_target(annotate):
    doc = annotate("Chilean rebels destroyed a bridge in Santiago, diplomats in Bolivia said.")
    event = find(doc, "ASSAULT")
    assert codes(event.target) == ["CHL"]


def test_a_country_name_places_talks_in_that_country_not_in_a_town_of_that_name(annotate):
    doc = annotate("Chile and Peru held talks in Lebanon on Monday.")
    event = find(doc, "CONSULT")
    assert event.location is not None and event.location.country == "LBN"


def test_an_arrest_with_no_doer_named_is_coded_for_the_state_where_it_happens(annotate):
    doc = annotate("A French journalist was arrested in Lebanon on Monday.")
    event = find(doc, "COERCE")
    assert codes(event.source) == ["LBN"] and codes(event.target) == ["FRA"]


def test_put_under_investigation_is_an_investigation_of_the_subject(annotate):
    doc = annotate("A Chilean consul was put under investigation in Peru last week.")
    event = find(doc, "ACCUSE")
    assert event.mode == "investigate"
    assert codes(event.source) == ["PER"] and codes(event.target) == ["CHL"]


def test_a_bombing_with_no_doer_near_a_named_town_is_coded_for_that_towns_state(annotate):
    doc = annotate("A roadside bomb near the town of Mosul killed two Canadian soldiers on Sunday.")
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["IRQ"] and codes(event.target) == ["CAN"]


def test_a_town_named_beside_a_noun_of_place_is_a_place_whatever_its_entity_tag(annotate):
    # the model tags "Samarra" NORP; "the town of" makes it a place
    doc = annotate("Shelling at the town of Samarra on Friday killed four Australian engineers.")
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["IRQ"] and codes(event.target) == ["AUS"]


def test_a_town_spelt_without_its_diacritics_is_found_in_the_city_table(annotate):
    # the city table spells it "Kandahār"
    doc = annotate(
        "A car bomb near the town of Kandahar killed three Canadian soldiers on Tuesday, officials said."
    )
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["AFG"] and codes(event.target) == ["CAN"]


def test_an_accusation_with_no_doer_is_not_coded_for_the_place(annotate):
    doc = annotate("A Chilean diplomat was accused in Peru of spying.")
    assert not [e for e in doc.events if e.type == "ACCUSE" and codes(e.source) == ["PER"]]


def test_is_committed_to_is_a_commitment_of_its_subject(annotate):
    doc = annotate("Peru is committed to opening its markets, the minister said on Friday.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["PER"]


def test_a_promise_of_a_concession_aimed_at_no_one_acts_on_the_own_state(annotate):
    doc = annotate("The Chilean president announced that he was prepared to lift the curfew soon.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["CHL"]
    assert event.mode is None  # the curfew lifted does not make the promise a restriction


def test_being_ready_to_strike_is_a_threat_not_an_agreement(annotate):
    doc = annotate("Chile said it is ready to strike Peruvian positions.")
    assert not [e for e in doc.events if e.type == "AGREE"]
    event = find(doc, "THREATEN")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_an_army_preparing_to_attack_mobilizes(annotate):
    doc = annotate("Chilean troops prepared on Monday to resume shelling Peruvian positions.")
    event = find(doc, "MOBILIZE")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]
    assert event.modality == "asserted"


def test_mobilizing_for_a_war_against_someone_is_aimed_at_them(annotate):
    doc = annotate("Chile mobilized thousands of reservists for an expected war against Peru.")
    event = find(doc, "MOBILIZE")
    assert codes(event.target) == ["PER"]


def test_insisting_on_a_fact_is_no_request(annotate):
    doc = annotate("Chile insisted the unrest in Peru reflected old tensions.")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_insisting_that_someone_act_is_a_request(annotate):
    doc = annotate("Chile insisted that Peru withdraw its troops.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_ordering_a_newspaper_to_stop_is_censorship(annotate):
    doc = annotate("The Chilean government ordered the opposition newspaper El Sur to suspend publication.")
    event = find(doc, "COERCE")
    assert event.mode == "censor"
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_what_protesters_call_for_while_protesting_is_the_protests_topic(annotate):
    doc = annotate("Thousands of Chilean students demonstrated in Santiago on Sunday calling for the "
                   "resignation of the government.")
    find(doc, "PROTEST")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_a_declaration_condemning_someone_is_its_authors_condemnation(annotate):
    doc = annotate("The Chilean government issued a declaration condemning Peru.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_war_games_held_together_are_cooperation(annotate):
    doc = annotate("Chilean and Peruvian warships started joint war games off the coast on Monday.")
    event = find(doc, "COOPERATE")
    assert codes(event.source) == ["CHL", "PER"]


def test_exercises_held_with_a_partner_are_cooperation(annotate):
    doc = annotate("China held naval drills with Russia on Monday.")
    event = find(doc, "COOPERATE")
    assert set(codes(event.source) + codes(event.target)) == {"CHN", "RUS"}


def test_exercises_held_alone_are_a_mobilization(annotate):
    doc = annotate("Chile held military exercises near its northern border on Monday.")
    event = find(doc, "MOBILIZE")
    assert codes(event.source) == ["CHL"]


def test_a_vow_to_attack_is_a_threat_not_an_agreement(annotate):
    doc = annotate("Chile vowed to attack Peruvian positions.")
    assert not [e for e in doc.events if e.type == "AGREE"]
    event = find(doc, "THREATEN")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_a_promise_to_talk_stays_an_agreement(annotate):
    doc = annotate("Chile promised to hold talks with Peru.")
    find(doc, "AGREE")
    assert not [e for e in doc.events if e.type == "THREATEN"]


def test_a_mediation_effort_between_two_sides_is_the_mediators_consult_with_each(annotate):
    doc = annotate("Norway launched a mediation effort between Chile and Peru on Saturday.")
    event = find(doc, "CONSULT")
    assert codes(event.source) == ["NOR"] and codes(event.target) == ["CHL", "PER"]
    assert event.mode == "third-party"


def test_what_is_to_follow_a_demand_met_has_not_happened(annotate):
    doc = annotate("Chilean rebels said the government must accept their terms before they disarm.")
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_what_happened_before_another_deed_did_happen(annotate):
    doc = annotate("Chilean rebels released two Peruvian hostages before they disarmed on Monday.")
    assert [e for e in doc.events if e.type == "RETREAT" and e.mode == "disarm"]


def test_the_next_round_of_talks_is_planned_between_the_sides_of_the_last_talks(annotate):
    doc = annotate("Armenia and Azerbaijan agreed to exchange detainees after talks in Vienna on March 4. "
                   "The next round of talks is expected to take place in Geneva later this month.",
                   published="2025-03-06")
    plans = [e for e in doc.events if e.planned is not None]
    assert len(plans) == 1, [(e.type, e.trigger, e.planned) for e in doc.events]
    plan = plans[0]
    assert plan.modality == "future"
    assert codes(plan.source) + codes(plan.target) == ["ARM", "AZE"]
    assert plan.planned.date == "2025-03"  # later this month: a month still running
    assert plan.planned.location is not None and plan.planned.location.country == "CHE"
    # the plan is not merged into the agreement already made (the same sides, the same type)
    assert plan.evidence.text.startswith("The next round of talks")


def test_a_definite_action_that_will_continue_goes_on_with_its_sides(annotate):
    doc = annotate("Sudan and South Sudan exchanged prisoners on Friday. "
                   "Officials in Juba said the exchange would continue next week.", published="2025-04-12")
    plan = next((e for e in doc.events if e.planned is not None), None)
    assert plan is not None, [(e.type, e.trigger, e.modality) for e in doc.events]
    assert sorted({a.country for a in plan.source + plan.target}) == ["SDN", "SSD"]
    assert plan.planned.date == "2025-W16"


def test_an_action_noun_with_no_sides_and_nothing_before_it_stays_no_record(annotate):
    doc = annotate("The exchange would continue next week, officials said.", published="2025-04-12")
    assert not [e for e in doc.events if e.planned is not None]


def test_talks_next_month_are_planned_for_that_month_not_dated_to_it(annotate):
    doc = annotate("Chile and Peru will hold talks in Lima next month.", published="2025-05-28")
    event = find(doc, "AGREE")
    assert event.date is None
    assert event.planned is not None and event.planned.date == "2025-06"


def test_the_ministers_after_a_meeting_are_its_sides_and_agreeing_to_meet_next_week_is_a_plan(annotate):
    doc = annotate(
        "Kenyan Foreign Minister Musalia Mudavadi met Ethiopian Foreign Minister Gedion Timothewos "
        "in Nairobi on Monday. The ministers agreed to meet again in Addis Ababa next week.",
        published="2025-03-05",
    )
    event = find(doc, "AGREE")
    assert codes(event.source) + codes(event.target) == ["ETH", "KEN"]
    assert event.planned is not None and event.planned.date == "2025-W11"
    assert event.planned.location is not None and event.planned.location.country == "ETH"


def test_a_dateline_the_parser_made_the_subject_gives_way_to_the_person_in_apposition(annotate):
    doc = annotate(
        "Hanoi, Vietnam - Japanese Prime Minister Fumio Kishida on Sunday signed a trade agreement "
        "with Vietnam's President Vo Van Thuong."
    )
    event = find(doc, "AGREE")
    assert codes(event.source) == ["JPN"] and codes(event.target) == ["VNM"]


def test_signing_a_treaty_with_another_state_is_one_joint_agreement(annotate):
    doc = annotate("Chile signed a fisheries treaty with Peru on Monday.")
    event = find(doc, "AGREE")
    assert event.mutual
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_a_light_verbs_coordinated_prepositions_aim_its_noun_at_every_object(annotate):
    doc = annotate(
        "The Chilean president addressed parliament on Monday, expressing appreciation to Peru and "
        "to Brazil for their help.",
        published="2025-05-28",
    )
    event = find(doc, "SUPPORT")
    assert codes(event.source) == ["CHL"]
    assert codes(event.target) == ["BRA", "PER"]
    # the trailing participle shares the time of its verb
    assert event.date == "2025-05-26"


def test_a_visit_with_no_host_named_is_paid_to_the_state_it_is_made_in(annotate):
    doc = annotate("The accord was signed at a summit in Lima, where Chile's president was making his first "
                   "visit in a decade.", published="2025-05-28")
    event = find(doc, "CONSULT")
    assert event.mode == "visit"
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]
    assert event.date == "2025-05-28"  # "was making": narrated past, on the story's day


def test_condemning_the_summit_told_before_is_aimed_at_both_its_parties(annotate):
    doc = annotate("Chile's president held a summit with Peru's president in Lima on Monday. Bolivia, which "
                   "condemned the summit, recalled its envoy.")
    event = find(doc, "ACCUSE")
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["CHL", "PER"]


def test_a_promise_to_reform_the_own_state_has_no_other_target_guessed(annotate):
    doc = annotate("Chilean President Gabriel Boric promised to reform Chile as Peru watched.")
    event = find(doc, "AGREE")
    assert codes(event.source) == ["CHL"] and event.target == []


def test_refusing_to_resign_is_aimed_at_the_own_state(annotate):
    doc = annotate(
        "Peru's defence minister Walter Astudillo has refused to resign despite mounting pressure."
    )
    event = find(doc, "REJECT")
    assert codes(event.source) == ["PER"] and codes(event.target) == ["PER"]


def test_a_demand_that_something_be_done_names_no_addressee_to_guess(annotate):
    doc = annotate(
        "Chile and Peru resumed trade talks in Lima on Monday. Peru's foreign minister demanded that "
        "tariffs on Peruvian copper be scrapped."
    )
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["PER"] and event.target == []


def test_an_office_with_no_country_of_its_own_takes_the_state_its_of_phrase_names(annotate):
    doc = annotate("The Chief of Army Staff of Chile phoned the Chief of Army Staff of Peru on Monday "
                   "to discuss the border.")
    event = find(doc, "CONSULT")
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_congratulations_sent_to_both_countries_go_to_the_parties_of_the_last_joint_action(annotate):
    doc = annotate(
        "Chile and Peru signed a truce on Monday. Bolivia's president sent congratulations to both "
        "countries on joining Mercosur."
    )
    event = find(doc, "SUPPORT")
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["CHL", "PER"]


def test_protesters_with_no_country_protest_at_home_in_the_state_their_clause_names(annotate):
    doc = annotate("Hardline clerics kept up their hunger strike to press for the resignation of Peruvian "
                   "President Dina Boluarte.")
    event = find(doc, "PROTEST")
    assert codes(event.source) == ["PER"] and codes(event.target) == ["PER"]
    # what they demand is the protest's topic, not a request of its own
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_an_indefinite_strike_is_a_protest(annotate):
    doc = annotate(
        "Dock workers joined an indefinite strike against the Chilean government's pension reform."
    )
    event = find(doc, "PROTEST")
    assert event.mode == "strike"
    assert codes(event.source) == ["CHL"]


def test_a_threatened_boycott_of_the_own_elections_is_aimed_at_the_own_state(annotate):
    doc = annotate("The opposition party said it will boycott Peru's elections unless the president resigns.")
    event = find(doc, "THREATEN")
    assert codes(event.source) == ["PER"] and codes(event.target) == ["PER"]


def test_the_two_rivals_are_the_parties_of_the_last_joint_action(annotate):
    doc = annotate(
        "Chile and Peru held talks in Lima on Monday. The two rivals in the border dispute reached a deal "
        "on fishing rights, Bolivia said."
    )
    event = find(doc, "AGREE")
    assert codes(event.source) == ["CHL", "PER"] and event.mutual


def test_fellow_doers_coordinated_with_the_doer_are_no_guessed_target(annotate):
    doc = annotate(
        "Peru and Bolivia agreed to a truce on Monday. Joint mediators Chile, Brazil and Argentina will "
        "monitor the truce, Chilean Foreign Minister Alberto van Klaveren said, urging restraint in the "
        "border region."
    )
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["BOL", "PER"]


def test_the_two_ends_of_a_call_are_the_parties_an_agreement_between_them_names(annotate):
    doc = annotate(
        "Chilean President Gabriel Boric phoned Peruvian President Dina Boluarte on Monday. It was agreed "
        "between them that the troops of each side would pull back."
    )
    event = find(doc, "AGREE")
    assert codes(event.source) == ["CHL", "PER"] and event.target == [] and event.mutual


def test_calling_ones_counterpart_is_aimed_at_the_counterparts_state(annotate):
    doc = annotate("Chile's foreign minister called his Peruvian counterpart on Monday.")
    event = find(doc, "CONSULT")
    assert event.mode == "phone"
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_a_place_naming_talks_says_where_not_who(annotate):
    doc = annotate(
        "Peru's foreign minister, a member of Peru's delegation at the Geneva talks with Chile, said the "
        "meeting was useful."
    )
    assert not [e for e in doc.events if any(r.country == "CHE" for r in e.source + e.target)]
    doc = annotate("The Geneva talks between Chile and Peru ended on Monday.")
    event = find(doc, "CONSULT")
    assert codes(event.source + event.target) == ["CHL", "PER"]


def test_a_states_ally_is_not_that_state(annotate):
    doc = annotate("Bolivian troops killed the commander of Peru's militia ally in northern Chile on Sunday.")
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["BOL"] and codes(event.target) == ["CHL"]
    doc = annotate("Bolivian troops killed the commander of Peru's militia in northern Chile on Sunday.")
    assert codes(find(doc, "ASSAULT").target) == ["PER"]


def test_the_actors_of_a_condition_are_no_guessed_target(annotate):
    doc = annotate("Chile said it would not accept new migrants if war erupted in Peru.")
    event = find(doc, "REJECT")
    assert codes(event.source) == ["CHL"] and event.target == []


def test_a_call_for_dialogue_with_a_third_state_is_made_of_the_other_party_to_the_talks(annotate):
    doc = annotate(
        "Chilean Foreign Minister Alberto van Klaveren spoke by phone with Peruvian Foreign Minister "
        "Elmer Schialer on Wednesday. A spokeswoman said van Klaveren welcomed Bolivia's release of "
        "Peruvian prisoners over the weekend. The minister called for constructive dialogue with "
        "Bolivia, the spokeswoman added.",
        published="2025-05-28",
    )
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]
    # the release told inside the welcome is older than the narrative: it does not date what follows
    assert event.date == "2025-05-28"
    assert find(doc, "RETREAT").date == "2025-W21-WE"


def test_protesters_with_no_country_protest_where_they_march_at_the_state_their_clause_names(annotate):
    doc = annotate("Thousands of demonstrators marched outside the Russian embassy in Berlin on Saturday.")
    event = find(doc, "PROTEST")
    assert codes(event.source) == ["DEU"] and codes(event.target) == ["RUS"]


def test_a_states_partners_are_not_that_state(annotate):
    doc = annotate("Peru's partners pledged new military aid at a meeting in Brussels.")
    assert not [e for e in doc.events if "PER" in codes(e.source)]


def test_a_state_named_only_far_from_the_clause_is_no_guessed_target(annotate):
    doc = annotate(
        "Kenyan police arrested twelve protesters in Nairobi on Tuesday after clashes over fuel prices.\n\n"
        "The interior minister condemned the violence.\n\n"
        "Opposition leaders rejected the new tax plan and called for a national strike.\n\n"
        "Kenya imports most of its fuel through Mombasa, and prices have risen since a supply deal with "
        "Oman was signed last year."
    )
    event = find(doc, "COERCE")
    assert "OMN" not in codes(event.target)


def test_a_state_named_once_in_the_next_sentence_is_no_guessed_target(annotate):
    # (read on unseen news, a state named only in a neighbouring sentence was the target about one
    # time in four: a guess stays within the clause's own sentence)
    doc = annotate("Chilean police detained nine fishermen on Monday. The boats came from Peru.")
    event = find(doc, "COERCE")
    assert "PER" not in codes(event.target)


def test_a_foreign_state_a_domestic_story_names_twice_in_passing_is_no_guessed_target(annotate):
    doc = annotate(
        "The Kenyan president criticised on Monday the opposition's plan for a national strike.\n\n"
        "Teachers and nurses say their pay has not kept up with prices.\n\n"
        "The unions said the strike would start on Thursday.\n\n"
        "Kenya sells tea to Oman, and trade with Oman grew last year."
    )
    assert all("OMN" not in codes(e.target) for e in doc.events)
