"""Whether a cue states a stance at all: a stance asked about, refused or denied is not held.

"It is unclear whether X is ready to Y" asks; "X refused to pledge Y" turns the pledge down (the
refusal is the stance, read by its own frame); "X offered no proof" offers nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import object_controller

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .base import Candidate

# words that open an embedded question: its clause is asked about, not stated
QUESTION_MARKS = frozenset({"whether", "if"})
QUESTION_ADVERBS = frozenset({"why", "how", "whether"})
# clauses a question can fill: "asked whether ...", "it is unclear whether ..."
QUESTION_DEPS = frozenset({"ccomp", "csubj", "xcomp", "pcomp", "acomp", "attr"})
# governors that take back the stance of the verb under them: "refused to pledge X"
TURNING_DOWN = frozenset({"refuse", "decline", "reject", "fail", "hesitate", "deny", "rule"})


def asserted(
    cand: Candidate,
    binding: frozenset[str],
    directives: frozenset[str] = frozenset(),
    turning_down: frozenset[str] = TURNING_DOWN,
    weighed: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    asking_nouns: frozenset[str] = frozenset(),
    deliberating: frozenset[str] = frozenset(),
) -> bool:
    """A candidate whose cue states the stance: not asked about, not turned down, not empty, not a
    binding text's own requirement, not a disposition that others weigh (`weighed`: the disposition
    nouns and the words that weigh them)."""
    cue = cand.cue
    return not (
        in_question(cue)
        or weighed_disposition(cue, *weighed)
        or (cue.lemma_.lower() in directives and binding_requirement(cue, binding))
        or (not cand.nested and asked_of_another(cue, directives, asking_nouns))
        or (cand.kind != "rejection" and under_refusal(cue, turning_down))
        or under_refusal(cue, deliberating, denials=False)
        or (cand.kind != "rejection" and offers_nothing(cue))
    )


def _path(token: Token) -> list[Token]:
    """The cue and the heads above it up to (not including) the root of its sentence."""
    path = [token]
    while path[-1].head.i != path[-1].i and path[-1].dep_ != "ROOT":
        path.append(path[-1].head)
    return path[:-1] if len(path) > 1 else []


def in_question(cue: Token) -> bool:
    """The cue sits in an embedded question ("asked whether X was ready to Y", "why X should Y")."""
    for node in _path(cue):
        for child in node.children:
            if child.i > node.i:
                continue
            if child.dep_ == "mark" and child.lower_ in QUESTION_MARKS and node.dep_ in QUESTION_DEPS:
                return True
            # the question word may head the clause or open a phrase of it ("how far X is ready to go")
            if node.dep_ in QUESTION_DEPS and any(
                t.tag_ == "WRB" and t.lower_ in QUESTION_ADVERBS for t in child.subtree
            ):
                return True
    return False


def weighed_disposition(cue: Token, nouns: frozenset[str], governors: frozenset[str]) -> bool:
    """ "hinges on Peru's readiness to X", "questioned Chile's willingness", "depends on Lima being
    willing to": what a deal depends on, or what is doubted, is the speaker's condition or doubt, not a
    stance the side stated."""
    node = cue
    if cue.pos_ == "ADJ":  # "being willing to": the clause the adjective completes
        if cue.dep_ != "acomp":
            return False
        node = cue.head
    elif cue.lemma_.lower() not in nouns:
        return False
    if node.dep_ in ("pobj", "pcomp") and node.head.dep_ in ("prep", "agent"):
        return node.head.head.lemma_.lower() in governors
    return node.dep_ == "dobj" and node.head.lemma_.lower() in governors


def under_refusal(cue: Token, turning_down: frozenset[str], denials: bool = True) -> bool:
    """The cue is the infinitive of a verb that turns it down ("refused to pledge", "did not offer to"),
    or (with `deliberating` verbs as `turning_down`, no denials) one only weighed ("is considering
    urging X to", "discussed offering"): a stance weighed is not yet taken."""
    node = cue
    while node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in turning_down or denials and any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def offers_nothing(cue: Token) -> bool:
    """The stance's object is denied by its determiner ("offered no proof", "made no proposal")."""
    if cue.pos_ not in ("VERB", "AUX"):
        return any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children)
    return any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in cue.children
    )


def binding_requirement(cue: Token, binding: frozenset[str]) -> bool:
    """ "sponsored a law requiring X", "signed an accord obliging Y": what a deal or a law requires is
    its term, not a stance of whoever wrote or signed it ("a truce proposed by X" is X's proposal)."""
    return cue.dep_ == "acl" and cue.head.lemma_.lower() in binding


def asked_of_another(
    cue: Token, directives: frozenset[str], asking_nouns: frozenset[str] = frozenset()
) -> bool:
    """ "urged X to insist that Y agree to a truce", "a suggestion that Y offer to resign": Y's agreeing
    or offering is what is asked of Y, not Y's stance. Only a complement with a doer of its own (a
    that-clause with a subject, or an object who acts), under a verb or a noun that asks."""
    node = cue
    while node.head.i != node.i and node.dep_ in ("ccomp", "xcomp", "acomp", "conj", "acl"):
        head = node.head
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        other_doer = (node.dep_ == "ccomp" and own_subject) or (
            node.dep_ == "xcomp" and object_controller(node) is not None
        )
        if other_doer and head.lemma_.lower() in directives:
            return True
        if node.dep_ in ("acl", "ccomp") and own_subject and head.pos_ == "NOUN":
            return head.lemma_.lower() in asking_nouns
        if node.dep_ == "acl":
            return False
        node = head
    return False
