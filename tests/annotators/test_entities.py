"""The cached entity lookups give what spaCy's own (slow) properties give."""

from __future__ import annotations

from communique.annotators.entities import entities, entities_in, entity_at


def test_cached_entities_match_spacy(pipeline):
    doc = pipeline.nlp(
        "Russian Foreign Minister Sergey Lavrov met Marco Rubio in Istanbul on Wednesday.\n"
        "Ukraine's Volodymyr Zelensky said Kyiv would send a delegation to Geneva."
    )
    assert [e.text for e in entities(doc)] == [e.text for e in doc.ents]
    assert entities(doc) is entities(doc)  # computed once per Doc
    for token in doc:
        theirs = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        ours = entity_at(token)
        assert (ours.text if ours else None) == (theirs.text if theirs else None)
    for sent in doc.sents:
        assert [e.text for e in entities_in(doc, sent.start, sent.end)] == [e.text for e in sent.ents]
    other = pipeline.nlp("NATO leaders met in Brussels.")
    assert [e.text for e in entities(other)] == [e.text for e in other.ents]
