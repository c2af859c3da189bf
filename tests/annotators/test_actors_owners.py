"""Whose person or body it is: an organisation's possessive, a state's possessive on a body or an office, a
town before a state abbreviation, and the office a known person holds at the article's date."""

from __future__ import annotations

from actor_checks import actor_named


def test_a_news_outlets_possessive_makes_the_person_one_of_its_reporters(annotate):
    doc = annotate("The interview was led by Reuters' Dana Whitlock and the BBC's Omar Castell.")
    for name, country in (("Dana Whitlock", "GBR"), ("Omar Castell", "GBR")):
        person = actor_named(doc, name)
        assert (person.country, person.sector) == (country, "MED")


def test_an_armed_groups_possessive_gives_its_country_and_sector(annotate):
    doc = annotate("Hezbollah's Omar Haddad said the group would answer the strike.")
    person = actor_named(doc, "Omar Haddad")
    assert (person.kind, person.country, person.sector) == ("person", "LBN", "REB")


def test_an_unknown_bodys_possessive_gives_nothing(annotate):
    doc = annotate("Brightwater's Karim Haddad said the firm would answer the claim.")
    assert actor_named(doc, "Karim Haddad").country is None


def test_the_head_of_a_states_national_assembly_acts_for_that_state(annotate):
    doc = annotate("Tomas Ferrer, head of Bolivia's National Assembly, said the vote would be held.")
    assert actor_named(doc, "Tomas Ferrer").country == "BOL"


def test_a_states_possessive_on_a_congress_outranks_the_gazetteers_congress(annotate):
    doc = annotate("Tomas Ferrer, a member of Peru's Congress, said the vote would be held.")
    assert actor_named(doc, "Tomas Ferrer").country == "PER"
    assert {a.country for a in doc.actors if a.name == "Congress"} == {"PER"}


def test_an_office_a_state_possesses_gives_its_holder_that_state(annotate):
    doc = annotate("The markets fell after the resignation of Norway's minister of trade, Arne Voll.")
    assert actor_named(doc, "Arne Voll").country == "NOR"


def test_a_companys_officer_takes_no_state_from_the_company(annotate):
    doc = annotate("The bank's chairman, Arne Voll, resigned on Friday.")
    assert actor_named(doc, "Arne Voll").country is None


def test_a_surname_before_a_state_abbreviation_is_a_town(annotate):
    doc = annotate("Mary Quill, 52, of Ashton, Md., said the storm had knocked out the power.", "2016-09-25")
    assert all(a.name != "Catherine Ashton" for a in doc.actors)
    town = actor_named(doc, "Ashton")
    assert town is not None and town.kind == "location" and town.country == "USA"


def test_a_surname_before_a_province_named_in_full_is_a_town(annotate):
    doc = annotate("Kim Rowe of Ashton, Ontario, won the race on Saturday.", "2016-09-25")
    assert all(a.name != "Catherine Ashton" for a in doc.actors)


def test_a_known_surname_followed_by_a_title_stays_the_person(annotate):
    text = "Catherine Ashton met the envoy. Ashton, the EU foreign policy chief, said talks had gone well."
    doc = annotate(text, "2013-05-02")
    assert actor_named(doc, "Catherine Ashton").country == "EU"


def test_an_office_held_years_later_gives_the_country_but_not_the_role(annotate):
    doc = annotate("Deputy Attorney General Eric Holder said the matter was under review.", "2000-02-10")
    person = actor_named(doc, "Eric Holder")
    assert person.country == "USA"
    assert person.role == "deputy attorney general"


def test_a_future_president_is_not_the_president_of_an_earlier_article(annotate):
    doc = annotate("Donald Trump attacked his rival on Monday. The president said he would not answer.",
                   "2016-09-20")
    assert actor_named(doc, "Donald Trump").role is None
    assert all(m.text != "The president" for a in doc.actors if a.name == "Donald Trump" for m in a.mentions)


def test_a_title_with_several_holders_at_once_names_none_of_them(annotate):
    doc = annotate("An American senator said on Monday that the vote would be delayed.", "2016-09-20")
    assert all(a.kind != "person" or a.name == "American senator" or "senator" in a.name.lower()
               for a in doc.actors)


def test_a_post_left_in_an_international_body_gives_no_country(annotate):
    text = ("Envoy Pavel Orlin left for talks on Tuesday. Orlin, a former deputy head of the United Nations, "
            "will also visit the region.")
    doc = annotate(text, "1990-08-15")
    assert actor_named(doc, "Pavel Orlin").country is None


def test_a_former_national_post_still_gives_the_nationality(annotate):
    doc = annotate("Peter Mwangi, a former Kenyan minister, arrived on Tuesday.", "1990-08-15")
    assert actor_named(doc, "Peter Mwangi").country == "KEN"


def test_a_qualified_ministry_in_a_title_is_one_body(annotate):
    doc = annotate("Chilean Foreign Ministry spokesman Pablo Ruiz said the talks would resume.")
    assert actor_named(doc, "Foreign Ministry") is None
    assert actor_named(doc, "Pablo Ruiz").country == "CHL"


def test_a_person_described_as_based_in_a_city_takes_its_country(annotate):
    doc = annotate("Ana Brunt, a Lima-based developer, said the program had helped poor districts.")
    assert actor_named(doc, "Ana Brunt").country == "PER"


def test_a_person_described_as_based_in_a_city_after_the_noun_takes_its_country(annotate):
    doc = annotate("Mario Vela, a lawyer based in Lima, said the case was weak.")
    assert actor_named(doc, "Mario Vela").country == "PER"


def test_a_lone_surname_decades_before_the_persons_office_is_not_him(annotate):
    doc = annotate("And now Kellogg is suspending work on its new cereal plant.", "1989-10-30")
    assert all(a.name != "Keith Kellogg" for a in doc.actors)


def test_a_lone_surname_during_the_persons_office_is_him(annotate):
    doc = annotate("Kellogg met the Ukrainian president in Kyiv on Monday.", "2025-10-30")
    assert actor_named(doc, "Keith Kellogg").country == "USA"


def test_a_past_office_is_still_the_persons_role(annotate):
    doc = annotate("Lech Walesa spoke to the students on Monday.", "1999-03-12")
    assert actor_named(doc, "Lech Walesa").role == "president"


def test_the_exchequer_in_a_title_gives_the_united_kingdom(annotate):
    doc = annotate("The pound fell after Chancellor of the Exchequer Nigel Lowry resigned.", "1989-10-27")
    assert actor_named(doc, "Nigel Lowry").country == "GBR"
