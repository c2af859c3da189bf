"""Stage 2, frame (continued): senses of a trigger that report no action between parties, found by reading
our output on news nobody tuned on: questions asked rather than deeds told, meetings with things or with
the public, force against oneself or in words, backing told as a poll share, warnings that only foresee,
and words fused into a modifier. Each rule drops the draft (or recodes it) and says why in its docstring;
`frame.RULES` runs them in order with the stage's other rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax import own_subject, subject
from ..clauses import embedded_question
from ..modality import head_chain

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..draft import Context, Draft

__all__ = [
    "a_direct_question_tells_no_deed",
    "a_phrase_fused_by_hyphens_names_a_kind",
    "a_share_of_backing_is_a_poll",
    "a_warning_that_only_foresees_threatens_no_one",
    "asking_a_question_requests_no_deed",
    "force_against_oneself_is_no_attack",
    "meeting_a_thing_is_no_talks",
    "one_person_attacking_people_attacks_in_words",
    "personal_pronoun",
    "speaking_to_the_public_is_no_talks",
]


PARTY_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us", "i", "me", "you"})


def a_warning_that_only_foresees_threatens_no_one(draft: Draft, ctx: Context) -> bool:
    """A warning to no one named whose clause tells of things, not of a party or a deed ("warned that
    the new port would not cure the economy") foresees; a threat names a party or what will be done
    ("warned that B would pay", "warned that sanctions would follow")."""
    tok = draft.tok
    if draft.type != "THREATEN" or draft.is_noun or draft.cand.content:
        return False
    if any(c.dep_ in ("dobj", "obj", "dative", "prep") for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        if any(t.i in ctx.state.trigger_types for t in clause.subtree):
            return False
        if any(ctx.refs.named(t) for t in clause.children if t.dep_ in ("nsubj", "nsubjpass", "dobj")):
            return False
    return draft.drop()


def personal_pronoun(tok: Token) -> bool:
    """ "they were sought for questioning": a pronoun that stands for people, not for a thing."""
    return tok.tag_ == "PRP" and tok.lower_ in PERSONAL_PRONOUNS


FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def force_against_oneself_is_no_attack(draft: Draft, ctx: Context) -> bool:
    """Force whose object is the doer itself ("shot itself in the foot", "the man shot himself") is an
    idiom or a self-harm, not an attack or a coercion of another party."""
    tok = draft.tok
    if draft.type not in FORCE_TYPES or draft.is_noun:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    reflexive = [o for o in objects if o.tag_ == "PRP" and o.lower_.endswith(("self", "selves"))]
    return bool(objects) and len(reflexive) == len(objects) and draft.drop()


SHARE_WORDS = frozenset(
    {"percent", "%", "percentage", "per", "cent", "share", "majority", "plurality", "third", "half"}
)


def a_share_of_backing_is_a_poll(draft: Draft, ctx: Context) -> bool:
    """Backing told as a share ("5 percent support", "1 percent support B", "a majority of voters back A")
    is a poll or a vote count, not an act of support by a party."""
    tok = draft.tok
    if draft.type != "SUPPORT":
        return False
    if draft.is_noun:
        words = [t for left in tok.lefts for t in left.subtree]
    else:
        subj, _ = own_subject(tok)
        words = list(subj.subtree) if subj is not None else []
    return any(t.lower_ in SHARE_WORDS for t in words) and draft.drop()


PERSON_PRONOUNS = frozenset({"he", "she"})


VERBAL_ATTACK_VERBS = frozenset({"attack"})


def one_person_attacking_people_attacks_in_words(draft: Draft, ctx: Context) -> bool:
    """A named person or a "he"/"she" attacking people ("she attacked his wife", "started attacking
    Latinos") with no weapon named attacks in words (PLOVER ACCUSE); a state, a force or an armed
    doer attacking, or anyone attacking a place or a state, uses force."""
    tok = draft.tok
    if draft.type != "ASSAULT" or draft.is_noun or tok.lemma_.lower() not in VERBAL_ATTACK_VERBS:
        return False
    subj, passive = subject(tok)
    if subj is None or passive:
        return False
    one_person = subj.ent_type_ == "PERSON" or subj.lower_ in PERSON_PRONOUNS
    objects = [o for c in tok.children if c.dep_ in ("dobj", "obj") for o in (c, *c.conjuncts)]
    people = bool(objects) and all(_people(o, ctx) for o in objects)
    armed = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    if not (one_person and people) or armed:
        return False
    draft.type, draft.mode = "ACCUSE", "disapprove"
    return True


def _people(obj: Token, ctx: Context) -> bool:
    """Persons or a people: a name, a nationality, a word for people, or someone's kin or circle ("his
    wife", "her rivals"); not their positions or their towns."""
    if obj.ent_type_ in ("PERSON", "NORP"):
        return True
    lemma = obj.lemma_.lower()
    if lemma in ctx.lex.person_nouns or lemma in ctx.lex.audience_nouns:
        return True
    return lemma in ctx.lex.circle_nouns


def meeting_a_thing_is_no_talks(draft: Draft, ctx: Context) -> bool:
    """Words of meeting and hosting are talks with a party: a person, a delegation, a state ("hosted
    the king", "met his counterpart") or a meeting ("hosted the summit"); what else they take ("host a
    race", "meet future floods") is an event held or a thing faced, with no party met."""
    tok = draft.tok
    if not draft.frame.party_obj or draft.is_noun:
        return False
    objects = [o for c in tok.children if c.dep_ in ("dobj", "obj") for o in (c, *c.conjuncts)]
    if not objects or any(_a_party(obj, draft.frame.party_obj, ctx) for obj in objects):
        return False
    return draft.drop()


def speaking_to_the_public_is_no_talks(draft: Draft, ctx: Context) -> bool:
    """Talks are between parties: speaking to, meeting or reaching out to students, voters, reporters or
    a crowd ("spoke to students in the capital") is a speech, an interview or campaigning."""
    tok = draft.tok
    if draft.type != "CONSULT" or draft.is_noun:
        return False
    partners = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    partners += [
        g
        for c in tok.children
        if c.dep_ in ("prep", "prt") and c.lower_ in ("to", "with", "out")
        for p in (c, *(x for x in c.children if x.dep_ == "prep"))
        for g in p.children
        if g.dep_ == "pobj"
    ]
    partners = [o for p in partners for o in (p, *p.conjuncts)]
    audience = ctx.lex.audience_nouns
    return bool(partners) and all(p.lemma_.lower() in audience for p in partners) and draft.drop()


def _a_party(obj: Token, meetings: frozenset[str], ctx: Context) -> bool:
    if obj.ent_type_ in PARTY_ENTITIES or obj.lemma_.lower() in meetings:
        return True
    if obj.tag_ == "NNP" and not obj.ent_type_:
        return True  # a name the tagger did not type ("hosted Ana Soto"); events and places are typed
    words = ctx.refs.words
    lemma = obj.lemma_.lower()
    if lemma in ctx.lex.person_nouns or lemma in words.party_heads or lemma in words.relation_nouns:
        return True
    if personal_pronoun(obj):
        return True
    # the object's own word names an actor ("hosted Chile"), not a modifier of it ("a Senate race")
    return any(m[2].country or m[2].name for m in ctx.refs.mentions_in(obj.idx, obj.idx + len(obj.text)))


QUESTION_WORD_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})


