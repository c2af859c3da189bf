"""Places: the one resolver of city, subdivision and country names."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def places():
    from communique.annotators.places import load_places
    from communique.knowledge import Knowledge

    return load_places(Knowledge())


def test_a_state_or_province_outranks_a_small_same_named_city_abroad(places):
    assert places.city_country("Virginia") == "USA"
    assert places.city_country("Florida") == "USA"
    assert places.city_country("Ontario") == "CAN"
    assert places.locate("Texas")[0] == "USA"


def test_a_large_city_abroad_keeps_its_name_against_a_subdivision(places):
    assert places.city_country("Manchester") == "GBR"
    assert places.city_country("Gaza") == "PSE"


def test_a_subdivision_country_joins_the_namesakes_context_can_choose(places):
    assert {"USA", "CUB"} <= places.city_namesakes("Florida")


def test_a_countrys_own_name_still_names_the_country(places):
    assert places.locate("Georgia")[0] == "GEO"


def test_a_small_states_town_councils_are_not_provinces(places):
    assert places.city_country("Saint John") == "CAN"
    assert not places.subdivision_countries("Fontana")
    assert "USA" in places.subdivision_countries("Georgia")


def test_a_region_after_a_town_picks_its_namesake(places, pipeline):
    doc = pipeline.nlp("A fire broke out in Birmingham, Ala., and in Birmingham, England.")
    first = next(t.i for t in doc if t.text == "Birmingham")
    second = next(t.i for t in doc if t.text == "Birmingham" and t.i > first)
    assert places.locate_qualified(doc, first, first + 1)[0] == "USA"
    assert places.locate_qualified(doc, second, second + 1)[0] == "GBR"
    assert places.locate("Birmingham")[0] == "GBR"
