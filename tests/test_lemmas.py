"""Lemmas set from arrays are exactly those of spaCy's rule lemmatizer, token by token."""

from __future__ import annotations

from communique.lemmas import ArrayLemmas

# inflections of every part of speech the rules cover, forms the tables list as exceptions,
# words the attribute ruler lemmatizes first, proper nouns, numbers and whitespace
TEXTS = [
    "The envoys were meeting their counterparts; talks had broken down twice before.",
    "Ministers went further, saying the better offers came from the larger states.",
    "It ain't over: they're gonna keep negotiating, and the mice ran while the geese flew.",
    "Freedonia's foreign minister, Ana Vell, said 2,400 troops would leave by 12 March.\n\n",
    "Were the children taught? The oxen were fed, the leaves fell and the wolves howled.",
    "He has been arrested, she is being questioned and they are releasing the others.",
]


def test_the_pipeline_sets_lemmas_from_arrays(pipeline):
    assert isinstance(pipeline.nlp.get_pipe("lemmatizer").pipe, ArrayLemmas)


def test_the_lemmas_are_spacys_own(pipeline):
    nlp = pipeline.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    ours = [[t.lemma_ for t in doc] for doc in nlp.pipe(TEXTS * 2)]  # the second time from memory
    theirs = [[t.lemma_ for t in nlp(text)] for text in TEXTS * 2]  # nlp(text) runs spaCy's own loop
    assert ours == theirs
    assert "envoy" in ours[0] and "go" in ours[2] and "mouse" in ours[2] and "child" in ours[4]
    assert isinstance(lemmatizer.pipe, ArrayLemmas)


def test_a_lemma_set_before_the_lemmatizer_is_kept(pipeline):
    nlp = pipeline.nlp
    names = nlp.pipe_names
    (doc,) = nlp.pipe(["The talks were held."], disable=names[names.index("lemmatizer") :])
    doc[1].lemma_ = "negotiation"
    (doc,) = nlp.get_pipe("lemmatizer").pipe([doc])
    assert [t.lemma_ for t in doc] == ["the", "negotiation", "be", "hold", "."]


def test_another_lemmatizer_keeps_its_own_loop():
    import spacy

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not ArrayLemmas.install(nlp)
    assert "pipe" not in lemmatizer.__dict__