def a_phrase_fused_by_hyphens_names_a_kind(draft: Draft, ctx: Context) -> bool:
    """An infinitive fused into one word by hyphens ("ready-to-use kits", "a hard-to-reach area") names a
    kind of thing; it tells no one's readiness or deed."""
    tok = draft.tok
    doc = tok.doc
    fused_after = _hyphen_at(doc, tok.i + 1) and doc[tok.i + 2].lower_ == "to" and not tok.whitespace_
    fused_before = _hyphen_at(doc, tok.i - 1) and doc[tok.i - 2].lower_ == "to"
    return (fused_after or fused_before) and draft.drop()


def a_direct_question_tells_no_deed(draft: Draft, ctx: Context) -> bool:
    """A deed asked about in a direct question ("Will you pledge to ...?", "Did B strike first?") is
    neither done nor promised: the question's clause puts its auxiliary before its subject."""
    sent = draft.tok.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != "?":
        return False
    top = head_chain(draft.tok)[-1]
    subj = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in top.children if c.dep_ in ("aux", "auxpass")), None)
    inverted = subj is not None and aux is not None and aux.i < subj.i
    return inverted and draft.drop()


def _hyphen_at(doc: Doc, i: int) -> bool:
    """A hyphen joined to both neighbours ("ready-to", "to-eat")."""
    if i < 1 or i + 1 >= len(doc):
        return False
    return doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def asking_a_question_requests_no_deed(draft: Draft, ctx: Context) -> bool:
    """A verb of asking whose content is a question ("asked whether B would help", "asked if ...",
    "asked why B had left") wants an answer, not a deed; asking not to be named or identified is about
    the report, not a request of any party."""
    tok = draft.tok
    if draft.type != ctx.lex.obligation_type or draft.is_noun:
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    question = _follows_a_quoted_question(tok) or any(
        embedded_question(c) or _opens_with_question_word(c) or _quoted_question(c) for c in clauses
    )
    anonymity = any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in ctx.lex.anonymity_verbs
        and any(a.dep_ == "auxpass" for a in c.children)
        for c in tok.children
    )
    return (question or anonymity) and draft.drop()


def _quoted_question(clause: Token) -> bool:
    """ "'Will you ...?' the senator asked": the reported words end with a question mark."""
    doc = clause.doc
    after = doc[clause.right_edge.i + 1 : clause.right_edge.i + 3]
    return clause.right_edge.text == "?" or any(t.text == "?" for t in after)


def _follows_a_quoted_question(verb: Token) -> bool:
    """ "'Will you ...?' the senator asked": the verb's clause comes right after a quoted question."""
    start = min(verb.i, verb.left_edge.i)
    before = verb.doc[max(0, start - 3) : start]
    return any(t.text == "?" for t in before)


def _opens_with_question_word(clause: Token) -> bool:
    """ "asked why B had left", "asked what A would do": a clause led by a question word."""
    first = clause.left_edge
    return first.tag_ in QUESTION_WORD_TAGS and first.lower_ != "that"

