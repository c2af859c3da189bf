"""pronouns.py: the one pronoun table (knowledge/en/function_words.yaml) and the sets read from it."""

from __future__ import annotations

from communique.annotators import syntax
from communique.annotators.pronouns import load_pronouns, pronouns_of
from communique.knowledge import Knowledge, attach


def test_the_sets_come_from_the_features_of_the_table():
    pronouns = load_pronouns(Knowledge())
    assert pronouns.gender["her"] == "f" and pronouns.gender["him"] == "m"
    assert {"it", "they", "their"} <= pronouns.things and "hers" not in pronouns.things
    assert pronouns.first_person == {"i", "we", "us", "my", "our"}
    assert pronouns.person_holders == {"he", "she", "his", "her"}
    assert pronouns.group_speakers == {"we", "they"}
    assert "it" not in pronouns.person_speakers  # a thing more often than a speaker
    assert pronouns.things & pronouns.possessive == {"its", "their"}


def test_a_relative_pronoun_added_in_the_users_folder_reaches_the_syntax_of_a_parse(pipeline, tmp_path):
    doc = pipeline.nlp("The envoys, who met in Corvalo on Monday, left on Tuesday.")
    who = next(t for t in doc if t.text == "who")
    assert syntax.relative_antecedent(who).text == "envoys"

    (tmp_path / "function_words.yaml").write_text("relative_pronouns: [whoso]\n")
    extended = Knowledge(tmp_path)
    other = pipeline.nlp("The envoys, who met in Corvalo on Monday, left on Tuesday.")
    attach(other, extended)
    assert "whoso" in pronouns_of(other).relative and "whoso" not in pronouns_of(doc).relative
