"""The attribute ruler's matches from token arrays are exactly those of spaCy's Matcher."""

from __future__ import annotations

import json

import pytest

from communique.attribute_rules import AttributeMatches

# each exercises a kind of rule of the English attribute ruler: the tag map, contractions
# and colloquial forms (two-token and regular-expression patterns), pronouns as objects,
# auxiliaries against main verbs, determiners used as pronouns, and runs of whitespace
SENTENCES = [
    "The envoys of Freedonia and Sylvania met on Tuesday in Port Vale.\n\nTalks resume next week.",
    "I ain't sure they're coming, and y'all know it ain't over; nothin' was agreed.",
    "We're gonna wait, she said: it's not the first time they've walked out.",
    "There are two drafts, and there is no deadline; that is what the mediator told them.",
    "He gave it to me and I passed it to you, which was not what I'd planned.",
    "They did the work themselves and have had enough; does anyone know why?",
    "  The minister, who has been in office since 2019 , won't   resign .\n \n",
    "THIS IS A HEADLINE WITHOUT A FULL STOP\nDALTON, Ruritania (Agency) - Officials said so.",
    "Am I wrong? Be quiet. Do you have it? Those who can, do; these are the terms.",
]


def _before_ruler(nlp):
    """Docs with tags and dependencies only: what the attribute ruler sees when it runs."""
    names = nlp.pipe_names
    later = names[names.index("attribute_ruler") :]
    return lambda texts: list(nlp.pipe(texts, disable=later))


def _spacy_match(nlp):
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    return lambda doc: AttributeRuler.match(ruler, doc)


def test_the_pipeline_matches_attribute_rules_from_arrays(pipeline):
    assert isinstance(pipeline.nlp.get_pipe("attribute_ruler").match, AttributeMatches)


@pytest.mark.parametrize("text", SENTENCES)
def test_the_matches_are_spacys_on_sentences_of_every_kind_of_rule(pipeline, text):
    nlp = pipeline.nlp
    (doc,) = _before_ruler(nlp)([text])
    ours = nlp.get_pipe("attribute_ruler").match(doc)
    assert ours == _spacy_match(nlp)(doc)
    assert ours  # every token has a tag, so the tag map matches


def test_the_matches_are_spacys_on_the_eval_articles(pipeline, shared_eval):
    nlp = pipeline.nlp
    paths = sorted((shared_eval / "dev").glob("*.json"))
    texts = [json.loads(path.read_text(encoding="utf-8"))["text"] for path in paths]
    spacy_match, ours = _spacy_match(nlp), nlp.get_pipe("attribute_ruler").match
    for doc in _before_ruler(nlp)(texts):
        assert ours(doc) == spacy_match(doc)


def test_the_attributes_set_are_the_same_as_with_spacys_matcher(pipeline):
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    nlp = pipeline.nlp
    ruler = nlp.get_pipe("attribute_ruler")
    attrs = [POS, TAG, DEP, LEMMA, MORPH]
    ours = [doc.to_array(attrs).tolist() for doc in nlp.pipe(SENTENCES)]
    del ruler.match  # spaCy's own method again
    try:
        theirs = [doc.to_array(attrs).tolist() for doc in nlp.pipe(SENTENCES)]
    finally:
        assert AttributeMatches.install(nlp)
    assert ours == theirs


def test_a_ruler_with_a_pattern_it_cannot_read_keeps_spacys_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not AttributeMatches.install(nlp)
    assert "match" not in ruler.__dict__


def test_rules_of_its_own_kinds_match_as_spacy_on_a_blank_pipeline():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^gr[ae]y$"}}]], {"LEMMA": "grey"})
    ruler.add([[{"LOWER": {"IN": ["north", "south"]}}, {"LOWER": "pole"}]], {"LEMMA": "pole"}, index=1)
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}], [{"LOWER": "the"}]], {"NORM": "x"})
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "space"})
    assert AttributeMatches.install(nlp)
    doc = nlp.make_doc("The grey fox saw the North Pole and a gray  South pole.")
    ours = ruler.match(doc)
    assert ours == _spacy_match(nlp)(doc)
    # "grey" and "gray", "North Pole" and "South pole", the second of two spaces
    assert {(rule, start) for rule, _, start, _ in ours} >= {(0, 1), (0, 9), (1, 5), (1, 11), (3, 10)}
