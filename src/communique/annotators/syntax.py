"""Grammatical relations over a spaCy dependency parse, shared by the annotators that ask "who did
what": subjects, objects, the passive agent, coordination, relative clauses and the clause a word
belongs to. Parse facts only: which *actors* a phrase names is `references.py`'s job.

Public API (every function takes spaCy tokens and returns tokens or plain values):

- `own_subject(tok)`: the subject attached to this very word, and whether it is passive.
- `subject(tok)`: the subject that governs a word, climbing through support verbs, light verbs and
  prepositions ("agreed to hold talks": "talks" has the subject of "agreed"); the object of a verb
  of object control does its complement ("urged B to talk"; the verbs are knowledge/en/syntax.yaml);
  a participle that modifies a noun has that noun as its (passive) subject.
- `passive_agent(tok)`: the by-phrase of a passive verb, participle or noun (the doer).
- `direct_object(tok)`, `prepositional_objects(tok)`: complements; `is_passive(tok)`.
- `members(tok)`: a coordinated phrase split into its members ("A, B and C" is three).
- `relative_antecedent(tok)`: the noun a relative pronoun stands for ("the accord from which A
  withdrew": the accord).
- `clause_chain(tok)`, `clause_verb(tok)`, `CLAUSE_BOUNDARY`: the word and its heads up to its
  clause's verb.
- `circumstance(tok, preps)`: the preposition that makes a noun the setting of a clause ("during a
  visit").
- `reporting_verb(tok, verbs)`: the verb of saying that reports the clause a word is in.
- `phrase_span(tok)`: character span of a noun phrase's core.
- `earlier_subjects(tok)`: the subjects before a word in its sentence, nearest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge import Knowledge, knowledge_of
from .pronouns import pronouns_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

__all__ = [
    "CLAUSE_BOUNDARY",
    "SUBJECT_DEPS",
    "circumstance",
    "clause_chain",
    "clause_verb",
    "direct_object",
    "earlier_subjects",
    "is_passive",
    "members",
    "own_subject",
    "passive_agent",
    "phrase_span",
    "prepositional_objects",
    "relative_antecedent",
    "reporting_verb",
    "subject",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# a clause begins at these dependencies: modifiers above them qualify another clause
CLAUSE_BOUNDARY = frozenset({"ccomp", "relcl", "parataxis", "ROOT", "csubj", "advcl"})
# dependencies a subject search may climb through: support verbs, light verbs, prepositions
SUBJECT_CLIMB = frozenset(
    {
        "xcomp",
        "advcl",
        "conj",
        "pcomp",
        "prep",
        "pobj",
        "dobj",
        "attr",
        "acomp",
        "oprd",
        "compound",
        "nmod",
        "appos",
        "npadvmod",
        "dative",
        "agent",
        "amod",
        "advmod",
    }
)
# a noun phrase's own words, without its clauses and prepositional phrases
PHRASE_EXCLUDE = frozenset(
    {"prep", "relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos", "parataxis"}
)
DASHES = frozenset({"-", "--", "–", "—", "―"})
OBJECT_DEPS = frozenset({"dobj", "obj"})


def _object_control_verbs(knowledge: Knowledge) -> frozenset[str]:
    """Verbs whose object does what their complement says (`knowledge/en/syntax.yaml`)."""
    data = knowledge.yaml("syntax.yaml") or {}
    return frozenset(str(w).lower() for w in data.get("object_control_verbs") or ())


def own_subject(tok: Token) -> tuple[Token | None, bool]:
    """The subject attached to this very word (no climbing), and whether it is a passive subject.

    A dash or other punctuation the parser took for a subject is none. Of two subjects the parser gave
    one verb, a relative pronoun belongs to the clause the verb reports ("the talks, which the envoy
    said failed": the envoy said), and one cut off from the verb by a dash is a dateline ("CITY, date
    - the envoy said")."""
    found = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)]
    if len(found) > 1:
        relative = pronouns_of(tok.doc).relative
        found = [c for c in found if c.lower_ not in relative and not _dash_between(c, tok)] or found
    return (found[0], found[0].dep_ == "nsubjpass") if found else (None, False)


