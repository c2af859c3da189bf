"""Positions: demands, proposals, offers, support and rejections, read from sentences written for
these tests."""

from __future__ import annotations


def _positions(doc, kind=None):
    return [p for p in doc.positions if kind is None or p.kind == kind]


def test_a_list_of_demands_yields_one_position_per_item_with_its_condition(annotate):
    doc = annotate(
        "Moscow has said that for a lasting truce to be reached, Georgia must disband its militias, "
        "close its border crossings and release all detainees."
    )
    demands = _positions(doc, "demand")
    assert [p.content for p in demands] == [
        "disband its militias",
        "close its border crossings",
        "release all detainees",
    ]
    assert {p.holder for p in demands} == {"RUS"}
    assert {p.addressee for p in demands} == {"GEO"}
    assert {p.condition_for for p in demands} == {"lasting truce"}


def test_backing_a_proposal_is_support_and_the_proposal_belongs_to_its_author(annotate):
    doc = annotate("Turkey has backed France's proposal for a humanitarian corridor in the north.")
    support = _positions(doc, "support")
    proposal = _positions(doc, "proposal")
    assert len(support) == 1 and support[0].holder == "TUR" and support[0].addressee == "FRA"
    assert support[0].content == "humanitarian corridor in the north"
    assert len(proposal) == 1 and proposal[0].holder == "FRA"


def test_each_that_clause_of_a_demand_is_its_own_position(annotate):
    doc = annotate("China demanded that the new tariffs be lifted and that the visa ban be withdrawn.")
    contents = [p.content for p in _positions(doc, "demand")]
    assert contents == ["new tariffs be lifted", "visa ban be withdrawn"]
    assert all(p.holder == "CHN" for p in doc.positions)


def test_dismissing_the_proposal_rejects_the_proposal_made_earlier(annotate):
    doc = annotate(
        "Armenia proposed a three-day truce along the border. Azerbaijan dismissed the proposal on Monday."
    )
    rejection = _positions(doc, "rejection")
    assert len(rejection) == 1
    assert rejection[0].holder == "AZE" and rejection[0].addressee == "ARM"
    assert "three-day truce" in rejection[0].content


def test_an_unless_clause_is_a_demand_with_what_it_conditions(annotate):
    doc = annotate("Washington said it would end its mediation unless Serbia resumed the talks.")
    demand = _positions(doc, "demand")
    assert len(demand) == 1
    assert demand[0].holder == "USA" and demand[0].addressee == "SRB"
    assert demand[0].content == "resumed the talks"
    assert "end its mediation" in demand[0].condition_for


def test_readiness_to_act_is_an_offer(annotate):
    doc = annotate("Iran is ready to resume talks with the IAEA next week.")
    offer = _positions(doc, "offer")
    assert len(offer) == 1 and offer[0].holder == "IRN"
    assert offer[0].content.startswith("resume talks with the IAEA")


def test_a_meeting_report_holds_no_position(annotate):
    doc = annotate(
        "Russian and Ukrainian delegates met in Istanbul on Friday and discussed a prisoner exchange."
    )
    assert doc.positions == []


def test_a_stance_restated_later_in_the_article_is_recorded_once(annotate):
    doc = annotate(
        "Russia proposed a meeting in Istanbul on June 2. "
        "Officials said that Russia proposed a meeting in Istanbul on June 2 but had no answer yet."
    )
    assert len(_positions(doc, "proposal")) == 1


def test_a_speakers_own_commitment_is_no_demand(annotate):
    doc = annotate("Russia said that Russia must protect its citizens abroad.")
    assert _positions(doc, "demand") == []


def test_refusing_to_comment_is_no_rejection(annotate):
    doc = annotate("The Kremlin refused to comment on the proposals.")
    assert _positions(doc, "rejection") == []


def test_positions_carry_evidence_date_and_offsets_into_the_text(annotate):
    doc = annotate("Kenya has backed Ethiopia's proposal for a new round of talks.", published="2025-03-02")
    for p in doc.positions:
        assert doc.text[p.start : p.end] == p.content
        assert p.evidence is not None and p.evidence.text.startswith("Kenya has backed")
        assert p.date == "2025-03-02"


