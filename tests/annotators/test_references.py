"""references.py: which actors a phrase names, over the actors layer's mentions, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from communique.annotators.references import References
from communique.document import Article


@pytest.fixture(scope="module")
def read(pipeline):
    """read(text) -> (References, parsed Doc), with every annotator before events run."""

    def run(text: str):
        parsed = pipeline.nlp(text)
        document = pipeline.annotate_parsed(Article(id="t", text=text, published="2025-05-28"), parsed)
        return References(document), parsed

    return run


def word(doc, text: str, nth: int = 0):
    return [t for t in doc if t.text == text][nth]


def codes(actors) -> list[str | None]:
    return sorted(a.country for a in actors)


def test_a_coordinated_phrase_names_each_member(read):
    refs, doc = read("France, Spain and Italy signed the fisheries accord.")
    assert codes(refs.named(word(doc, "France"))) == ["ESP", "FRA", "ITA"]


def test_a_possessor_names_the_phrase_but_not_a_noun_of_relation(read):
    refs, doc = read("Germany's envoy met reporters. Japan's closest ally stayed silent.")
    assert codes(refs.named(word(doc, "envoy"))) == ["DEU"]
    assert "JPN" not in codes(refs.named(word(doc, "ally")))


def test_an_office_takes_the_states_its_of_phrase_names(read):
    refs, doc = read("The leaders of Chile and Peru met at the border.")
    assert codes(refs.named(word(doc, "leaders"))) == ["CHL", "PER"]


def test_a_group_named_by_a_demonym_acts_for_that_state(read):
    refs, doc = read("Hundreds of Canadian fishermen blocked the harbour.")
    assert codes(refs.named(word(doc, "fishermen"))) == ["CAN"]


def test_a_group_named_by_where_it_acts_takes_that_state(read):
    refs, doc = read("Unidentified gunmen in Mali ambushed a convoy.")
    assert codes(refs.named(word(doc, "gunmen"))) == ["MLI"]


def test_a_plural_pronoun_names_every_actor_coreference_found(read):
    refs, doc = read("Chile and Peru signed a water deal on Monday. They praised the mediators.")
    assert codes(refs.named(word(doc, "They"))) == ["CHL", "PER"]


def test_both_sides_are_the_parties_the_caller_recorded(read):
    refs, doc = read("Chile and Peru met on Monday. Both sides wanted more time.")
    assert codes(refs.named(word(doc, "sides"))) == []
    refs.parties = refs.named(word(doc, "Chile"))
    assert codes(refs.named(word(doc, "sides"))) == ["CHL", "PER"]


def test_the_delegations_of_two_named_states_are_those_states_not_the_parties(read):
    refs, doc = read("The delegations of Ghana and Togo arrived late.")
    refs.parties = refs.named(word(doc, "Ghana"))[:1]
    assert codes(refs.named(word(doc, "delegations"))) == ["GHA", "TGO"]


def test_the_owner_of_a_thing_is_its_possessor_or_its_by_phrase(read):
    refs, doc = read("Argentina rejected Brazil's offer and the plan put forward by Uruguay.")
    assert codes(refs.owner(word(doc, "offer"))) == ["BRA"]
    assert codes(refs.owner(word(doc, "plan"))) == ["URY"]


def test_the_doers_of_an_action_noun(read):
    refs, doc = read("Talks between Egypt and Sudan resumed after Polish criticism of the dam.")
    assert codes(refs.noun_doers(word(doc, "Talks"))) == ["EGY", "SDN"]
    assert codes(refs.noun_doers(word(doc, "criticism"))) == ["POL"]


def test_a_place_modifier_says_where_not_who(read):
    refs, doc = read("The Geneva talks ended without a statement.")
    assert refs.noun_doers(word(doc, "talks")) == []


def test_an_excluded_modifier_names_no_doer(read):
    refs, doc = read("Lawmakers debated new anti-Cuban measures.")
    measures = word(doc, "measures")
    excluded = frozenset(c.i for c in measures.children)
    assert refs.noun_doers(measures, excluded=excluded) == []


def test_a_plural_group_of_a_state_is_not_the_state_itself(read):
    refs, doc = read("Sudanese troops clashed with Sudanese rebels near the border.")
    troops, rebels = refs.named(word(doc, "troops")), refs.named(word(doc, "rebels"))
    assert codes(troops) == codes(rebels) == ["SDN"]
    assert troops[0] is not rebels[0]


def test_an_apposition_that_disagrees_in_number_renames_nothing(read):
    refs, doc = read(
        "Both armies have agreed to end hostilities, the chief mediator for the region, former Kenyan "
        "President Uhuru Kenyatta, said today."
    )
    assert word(doc, "mediator").dep_ == "appos"  # the parser hangs the reporter on the object
    assert refs.named(word(doc, "hostilities")) == []
    assert codes(refs.named(word(doc, "mediator"))) == ["KEN"]


def test_a_possessive_pronoun_in_the_object_names_its_clauses_subject(read):
    refs, doc = read("Chile and Peru met in Lima. Chadian rebels then launched their offensive.")
    assert codes(refs.named(word(doc, "their"))) == ["TCD"]


def test_the_country_with_no_name_is_the_state_its_sentence_subject_names(read):
    refs, doc = read("Peru recalled its envoy after Chilean strikes on the country.")
    assert codes(refs.named(word(doc, "country"))) == ["PER"]
    refs, doc = read("Peru recalled its envoy after Chilean strikes on the border country of Bolivia.")
    assert "PER" not in codes(refs.named(word(doc, "country")))


def test_a_bare_title_names_the_actor_introduced_with_its_words(read):
    from communique.annotators.references import titled_holder

    refs, doc = read(
        "The hearing was chaired by the chief mediator of the regional bloc, Amadou Keita, a retired "
        "Malian judge. Later the chief mediator left for Dakar."
    )
    assert titled_holder(refs, word(doc, "mediator", 1)).name == "Amadou Keita"


def test_a_bare_title_names_the_latest_actor_whose_title_ends_with_it(read):
    from communique.annotators.references import titled_holder

    refs, doc = read("Foreign Minister Ana Berg met Kenya's envoy on Monday. The minister left on Tuesday.")
    assert titled_holder(refs, word(doc, "minister")).name == "Ana Berg"


def test_a_bare_title_no_one_was_introduced_with_names_nobody(read):
    from communique.annotators.references import titled_holder

    refs, doc = read("Kenya's envoy met reporters on Monday. The treasurer left on Tuesday.")
    assert titled_holder(refs, word(doc, "treasurer")) is None
