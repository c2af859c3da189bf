"""Positions: demands, proposals, offers, support and rejections, read from sentences written for these tests."""

from __future__ import annotations


def _positions(doc, kind=None):
    return [p for p in doc.positions if kind is None or p.kind == kind]


def test_a_list_of_demands_yields_one_position_per_item_with_its_condition(annotate):
    doc = annotate(
        "Moscow has said that for a lasting truce to be reached, Georgia must disband its militias, "
        "close its border crossings and release all detainees."
    )
    demands = _positions(doc, "demand")
    assert [p.content for p in demands] == ["disband its militias", "close its border crossings", "release all detainees"]
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
    doc = annotate("Armenia proposed a three-day truce along the border. Azerbaijan dismissed the proposal on Monday.")
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
    doc = annotate("Russian and Ukrainian delegates met in Istanbul on Friday and discussed a prisoner exchange.")
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
    doc = annotate("Dmitry Peskov said that the meeting will focus on restoring trade between Russia and Japan.")
    (proposal,) = _positions(doc, "proposal")
    assert proposal.holder == "RUS" and proposal.content == "restoring trade between Russia and Japan"


def test_provided_introduces_a_condition_whatever_way_it_is_parsed(annotate):
    doc = annotate(
        "The Russian Defence Ministry said its troops would observe the truce, provided it was respected by Ukraine."
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
