"""A state's name or demonym that is a word of a person's name ("Ann Holland", "Mark Cuban").

The gazetteer's entity ruler tags every state word before the model reads the names, so a surname that
happens to be a state word is split off its given name and would make a state actor. A state word glued
right after a given name, and not modifying a common noun after it ("Cuban officials"), ends that name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import entity_at
from .gazetteer import STATE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Gazetteer


def names_ending_in_state_words(
    doc: Doc, ents: list[Span], gaz: Gazetteer, is_given_name: Callable[[str], bool],
    title_words: frozenset[str],
) -> list[Span]:
    """`ents` with every state word that ends a person's name merged with the name before it into one
    PERSON span ("Mark" + "Cuban" -> "Mark Cuban"); other entities are kept as they are."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        start = _name_start(doc, ent, gaz, is_given_name, title_words)
        if start is None:
            out.append(ent)
            continue
        while out and out[-1].end > start:  # the given name's own entity ("Mark" as PERSON) is now inside
            out.pop()
        out.append(Span(doc, start, ent.end, label="PERSON"))
    return out


def _name_start(
    doc: Doc, ent: Span, gaz: Gazetteer, is_given_name, title_words: frozenset[str]
) -> int | None:
    """Where the person's name that `ent` (a one-word state word) ends begins, if it is a surname."""
    if len(ent) != 1 or ent.start == 0 or not _state_word(ent, gaz):
        return None
    if _modifies_noun(doc, ent.end):
        return None
    before = doc[ent.start - 1]
    if not _name_word(before, title_words):
        return None
    own = entity_at(before)
    if own is not None and own.label_ != "PERSON":
        return None
    if own is None and not is_given_name(before.lower_):
        return None
    start = own.start if own is not None else before.i
    while start > 0 and _name_word(doc[start - 1], title_words) and entity_at(doc[start - 1]) is None \
            and is_given_name(doc[start - 1].lower_):  # "Mary Ann Holland"
        start -= 1
    return start


def qualifies_as_state(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """Whether token i is a state word qualifying the noun after it ("Cuban officials"), which is the state
    even in an article about a person whose surname it is."""
    return _modifies_noun(doc, i + 1) and _state_word(doc[i : i + 1], gaz)


def _state_word(ent: Span, gaz: Gazetteer) -> bool:
    text = ent.text[:-2] if ent.text.endswith(("'s", "’s")) else ent.text
    entries = gaz.lookup(text)
    return bool(entries) and all(e.kind in STATE_KINDS for e in entries)


def _name_word(token: Token, title_words: frozenset[str]) -> bool:
    return (token.is_title and token.is_alpha and token.pos_ == "PROPN"
            and token.lower_.rstrip(".") not in title_words)


def _modifies_noun(doc: Doc, after: int) -> bool:
    """A common noun or another name right after the state word: it qualifies them ("Cuban officials")."""
    if after >= len(doc):
        return False
    nxt = doc[after]
    if nxt.text in ("-", "–") and not doc[after - 1].whitespace_:  # "Cuban-born"
        return True
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and nxt.lower_ not in ("'s", "’s")
