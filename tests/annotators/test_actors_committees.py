"""Party bodies and committees of a legislature act for their state."""

from __future__ import annotations

import pytest

from actor_checks import actor_for
from communique.annotators.actors.committees import committee_country


@pytest.fixture(scope="module")
def knowledge_gaz():
    from communique.annotators.actors.gazetteer import load_gazetteer
    from communique.knowledge import Knowledge

    return load_gazetteer(Knowledge.from_env())


def test_a_chamber_committee_with_no_country_is_the_us_congress(annotate):
    doc = annotate("The House Transport Committee summoned the airline's chief on Monday, and the Senate "
                   "Agriculture Committee delayed its vote.")
    for name in ("House Transport Committee", "Senate Agriculture Committee"):
        body = actor_for(doc, name)
        assert (body.country, body.sector) == ("USA", "LEG")


def test_a_chamber_committee_in_an_article_about_another_state_is_that_states(annotate):
    doc = annotate("Quezon City police arrested two suspects. The Senate Public Order Committee said it "
                   "would question the Philippine National Police chief on Friday.")
    assert actor_for(doc, "Senate Public Order Committee").country == "PHL"


def test_a_committee_named_after_a_known_legislature_takes_its_country(knowledge_gaz):
    assert committee_country("Bundestag Budget Committee", knowledge_gaz, {}, None, "2025-05-28") == "DEU"
    assert committee_country("Senate Budget Committee", knowledge_gaz, {"senate": "USA"}, None, None) == "USA"
    # a committee of no chamber ("the party's Central Committee") and a chamber that is no committee
    assert committee_country("Central Committee", knowledge_gaz, {"senate": "USA"}, None, None) is None
    assert committee_country("Senate Republicans", knowledge_gaz, {"senate": "USA"}, None, None) is None


def test_us_party_bodies_are_american_party_actors(annotate):
    doc = annotate("The DNC said on Monday that it would spend more on the race, while the RNC and the GOP "
                   "accused it of lying.")
    for surface in ("DNC", "RNC", "GOP"):
        body = actor_for(doc, surface)
        assert (body.country, body.sector) == ("USA", "PTY"), surface


def test_a_bare_democratic_party_gets_no_country_of_its_own(annotate):
    doc = annotate("The Democratic Party won the regional vote on Sunday.")
    party = actor_for(doc, "Democratic Party")
    assert party is None or party.country is None


def test_a_unit_named_right_after_a_known_party_body_is_its_unit(annotate):
    doc = annotate("The DNC Rules Committee voted on Tuesday to move the primary.", "2016-09-12")
    unit = next(a for a in doc.actors if a.name == "DNC Rules Committee")
    assert (unit.country, unit.sector) == ("USA", "PTY")


def test_a_committee_named_right_after_a_known_legislature_keeps_its_state(annotate):
    doc = annotate("The Knesset Finance Committee approved the budget on Monday.")
    unit = next(a for a in doc.actors if a.name == "Knesset Finance Committee")
    assert (unit.country, unit.sector) == ("ISR", "LEG")


def test_a_name_that_goes_on_after_the_unit_word_is_no_unit(annotate):
    doc = annotate("The DNC Council Chamber was locked on Monday.", "2016-09-12")
    assert all(a.name != "DNC Council" for a in doc.actors)
