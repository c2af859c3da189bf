"""Phrase spans from a dependency parse: the content of a position as words of the text.

Every function returns token ranges (start, end) into the spaCy Doc; the caller turns
them into character offsets. Nothing here knows about actors or kinds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children left out of a clause's content: its subject, auxiliaries, marks and the
# coordinated clauses (which become items of their own).
CLAUSE_SKIP = frozenset(
    {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "mark", "cc", "punct", "preconj", "expl"}
)
EDGE_TRIM = frozenset({"DET", "PUNCT", "CCONJ", "SCONJ", "PART", "SPACE"})
ENUMERATORS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "finally", "lastly", "secondly", "thirdly"}
)
# adverbs that say a stance is repeated or added, not what it is ("still demands", "must also give up")
RESTATEMENT_ADVERBS = frozenset({"also", "still", "again", "further", "once", "too", "moreover", "likewise"})
QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "`", "``", "''"})


def subtree_range(token: Token, skip_children: set[int] | None = None) -> tuple[int, int]:
    """Token range [start, end) of a subtree, minus the subtrees of some children."""
    skip_children = skip_children or set()
    indices: list[int] = [token.i]
    for child in token.children:
        if child.i in skip_children:
            continue
        indices.extend(t.i for t in child.subtree)
    return min(indices), max(indices) + 1


def is_conj_clause(child: Token) -> bool:
    return child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")


def verb_phrase(verb: Token, extra_skip: set[int] | None = None) -> tuple[int, int]:
    """A verb with its objects and modifiers, without its subject, auxiliaries and coordinated verbs."""
    skip = {c.i for c in verb.children if c.dep_ in CLAUSE_SKIP or is_conj_clause(c)}
    # of what precedes the verb only an adverb right before it belongs to the content ("formally recognize")
    skip |= {
        c.i
        for c in verb.children
        if c.i < verb.i
        and not (c.dep_ == "advmod" and c.right_edge.i >= verb.i - 2 and c.lower_ not in RESTATEMENT_ADVERBS)
    }
    skip |= extra_skip or set()
    # a parenthetical reporting clause ("..., Lavrov said") is not content
    skip |= {
        c.i for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i and _is_tail_report(c)
    }
    start, end = subtree_range(verb, skip)
    return start, _before_trailing_apposition(verb, end)


def _before_trailing_apposition(verb: Token, end: int) -> int:
    """ "give up its plans, a condition first set out in May": the comment after the comma is no content."""
    for appos in (t for t in verb.subtree if t.dep_ == "appos" and t.i > verb.i):
        left = appos.left_edge.i
        if verb.doc[left - 1].text == "," and appos.right_edge.i + 1 >= end:
            end = min(end, left - 1)
    return end


def clause(verb: Token, extra_skip: set[int] | None = None) -> tuple[int, int]:
    """A whole clause (subject included), without its mark, coordinated clauses and lead-ins
    ("According to Lavrov, ...", "Quote: ...; ")."""
    skip = {c.i for c in verb.children if c.dep_ in ("mark", "cc", "punct", "intj") or is_conj_clause(c)}
    skip |= {
        c.i
        for c in verb.children
        if c.i < verb.i and c.dep_ in ("parataxis", "ccomp", "advcl", "prep", "npadvmod", "advmod")
    }
    skip |= extra_skip or set()
    start, end = subtree_range(verb, skip)
    subject = next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i), None
    )
    if (
        subject is not None
    ):  # nothing before the subject belongs to the clause ("to prevent problems, he said, ...")
        start = max(start, subject.left_edge.i)
    return start, end


def _is_tail_report(token: Token) -> bool:
    if token.left_edge.i == 0 or token.doc[token.left_edge.i - 1].text not in (",", "—", "–"):
        return False
    return any(c.dep_ == "nsubj" for c in token.children) and not any(
        c.dep_ in ("dobj", "ccomp") for c in token.children
    )


def coordinated_verbs(verb: Token) -> list[Token]:
    """The verb and every verb coordinated with it ("halt X, stop Y and withdraw Z")."""
    out = [verb]
    for child in verb.children:
        if is_conj_clause(child):
            out.extend(coordinated_verbs(child))
    return out


def coordinated_nouns(noun: Token) -> list[Token]:
    """A noun and the nouns coordinated with it, unless the first is bare ("demilitarization and
    denazification of Ukraine" is one demand; "the neutral status ... and the recognition ..." two)."""
    conjs = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if not conjs:
        return [noun]
    modifiers = [c for c in noun.children if c.dep_ not in ("cc", "conj", "punct")]
    if not modifiers:
        return [noun]
    out = [noun]
    for c in conjs:
        out.extend(coordinated_nouns(c))
    return out


def listed(first: Token) -> list[Token]:
    """An item and the items set beside it, coordinated or in apposition
    ("A, B and C", "first A, second B")."""
    out = [first]
    for child in first.children:
        if child.dep_ in ("conj", "appos") and child.i > first.i and child.pos_ in ("NOUN", "PROPN", "VERB"):
            out.extend(listed(child))
    return out


def noun_item(noun: Token) -> tuple[int, int]:
    """A noun phrase without the nouns coordinated with it."""
    skip = {
        c.i
        for c in noun.children
        if c.dep_ in ("cc", "punct", "appos") or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    }
    # "a ceasefire and, second, a summit": the enumerator counts items, it is not one
    skip |= {c.i for c in noun.children if c.i > noun.i and c.lower_ in ENUMERATORS}
    # ", including Crimea, ..." lists examples, not the demand
    skip |= {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ in ("including", "such", "as")}
    # ", from which Russia withdrew in 2023": a non-restrictive clause adds no content
    skip |= {
        c.i
        for c in noun.children
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
    }
    return subtree_range(noun, skip)


def trim(doc, start: int, end: int, drop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Drop leading determiners, marks, quotes and punctuation, and trailing punctuation."""
    while start < end and (
        doc[start].pos_ in EDGE_TRIM or doc[start].text in QUOTES or doc[start].lower_ in drop
    ):
        start += 1
    while end > start and (
        doc[end - 1].pos_ in ("PUNCT", "CCONJ", "DET", "SPACE")
        or doc[end - 1].text in QUOTES
        or doc[end - 1].lower_ in drop
    ):
        end -= 1
    return start, end


MEASURES = frozenset({"day", "week", "month", "year", "hour", "minute"})


def noun_forms(noun: Token) -> set[str]:
    """A noun's lemma, and with a hyphenated first half the whole word ("cease-fire" parsed as "fire")."""
    forms = {noun.lemma_.lower(), noun.lower_}
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        forms |= {f"{doc[noun.i - 2].lower_}-{f}" for f in tuple(forms)}
    return forms


def words(text: str, measures: bool = True) -> set[str]:
    """Content words for comparing two phrases (crude stems, short function words dropped).

    `measures=False` leaves out numbers and units of time too: "a 30-day truce" and "talks
    for 30 days" share no stance."""
    out = set()
    for raw in text.lower().replace("-", " ").split():
        w = "".join(ch for ch in raw if ch.isalnum())
        if len(w) < 3 and not w.isdigit():
            continue
        if w in ("the", "and", "for", "its", "their", "with", "from", "that", "this"):
            continue
        w = _stem(w)
        if measures or not (w.isdigit() or w in MEASURES):
            out.add(w)
    return out


def _stem(word: str) -> str:
    """A plural or a verb form to a shared stem: "strikes"/"strike", "days"/"day", "talks"/"talking"."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word
