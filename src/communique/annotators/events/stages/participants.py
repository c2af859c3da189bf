"""Stage 3, participants: who the clause names as doing the action and as undergoing it.

Grammatical relations come from `syntax.py` and the actors they name from `references.py`; this
stage only decides which relation fills which side. Later fallbacks (the speaker of a quote, the
state where a deed with no doer happened) apply only when the clause names no coded doer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax import circumstance, direct_object, earlier_subjects, own_subject, passive_agent, subject
from ..candidates import all_content, stative
from ..clauses import clause_state
from ..fallbacks import continued_action
from ..frames import licensed
from ..modality import deed_place
from ..slots import frame_target, noun_doers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..candidates import Candidate
    from ..draft import Context, Draft
    from ..lexicon import Lexicon

__all__ = ["RULES"]

# argument slots that on a light verb name the noun itself ("made an offer"), not its recipient
OWN_SLOTS = frozenset({"obj", "poss_obj", "obj_prep", "xcomp_obj"})
# actions whose doers, named only by the clause a noun of circumstance sets, are its subject
MEETING_TYPES = frozenset({"CONSULT"})


# ------------------------------------------------------------------ nouns


def a_nouns_owner_or_sides_do_it(draft: Draft, ctx: Context) -> bool:
    """An action noun's possessor, coded modifier, "by" phrase or "between" phrase names its doers
    ("A's demands", "A-ian strikes", "talks between A and B")."""
    if not draft.is_noun:
        return False
    frame = draft.frame
    draft.source = noun_doers(
        draft.tok,
        ctx.refs,
        frame.mutual,
        between="between" not in frame.target,
        brokers=ctx.lex.broker_words,
        placed=frame.type in MEETING_TYPES,

    )
    draft.named_agent = bool(draft.source)
    return draft.named_agent


def a_light_participles_by_phrase_does_the_noun(draft: Draft, ctx: Context) -> bool:
    """ "a statement issued by A and B", "talks held by A and B": a light verb's participle on an action
    noun carries it out, and its by-phrase names the doers (a host's or broker's does not: "talks hosted
    by C" are not C's own)."""
    if not draft.is_noun or draft.source:
        return False
    lex = ctx.lex
    for child in draft.tok.children:
        lemma = child.lemma_.lower()
        light = lemma in lex.light_verbs and lemma not in lex.mediator_verbs
        if child.dep_ == "acl" and child.tag_ == "VBN" and light:
            draft.source = ctx.refs.named(passive_agent(child))
            draft.named_agent = bool(draft.source)
            return draft.named_agent
    return False


def a_light_nouns_doer_is_its_clauses_subject(draft: Draft, ctx: Context) -> bool:
    """A noun carried by a light verb ("A held talks", "B was put under investigation") is done by the
    verb's subject, or, when that subject is passive, done to it."""
    if not draft.is_noun or draft.source or not licensed(draft.tok, ctx.lex, ctx.refs):
        return False
    draft.subj, draft.passive = subject(draft.tok)
    if draft.subj is None:
        return False
    draft.passive = draft.passive and not _raised(draft.tok, draft.subj)
    if draft.passive:
        draft.target = ctx.refs.named(draft.subj)
    else:
        draft.source = ctx.refs.named(draft.subj)
        draft.named_agent = True
    return True


def _raised(tok: Token, subj: Token) -> bool:
    """Whether a passive subject belongs to a verb above the noun's own clause, reached through an
    infinitive ("A is expected to travel for talks", "A was asked to join the talks"): the subject of a
    passive verb of planning or asking does what its infinitive says."""
    cur = tok
    # (spaCy makes a new Token object at each access: tokens compare by position)
    while cur.i != subj.head.i and cur.head.i != cur.i:
        if cur.dep_ == "xcomp":
            return True
        cur = cur.head
    return False


def a_meeting_named_as_a_clauses_setting_is_its_subjects(draft: Draft, ctx: Context) -> bool:
    """A meeting or visit named as the setting of a clause ("during a visit to A, the minister said")
    is attended by that clause's subject."""
    tok = draft.tok
    if (
        not draft.is_noun
        or draft.source
        or draft.frame.type not in MEETING_TYPES
        or circumstance(tok, ctx.lex.circumstance_preps) is None
    ):
        return False
    subj, passive = subject(tok)
    found = ctx.refs.named(subj) if subj is not None and not passive else []
    if not found:
        return False
    draft.subj, draft.source, draft.named_agent = subj, found, True
    return True


def the_frame_slots_name_the_target(draft: Draft, ctx: Context) -> bool:
    """The target is the first argument slot of the noun's frame that names an actor ("talks with A",
    "an attack on A"), else whoever the clause says undergoes it."""
    if not draft.is_noun:
        return False
    found = frame_target(draft.tok, draft.frame.target, ctx.refs)
    draft.target = found or draft.target
    return bool(found)


def a_light_verbs_recipient_receives_its_noun(draft: Draft, ctx: Context) -> bool:
    """ "sent congratulations to A", "expressed thanks to A and to B": the light verb's recipient is
    the noun's target."""
    tok = draft.tok
    if (
        not draft.is_noun
        or draft.target
        or tok.dep_ != "dobj"
        or tok.head.lemma_.lower() not in ctx.lex.light_verbs
    ):
        return False
    slots = ("dative", *(s for s in draft.frame.target if s not in OWN_SLOTS))
    draft.target = frame_target(tok.head, slots, ctx.refs)
    return bool(draft.target)


# ------------------------------------------------------------------ verbs


def read_the_verbs_subjects(draft: Draft, ctx: Context) -> bool:
    """The subject governing the verb (climbing support verbs) and the verb's own subject."""
    if not draft.is_noun:
        draft.subj, draft.passive = subject(draft.tok)
        draft.own_subj, draft.own_passive = own_subject(draft.tok)
    return False  # reading, not a decision: not traced


def a_participle_on_a_message_acts_for_its_author(draft: Draft, ctx: Context) -> bool:
    """ "issued a statement condemning A": a text's participle speaks for the text's author."""
    tok = draft.tok
    if draft.is_noun or draft.subj is not None or tok.dep_ != "acl":
        return False
    if tok.head.lemma_.lower() not in ctx.lex.message_nouns:
        return False
    draft.subj, draft.passive = subject(tok.head)
    return draft.subj is not None


def a_participle_on_a_noun_is_done_to_that_noun(draft: Draft, ctx: Context) -> bool:
    """A past participle modifying a noun ("the envoy, received by the king") is passive: the noun
    undergoes the act and the by-phrase does it."""
    tok = draft.tok
    if draft.is_noun or tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.head.lemma_.lower() in ctx.lex.message_nouns:
        return False
    draft.own_subj, draft.own_passive = tok.head, True
    return True


def an_opening_participle_is_done_to_its_clauses_subject(draft: Draft, ctx: Context) -> bool:
    """A bare past participle heading an adverbial clause ("Asked about the offer, the minister said
    ...", "Backed by B, A attacked ...") is passive: the main clause's subject undergoes the act and the
    by-phrase does it. ("Having signed the deal, A ..." is active: it has an auxiliary.)"""
    tok = draft.tok
    if draft.is_noun or tok.dep_ != "advcl" or tok.tag_ != "VBN" or draft.own_subj is not None:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    draft.own_subj, draft.own_passive = subject(tok.head)[0], True
    return draft.own_subj is not None


def a_participle_joined_to_a_passive_shares_it(draft: Draft, ctx: Context) -> bool:
    """ "hostages will be freed and flown home": a participle coordinated with a passive verb is
    passive too, with the same subject."""
    tok = draft.tok
    if draft.is_noun or draft.own_subj is not None or not draft.passive or tok.dep_ != "conj":
        return False
    if tok.tag_ not in ("VBN", "VBD") or direct_object(tok) is not None:
        return False
    draft.own_subj, draft.own_passive = draft.subj, True
    return True


def a_passive_verbs_by_phrase_is_the_doer(draft: Draft, ctx: Context) -> bool:
    """In the passive, the by-phrase does the act and the subject undergoes it ("A was accused by
    B"); an extraposed "it" ("it was agreed that ...") stands for a clause, not an actor."""
    tok = draft.tok
    if draft.is_noun or not draft.own_passive or stative(tok, ctx.lex):
        return False
    by = passive_agent(tok)
    draft.source = ctx.refs.named(by)
    extraposed = draft.own_subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in tok.children)
    draft.target = [] if extraposed else ctx.refs.named(draft.own_subj)
    draft.named_agent = by is not None
    return True


