"""The English lemmatizer's lemmas, set from the Doc's arrays, remembered by word, tag and features.

spaCy's rule lemmatizer visits every token in Python (a Token object, a cache look-up, the
`lemma_` setter): 1.5 ms an article of real news once its cache is warm. Its lemma is a
pure function of the token's form, part of speech and morphological features (the rules,
the exceptions and `is_base_form` read nothing else), so `ArrayLemmas` reads those three
from `Doc.to_array`, asks the lemmatizer itself once for each new combination and writes
all lemmas with one `Doc.from_array`. A token with a lemma already (the attribute ruler
sets some) keeps it, as in spaCy.

It replaces the lemmatizer's `pipe` (what `nlp.pipe` calls); `nlp(text)` keeps spaCy's
own loop, with the same result. Only spaCy's English rule lemmatizer that does not
overwrite is taken over; any other keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# combinations remembered, at most (then forgotten at once; spaCy's own cache stays)
MEMORY = 200_000


class ArrayLemmas:
    """The lemmatizer's `pipe`, filling lemmas from arrays (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.columns = [ORTH, POS, MORPH, LEMMA]
        self.lemma = LEMMA
        self._known: dict[tuple[int, int, int], int] = {}  # (form, part of speech, features) -> lemma

    @classmethod
    def install(cls, nlp: Language) -> bool:
        """Take over `nlp`'s lemmatizer's `pipe`; False (nothing changed) for one it does not know."""
        from spacy.lang.en.lemmatizer import EnglishLemmatizer

        if "lemmatizer" not in nlp.pipe_names:
            return False
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode != "rule" or lemmatizer.overwrite:
            return False
        if not isinstance(lemmatizer.__dict__.get("pipe"), cls):
            lemmatizer.pipe = cls(lemmatizer)
        return True

    def __call__(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self.set_lemmas(doc)

    def set_lemmas(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated or not len(doc):
            return lemmatizer(doc)  # spaCy's own first run checks its tables
        rows = doc.to_array(self.columns)
        lemmas = rows[:, 3].copy()
        missing = np.flatnonzero(lemmas == 0)
        if not len(missing):
            return doc
        known = self._known
        if len(known) >= MEMORY:
            known.clear()
        for i, key in zip(missing.tolist(), map(tuple, rows[missing, :3].tolist()), strict=True):
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([self.lemma], lemmas)
        return doc
