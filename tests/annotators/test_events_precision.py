"""Events: false positives on wording nobody tuned on (a word's other senses, descriptions of one's
own acts)."""

from __future__ import annotations

from event_checks import codes, types


def test_sanctions_targeting_revenues_are_no_attack(annotate):
    doc = annotate(
        "Canadian ministers agreed on Friday to draft new sanctions on Iran, "
        "targeting its oil revenues and banks."
    )
    assert "ASSAULT" not in types(doc)


def test_sanctions_that_target_organisations_are_one_sanction_on_their_owner(annotate):
    doc = annotate("The new Japanese sanctions target Russian banks and shipping companies.")
    sanctions = [e for e in doc.events if e.type == "SANCTION"]
    assert "ASSAULT" not in types(doc)
    assert len(sanctions) == 1
    assert codes(sanctions[0].source) == ["JPN"]
    assert codes(sanctions[0].target) == ["RUS"]


def test_drones_targeting_a_city_are_an_attack(annotate):
    doc = annotate("Iranian drones targeted Erbil overnight, Iraqi officials said.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert codes(event.source) == ["IRN"]
    assert codes(event.target) == ["IRQ"]


def test_a_state_targeting_infrastructure_with_missiles_is_an_attack(annotate):
    doc = annotate("Syria targeted Turkish military positions with rockets on Sunday.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert codes(event.source) == ["SYR"]
    assert codes(event.target) == ["TUR"]


def test_describing_ones_own_strikes_is_no_threat(annotate):
    doc = annotate(
        '"Our strikes are aimed only at military targets," an Israeli army spokesman said on Monday.'
    )
    assert "THREATEN" not in types(doc)
    assert all(e.modality != "future" for e in doc.events)


def test_talks_expected_to_resume_are_still_planned(annotate):
    doc = annotate("Talks between Armenia and Azerbaijan are expected to resume in Geneva next week.")
    assert doc.events
    assert all(e.modality == "future" for e in doc.events)


def test_urging_ones_own_member_states_is_no_request_to_whom_the_aid_goes(annotate):
    doc = annotate("The African Union urged its member states to send more aid to Sudan.")
    assert "REQUEST" not in types(doc)


def test_urging_a_named_state_is_still_a_request(annotate):
    doc = annotate("Norway urged Sudan to allow aid convoys into Darfur.")
    event = next(e for e in doc.events if e.type == "REQUEST")
    assert codes(event.source) == ["NOR"]
    assert codes(event.target) == ["SDN"]


def test_rejecting_the_proposal_is_aimed_at_who_proposed_it(annotate):
    # Russia is named more often than Armenia: the target is the proposal's author, not the article's
    # main party
    doc = annotate(
        "Armenia proposed a new border commission on Monday. Russian officials said Russia has troops in the "
        "region. Azerbaijan rejected the proposal on Tuesday."
    )
    event = next(e for e in doc.events if e.type == "REJECT")
    assert codes(event.source) == ["AZE"]
    assert codes(event.target) == ["ARM"]


def test_a_coordinated_clause_keeps_its_actors_for_itself(annotate):
    doc = annotate(
        "Chile announced new tariffs on Monday. "
        "Peru welcomed the decision and urged donors to send aid to Bolivia."
    )
    event = next(e for e in doc.events if e.type == "SUPPORT")
    assert codes(event.target) != ["BOL"]


def test_a_missile_fired_into_the_sea_on_a_weekday_is_no_attack(annotate):
    # "on Thursday" is a date, not the "fired on" of an attack
    doc = annotate("Officials in Tokyo said China fired a ballistic missile into the sea on Thursday.")
    assert "ASSAULT" not in types(doc)


def test_troops_firing_on_soldiers_on_a_weekday_is_an_attack(annotate):
    doc = annotate("Indian troops fired on Chinese soldiers on Thursday.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert codes(event.source) == ["IND"]
    assert codes(event.target) == ["CHN"]


def test_a_warning_is_not_aimed_at_the_warners_own_state(annotate):
    doc = annotate(
        "The Turkish foreign ministry warned that Ankara would respond if Greece continued its drills."
    )
    event = next(e for e in doc.events if e.type == "THREATEN")
    assert codes(event.source) == ["TUR"]
    assert codes(event.target) == ["GRC"]


def test_talks_hosted_by_a_third_state_are_talks_between_their_sides(annotate):
    doc = annotate("Oman hosted talks between Iran and the United States in Muscat on Saturday.")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert codes(event.source + event.target) == ["IRN", "USA"]
    assert event.mode == "third-party"


def test_offering_to_host_talks_is_no_talks_held(annotate):
    doc = annotate("Oman offered to host a meeting between Iran and the United States.")
    assert not [e for e in doc.events if e.type == "CONSULT" and e.modality == "asserted"]


def test_a_state_urging_its_own_citizens_makes_no_request_of_another_party(annotate):
    doc = annotate("Chile, a close U.S. partner in the region, urged its nationals to leave the border area.")
    assert not [e for e in doc.events if e.type == "REQUEST"]
    doc = annotate("Chile, a close U.S. partner in the region, urged Peru to leave the border area.")
    assert [e for e in doc.events if e.type == "REQUEST"]


def test_seeking_to_do_something_is_trying_not_asking(annotate):
    assert types(annotate("Chile is seeking to play a larger part in regional affairs while building closer "
                          "ties with Peru.")) == []
    doc = annotate("Chile sought emergency aid from Peru on Monday.")
    event = next(e for e in doc.events if e.type == "REQUEST")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_a_plan_spoken_of_by_officials_is_no_conversation(annotate):
    assert "CONSULT" not in types(annotate("The plan had been spoken of for months by Peruvian officials, "
                                           "Chile's minister said."))
    doc = annotate("Chile's president spoke by video link with Peru's president on Monday.")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "phone"


def test_a_passive_deed_announced_in_a_quote_is_not_the_speakers_own(annotate):
    # whoever releases (or wounds) them is left unsaid; "we will release" is the speaker's promise
    assert types(annotate("“Two hundred Peruvian prisoners will be released and wounded,” Chilean Foreign "
                          "Minister Alberto van Klaveren said.")) == []
    doc = annotate("“We will release two hundred Peruvian prisoners on Friday,” Chilean Foreign Minister "
                   "Alberto van Klaveren said.")
    event = next(e for e in doc.events if e.type == "AGREE")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_a_news_outlet_reporting_a_deed_is_no_guessed_target(annotate):
    doc = annotate(
        "The Evening Herald reported, quoting sources in Peruvian diplomatic circles, that Chile had "
        "made unrealistic demands."
    )
    event = next(e for e in doc.events if e.type == "REQUEST")
    assert codes(event.source) == ["CHL"] and event.target == []


def test_hoping_that_things_go_well_appeals_to_no_one(annotate):
    assert types(annotate("“We hope that the measures that Chile announced will calm the border,” Peruvian "
                          "President Dina Boluarte said.")) == []


def test_a_second_hope_is_an_appeal_made_now_not_a_planned_one(annotate):
    doc = annotate(
        "“We hope this will end the crisis, and we hope that Chile will respect the deal,” Peruvian "
        "President Dina Boluarte said on Monday."
    )
    event = next(e for e in doc.events if e.type == "REQUEST")
    assert codes(event.source) == ["PER"] and codes(event.target) == ["CHL"]
    assert event.modality == "asserted"


def test_aid_to_be_allowed_only_after_a_demand_is_met_has_not_happened(annotate):
    doc = annotate(
        "Rebel leaders in Bolivia called for a ceasefire with the army before allowing U.N. food aid "
        "to enter the north."
    )
    assert "AID" not in types(doc)
    assert "AID" in types(annotate("Rebel leaders in Bolivia allowed U.N. food aid to enter the north."))


def test_people_killed_are_not_the_doers_own_members(annotate):
    doc = annotate("Chilean strikes killed at least 20 people in the city of Arica, Peruvian officials said.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert codes(event.source) == ["CHL"]


def test_a_quoted_deed_of_a_named_but_uncoded_doer_is_not_the_speakers(annotate):
    doc = annotate(
        "“The two rebel groups have signed a deal, while the mediators announce a truce,” Chilean Foreign "
        "Minister Alberto van Klaveren said."
    )
    assert types(doc) == []
    doc = annotate("“We announce a truce from Monday,” Chilean Foreign Minister Alberto van Klaveren said.")
    assert codes(next(e for e in doc.events if e.type == "CONCEDE").source) == ["CHL"]


def test_ordering_ones_own_army_is_no_request_of_another_party(annotate):
    doc = annotate(
        "Chilean President Gabriel Boric ordered the army to close the border crossings with Peru."
    )
    assert not [e for e in doc.events if e.type == "REQUEST"]
    doc = annotate("Chilean President Gabriel Boric urged Peru's army to pull back from the border.")
    event = next(e for e in doc.events if e.type == "REQUEST")
    assert codes(event.target) == ["PER"]
