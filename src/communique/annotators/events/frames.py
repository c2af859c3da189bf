"""Which sense of a trigger word applies here: the frame conditions of `event_triggers.yaml`
(a preposition, an object, a governing word, a doer or means, a clause, a condition) checked on the parse;
and whether a noun trigger is an action at all (licensed by a light verb or an owner, not a characterisation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..syntax import own_subject, relative_antecedent, subject
from .slots import noun_doers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..references import References
    from .lexicon import Frame, Lexicon

__all__ = ["characterises", "condition_clause", "licensed", "participation_verb", "publishes", "select_frame"]

OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "nsubjpass", "attr"})
DIRECTIVE_MODALS = frozenset({"must", "should", "shall"})


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas of what a trigger acts on: its object, an embedded verb's object, prepositional objects."""
    out: set[str] = set()
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.add(tok.head.lemma_.lower())  # "the envoy, received by the king": the noun is what is acted on
    stack = list(tok.children)
    for child in stack:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            out.update(relative_antecedent(t).lemma_.lower() for t in (child, *child.conjuncts))
            # "mediation efforts", "a state of emergency": the object's compound or "of" noun counts too
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
            out.update(
                g.lemma_.lower()
                for c in child.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            )
        elif child.dep_ in ("prep", "xcomp", "pcomp", "prt"):
            stack.extend(child.children)
        elif child.dep_ == "pobj":
            # a relative pronoun stands for its noun ("the accord, from which A withdrew")
            out.update(relative_antecedent(t).lemma_.lower() for t in (child, *child.conjuncts))
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return out


def publishes(tok: Token, lex: Lexicon) -> bool:
    """A verb of setting free whose object is a text, a picture or figures ("released a statement",
    "the information released by the army"): it publishes them, it frees no one."""
    return tok.pos_ in ("VERB", "AUX") and bool(_object_lemmas(tok) & lex.publication_nouns)


