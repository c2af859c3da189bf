"""Argument slots: where a trigger's frame looks for its target (`target:` in event_triggers.yaml).

Each slot is a small function over the parse that returns the actors one grammatical position
names; `frame_target` tries a frame's slots in order and takes the first that names a coded actor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...knowledge import Knowledge
from ..syntax import direct_object, own_subject, prepositional_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...document import Actor
    from ..references import References

__all__ = [
    "anti_modifier", "frame_target", "names_a_city", "noun_doers", "slot_actors"]

# prepositions on an object that aim the action ("action against X", "sanctions on X")
AIMING_PREPS = frozenset({"against", "on", "with", "to", "at", "toward", "towards"})


def office_heads(knowledge: Knowledge) -> frozenset[str]:
    """The head words of titles of office ("president", "minister", "envoy": `actors/roles.yaml`)."""
    roles = (knowledge.yaml("actors/roles.yaml") or {}).get("roles") or {}
    return frozenset(
        str((info or {}).get("head") or title).lower()
        for title, info in roles.items()
        if " " not in str(title) or (info or {}).get("head")
    )


def anti_modifier(tok: Token) -> bool:
    """ "anti-A": a modifier that names whom a thing is against, not its owner."""
    if tok.lower_.startswith("anti-"):
        return True
    doc = tok.doc
    return tok.i >= 1 and (
        doc[tok.i - 1].lower_ in ("anti", "anti-")
        or (tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti")
    )


def _obj(tok: Token, refs: References) -> list[Actor]:
    """The direct object; but the owner of an abstract owned object is not the target ("reaffirmed
    A's commitment"); a pronoun owns nothing here ("called his counterpart" is aimed at the counterpart)."""
    obj = direct_object(tok)
    if obj is None:
        return []
    owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children) and not refs.mentions_in(
        obj.idx, obj.idx + len(obj.text)
    )
    # (but an office is a person, who acts for the owner: "met B's president" meets B)
    return (
        []
        if owned and obj.lemma_.lower() not in refs.knowledge.derived(office_heads)
        else _object_parties(obj, refs)
    )


def _object_parties(obj: Token, refs: References) -> list[Actor]:
    """The actors an object names; an object that names an action ("to hold a summit in C") names no
    place as a party: the place is where the action happens."""
    found = refs.named(obj)
    nouns, series = refs.knowledge.derived(_action_nouns)
    hit = _hit_by(obj, refs)
    found = [a for a in found if a not in hit]
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in nouns | series:
        # ("a new round of talks in C": a noun of a series names the action too)
        return [a for a in found if a.kind != "location"]
    return found