def test_calling_on_an_actor_to_act_is_a_demand_on_that_actor(annotate):
    doc = annotate("Britain called on Israel to open the border crossings into Gaza.")
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "GBR" and demand.addressee == "ISR"
    assert demand.content == "open the border crossings into Gaza"


def test_the_agenda_a_spokesman_announces_is_his_sides_proposal(annotate):
    doc = annotate(
        "Dmitry Peskov said that the meeting will focus on restoring trade between Russia and Japan."
    )
    (proposal,) = _positions(doc, "proposal")
    assert proposal.holder == "RUS" and proposal.content == "restoring trade between Russia and Japan"


def test_provided_introduces_a_condition_whatever_way_it_is_parsed(annotate):
    doc = annotate(
        "The Russian Defence Ministry said its troops would observe the truce, "
        "provided it was respected by Ukraine."
    )
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "RUS"
    assert "respected by Ukraine" in demand.content


def test_rejecting_an_appeal_rejects_what_the_appeal_asks(annotate):
    doc = annotate("Lebanon rejected a United Nations appeal for deploying troops along its southern border.")
    (rejection,) = _positions(doc, "rejection")
    assert rejection.holder == "LBN" and rejection.addressee == "UN"
    assert rejection.content == "deploying troops along its southern border"


def test_insisting_on_a_fact_is_no_demand(annotate):
    doc = annotate("The United States insisted the unrest reflected local grievances.")
    assert _positions(doc, "demand") == []


def test_a_declaration_demanding_something_is_its_issuers_demand(annotate):
    doc = annotate("Hamas issued a statement demanding that Israel release all Palestinian detainees.")
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "PSE" and demand.addressee == "ISR"
    assert demand.content == "release all Palestinian detainees"


def test_a_joint_proposal_has_a_compound_holder(annotate):
    doc = annotate("Egypt and Qatar proposed a two-week truce to allow aid into Gaza.")
    (proposal,) = _positions(doc, "proposal")
    assert sorted(proposal.holder) == ["EGY", "QAT"]
    assert proposal.content.startswith("two-week truce")


def test_a_stored_compound_holder_is_found_by_either_code(annotate, db_path):
    from communique import Store

    doc = annotate("Egypt and Qatar proposed a two-week truce to allow aid into Gaza.")
    with Store(db_path) as store:
        store.save(doc, "test")
        assert [r["content"] for r in store.positions(holder="QAT")] == [doc.positions[0].content]
        assert store.positions(holder="EGY")[0]["holder"] in ("EGY,QAT", "QAT,EGY")


def test_a_passive_rejection_belongs_to_the_by_phrase(annotate):
    doc = annotate("The Russian proposal for a Christmas truce was rejected by Kyiv.")
    (rejection,) = _positions(doc, "rejection")
    assert rejection.holder == "UKR" and rejection.addressee == "RUS"
    assert rejection.content == "Christmas truce"


def test_rejecting_talks_is_read_through_the_lemma_of_the_plural(annotate):
    doc = annotate("Zelensky rejected any talks with Putin until Russian troops leave.")
    (rejection,) = _positions(doc, "rejection")
    assert rejection.holder == "UKR" and rejection.content == "talks with Putin"


def test_insisting_on_ones_own_course_is_no_demand(annotate):
    doc = annotate("Israel insists it will continue fighting until Hamas is destroyed.")
    assert _positions(doc, "demand") == []


def test_calling_for_someone_to_act_is_one_demand_on_them(annotate):
    doc = annotate("Germany called for Serbia to recognise the border.")
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "DEU" and demand.addressee == "SRB"
    assert demand.content == "recognise the border"


def test_a_demand_only_in_an_if_clause_is_not_recorded(annotate):
    doc = annotate("Talks could resume if Congress requires Iran to halt enrichment.")
    assert _positions(doc, "demand") == []


# ---------------------------------------------------------------- holders


def test_both_sides_are_the_parties_of_the_talks_reported_before(annotate):
    doc = annotate(
        "Talks between Chile and Peru resumed in Lima on Monday. Both sides demanded a neutral monitor."
    )
    (demand,) = _positions(doc, "demand")
    assert sorted(demand.holder) == ["CHL", "PER"]