def an_active_verbs_subject_does_it(draft: Draft, ctx: Context) -> bool:
    """In the active voice the subject does the act, and the frame's slots name whom it is aimed at."""
    tok = draft.tok
    if draft.is_noun or (draft.own_passive and not stative(tok, ctx.lex)):
        return False
    draft.source = ctx.refs.named(draft.subj)
    draft.target = frame_target(tok, draft.frame.target, ctx.refs)
    draft.named_agent = draft.subj is not None and draft.subj.lower_ != "it"
    return bool(draft.source)


def an_action_between_sides_is_theirs(draft: Draft, ctx: Context) -> bool:
    """ "it was settled between the two": the "between" or "by" phrase of a verb names its doers."""
    if draft.is_noun or draft.source:
        return False
    draft.source = noun_doers(draft.tok, ctx.refs, brokers=ctx.lex.broker_words)
    return bool(draft.source)


# ------------------------------------------------------------------ fallbacks for the doer


def a_trailing_participle_acts_for_an_earlier_subject(draft: Draft, ctx: Context) -> bool:
    """ "..., accusing A of B": a participle clause with no subject acts for the nearest earlier subject
    that names an actor."""
    tok = draft.tok
    if draft.source or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    draft.source = next((found for s in earlier_subjects(tok) if (found := ctx.refs.named(s))), [])
    return bool(draft.source)