def _action_nouns(knowledge: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    """Nouns that name an action, and nouns that name one more of a series of actions ("round")."""
    from .lexicon import load_lexicon

    lex = knowledge.derived(load_lexicon)
    return frozenset(lex.nouns), lex.series_nouns


def _force_nouns(knowledge: Knowledge) -> frozenset[str]:
    """Nouns whose first sense is a deed of force (PLOVER ASSAULT, COERCE): "the shelling of A"."""
    from .lexicon import load_lexicon

    nouns = knowledge.derived(load_lexicon).nouns
    return frozenset(w for w, frames in nouns.items() if frames[0].type in ("ASSAULT", "COERCE"))


def _poss_obj(tok: Token, refs: References) -> list[Actor]:
    """The owner of the object ("rejected A's proposal" is aimed at A)."""
    obj = direct_object(tok)
    if obj is None:
        return []
    hit = _hit_by(obj, refs)
    return [a for a in refs.owner(obj) if a not in hit]


def _hit_by(obj: Token, refs: References) -> list[Actor]:
    """Whom a deed of force named as an object hit ("condemned the bombing of B's embassy"): not the one
    blamed for it, whose the deed is ("A's shelling", "the A-ian raid")."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in refs.knowledge.derived(_force_nouns):
        return []
    return [a for prep in obj.children if prep.lower_ == "of" for g in prep.children for a in refs.named(g)]


def _anti(tok: Token, refs: References) -> list[Actor]:
    """ "anti-A sanctions" are aimed at A."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and anti_modifier(child):
            found = [r[2] for r in refs.mentions_in(child.idx, child.idx + len(child.text)) if r[2].country]
            code = refs.words.demonyms.get(child.lower_.rsplit("-", 1)[-1])
            if not found and code:
                found = [refs.synthetic(code, child.text)]
            if found:
                return found
    return []


def _obj_prep(tok: Token, refs: References) -> list[Actor]:
    """A preposition on the object aims the action: "threatened action against A"."""
    obj = direct_object(tok)
    for prep, pobj in prepositional_objects(obj) if obj is not None else ():
        if prep in AIMING_PREPS and (found := refs.named(pobj)):
            return found
    return []


def _for_prep(tok: Token, refs: References) -> list[Actor]:
    """Mobilizing "for a war against A" is aimed at whom the purpose is."""
    for prep, pobj in prepositional_objects(tok):
        if prep == "for":
            for inner, obj in prepositional_objects(pobj):
                if inner in ("against", "on") and (found := refs.named(obj)):
                    return found
    return []


def _dative(tok: Token, refs: References) -> list[Actor]:
    """The recipient: "gave A aid", "provided aid to A, which ..." (the object, not its clause)."""
    for child in tok.children:
        if child.dep_ == "dative":
            obj = (
                next((g for g in child.children if g.dep_ == "pobj"), None) if child.pos_ == "ADP" else child
            )
            return refs.named(obj)
    return []


def _xcomp_obj(tok: Token, refs: References) -> list[Actor]:
    for child in tok.children:
        if child.dep_ == "xcomp":
            obj = direct_object(child)
            return _object_parties(obj, refs) if obj is not None else []
    return []


def _cond_subj(tok: Token, refs: References) -> list[Actor]:
    """ "we will respond if A does X": aimed at whoever the condition is about."""
    for child in tok.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
            return refs.named(own_subject(child)[0])
    return []


def _ccomp_subj(tok: Token, refs: References) -> list[Actor]:
    """ "demanded that A withdraw": the subject of the content clause (not of a report trailing after a
    comma, "..., B's envoy said", which the parser may hang on the trigger)."""
    for child in tok.children:
        if child.dep_ == "ccomp" and not _trailing_report(tok, child):
            return refs.named(own_subject(child)[0])
    return []


def _trailing_report(tok: Token, clause: Token) -> bool:
    """A clause after the trigger, set off by a comma, with no "that", ending the sentence: the report
    of what came before ("they agreed, the envoy said"), not its content."""
    doc = clause.doc
    start = clause.left_edge.i
    return (
        clause.i > tok.i
        and start > 0
        and doc[start - 1].is_punct
        and not any(c.dep_ == "mark" for c in clause.children)
        and clause.right_edge.i >= clause.sent.end - 2
    )


SLOTS: dict[str, Callable[[Token, References], list[Actor]]] = {
    "obj": _obj,
    "poss_obj": _poss_obj,
    "anti": _anti,
    "obj_prep": _obj_prep,
    "for_prep": _for_prep,
    "dative": _dative,
    "xcomp_obj": _xcomp_obj,
    "cond_subj": _cond_subj,
    "ccomp_subj": _ccomp_subj,
}


def slot_actors(
    slot: str, tok: Token, refs: References, pairs: list[tuple[str, Token]] | None = None
) -> list[Actor]:
    """The actors one slot names; any other slot name is a preposition, every object of which counts
    ("to A and to B"). `pairs`: the word's prepositional objects, when the caller has them."""
    reader = SLOTS.get(slot)
    if reader is not None:
        return reader(tok, refs)
    found: list[Actor] = []
    for prep, obj in prepositional_objects(tok) if pairs is None else pairs:
        if prep == slot and not _a_setting_named_for_its_city(prep, obj, refs):
            found += [a for a in refs.named(obj) if a not in found]
    return found


def _a_setting_named_for_its_city(prep: str, obj: Token, refs: References) -> bool:
    """ "at the C summit", "in the C talks": a setting named for the city it is held in is where, and
    the city's state is not whom the action is aimed at."""
    return prep in ("at", "in") and obj.pos_ == "NOUN" and any(_names_a_city(c, refs) for c in obj.children)


def frame_target(tok: Token, slots: tuple[str, ...], refs: References) -> list[Actor]:
    """The first slot that names a coded actor; else the first that names any actor."""
    uncoded: list[Actor] = []
    pairs = prepositional_objects(tok)
    present = {prep for prep, _ in pairs}
    for slot in slots:
        if slot not in SLOTS and slot not in present:
            continue  # no such preposition here
        found = slot_actors(slot, tok, refs, pairs)
        if any(a.country for a in found):
            return found
        uncoded = uncoded or found
    return uncoded


def noun_doers(
    tok: Token,
    refs: References,
    mutual: bool = False,
    between: bool = True,
    brokers: frozenset[str] = frozenset(),
    placed: bool = False,
) -> list[Actor]:
    """Who does the action a noun names (`References.noun_doers`), leaving out "anti-" modifiers,
    which name the target, modifiers made of a word of brokering (`brokers`: "the B-sponsored
    talks", "B-brokered truce"), which name a third party, and, for a meeting (`placed`), a city's
    name ("the C summit"), which says where it was held (a capital names its government on a
    statement: "the C proposal")."""
    excluded = frozenset(
        c.i
        for c in tok.children
        if anti_modifier(c) or c.lemma_.lower() in brokers or (placed and _names_a_city(c, refs))
    )
    return refs.noun_doers(tok, mutual, between, excluded)


def _names_a_city(modifier: Token, refs: References) -> bool:
    return modifier.dep_ in ("compound", "nmod", "npadvmod") and names_a_city(modifier, refs)


def names_a_city(tok: Token, refs: References) -> bool:
    """A proper name that is a city's, even where the city stands for its state's government
    ("Budapest" for Hungary); not an acronym ("UN") nor a state's own name ("Lebanon")."""
    actors = refs.phrase(tok)
    if any(a.kind == "location" for a in actors):
        return True
    word = tok.text.lower()
    return (
        tok.pos_ == "PROPN"
        and not tok.text.isupper()
        and word in refs.knowledge.cities()
        and all(a.kind == "state" and a.name.lower() != word for a in actors)
    )
