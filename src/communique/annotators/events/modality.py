"""Whether an action happened (asserted), is announced (future), is possible (hypothetical) or
did not happen (negated); and where it happened, from place names (when: see `dating`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import Location
from ...knowledge import Knowledge, knowledge_of
from ..entities import entity_at
from ..places import load_places
from ..syntax import CLAUSE_BOUNDARY, clause_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Modality

__all__ = [
    "CLAUSE_BOUNDARY",
    "deed_place",
    "destination",
    "failed",
    "head_chain",
    "location",
    "modality",
    "obliged",
    "will_not",
]

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# (kept here under their old names: dating.py reads them from this module)
head_chain = clause_chain


# prepositions that make a noun the setting of a clause, told as done whatever the clause's mood
# ("could impose sanctions after the attack": the attack happened)
SETTING_PREPS = frozenset({"after", "following", "since", "amid", "despite", "during"})


def mood_chain(tok: Token) -> list[Token]:
    """The words whose auxiliaries, negation and markers qualify a trigger: its clause chain, cut where
    another clause begins. A coordinated verb with a subject of its own is a clause of its own ("A may
    retaliate and B attacked": the attack is not possible but done); a noun that sets the scene
    ("after the attack") keeps its own mood."""
    chain = clause_chain(tok)
    for i, node in enumerate(chain[:-1]):
        if (
            node.dep_ == "conj"
            and node.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            return chain[: i + 1]
        if node.dep_ == "prep" and node.lower_ in SETTING_PREPS:
            return chain[:i]
    return chain


# prepositions that make a noun an event still awaited when the clause's deed is done ("ahead of the
# visit", "before the summit")
AWAITING_PREPS = frozenset({"before", "ahead"})


def _awaited(tok: Token) -> bool:
    """ "ahead of the visit", "before the talks": a noun the clause's deed comes before is still to come."""
    if tok.dep_ != "pobj" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ == "before" and prep.dep_ == "prep"


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _infinitive_on_a_noun(tok: Token) -> bool:
    """An infinitive that modifies a noun ("the next round, to be hosted by A", "talks to be held in
    B") tells what is still to come, unlike a participle on a noun, which is done."""
    return tok.dep_ in ("acl", "relcl") and _has_to(tok)


def coordinated_infinitive(tok: Token) -> bool:
    """A "to" infinitive coordinated onto a verb ("agreed to a truce and to meet again"), or a bare verb
    coordinated onto an infinitive ("agreed to ease controls and continue supplies"), is one more
    complement, a deed still to come, not a clause that reports one done."""
    if tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    own = tok.tag_ == "VB" and _has_to(tok)
    shared = tok.tag_ in ("VB", "VBP") and _has_to(tok.head)  # ("continue" is often tagged VBP here)
    return own or shared


def modality(tok: Token, words: Modality, own_only: bool = False) -> str:
    """asserted, future, hypothetical or negated, from auxiliaries, negation and support verbs (with
    `own_only`, from the word's own modifiers alone)."""
    # "hostages seized in the attack will be released": a past participle on a noun is done, whatever
    # the tense of the clause around it
    own = own_only or (tok.dep_ == "acl" and tok.tag_ == "VBN")
    chain = [tok] if own else mood_chain(tok)
    to_come = (
        any(coordinated_infinitive(node) for node in chain) or _infinitive_on_a_noun(tok) or _awaited(tok)
    )
    result = "future" if to_come else "asserted"
    for i, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if i > 0 and lemma in words.failure_verbs:
            return "negated"
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and i == 0):
                return "negated"
            if child.dep_ == "preconj" and low == "neither":
                return "negated"  # "neither confirmed nor denied": both verbs are denied
            if child.dep_ == "advmod" and low == "too" and i > 0 and chain[i - 1].dep_ == "xcomp":
                return "negated"  # "too busy to meet": the infinitive did not happen
            if child.dep_ == "advmod" and (lemma, low) in words.failure_pairs:
                return "negated"
            if child.dep_ in ("aux", "auxpass"):
                if low in words.future_aux or child.lemma_.lower() in words.future_aux:
                    result = _stronger(result, "future")
                elif low in words.hypothetical_aux:
                    result = _stronger(result, "future" if low == "would" else "hypothetical")
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in words.conditional_marks for m in child.children
            ):
                result = _stronger(result, "hypothetical")
            if i == 0 and child.dep_ in ("amod", "compound"):
                if low in words.future_words:
                    result = _stronger(result, "future")
                elif low in words.hypothetical_words:
                    result = _stronger(result, "hypothetical")
        if (
            i > 0
            and lemma in words.plan_verbs
            and chain[i - 1].dep_ != "conj"
            and (chain[i - 1].dep_ not in ("nsubj", "nsubjpass") or lemma in words.plan_verbs_subject)
        ):
            # "plan to strike" plans the strike; "our strikes are aimed at ..." describes them; "we hope ...,
            # and we hope ..." is a second hope, not a planned one
            result = _stronger(result, "future")
        if node.lower_ in ("going",) and i > 0:
            result = _stronger(result, "future")
        if i > 0 and lemma in words.ability_words:
            result = _stronger(result, "hypothetical")
        if i > 0 and _denied_possibility(node, chain[i - 1], words):
            return "negated"
    return result


