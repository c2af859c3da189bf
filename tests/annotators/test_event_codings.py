"""Codings the staged design left open: a joint statement that commits its authors is their agreement,
a proposal that others act asks them to, and stopping a vessel or a convoy restricts movement (a crowd's
blockade is a protest). Sentences written for these tests."""

from __future__ import annotations

import pytest

from event_checks import codes

PUBLISHED = "2025-05-28"


def of_type(doc, etype: str) -> list:
    return [e for e in doc.events if e.type == etype]


def fired(event, rule: str) -> bool:
    return any(step.endswith("." + rule) for step in event.trace)


# ---------------------------------------------------------------- joint statements


@pytest.mark.parametrize(
    "text",
    [
        "A joint statement by Chile and Peru said the two countries would cooperate on fishing rights.",
        "A joint statement issued by Chile and Peru on Monday said they would pull back their troops.",
        "Chile and Peru issued a joint statement saying they were committed to a peaceful settlement.",
    ],
)
def test_a_joint_statement_that_commits_its_authors_is_their_agreement(annotate, text):
    doc = annotate(text, published=PUBLISHED)
    agreements = [e for e in of_type(doc, "AGREE") if e.trigger == "statement"]
    assert agreements, [(e.type, e.trigger, codes(e.source)) for e in doc.events]
    event = agreements[0]
    assert codes(event.source) == ["CHL", "PER"] and event.target == [] and event.mutual
    assert event.modality == "asserted"


def test_the_deed_a_joint_statement_announces_keeps_its_type_for_both_authors(annotate):
    doc = annotate(
        "A joint statement by Chile and Peru said both countries would withdraw troops from the border.",
        published=PUBLISHED,
    )
    term = of_type(doc, "RETREAT")
    assert term and codes(term[0].source) == ["CHL", "PER"] and term[0].modality == "future"


def test_a_joint_statement_of_views_only_is_no_agreement(annotate):
    doc = annotate(
        "Chile and Peru issued a joint statement on fishing rights on Monday.", published=PUBLISHED
    )
    assert not [e for e in doc.events if e.trigger == "statement"]
    doc = annotate(
        "A joint statement by Chile and Peru said the border talks had been useful.", published=PUBLISHED
    )
    assert not [e for e in doc.events if e.trigger == "statement" and e.type == "AGREE"]


def test_a_statement_of_one_side_is_no_joint_agreement(annotate):
    doc = annotate(
        "Chile issued a statement saying it would withdraw troops from the border.", published=PUBLISHED
    )
    assert not [e for e in doc.events if e.trigger == "statement"]


# ---------------------------------------------------------------- proposals that others act


def test_a_proposal_that_named_states_refrain_is_a_request_of_them(annotate):
    doc = annotate(
        "Brazil proposed that Chile and Peru refrain from deploying troops to the border.",
        published=PUBLISHED,
    )
    event = of_type(doc, "REQUEST")[0]
    assert codes(event.source) == ["BRA"] and codes(event.target) == ["CHL", "PER"]
    assert fired(event, "a_proposal_that_others_act_asks_them_to") and not of_type(doc, "AGREE")


def test_a_proposal_that_the_parties_refrain_asks_the_parties(annotate):
    doc = annotate(
        "Chile and Peru exchanged fire across the border on Sunday. Brazil proposed on Monday that the "
        "parties refrain from military activity near the border.",
        published=PUBLISHED,
    )
    event = next(e for e in of_type(doc, "REQUEST") if codes(e.source) == ["BRA"])
    assert codes(event.target) == ["CHL", "PER"]


def test_a_proposal_of_talks_between_others_stays_an_offer_to_meet(annotate):
    doc = annotate("Brazil proposed that Chile and Peru hold talks in Brasilia.", published=PUBLISHED)
    assert not of_type(doc, "REQUEST")
    assert [(e.type, e.mode) for e in of_type(doc, "AGREE")] == [("AGREE", "meet")]


def test_a_proposal_of_ones_own_deed_stays_an_offer(annotate):
    doc = annotate("Chile proposed that its navy withdraw from the disputed waters.", published=PUBLISHED)
    assert not of_type(doc, "REQUEST"), [(e.type, codes(e.target)) for e in doc.events]


# ---------------------------------------------------------------- blocking


@pytest.mark.parametrize(
    "text",
    [
        "Chilean navy ships blocked a Peruvian fishing vessel on Monday.",
        "The Chilean coast guard blocked a Peruvian vessel from entering the port.",
        "Peruvian troops blocked an aid convoy bound for Bolivia.",
    ],
)
def test_stopping_a_vessel_or_a_convoy_is_coercion(annotate, text):
    doc = annotate(text, published=PUBLISHED)
    assert [e.type for e in doc.events] == ["COERCE"] and doc.events[0].mode == "restrict"


def test_a_crowd_blocking_roads_protests(annotate):
    doc = annotate("Thousands of Chilean farmers blocked roads into Santiago on Monday.", published=PUBLISHED)
    assert [(e.type, e.mode) for e in doc.events] == [("PROTEST", "obstruct")]


