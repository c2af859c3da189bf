"""A title that names no country, in an article of several states, leaves the person's country unknown."""

from __future__ import annotations

from actor_checks import actor_named


def test_a_bare_ministerial_title_among_several_states_is_not_given_one(annotate):
    doc = annotate("Talks between Peru and Bolivia stalled on Monday, Foreign Minister Rosa Quispe said, "
                   "after Bolivian officials walked out.")
    assert actor_named(doc, "Rosa Quispe").country is None


def test_a_bare_title_next_to_coordinated_demonyms_is_not_given_either(annotate):
    doc = annotate("Foreign Minister Carl Benz said Chinese and Japanese banks would fund the port.")
    assert actor_named(doc, "Carl Benz").country is None


def test_a_national_office_in_an_article_of_one_state_takes_that_state(annotate):
    doc = annotate("Peru's government approved the budget on Monday. Foreign Minister Rosa Quispe said the "
                   "Peruvian army would guard the mines.")
    assert actor_named(doc, "Rosa Quispe").country == "PER"