def _denied_possibility(node: Token, below: Token, words: Modality) -> bool:
    """ "no chance that B will withdraw": a clause told as what there is no possibility of is denied."""
    if node.lemma_.lower() not in words.possibility_nouns or below.dep_ not in ("acl", "ccomp"):
        return False
    return any(c.lower_ == "no" for c in node.children)


def failed(tok: Token, words: Modality) -> bool:
    """ "failed to reach agreement": a verb of failure above the trigger."""
    return any(node.lemma_.lower() in words.failure_verbs for node in head_chain(tok)[1:])


def will_not(tok: Token, words: Modality) -> bool:
    """ "will not", "would not", "won't": a refusal announced, not an action that failed."""
    for node in head_chain(tok):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children) and any(
            c.dep_ == "aux" and (c.lower_ in words.future_aux or c.lower_ == "would") for c in children
        ):
            return True
    return False


def obliged(tok: Token, modals: frozenset[str]) -> bool:
    """ "must withdraw", "should release": an obligation put on someone, not a plan of theirs."""
    return any(c.dep_ == "aux" and c.lower_ in modals for node in head_chain(tok) for c in node.children)


def _stronger(current: str, new: str) -> str:
    order = {"asserted": 0, "future": 1, "hypothetical": 2}
    return new if order[new] > order[current] else current


def _place_nouns(knowledge: Knowledge) -> frozenset[str]:
    from .lexicon import load_lexicon

    return knowledge.derived(load_lexicon).place_nouns


def location(tok: Token, relative: bool = False, below: Token | None = None) -> Location | None:
    """A place named with "in"/"at" in the trigger's clause ("talks in CITY"); with `relative`, also the
    place a "where" clause hangs on ("a summit in CITY, where the president paid his first call"); with
    `below`, only under the words below that one (the place of an action's content, not of the action)."""
    chain = head_chain(tok)
    if below is not None and below in chain:
        chain = chain[: chain.index(below)]
    for node in chain:
        found = _place_under(node, ("in", "at")) or _place_after_date(node)
        if found is None and node.pos_ in ("VERB", "AUX"):
            # "the talks are expected to take place in CITY", "plans to meet in CITY"
            found = next(
                (
                    p
                    for c in node.children
                    if c.dep_ == "xcomp" and c.i > tok.i
                    if (p := _place_under(c, ("in", "at"))) is not None
                ),
                None,
            )
        if found is not None:
            return found
    top = chain[-1]
    if (
        relative
        and top.dep_ == "relcl"
        and top.head.ent_type_ in PLACE_ENTITIES
        and any(c.lower_ == "where" for c in top.children)
    ):
        return _place(top.head)
    return None


def _place_after_date(node: Token) -> Location | None:
    """ "scheduled for June 3 in CITY": a place the parser hung on the date phrase is the clause's."""
    for child in node.children:
        if child.dep_ != "prep":
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in ("DATE", "TIME"):
                found = _place_under(obj, ("in", "at"))
                if found is not None:
                    return found
    return None


def destination(tok: Token) -> Location | None:
    """The place a visit goes to: its object or its "to" phrase, when that names a place ("visited
    CITY", "a trip to A")."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.ent_type_ in PLACE_ENTITIES:
        return _place(obj)
    return _place_under(tok, ("to",))


def deed_place(tok: Token, subj: Token | None) -> Location | None:
    """Where a deed happened: its clause's place, else one its doing noun names ("a bombing near
    the town of T killed ...")."""
    found = location(tok)
    if found is None and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        found = _place_under(subj, ("in", "at", "near"))
    return found


def _place_under(node: Token, preps: tuple[str, ...]) -> Location | None:
    """A place named by a preposition on this token: "in CITY", "in the capital CITY", "near the town
    of X"."""
    for child in node.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            if obj.ent_type_ not in PLACE_ENTITIES:
                # "the capital CITY", "the town of T": the name beside a common noun (a noun of
                # place makes any name a place, whatever entity type the model gave it)
                named = obj.pos_ == "NOUN" and obj.lemma_.lower() in knowledge_of(obj.doc).derived(
                    _place_nouns
                )
                obj = next(
                    (
                        c
                        for c in obj.children
                        if (c.ent_type_ in PLACE_ENTITIES or (named and c.pos_ == "PROPN"))
                        and c.dep_ in ("appos", "compound")
                    ),
                    None,
                ) or next(
                    (
                        g
                        for c in obj.children
                        if c.dep_ == "prep" and c.lower_ == "of" and obj.pos_ == "NOUN"
                        for g in c.children
                        if g.dep_ == "pobj"
                        and (g.ent_type_ in PLACE_ENTITIES or (named and g.pos_ == "PROPN"))
                    ),
                    None,
                )
                if obj is None:
                    continue
            return _place(obj)
    return None


def _place(obj: Token) -> Location:
    ent = entity_at(obj)
    name = ent.text if ent is not None else obj.text
    start, end = (ent.start, ent.end) if ent is not None else (obj.i, obj.i + 1)
    hit = knowledge_of(obj.doc).derived(load_places).locate_qualified(obj.doc, start, end)
    if hit is not None:
        return Location(name=name, country=hit[0], lat=hit[1], lon=hit[2])
    return Location(name=name)