def test_the_mediators_are_the_actors_named_as_mediating(annotate):
    doc = annotate(
        "Oman, which mediates between Iran and the United States, hosted both delegations. "
        "The mediators proposed a ten-day truce."
    )
    (proposal,) = _positions(doc, "proposal")
    assert proposal.holder == "OMN" and proposal.content == "ten-day truce"


def test_a_plural_pronoun_after_two_named_sides_holds_for_both(annotate):
    doc = annotate("Chile and Peru met in Lima. They called for a neutral monitor.")
    (demand,) = _positions(doc, "demand")
    assert sorted(demand.holder) == ["CHL", "PER"]


def test_an_official_named_by_title_speaks_for_the_state_of_the_title(annotate):
    doc = annotate("The moment is ripe for a lasting settlement, the Chilean foreign minister said.")
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "CHL"


def test_a_quotes_we_is_its_speaker(annotate):
    doc = annotate(
        '"We demand that Chile withdraw its troops," the Peruvian foreign minister said on Monday.'
    )
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "PER" and demand.addressee == "CHL" and demand.content == "withdraw its troops"


def test_a_compound_holder_acting_each_on_its_own_holds_one_position_per_party(annotate):
    doc = annotate("Chile and Peru each proposed a neutral venue for the talks.")
    assert sorted(p.holder for p in _positions(doc, "proposal")) == ["CHL", "PER"]
    joint = annotate("Chile and Peru proposed a neutral venue for the talks.")
    assert [sorted(p.holder) for p in joint.positions] == [["CHL", "PER"]]


def test_a_deals_requirement_is_no_sides_demand(annotate):
    doc = annotate("The US-brokered accord requires Chile to withdraw its troops from the border.")
    assert doc.positions == []


def test_a_stance_with_no_nameable_holder_is_not_recorded(annotate):
    doc = annotate("Officials demanded that the border crossings be reopened.")
    assert doc.positions == []


# ---------------------------------------------------------------- kinds and contents


def test_readiness_to_carry_out_a_deal_already_made_is_support_not_an_offer(annotate):
    doc = annotate("Chile is ready to implement the truce agreement signed in Lima.")
    assert [p.kind for p in doc.positions] == ["support"]


def test_a_clause_inside_a_proposal_is_part_of_it_not_a_rejection(annotate):
    doc = annotate(
        "Under the Brazilian plan, Peru would stay neutral and would not host foreign bases, "
        "Brazil's foreign minister said."
    )
    assert _positions(doc, "rejection") == []
    assert {p.holder for p in doc.positions} == {"BRA"}
    assert any("stay neutral" in p.content for p in _positions(doc, "proposal"))


def test_rejecting_the_demand_points_at_the_earlier_demand_not_the_latest_proposal(annotate):
    doc = annotate(
        "Chile demanded that Peru withdraw its navy. Bolivia proposed a joint patrol on the lake. "
        "Peru rejected the demand on Tuesday."
    )
    (rejection,) = _positions(doc, "rejection")
    assert (
        rejection.holder == "PER"
        and rejection.addressee == "CHL"
        and rejection.content == "withdraw its navy"
    )


def test_a_date_alone_is_never_the_content(annotate):
    doc = annotate("Peru proposed Monday. Chile demanded on Friday.")
    assert doc.positions == []


def test_a_list_after_a_colon_is_one_position_per_item(annotate):
    doc = annotate(
        "Bolivia laid out its conditions: a border commission, the return of seized trucks "
        "and an end to the blockade."
    )
    assert [p.content for p in _positions(doc, "demand")] == [
        "border commission", "return of seized trucks", "end to the blockade",
    ]


def test_what_an_offer_asks_in_return_is_a_demand_conditioning_it(annotate):
    doc = annotate("Russia offered a truce in return for the lifting of sanctions.")
    (offer,) = _positions(doc, "offer")
    (demand,) = _positions(doc, "demand")
    assert offer.content == "truce"
    assert demand.content == "lifting of sanctions" and demand.condition_for == "offered a truce"


