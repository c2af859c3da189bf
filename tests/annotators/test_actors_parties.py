"""A party word only one state's news writes gives a politician that state; a seat in brackets too."""

from __future__ import annotations

from actor_checks import actor_named


def test_a_party_adjective_before_a_candidates_title_gives_the_state(annotate):
    doc = annotate("Voters cheered Democratic vice presidential nominee Tom Wendel at a rally.", "2016-09-20")
    person = actor_named(doc, "Tom Wendel")
    assert (person.country, person.sector) == ("USA", "PTY")


def test_a_party_noun_in_apposition_gives_the_state(annotate):
    doc = annotate("In the Senate race, the Republican, Carl Hubbard, has not said a word.", "2016-09-20")
    assert actor_named(doc, "Carl Hubbard").country == "USA"


def test_a_senators_party_and_abbreviated_title_give_state_and_sector(annotate):
    doc = annotate("On Monday, Democratic Sen. Roy Padgett said the bill would fail.", "2016-09-20")
    person = actor_named(doc, "Roy Padgett")
    assert (person.country, person.sector) == ("USA", "LEG")


def test_a_party_word_inside_a_longer_name_gives_no_state(annotate):
    doc = annotate("On Monday, Social Democrat leader Olaf Brenner spoke in a small town.", "2016-09-20")
    assert actor_named(doc, "Olaf Brenner").country != "USA"
    doc = annotate("On Monday, Democratic Unionist leader Arlene Foss spoke in a small town.", "2016-09-20")
    assert actor_named(doc, "Arlene Foss").country != "USA"


def test_a_party_named_in_a_title_still_acts(annotate):
    doc = annotate("On Monday, Labour Party leader Tom Hale spoke in London.", "2016-09-20")
    assert actor_named(doc, "Labour Party") is not None


def test_a_seat_in_brackets_after_a_senators_name_gives_the_state(annotate):
    doc = annotate("Voters asked how Sen. Roy Padgett (Vt.) had won them over.", "2016-09-20")
    assert actor_named(doc, "Roy Padgett").country == "USA"


def test_an_outlet_in_brackets_is_no_seat(annotate):
    doc = annotate("Roy Padgett (AP) wrote the story on Monday.", "2016-09-20")
    assert actor_named(doc, "Roy Padgett").country is None


def test_a_party_letter_alone_in_brackets_gives_the_state(annotate):
    doc = annotate("Gov. Pat Mercer (R) said it would be improper to comment.", "2016-09-20")
    person = actor_named(doc, "Pat Mercer")
    assert (person.country, person.sector) == ("USA", "GOV")