def quoted_words_act_for_their_speaker(draft: Draft, ctx: Context) -> bool:
    """Quoted words act for their speaker: what "we" do, what they announce or offer; not a deed whose
    doer is left unsaid ("... were released") or named but not coded ("the mediators announce")."""
    subj, lex = draft.subj, ctx.lex
    unnamed = subj is None or draft.passive or subj.pos_ not in ("NOUN", "PROPN")
    if draft.source or not unnamed:
        return False
    first_person = subj is not None and subj.lower_ in ("we", "i")
    if draft.type in lex.agentless_types and not first_person and not (draft.promised and not draft.passive):
        return False
    draft.source = ctx.state.speaker_at(draft.tok.idx)
    return bool(draft.source)


def a_definite_action_goes_on_with_its_doers(draft: Draft, ctx: Context) -> bool:
    """ "the exchange will continue", "the next round of talks": a definite action noun with no doer
    of its own is one more of the action told before, by the same sides."""
    if draft.source or not draft.is_noun:
        return False
    draft.source = continued_action(draft.tok, draft.type, draft.frame.mutual, ctx.refs, ctx.state, ctx.lex)
    return bool(draft.source)


def a_deed_with_no_doer_is_coded_for_where_it_happens(draft: Draft, ctx: Context) -> bool:
    """ "was arrested in A", "a bombing near a town of A killed ...": with no doer named, the deed is
    coded for the state where it happens."""
    if any(a.country for a in draft.source) or not ctx.lex.place_doer(draft.type, draft.mode):
        return False
    place = deed_place(draft.tok, None if draft.passive else draft.subj)
    if place is None or not place.country:
        return False
    draft.source, draft.named_agent = [ctx.refs.synthetic(place.country, place.name)], True
    draft.placed = True
    return True


def protesters_of_no_state_protest_at_home(draft: Draft, ctx: Context) -> bool:
    """Protesters the text gives no state protest in the state their clause names, and at a foreign
    mission they march to (not a protest named only as the setting of another deed)."""
    tok, lex = draft.tok, ctx.lex
    if any(a.country for a in draft.source) or draft.type not in lex.home_types:
        return False
    if circumstance(tok, lex.circumstance_preps) is not None:
        return False
    home, aimed = clause_state(tok, ctx.refs)
    if home is None:
        return False
    draft.source, draft.named_agent = [home], True
    draft.target = draft.target or aimed
    return True


def _judges_a_deed(draft: Draft, sub: Candidate, lex: Lexicon) -> bool:
    """Condemning or praising a deed ("condemned the attack on A", "welcomed the aid to A") judges its
    doer: the deed's own target is its victim or beneficiary, not the one judged."""
    return draft.type in ("ACCUSE", "SUPPORT") and sub.frame.type in lex.reported_content_types


def a_deed_is_aimed_where_its_content_is(draft: Draft, ctx: Context) -> bool:
    """An action with no target of its own is aimed at the target of what it is about ("pledged to send
    aid to A"); a call for dialogue made in talks is made of the other party to those talks."""
    if draft.target:
        return False
    lex = ctx.lex
    for sub in all_content(draft.cand):
        if _judges_a_deed(draft, sub, lex):
            continue
        draft.target = frame_target(sub.tok, sub.frame.target, ctx.refs)
        if draft.target and sub.frame.type == "CONSULT" and draft.type == lex.obligation_type:
            named = draft.codes("target") | draft.codes("source")
            draft.target = [a for a in ctx.refs.parties if a.country not in named] or draft.target
        if draft.target:
            return True
    return False


RULES = (
    a_nouns_owner_or_sides_do_it,
    a_light_participles_by_phrase_does_the_noun,
    a_light_nouns_doer_is_its_clauses_subject,
    a_meeting_named_as_a_clauses_setting_is_its_subjects,
    the_frame_slots_name_the_target,
    a_light_verbs_recipient_receives_its_noun,
    read_the_verbs_subjects,
    a_participle_on_a_message_acts_for_its_author,
    a_participle_on_a_noun_is_done_to_that_noun,
    an_opening_participle_is_done_to_its_clauses_subject,
    a_participle_joined_to_a_passive_shares_it,
    a_passive_verbs_by_phrase_is_the_doer,
    an_active_verbs_subject_does_it,
    an_action_between_sides_is_theirs,
    a_trailing_participle_acts_for_an_earlier_subject,
    quoted_words_act_for_their_speaker,
    a_definite_action_goes_on_with_its_doers,
    a_deed_with_no_doer_is_coded_for_where_it_happens,
    protesters_of_no_state_protest_at_home,
    a_deed_is_aimed_where_its_content_is,
)