def test_only_if_sets_a_condition(annotate):
    doc = annotate("Peru said it would sign the accord only if Chile withdrew its ships.")
    (demand,) = _positions(doc, "demand")
    assert demand.holder == "PER" and demand.addressee == "CHL"
    assert demand.content == "withdrew its ships" and "sign the accord" in demand.condition_for


def test_an_if_clause_on_an_offer_is_its_condition_not_its_content(annotate):
    doc = annotate("Bolivia offered to pull back its border units if Chile freed the detained herders.")
    (offer,) = _positions(doc, "offer")
    (demand,) = _positions(doc, "demand")
    assert offer.holder == "BOL" and offer.content == "pull back its border units"
    assert demand.holder == "BOL" and demand.addressee == "CHL"
    assert demand.content == "freed the detained herders" and demand.condition_for == offer.content


def test_a_pledge_keeps_its_condition_out_of_what_is_pledged(annotate):
    doc = annotate("Norway pledged to double its aid to the camps if the other donors pledged too.")
    (offer,) = _positions(doc, "offer")
    assert offer.holder == "NOR" and offer.content == "double its aid to the camps"
    assert all("if" not in p.content.split() for p in doc.positions)


def test_the_subject_pronoun_of_reported_speech_is_its_speaker(annotate):
    doc = annotate(
        "Ecuadorean President Daniel Noboa flew to Bogota, where Colombian President Gustavo Petro "
        "received him. The Colombian leader said he offered to host talks between Ecuador and Peru."
    )
    (offer,) = _positions(doc, "offer")
    assert offer.holder == "COL" and "host talks" in offer.content


def test_a_singular_pronoun_reported_by_a_group_is_not_the_group(annotate):
    doc = annotate("Police say he threatened the guards and refused to hand over the keys.")
    assert doc.positions == []


def test_a_condition_hung_deep_inside_the_deed_still_ends_the_deed(annotate):
    doc = annotate(
        "Canada would pledge to raise its target for cutting methane leaks by 2030 if Mexico pledged "
        "to do the same."
    )
    offer = next(p for p in doc.positions if p.kind == "offer")
    assert offer.content.endswith("by 2030")


def test_a_documents_demands_are_its_authors_even_inside_anothers_rejection(annotate):
    doc = annotate(
        "Kyiv rejected a Russian memorandum that demands Ukraine withdraw its troops from four regions "
        "and give up its plans to join NATO."
    )
    demands = _positions(doc, "demand")
    assert [(p.holder, p.addressee) for p in demands] == [("RUS", "UKR"), ("RUS", "UKR")]
    assert [p.content for p in demands] == [
        "withdraw its troops from four regions",
        "give up its plans to join NATO",
    ]
    assert [p.holder for p in _positions(doc, "rejection")] == ["UKR"]


def test_an_infinitive_after_an_object_is_asked_of_the_object(annotate):
    doc = annotate("Uruguay called on Paraguay to accept an unconditional ceasefire.")
    assert [(p.holder, p.kind, p.addressee) for p in doc.positions] == [("URY", "demand", "PRY")]


# ---------------------------------------------------------------- where a position was stated


def test_a_position_points_to_its_quote_and_event(annotate):
    doc = annotate(
        '"We demand that Chile withdraw its troops," the Peruvian foreign minister said on Monday.'
    )
    (demand,) = doc.positions
    assert demand.quote is not None and "withdraw its troops" in doc.quotes[demand.quote].text
    assert demand.event is not None and doc.events[demand.event].type == "REQUEST"


def test_a_position_in_reported_speech_points_to_the_statement(annotate):
    doc = annotate("Peru said it was essential that Chile withdraw its troops.")
    (demand,) = doc.positions
    assert demand.quote is None
    assert demand.statement is not None and "withdraw its troops" in doc.statements[demand.statement].content


def test_the_pointers_survive_the_json_round_trip(annotate):
    from communique.document import Document

    doc = annotate(
        '"We demand that Chile withdraw its troops," the Peruvian foreign minister said on Monday.'
    )
    again = Document.from_dict(doc.to_dict())
    assert (again.positions[0].quote, again.positions[0].event) == (
        doc.positions[0].quote,
        doc.positions[0].event,
    )
