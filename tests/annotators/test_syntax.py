"""syntax.py: grammatical relations over the parse (subjects, objects, the passive agent,
coordination, relative clauses, clauses), on sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.annotators import syntax


@pytest.fixture(scope="module")
def parse(pipeline):
    def run(text: str):
        return pipeline.nlp(text)

    return run


def word(doc, text: str, nth: int = 0):
    return [t for t in doc if t.text == text][nth]


def test_an_infinitive_shares_the_subject_of_the_verb_it_complements(parse):
    doc = parse("The governor agreed to release the detained fishermen.")
    subj, passive = syntax.subject(word(doc, "release"))
    assert subj.text == "governor" and not passive
    assert syntax.own_subject(word(doc, "release")) == (None, False)


def test_a_noun_under_a_light_verb_shares_the_clauses_subject(parse):
    doc = parse("The two mayors held talks on the water dispute.")
    subj, _ = syntax.subject(word(doc, "talks"))
    assert subj.text == "mayors"


def test_a_passive_subject_is_marked_and_its_by_phrase_is_the_agent(parse):
    doc = parse("The convoy was stopped by border guards near the river.")
    verb = word(doc, "stopped")
    subj, passive = syntax.own_subject(verb)
    assert subj.text == "convoy" and passive
    assert syntax.is_passive(verb)
    assert syntax.passive_agent(verb).text == "guards"


def test_a_participle_on_a_noun_is_passive_with_that_noun_as_subject(parse):
    doc = parse("The ambassador, received by the queen, presented her letters.")
    received = word(doc, "received")
    subj, passive = syntax.subject(received)
    assert subj.text == "ambassador" and passive
    assert syntax.passive_agent(received).text == "queen"


def test_coordination_splits_into_every_member(parse):
    doc = parse("Envoys from Ruritania, Freedonia and Latveria met in the capital.")
    first = word(doc, "Ruritania")
    assert [t.text for t in syntax.members(first)] == ["Ruritania", "Freedonia", "Latveria"]


def test_a_relative_pronoun_stands_for_the_noun_its_clause_modifies(parse):
    doc = parse("The farmers, who blocked the highway, demanded lower fuel prices.")
    assert syntax.relative_antecedent(word(doc, "who")).text == "farmers"
    assert syntax.relative_antecedent(word(doc, "highway")).text == "highway"


def test_prepositional_objects_share_a_coordinated_prepositions_role(parse):
    doc = parse("The council wrote to the mayor and to the governor.")
    pairs = syntax.prepositional_objects(word(doc, "wrote"))
    assert ("to", word(doc, "mayor")) in pairs and ("to", word(doc, "governor")) in pairs


def test_the_clause_chain_stops_at_the_verb_that_has_a_subject(parse):
    doc = parse("She said the union planned to hold a strike next week.")
    chain = [t.text for t in syntax.clause_chain(word(doc, "strike"))]
    assert chain[0] == "strike" and "planned" in chain and "said" not in chain


def test_a_noun_in_a_phrase_of_time_is_the_setting_of_its_clause(parse):
    doc = parse("During a visit to the port, the minister praised the dock workers.")
    visit = word(doc, "visit")
    assert syntax.circumstance(visit, frozenset({"during", "after"})).text == "During"
    assert syntax.subject(visit)[0].text == "minister"
    assert syntax.circumstance(word(doc, "workers"), frozenset({"during"})) is None


def test_the_reporting_verb_of_a_reported_clause(parse):
    doc = parse("The mayor said the police had arrested two suspects.")
    assert syntax.reporting_verb(word(doc, "arrested"), frozenset({"say"})).text == "said"
    assert syntax.reporting_verb(word(doc, "said"), frozenset({"say"})) is None


def test_a_phrase_span_keeps_modifiers_and_leaves_out_clauses(parse):
    doc = parse("The northern farmers' union, which met on Friday, called a strike.")
    union = word(doc, "union")
    start, end = syntax.phrase_span(union)
    assert doc.text[start:end] == "The northern farmers' union"


def test_earlier_subjects_come_nearest_first(parse):
    doc = parse("The rebels left the town and the army moved in, accusing them of looting.")
    names = [t.text for t in syntax.earlier_subjects(word(doc, "accusing"))]
    assert names[:2] == ["army", "rebels"]


def test_the_object_of_a_verb_of_urging_does_what_it_is_urged_to(parse):
    doc = parse("The envoy urged the two factions to resume negotiations.")
    assert syntax.subject(word(doc, "resume"))[0].text == "factions"
    assert syntax.subject(word(doc, "negotiations"))[0].text == "factions"


def test_the_subject_of_other_verbs_does_their_complement(parse):
    doc = parse("The minister summoned the ambassador to complain about the raid.")
    assert syntax.subject(word(doc, "complain"))[0].text == "minister"


def test_a_relative_pronoun_after_a_preposition_stands_for_its_noun(parse):
    doc = parse("The treaty, from which the republic withdrew last year, expired in May.")
    assert syntax.relative_antecedent(word(doc, "which")).text == "treaty"


def test_of_a_relative_pronoun_and_a_noun_as_subjects_the_noun_is_the_verbs_own(parse):
    doc = parse("The council passed a budget, which the governor said would cut the deficit by half.")
    subj, _ = syntax.own_subject(word(doc, "said"))
    assert subj.text == "governor"


def test_a_dash_taken_for_a_subject_is_none():
    # the parse of "... made public ― Reeves boasted" seen in news text, built by hand
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["made", "public", "―", "Reeves", "boasted", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[0, 2, 4, 4, 0, 0],
        deps=["ROOT", "amod", "nsubj", "nsubj", "ccomp", "punct"],
    )
    assert syntax.own_subject(doc[4])[0].text == "Reeves"


def test_a_subject_cut_off_from_its_verb_by_a_dash_is_a_dateline_not_the_subject():
    # the parse of "CITY, May 2 - the envoy said ..." as the parser gives it to news text, built by hand
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["QUITO", ",", "May", "2", "-", "the", "envoy", "said", "it", "."]
    heads = [7, 0, 0, 2, 7, 6, 7, 7, 7, 7]
    deps = ["nsubj", "punct", "npadvmod", "nummod", "punct", "det", "nsubj", "ROOT", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert syntax.own_subject(doc[7])[0].text == "envoy"