def test_blocking_a_joint_statement_refuses_it(annotate):
    doc = annotate("Hungary blocked a joint statement of the bloc on Monday.", published=PUBLISHED)
    assert [e.type for e in doc.events if e.trigger == "blocked"] == ["REJECT"]


# ---------------------------------------------------------------- one record per action


def test_an_agreement_to_meet_is_not_folded_into_an_agreement_to_a_truce(annotate):
    doc = annotate("Chile and Peru agreed to a truce on Monday. The two countries also agreed on Monday to "
                   "hold further meetings in Lima.", published=PUBLISHED)
    modes = sorted((e.mode or "") for e in of_type(doc, "AGREE"))
    assert modes == ["", "meet"]


def test_an_attack_told_twice_in_more_detail_is_one_record(annotate):
    doc = annotate("Chilean forces attacked Peruvian positions on Monday. Chilean artillery shelled the "
                   "Peruvian positions on Monday.", published=PUBLISHED)
    assert len(of_type(doc, "ASSAULT")) == 1


# ---------------------------------------------------------------- a noun predicated of a thing


def test_an_attack_named_with_its_doer_after_be_is_that_doers_attack_not_a_judgement(annotate):
    doc = annotate("This was the first Chilean air raid on Arica since June.")
    assert not of_type(doc, "ACCUSE")
    event = of_type(doc, "ASSAULT")[0]
    assert codes(event.source) == ["CHL"]


def test_an_attack_named_without_a_doer_after_be_judges_it(annotate):
    doc = annotate('"This is a cowardly attack," the Peruvian foreign minister said.')
    assert codes(of_type(doc, "ACCUSE")[0].source) == ["PER"]
    assert not of_type(doc, "ASSAULT")


# ---------------------------------------------------------------- what did not happen or is only asked about


def test_too_busy_to_meet_is_no_meeting(annotate):
    doc = annotate("The Chilean president said he was too busy to meet the Peruvian foreign minister.")
    assert not [e for e in doc.events if e.type == "CONSULT" and e.modality != "negated"]


def test_neither_confirmed_nor_denied_denies_nothing(annotate):
    doc = annotate("Chile has neither confirmed nor denied its role in the raid on Peru.")
    assert not [e for e in doc.events if e.type == "REJECT" and e.modality != "negated"]


def test_whether_a_side_will_talk_is_an_open_question_not_an_offer(annotate):
    doc = annotate("It remains unclear whether Chilean President Gabriel Boric is prepared to sit down "
                   "with Peru.")
    assert not doc.events


def test_an_action_during_a_visit_is_not_held_back_by_the_clause_around_it(annotate):
    doc = annotate("Chile could impose sanctions on Peru during the visit of the Bolivian president to Lima.")
    visit = of_type(doc, "CONSULT")
    assert visit and visit[0].modality == "asserted"  # the visit is the setting, told as done
    assert not of_type(doc, "AGREE")


# ---------------------------------------------------------------- judging a deed done to someone


def test_condemning_an_attack_on_someone_is_aimed_at_the_attacker_not_the_victim(annotate):
    doc = annotate("Bolivian militants attacked the Peruvian embassy in Santiago on Monday. Chile condemned "
                   "the attack on the Peruvian embassy.", published=PUBLISHED)
    judged = of_type(doc, "ACCUSE")[0]
    assert codes(judged.source) == ["CHL"] and codes(judged.target) == ["BOL"]


def test_condemning_an_attack_whose_doer_is_not_named_blames_neither_victim_nor_place(annotate):
    doc = annotate("Peru condemned the strike on Bolivian officers in the Chilean port of Arica.")
    judged = of_type(doc, "ACCUSE")[0]
    assert codes(judged.source) == ["PER"] and not judged.target


def test_condemning_the_bombing_of_someones_embassy_does_not_blame_the_embassys_state(annotate):
    doc = annotate("Chile condemned the bombing of the Peruvian embassy in Bolivia.")
    assert "PER" not in codes(of_type(doc, "ACCUSE")[0].target)


def test_condemning_a_states_shelling_of_a_city_blames_that_state(annotate):
    doc = annotate("Chile condemned Bolivia's shelling of the Peruvian town of Tacna.")
    assert codes(of_type(doc, "ACCUSE")[0].target) == ["BOL"]


# ---------------------------------------------------------------- a topic is not a target


@pytest.mark.parametrize("text", [
    "The Peruvian president called for an end to the war in Bolivia.",
    "The Peruvian president praised the efforts to end the crisis in Bolivia.",
])
def test_a_state_named_only_as_where_a_war_or_crisis_is_is_never_a_guessed_target(annotate, text):
    doc = annotate(text)
    assert doc.events and not [e for e in doc.events if "BOL" in codes(e.target)]


def test_an_actor_named_beside_the_topic_is_still_the_target(annotate):
    doc = annotate("Chile urged Peru to help resolve the crisis in Bolivia.")
    assert codes(of_type(doc, "REQUEST")[0].target) == ["PER"]
