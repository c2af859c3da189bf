"""A state's or province's name that holds a state's name ("New Mexico") is a place of its own country, and a
government body named after a state or province is of that province's country."""

from __future__ import annotations

from actor_checks import actor_named


def test_a_state_name_inside_a_longer_us_state_name_is_no_state(annotate):
    doc = annotate("Voters in New Mexico backed the measure on Tuesday.", "2016-10-02")
    assert all(a.country != "MEX" for a in doc.actors)
    assert actor_named(doc, "New Mexico").country == "USA"


def test_a_state_name_after_another_state_stays_the_state(annotate):
    doc = annotate("New Zealand and Mexico signed a trade deal on Tuesday.", "2016-10-02")
    assert actor_named(doc, "Mexico").country == "MEX"


def test_a_body_named_after_a_province_is_of_its_country(annotate):
    doc = annotate("Officials of the Ontario Ministry of Health met on Monday.", "2016-10-02")
    assert actor_named(doc, "Ontario Ministry of Health").country == "CAN"


def test_a_company_named_after_a_province_takes_nothing_from_it(annotate):
    doc = annotate("Shares of Ontario Widgets rose on Monday after the report.", "2016-10-02")
    assert all(a.country != "CAN" for a in doc.actors if "Widgets" in a.name)


def test_the_west_inside_a_us_state_name_is_no_coalition(annotate):
    text = "A lawyer for the West Virginia Department of Environmental Protection spoke."
    doc = annotate(text, "2016-10-02")
    assert all(a.kind != "coalition" for a in doc.actors)


def test_a_dateline_with_a_state_abbreviation_places_the_story_there(annotate):
    doc = annotate("MAPLEVIEW, W.Va. -- The mine closed. The Department of Environmental Protection said so.",
                   "2016-10-02")
    assert actor_named(doc, "Department of Environmental Protection").country == "USA"


def test_a_town_before_a_state_abbreviation_lies_in_that_country(annotate):
    doc = annotate("The company chose to file in Richmond, Va., where judges are quick.", "2016-10-02")
    assert actor_named(doc, "Richmond").country == "USA"


def test_a_surname_before_an_abbreviation_closing_the_sentence_is_a_town(annotate):
    doc = annotate("Mary Quill lives in Ashton, Md. She said the power was out.", "2016-10-02")
    assert all(a.name != "Catherine Ashton" for a in doc.actors)


def test_us_federal_regulators_by_name_or_acronym_are_american(annotate):
    doc = annotate("The FCC fined the station. Later the Securities and Exchange Commission sued a broker.",
                   "2016-10-02")
    assert actor_named(doc, "Federal Communications Commission").country == "USA"
    assert actor_named(doc, "Securities and Exchange Commission").country == "USA"


def test_a_town_before_a_province_the_model_split_lies_in_that_province(annotate):
    doc = annotate("Residents of Richmond, British Columbia, voted on Monday.", "2016-10-02")
    assert actor_named(doc, "Richmond").country == "CAN"


def test_a_state_abbreviation_after_a_town_is_no_actor_of_its_own(annotate):
    doc = annotate("Workers in Tulsa, Okla., walked out on Friday.", "2016-10-02")
    assert actor_named(doc, "Tulsa").country == "USA"
    assert all(a.name != "Okla." for a in doc.actors)


def test_a_department_named_after_a_us_state_that_shares_a_countrys_name_is_american(annotate):
    doc = annotate("The Georgia Department of Labor opened an inquiry into the plant.", "2016-10-02")
    assert actor_named(doc, "Georgia Department of Labor").country == "USA"


def test_a_ministry_named_after_that_country_stays_the_country(annotate):
    doc = annotate("The Georgia Ministry of Defence said two soldiers were hurt.", "2016-10-02")
    assert actor_named(doc, "Georgia Ministry of Defence").country == "GEO"


def test_a_legislator_of_a_region_several_countries_have_takes_the_one_its_name_alone_names(annotate):
    doc = annotate("Rep. Tom Vellick of Maryland voted against the bill.", "2016-10-02")
    assert actor_named(doc, "Tom Vellick").country == "USA"


def test_police_drawn_from_many_countries_take_no_country_from_the_article(annotate):
    doc = annotate("Chilean officials said on Monday that police from 30 countries joined the raids.",
                   "2016-10-02")
    assert all(a.kind != "institution" or a.country is None for a in doc.actors)


def test_unqualified_police_still_take_the_articles_country(annotate):
    doc = annotate("Chilean officials said on Monday that the police joined the raids.", "2016-10-02")
    assert any(a.kind == "institution" and a.country == "CHL" for a in doc.actors)


def test_a_demonym_before_a_us_regulators_name_makes_it_that_states_body(annotate):
    doc = annotate("The Kenyan Securities and Exchange Commission suspended the broker.", "2016-10-02")
    assert actor_named(doc, "Securities and Exchange Commission").country == "KEN"


def test_a_us_state_holding_a_countrys_name_in_a_title_is_the_state(annotate):
    doc = annotate("The New Mexico senator, Tom Vellick, criticized the plan.", "2016-10-02")
    assert actor_named(doc, "Tom Vellick").country == "USA"
    doc = annotate("Mexican Senator Tom Vellick criticized the plan.", "2016-10-02")
    assert actor_named(doc, "Tom Vellick").country == "MEX"


def test_lower_case_words_the_model_called_an_organisation_are_no_actor(annotate):
    text = "The firm said in a filing with the federal Securities and Exchange Commission that it paid."
    doc = annotate(text, "2016-10-02")
    assert all(a.name != "federal" for a in doc.actors)
    assert actor_named(doc, "Securities and Exchange Commission").country == "USA"