def _dash_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in DASHES for t in a.doc[lo + 1 : hi])


def subject(tok: Token) -> tuple[Token | None, bool]:
    """The subject governing a word, and whether it is passive.

    A word with no subject of its own borrows the subject of the verb it complements: an infinitive
    or gerund shares its governing verb's subject ("agreed to withdraw"), unless that verb is one of
    object control and has an object, which then does it ("urged B to withdraw": B withdraws); a noun
    inside a light verb's object or a prepositional phrase shares its clause's ("held talks", "during a
    visit, she said").
    A participle modifying a noun ("the envoy, received by the king") is passive with that noun as its
    subject: the noun undergoes the act.
    """
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head, True
    cur = tok
    for _ in range(12):
        found, passive = own_subject(cur)
        if found is not None:
            return found, passive
        if cur.dep_ in SUBJECT_DEPS or cur.dep_ not in SUBJECT_CLIMB or cur.head is cur:
            return None, False
        controlling = knowledge_of(cur.doc).derived(_object_control_verbs)
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in controlling:
            controller = direct_object(cur.head)
            if controller is not None:
                return controller, False  # "urged B to talk": B talks (the object controls the complement)
        cur = cur.head
    return None, False


def is_passive(tok: Token) -> bool:
    """A verb in the passive voice: a passive auxiliary or subject, or a participle modifying a noun."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def passive_agent(tok: Token) -> Token | None:
    """The doer named by the "by" phrase of a passive verb, a participle or a noun ("talks led by X")."""
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def direct_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS:
            return child
    return None


def prepositional_objects(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a word; coordinated prepositions share the first one's
    role ("to A and to B")."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent"):
            for prep in (child, *child.conjuncts):
                for grand in prep.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        out.append((child.lower_, grand))
    return out


def members(tok: Token) -> list[Token]:
    """The members of a coordinated phrase, in order ("A, B and C": A, B, C); a single phrase is one."""
    return [tok, *tok.conjuncts]


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the ministers, who met": "who" is "the ministers");
    any other word is itself."""
    if tok.lower_ not in pronouns_of(tok.doc).relative:
        return tok
    verb = tok.head.head if tok.head.dep_ == "prep" else tok.head  # "the accord from which A withdrew"
    return verb.head if verb.dep_ == "relcl" else tok


def clause_chain(tok: Token) -> list[Token]:
    """The word and the heads above it up to its clause's verb (support and light verbs included): the
    words whose auxiliaries, negation and markers qualify it."""
    chain = [tok]
    cur = tok
    while cur.dep_ not in CLAUSE_BOUNDARY and cur.head is not cur and len(chain) < 10:
        cur = cur.head
        chain.append(cur)
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break
    return chain


def clause_verb(tok: Token) -> Token:
    """The top of a word's clause chain (the verb its clause is built on, or the word itself)."""
    return clause_chain(tok)[-1]


def circumstance(tok: Token, preps: frozenset[str]) -> Token | None:
    """The preposition of time or circumstance ("during", "after") that makes a noun the setting of the
    clause it hangs on, if any."""
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in preps:
        return tok.head
    return None


def reporting_verb(tok: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose complement holds a word ("X did Y, Z said"; "Z said X did Y")."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in verbs:
            return cur.head
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or cur.head is cur:
            return None
        cur = cur.head
    return None


def phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase's core: modifiers, compounds and possessor, no clauses or
    prepositional phrases."""
    left, right = tok, tok
    for child in tok.children:
        if child.dep_ in PHRASE_EXCLUDE:
            continue
        if child.left_edge.i < left.i:
            left = child.left_edge
        if child.right_edge.i > right.i:
            right = child.right_edge
    return left.idx, right.idx + len(right.text)


def earlier_subjects(tok: Token) -> Iterable[Token]:
    """Active subjects before a word in its sentence, nearest first (a trailing participle clause
    ", accusing X of Y" acts for one of them)."""
    for prev in reversed(tok.doc[tok.sent.start : tok.i]):
        if prev.dep_ == "nsubj":
            yield prev
