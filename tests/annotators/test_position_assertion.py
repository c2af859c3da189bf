"""Stances that are asked about, turned down or empty are not held: sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether Colombia is ready to withdraw its troops from the border.",
        "Analysts asked whether Peru was prepared to reopen the crossing.",
        "The minister did not explain why the tariffs on Chilean copper should be kept.",
        "Just how far Peru is willing to go to settle the dispute remains unclear.",
        "Analysts asked how quickly Ghana would be ready to withdraw its troops.",
    ],
)
def test_a_stance_inside_an_embedded_question_is_not_held(annotate, text):
    assert annotate(text).positions == []


def test_a_pledge_turned_down_by_its_governing_verb_is_no_offer(annotate):
    doc = annotate("Bolivia refused to pledge to reopen the border.")
    assert not [p for p in doc.positions if p.kind in ("offer", "proposal")]


def test_an_offer_of_nothing_is_no_offer(annotate):
    doc = annotate("Ecuador offered no evidence that Peru had moved troops.")
    assert doc.positions == []


def test_only_an_actor_refuses(annotate):
    assert annotate("Peru said pressure from Chile would not change its stance on the river.").positions == []
    doc = annotate("Peru said it would not sign the accord.")
    assert [(p.holder, p.kind, p.content) for p in doc.positions] == [("PER", "rejection", "sign the accord")]


def test_a_stated_readiness_is_still_an_offer(annotate):
    doc = annotate("Bolivia is ready to reopen the border crossing.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("BOL", "offer")]


def test_a_suggestion_stated_with_do_is_a_claim_not_a_proposal(annotate):
    doc = annotate("The Peruvian foreign minister suggested that Chile does not want a deal.")
    assert not [p for p in doc.positions if p.kind == "proposal"]
    doc = annotate("The Peruvian foreign minister suggested that Chile withdraw its troops.")
    assert [(p.holder, p.kind, p.content) for p in doc.positions] == [
        ("PER", "proposal", "withdraw its troops")
    ]


@pytest.mark.parametrize("mark", ["provided that", "provided"])
def test_provided_that_sets_a_condition_on_the_holders_own_act(annotate, mark):
    doc = annotate(f"Peru would sign the accord {mark} Chile pays compensation.")
    demands = [p for p in doc.positions if p.kind == "demand"]
    assert [(p.holder, p.content) for p in demands] == [("PER", "pays compensation")]
    assert demands[0].condition_for.endswith("sign the accord")


@pytest.mark.parametrize(
    "text",
    [
        "Peru was asked to withdraw its troops.",
        "Chile's ships would be required to leave the bay.",
    ],
)
def test_the_subject_of_a_passive_demand_is_asked_and_holds_nothing(annotate, text):
    assert annotate(text).positions == []


def test_what_a_law_requires_is_not_its_sponsors_demand(annotate):
    assert (
        annotate("The senator sponsored a law requiring border guards to report every crossing.").positions
        == []
    )


def test_a_truce_proposed_by_a_side_is_still_that_sides_proposal(annotate):
    doc = annotate("Chile backed a truce announced by Peru.")
    assert ("PER", "proposal") in [(p.holder, p.kind) for p in doc.positions]


def test_an_act_asked_of_another_is_not_his_stance(annotate):
    doc = annotate("Regional leaders urged Chile to insist that Peru agree to a ceasefire.")
    assert not [p for p in doc.positions if p.holder == "PER"]
    doc = annotate("Chile urged Peru to agree to a ceasefire.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("CHL", "demand")]


@pytest.mark.parametrize(
    "text",
    [
        "Everything Bolivia says is false unless proven otherwise.",
        "The ministry needs to stay out of the dispute unless it wants to take sides.",
        "The president called the Chilean ambassador on Friday to express his gratitude.",
        "Bolivia said the real question should be why Chile waited so long.",
        "These are the groups Peru refuses to name.",
    ],
)
def test_hedges_phone_calls_judgments_and_lone_verbs_hold_no_stance(annotate, text):
    assert annotate(text).positions == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Peru called on Friday for a truce.", "truce"),
        ("Bolivia said Chile must be a partner in the talks.", "partner in the talks"),
        ("Putin is ready to meet.", "meet"),
    ],
)
def test_the_look_alikes_keep_their_stance(annotate, text, content):
    assert [p.content for p in annotate(text).positions if content in p.content]


def test_a_lone_verb_before_a_new_clause_is_still_content(annotate):
    doc = annotate("Peru promised to withdraw and called for talks.")
    assert ("offer", "withdraw") in [(p.kind, p.content) for p in doc.positions]


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the talks, the Norwegian foreign minister declined to discuss the terms of the draft.",
        "The Omani envoy would not name the officials who drafted the offer.",
    ],
)
def test_refusing_to_speak_of_a_thing_takes_no_side_on_it(annotate, text):
    assert annotate(text).positions == []


def test_refusing_an_act_is_still_a_rejection(annotate):
    doc = annotate("Oman refused to recognise the new government in the capital.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("OMN", "rejection")]


@pytest.mark.parametrize(
    "text",
    [
        "Many diplomats think the Egyptian plan was a sensible one.",
        "The Jordanian offer is a ploy to buy time, Syria said.",
        "The Kuwaiti idea was a good idea, the envoy said.",
    ],
)
def test_a_predicate_judging_a_stance_is_not_its_content(annotate, text):
    assert not [p for p in annotate(text).positions if p.kind == "proposal" or p.kind == "offer"]


def test_a_predicate_saying_what_a_plan_holds_is_its_content(annotate):
    doc = annotate("The Tunisian proposal is a ceasefire along the current front lines.")
    assert [(p.holder, p.kind, p.content) for p in doc.positions] == [
        ("TUN", "proposal", "ceasefire along the current front lines")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The police in Zambia refused to provide details of the arrests.",
        "Zambian officials said they would not give figures for the losses.",
    ],
)
def test_refusing_to_give_information_withholds_words(annotate, text):
    assert annotate(text).positions == []


def test_asking_for_information_is_still_a_demand(annotate):
    doc = annotate("Malawi urged Zambia to provide information on the missing fishermen.")
    assert [(p.holder, p.kind, p.addressee) for p in doc.positions] == [("MWI", "demand", "ZMB")]


def test_refusing_to_provide_a_deed_is_a_rejection(annotate):
    doc = annotate("Zambia refused to provide troops for the mission.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("ZMB", "rejection")]


def test_a_market_offer_for_shares_is_no_stance(annotate):
    doc = annotate("An Italian chemical company began its tender offer for the shares of a Dutch drug maker.")
    assert doc.positions == []