def _temporal(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Thursday", "at dawn")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _object_heads(tok: Token) -> set[str]:
    """Lemmas of the trigger's direct objects themselves, without their modifiers."""
    return {
        t.lemma_.lower()
        for child in tok.children
        if child.dep_ in ("dobj", "obj", "nsubjpass")
        for t in (child, *child.conjuncts)
    }


def _means_lemmas(tok: Token) -> set[str]:
    """Lemmas of who or what does an action: its subject, the noun a participle modifies
    ("sanctions targeting banks"), its "with" or "by" object ("targeted the city with missiles")."""
    out: set[str] = set()
    subj, passive = subject(tok)
    if subj is not None and not passive:
        out.update(t.lemma_.lower() for t in (subj, *subj.conjuncts))
        out.update(c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod"))
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add(tok.head.lemma_.lower())
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("with", "by"):
            out.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return out


def _directive(tok: Token) -> bool:
    """A demand's wording: "insist on ...", or a "that" clause in the subjunctive or with an obligation."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            return True
        if child.dep_ == "ccomp":
            aux = [c.lower_ for c in child.children if c.dep_ in ("aux", "auxpass")]
            if any(a in DIRECTIVE_MODALS for a in aux):
                return True
            subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not aux and (child.tag_ == "VB" or _bare_after_singular(child, subj)):
                return True  # "insisted that A withdraw"
    return False


def _reason_given(tok: Token) -> bool:
    """A "for" phrase that gives a reason: a gerund ("for accepting gifts") or a deed someone owns ("for
    his remarks", "for Peru's role")."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return True
            if obj.dep_ == "pobj" and any(c.dep_ == "poss" for c in obj.children):
                return True
    return False


def _bare_after_singular(verb: Token, subj: Token) -> bool:
    """ "that Putin agree", "that the army withdraw": a verb without the -s its singular subject asks for
    is a subjunctive (the tagger reads it as a plural present)."""
    singular = subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it")
    return singular and verb.tag_ == "VBP" and verb.lemma_ != "be"


def condition_clause(tok: Token, marks: frozenset[str]) -> Token | None:
    """The "if ..." or "unless ..." clause hanging on a trigger, if any."""
    for child in tok.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
            return child
    return None


def select_frame(tok: Token, frames: tuple[Frame, ...], marks: frozenset[str] = frozenset()) -> Frame | None:
    """The first frame whose conditions hold for this occurrence."""
    for frame in frames:
        if frame.when_condition and condition_clause(tok, marks) is None:
            continue  # "we'll respond differently if ...": a response only threatens under a condition
        if frame.when_prep and not any(
            c.lower_ in frame.when_prep and not _temporal(c)
            for c in tok.children  # the cheap test first
            if c.dep_ in ("prep", "prt", "agent", "advmod")
        ):
            continue  # "fired at the border", not "fired a missile on Thursday"
        if frame.when_obj:
            objects = _object_lemmas(tok)
            if not frame.when_obj & (objects | ({"*"} if objects else set())):
                continue  # "*": any object ("provided aid", not "provided it was respected")
        if frame.unless_obj_head and frame.unless_obj_head & _object_heads(tok):
            continue  # "announced a truce agreement": the object is the agreement, the truce its topic
        if frame.when_head and tok.head.lemma_.lower() not in frame.when_head:
            continue
        if frame.when_means and not frame.when_means & _means_lemmas(tok):
            continue  # "drones targeted the city", not "sanctions targeting banks"
        if frame.unless_means and frame.unless_means & _means_lemmas(tok):
            continue  # "the law allows for fines": a text makes room for something, it concedes nothing
        if frame.when_clause and not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            continue  # a clause before the trigger is not its content
        if frame.when_mod and not any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in frame.when_mod for c in tok.children
        ):
            continue  # "war games", not "games"
        if frame.unless_mod and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in frame.unless_mod for c in tok.children
        ):
            continue  # "a campaign rally" gathers supporters, it protests nothing
        if frame.when_dep and not any(c.dep_ in frame.when_dep for c in tok.children):
            continue  # "encouraged B to talk", not "encouraged investment"
        if frame.unless_dep and any(c.dep_ in frame.unless_dep for c in tok.children):
            continue  # "seeking to assume a role" tries, "seeking aid" asks
        if frame.when_reason and not _reason_given(tok):
            continue  # "attacked B for taking bribes" blames; "attacked B for three hours" fights
        if frame.when_directive and not _directive(tok):
            continue  # "insisted the vote was fair" asserts; "insisted that they withdraw" asks
        return frame
    return None


def participation_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb by which someone takes part in a meeting the noun names: "attended the summit",
    "joined the talks", "gathered for a summit", "took part in the meeting"."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in OBJECT_DEPS else None
    if verb is not None and verb.lemma_.lower() == "part" and verb.dep_ in OBJECT_DEPS:
        verb = verb.head  # "took part in"
    if verb is None or verb.lemma_.lower() not in lex.participation_verbs:
        return None
    return verb


def licensed(tok: Token, lex: Lexicon, refs: References) -> bool:
    """A light noun ("talks", "a deal") is an action when a light verb or an owner makes it one, and a
    meeting when someone attends, joins or gathers for it."""
    if tok.dep_ in OBJECT_DEPS and tok.head.lemma_.lower() in lex.light_verbs:
        return True
    if participation_verb(tok, lex) is not None:
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "into", "for", "under")
        and tok.head.head.lemma_.lower() in lex.light_verbs | lex.purpose_verbs
    ):
        # "engaged in talks", "arrived for a meeting", "put under investigation" (not "after a rally")
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.pos_ == "NOUN"
        and tok.head.head is not tok
    ):
        return licensed(tok.head.head, lex, refs)  # "approved a package of sanctions"
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and bool(
        noun_doers(tok, refs, brokers=lex.broker_words)
    )


def characterises(tok: Token, refs: References) -> bool:
    """A noun that is the predicate of "be" with a subject that names no actor ("it is an ultimatum")."""
    if tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return False
    subj, _ = own_subject(tok.head)
    # the subject's own words, not the reporter a bare pronoun may stand for
    return (
        subj is not None
        and subj.lower_ != "there"
        and not any(r[2].country for r in refs.mentions_in(subj.idx, subj.idx + len(subj.text)))
    )
