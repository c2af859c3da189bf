"""The named entities of the Doc being annotated, computed once per Doc.

spaCy's `doc.ents` (and `span.ents`, `token`-level lookups built on it) rebuilds its
list of Spans with a pass over every token on each access. Annotators ask hundreds of
times per article, so the list is kept on the Doc itself (`doc.user_data`): state of
one document, gone with it, and never shared between documents or threads.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# the Doc's entities and their start tokens, kept in its user_data
_KEY = "communique_entities"
# its lower-case lemmas and forms, one per token
_LEMMAS_KEY = "communique_lowercase_lemmas"
_FORMS_KEY = "communique_lowercase_forms"


def _indexed(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    found = doc.user_data.get(_KEY)
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data[_KEY] = (ents, [ent.start for ent in ents])
    return found


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, the same Span objects on every call for the same Doc."""
    return _indexed(doc)[0]


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities inside tokens [start, end), as `Span.ents` gives them."""
    ents, starts = _indexed(doc)
    out = []
    for ent in ents[bisect.bisect_left(starts, start) :]:
        if ent.end > end:
            break
        out.append(ent)
    return out


def entity_at(token: Token) -> Span | None:
    """The entity that covers `token`, if any."""
    if token.ent_iob_ == "O" or not token.ent_type_:
        return None
    ents, starts = _indexed(token.doc)
    i = bisect.bisect_right(starts, token.i) - 1
    if i >= 0 and ents[i].start <= token.i < ents[i].end:
        return ents[i]
    return None


def lowercase_lemmas(doc: Doc) -> list[str]:
    """`token.lemma_.lower()` of every token, without making a Token object per token.

    Annotators that scan every token for a few trigger words use this to skip the rest.
    Computed once per Doc (kept in its user_data): callers read the list and never change it.
    """
    found = doc.user_data.get(_LEMMAS_KEY)
    if found is None:
        from spacy.attrs import LEMMA

        strings = doc.vocab.strings
        hashes = doc.to_array(LEMMA).tolist()
        lowered = {h: strings[h].lower() for h in set(hashes)}
        found = doc.user_data[_LEMMAS_KEY] = [lowered[h] for h in hashes]
    return found


def lowercase_forms(doc: Doc) -> list[str]:
    """`token.lower_` of every token, without making a Token object per token (once per Doc, as above)."""
    found = doc.user_data.get(_FORMS_KEY)
    if found is None:
        from spacy.attrs import LOWER

        strings = doc.vocab.strings
        hashes = doc.to_array(LOWER).tolist()
        forms = {h: strings[h] for h in set(hashes)}
        found = doc.user_data[_FORMS_KEY] = [forms[h] for h in hashes]
    return found
