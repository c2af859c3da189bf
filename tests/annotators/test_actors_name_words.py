"""A state's name or demonym that is a word of a person's name is part of the name, not a state."""

from __future__ import annotations

from actor_checks import actor_for


def test_a_demonym_after_a_given_name_is_a_surname_not_a_state(annotate):
    doc = annotate("Investor Mark Cuban said on Tuesday that the merger was unfair. Cuban added that he "
                   "would sue.")
    assert not any(a.kind == "state" for a in doc.actors)
    person = actor_for(doc, "Mark Cuban")
    assert person.kind == "person" and person.country is None
    assert actor_for(doc, "Cuban", 1) is person


def test_a_state_name_after_a_given_name_is_a_surname(annotate):
    doc = annotate("Ann Holland, a nurse from Leeds, told the inquiry that she had warned her managers.")
    assert not any(a.country == "NLD" for a in doc.actors)
    assert actor_for(doc, "Ann Holland").kind == "person"


def test_two_such_names_in_one_sentence_are_two_people(annotate):
    doc = annotate("Peter German criticised the plan on Monday, while Sam French praised it.")
    assert {a.name for a in doc.actors if a.kind == "person"} >= {"Peter German", "Sam French"}
    assert not any(a.kind == "state" for a in doc.actors)


def test_a_demonym_qualifying_a_noun_stays_the_state_beside_a_namesake(annotate):
    doc = annotate("Investor Mark Cuban praised the deal on Tuesday. Cuban officials disagreed with him.")
    assert actor_for(doc, "Mark Cuban").kind == "person"
    officials = actor_for(doc, "Cuban", 1)
    assert officials is not None and officials.country == "CUB"


def test_a_demonym_glued_to_a_hyphen_qualifies_the_word_after(annotate):
    doc = annotate("Mary Cuban-born analysts said the island's economy was shrinking.")
    assert not any(a.name.endswith("Cuban") for a in doc.actors)


def test_a_state_word_inside_a_tagged_name_gives_the_person_no_country(annotate):
    doc = annotate("Jack English, the club's coach, said on Saturday that his players were exhausted.")
    coach = actor_for(doc, "Jack English")
    assert coach.kind == "person" and coach.country is None
    assert not any(a.kind == "state" for a in doc.actors)
