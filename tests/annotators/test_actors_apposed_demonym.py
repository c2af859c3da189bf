"""A demonym on the noun a name stands in apposition to gives the person's country."""

from __future__ import annotations

from actor_checks import actor_named


def test_a_demonym_in_an_apposition_after_the_name_gives_the_country(annotate):
    doc = annotate("Peter Novak, a Slovak engineer, was released by the kidnappers on Sunday.")
    assert actor_named(doc, "Peter Novak").country == "SVK"


def test_a_demonym_in_an_apposition_before_the_name_gives_the_country(annotate):
    doc = annotate("A Slovak engineer, Peter Novak, was released by the kidnappers on Sunday.")
    assert actor_named(doc, "Peter Novak").country == "SVK"


def test_a_demonym_on_another_persons_noun_gives_nothing(annotate):
    doc = annotate("Peter Novak, the nephew of a Slovak engineer, was released by the kidnappers on Sunday.")
    assert actor_named(doc, "Peter Novak").country is None


def test_a_demonym_on_a_place_in_the_apposition_gives_nothing(annotate):
    doc = annotate("Peter Novak, a teacher at a Slovak school, was released by the kidnappers on Sunday.")
    assert actor_named(doc, "Peter Novak").country is None


def test_a_relatives_nationality_is_not_the_persons(annotate):
    doc = annotate("Peter Novak said on Sunday that his Slovak mother had been held for a week.")
    assert actor_named(doc, "Peter Novak").country is None


def test_a_hyphenated_pair_of_nationalities_gives_none_of_them(annotate):
    doc = annotate("Peter Novak, a Slovak-Austrian engineer, was released by the kidnappers on Sunday.")
    assert actor_named(doc, "Peter Novak").country is None
