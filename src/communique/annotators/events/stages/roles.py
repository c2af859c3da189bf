"""Stage 4, roles: the event's source and target, from the participants the clause names.

Removes who cannot be a side (a news outlet, the doer itself, the doer's own state), decides joint
actions, and, when the clause names no target, guesses one: an actor the sentence names, never a
place, a mediator, a topic or an outlet. Guessing is right more often than not (news names whom
an action is aimed at nearby), but only for actions that have a recipient.

Several decisions depend on how the action will be coded: a meeting told as done needs a partner,
a promised one does not. They read `expected_type`, the type the modality stage will give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax import direct_object, own_subject, subject
from ..candidates import all_content
from ..clauses import agentless_content, partnered, reciprocal
from ..coding import recode_for_modality
from ..fallbacks import antecedent, guess_target, mediators
from ..frames import participation_verb
from ..modality import location

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...document import Actor
    from ..draft import Context, Draft

__all__ = ["RULES", "expected_type"]

JOINT_WORDS = frozenset({"joint", "combined"})


def expected_type(draft: Draft, ctx: Context) -> tuple[str, str | None]:
    """The type and mode the modality stage will code the draft with."""
    if draft.term:
        return draft.type, draft.mode
    return recode_for_modality(draft.type, draft.mode, draft.mood, ctx.lex)


def _never_a_side(actor: Actor, ctx: Context) -> bool:
    return actor.kind in ctx.lex.non_party_kinds or actor.sector in ctx.lex.non_party_sectors


def a_news_outlet_is_never_a_side(draft: Draft, ctx: Context) -> bool:
    """A news outlet reports actions; it is not their source or target."""
    before = len(draft.source) + len(draft.target)
    draft.source = [a for a in draft.source if not _never_a_side(a, ctx)]
    draft.target = [a for a in draft.target if not _never_a_side(a, ctx)]
    return len(draft.source) + len(draft.target) != before


def addressing_its_own_members_acts_on_no_one_else(draft: Draft, ctx: Context) -> bool:
    """An organisation or state addressing its own members, people or agents ("urged member states
    to", "urged its citizens to leave", "ordered the army to") acts on no other party, whatever the
    request is about."""
    if draft.is_noun:
        return False
    obj = next((c for c in draft.tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return False
    owners = ctx.refs.named(obj) or [a for c in obj.children if c.dep_ == "poss" for a in ctx.refs.named(c)]
    if any(a.country not in draft.codes() for a in owners):
        return False
    lex = ctx.lex
    words = {obj.lemma_.lower(), obj.lower_} | {
        c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")
    }
    # "member states" are the doer's members by the word itself; "people" only when made the doer's
    # ("its citizens"), not "killed 20 people"; agents ("the army") are the doer's own unless named otherwise
    members = bool(words & lex.own_members) and (bool(owners) or bool(words & {"member", "members"}))
    agents = draft.type == lex.obligation_type and obj.lemma_.lower() in lex.own_agents  # orders, appeals
    return (members or agents) and draft.drop()


def a_doer_is_not_its_own_target(draft: Draft, ctx: Context) -> bool:
    """The doers, and the states of joint doers, are not also the target."""
    codes = draft.codes()
    kept = [
        a
        for a in draft.target
        if a not in draft.source and not (len(draft.source) > 1 and a.country in codes)
    ]
    changed = len(kept) != len(draft.target)
    draft.target = kept
    return changed


def the_doers_own_state_is_no_target(draft: Draft, ctx: Context) -> bool:
    """ "the ministry warned that its capital would respond": the doer's own state is no target (but
    a government and its rebels or opposition, or an act on a domestic type, are sides of their own);
    when the own state is the object itself ("promised to reform the country"), nothing else is
    guessed."""
    lex, codes = ctx.lex, draft.codes()
    target, source = draft.target, draft.source
    if not target or draft.type in lex.domestic_types or not all(a.country in codes for a in target):
        return False
    if any(a.kind == "group" for a in source + target) and not any(a in source for a in target):
        return False  # a group of the same state ("its own rebels", "miners against the police") is a side
    if any(a.sector in lex.domestic_opponents for a in source + target):
        return False
    if not all(a.sector is None or a.sector in {s.sector for s in source} for a in target):
        return False
    content_doers = {
        id(a) for c in draft.tok.children if c.dep_ == "ccomp" for a in ctx.refs.named(own_subject(c)[0])
    }
    draft.own_target = any(a.kind == "state" and id(a) not in content_doers for a in target)
    draft.target = []
    return True


def a_refusal_noun_is_aimed_at_the_talks_sides(draft: Draft, ctx: Context) -> bool:
    """ "A will not join the talks": the clause's subject refuses, and the talks' own sides are whom it
    rebuffs."""
    if not draft.refusal or not draft.is_noun:
        return False
    refuser = ctx.refs.named(subject(draft.tok)[0])
    if not refuser:
        return False
    codes = {a.country for a in refuser}
    sides = [a for a in ctx.refs.parties if a.country not in codes] or [
        a for a in draft.source + draft.target if a not in refuser
    ]
    draft.source, draft.target = refuser, sides
    return True


def a_mediator_does_not_make_the_sides_concessions(draft: Draft, ctx: Context) -> bool:
    """A mediator that announces a truce, a release or a deal between the sides ("C, which mediated,
    announced the truce was extended") reports what the sides do; it does not concede or retreat."""
    if draft.type not in ctx.lex.sides_types or not draft.source:
        return False
    brokers = mediators(draft.tok.sent, ctx.refs, ctx.lex)
    if not all(a.country in brokers for a in draft.source):
        return False
    return draft.drop()


def announcing_a_truce_between_others_concedes_nothing(draft: Draft, ctx: Context) -> bool:
    """A truce or a pause "between A and B" is the two sides' own; whoever announces it without being
    one of them (a mediator, a third state) reports their agreement and concedes nothing itself."""
    if draft.type != "CONCEDE" or draft.is_noun or not draft.source:
        return False
    sides = {
        a.country
        for obj in draft.tok.children
        if obj.dep_ in ("dobj", "obj", "nsubjpass")
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in ctx.refs.named(pobj)
    }
    if not sides or any(a.country in sides for a in draft.source):
        return False
    return draft.drop()


def an_action_needs_a_coded_doer(draft: Draft, ctx: Context) -> bool:
    """No state or organisation to code the record for: a record with no source says who suffered but
    not who acted, which the reader cannot use (PLOVER codes the doer)."""
    if any(a.country for a in draft.source):
        return False
    return draft.drop()


def _names_parties(tok, ctx: Context) -> bool:
    """ "the parties", "both sides", "the two countries": a plural noun that names the sides of a conflict."""
    return tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in ctx.refs.words.party_heads


def a_proposal_that_others_act_asks_them_to(draft: Draft, ctx: Context) -> bool:
    """ "proposed that the parties refrain from ...", "suggested that A and B withdraw": proposing that
    others do something asks them to (REQUEST of them); proposing talks, for oneself or for others,
    stays an offer to meet (AGREE `meet`), and so does proposing one's own deed."""
    tok = draft.tok
    if draft.is_noun or draft.frame.type != "AGREE" or tok.lemma_.lower() not in ctx.lex.proposal_verbs:
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    subj = own_subject(clause)[0] if clause is not None else None
    if subj is None or subj.pos_ == "PRON" or draft.mode == "meet":
        return False
    if any(ctx.state.trigger_types.get(t.i) == "CONSULT" for t in clause.subtree):
        return False  # ("proposed that the next round of talks be held in C": talks)
    asked = [a for a in ctx.refs.named(subj) if a.country]
    # (the asked are named, or named as the parties: "that the parties refrain")
    if draft.codes() & {a.country for a in asked} or not (asked or _names_parties(subj, ctx)):
        return False
    draft.type, draft.mode = "REQUEST", None
    draft.target = asked or [a for a in draft.target if a not in draft.source]
    return True


def sides_acting_together_cooperate(draft: Draft, ctx: Context) -> bool:
    """Exercises held jointly or with a partner are cooperation; one side's are a show of force."""
    tok, frame = draft.tok, draft.frame
    if not frame.joint_type:
        return False
    together = (
        len(draft.codes()) > 1
        or draft.target
        or any(c.lower_ in JOINT_WORDS for c in tok.children)
        or partnered(tok, ctx.refs)
    )
    if together:
        draft.type, draft.mode = frame.joint_type, None
    return bool(together)


def each_other_makes_a_joint_action(draft: Draft, ctx: Context) -> bool:
    """ "A and B accused each other": a joint action of the subjects."""
    if draft.target and any(reciprocal(c) for c in draft.tok.children if c.dep_ in ("dobj", "dative")):
        draft.target = []
        return True
    return False


def several_doers_with_no_target_act_jointly(draft: Draft, ctx: Context) -> bool:
    """Several doers and no target: one joint action of them all (scored as pairs); but doers who
    attack, coerce or sanction together act on someone else, guessed below when the clause names no one
    (fighting between them is mutual: their own joint action)."""
    draft.explicit_target = bool(draft.target)
    material = (
        ctx.lex.plover.get(expected_type(draft, ctx)[0], {}).get("quad_class") == 4 and not draft.frame.mutual
    )
    draft.joint = len(draft.source) > 1 and not draft.target and not material
    return draft.joint


def joint_sides_of_one_state_face_each_other(draft: Draft, ctx: Context) -> bool:
    """A joint action of two sides of one state ("the army and the rebels agreed to talks") is a
    dyad within that state: one side is recorded as source, the others as target, unordered."""
    coded = [a for a in draft.source if a.country]
    if not draft.joint or len(coded) < 2 or len({a.country for a in coded}) != 1:
        return False
    draft.source, draft.target = coded[:1], coded[1:]
    draft.joint, draft.mutual_sides = False, True
    return True


def outsiders_acting_together_act_on_the_parties(draft: Draft, ctx: Context) -> bool:
    """Outsiders acting together in someone else's conflict ("A and B urged restraint") act on its
    parties."""
    parties = ctx.refs.parties
    if not draft.joint or expected_type(draft, ctx)[0] == "CONSULT" or not parties:
        return False
    if draft.codes() & {a.country for a in parties}:
        return False
    draft.target, draft.joint = list(parties), False
    return True


def _lone_talks(draft: Draft, ctx: Context) -> bool:
    return (
        expected_type(draft, ctx)[0] == "CONSULT"
        and len(draft.source) == 1
        and not draft.target
        and not draft.joint
    )


def a_participant_joins_the_meeting_told_before(draft: Draft, ctx: Context) -> bool:
    """Someone who attends or joins "the summit", "the talks" (a definite meeting told before) is one
    more participant of that meeting: the participants named in every sentence that reports it form
    one joint side."""
    tok = draft.tok
    if not _lone_talks(draft, ctx) or not draft.is_noun or participation_verb(tok, ctx.lex) is None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    codes = draft.codes()
    others = [a for a in ctx.state.last_doer(frozenset({"CONSULT"}), codes) if a.country]
    if not others:
        return False
    draft.source = draft.source + others
    draft.joint = True
    return True


def members_of_one_side_meeting_is_internal(draft: Draft, ctx: Context) -> bool:
    """ "the bloc's ministers met": plural members of one side meeting among themselves, not talks
    with a partner to guess; told as still to come ("the bloc's leaders will meet in C in May"), it is
    that side's own planned meeting, kept for its plan with no partner."""
    subj = draft.subj
    lone = len(draft.source) == 1 and not draft.target and not draft.joint
    if not lone or draft.frame.type != "CONSULT" or draft.is_noun or subj is None:
        return False
    if subj.lemma_.lower() not in ctx.lex.member_heads or subj.tag_ not in ("NNS", "NNPS"):
        return False
    if draft.mood == "future":
        draft.joint = True
        return True
    return _lone_talks(draft, ctx) and draft.drop()


def a_visit_is_paid_to_the_state_it_is_in(draft: Draft, ctx: Context) -> bool:
    """A visit with no host named is paid to the state where it takes place."""
    if not _lone_talks(draft, ctx) or expected_type(draft, ctx)[1] != "visit":
        return False
    host = location(draft.tok, relative=True)
    if host is None or not host.country or host.country in draft.codes():
        return False
    draft.target = [ctx.refs.synthetic(host.country, host.name)]
    return True


def talks_need_a_partner(draft: Draft, ctx: Context) -> bool:
    """Talks are with someone: a partner the sentence names (a guess within it), or no record."""
    if not _lone_talks(draft, ctx):
        return False
    etype = expected_type(draft, ctx)[0]
    draft.target = guess_target(draft.tok, etype, draft.source, ctx.refs, ctx.state, ctx.lex)
    return True if draft.target else draft.drop()


def an_appeal_needs_a_named_addressee(draft: Draft, ctx: Context) -> bool:
    """Some actions are a record only when their own phrase names whom they address ("hoped that
    things would calm down" appeals to no one)."""
    return draft.frame.needs_target and not draft.target and not draft.joint and draft.drop()


def a_definite_object_points_to_its_author(draft: Draft, ctx: Context) -> bool:
    """ "rejected the proposal", "welcomed the decision": aimed at whoever made the last such
    action told before."""
    if draft.target or draft.is_noun or not draft.source:
        return False
    draft.target = antecedent(draft.tok, draft.source, ctx.refs, ctx.state, ctx.lex)
    return bool(draft.target)


def an_unnamed_target_is_the_nearest_other_party(draft: Draft, ctx: Context) -> bool:
    """An action with a recipient but none named is aimed at the nearest other party of the sentence,
    else at the article's main other party (not a place, a mediator, a condition's actors, the
    doer's partners or a news outlet)."""
    lex, frame = ctx.lex, draft.frame
    etype, mode = expected_type(draft, ctx)
    if draft.target or draft.joint or draft.own_target or frame.no_target or not draft.source:
        return False
    if etype in lex.intransitive_types or agentless_content(draft.tok, ctx.refs, draft.source):
        return False
    places = any(sub.frame.type in lex.place_targets for sub in all_content(draft.cand))
    # a deed known only by where it happened is aimed at whom its sentence names, else at home (below)
    draft.target = guess_target(
        draft.tok, etype, draft.source, ctx.refs, ctx.state, lex, mode, places, sentence_only=draft.placed
    )
    if draft.placed:
        where = _places_of_the_deed(draft.tok, ctx)
        draft.target = [t for t in draft.target if t.country not in where]
    return bool(draft.target)


PLACE_PREPS = frozenset({"in", "at", "near", "across", "outside"})


def _places_of_the_deed(tok: Token, ctx: Context) -> set[str | None]:
    """The states of every place a deed is told to have happened in ("attacks in A and B"): where a deed
    known only by its places happened, none of them is whom it was aimed at."""
    found: set[str | None] = set()
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            for place in (obj, *obj.conjuncts):
                mentions = ctx.refs.mentions_in(place.idx, place.idx + len(place.text))
                found.update(m[2].country for m in mentions)
    return found - {None}


def a_domestic_action_acts_on_its_own_state(draft: Draft, ctx: Context) -> bool:
    """A protest, curfew or concession aimed at no one named acts on the state where it happens (and
    so does the promise of one)."""
    lex = ctx.lex
    if draft.target or draft.joint or len(draft.source) != 1 or not draft.source[0].country:
        return False
    etype = expected_type(draft, ctx)[0]
    # judging a deed ("condemned the attack") is aimed at its doer, whatever kind of deed it is
    content = [] if etype in ("ACCUSE", "SUPPORT") else all_content(draft.cand)
    domestic = (
        etype in lex.domestic_types
        or draft.frame.type in lex.domestic_types
        or any(sub.frame.type in lex.domestic_types or sub.frame.no_target for sub in content)
    )
    if not domestic or _a_state_attacking_no_one_named(draft, etype) or _at_war_abroad(draft, etype, ctx):
        return False
    place = location(draft.tok)
    doer = draft.source[0]
    here = place is not None and place.country and place.country != doer.country
    if here:
        draft.target = [ctx.refs.synthetic(place.country, place.name)]
    else:  # the doer's own state; a body of no state (an international one) has no home to act on
        home = ctx.refs.state(doer.country)
        if home is None:
            return False
        draft.target = [home]
    return True


def _at_war_abroad(draft: Draft, etype: str, ctx: Context) -> bool:
    """A side the text has shown fighting another state strikes that fight's enemy, not
    its own state, when it strikes with no one or no place named ("its jets bombed a border post,
    killing four guards", "the jets struck again on Monday")."""
    if etype != "ASSAULT" or draft.placed or location(draft.tok) is not None:
        return False  # a deed in a named place is at home or abroad by that place
    return bool(ctx.state.foes.get(draft.source[0].country or ""))


def _a_state_attacking_no_one_named(draft: Draft, etype: str) -> bool:
    """A state's strike told with no one it hit ("India's strikes were meant to destroy ...", "it
    struck") and a leader's "attack" on someone uncoded ("he attacked his rivals") are aimed at someone
    else, never at the doer's own state; a state's deed on people it names ("executed four activists"),
    a deed known only by where it happened, or one by a state's army, police or groups may turn on the
    state where it happens."""
    if etype != "ASSAULT" or draft.placed:
        return False
    kind = draft.source[0].kind
    return kind == "person" or (kind == "state" and direct_object(draft.tok) is None)


RULES = (
    a_news_outlet_is_never_a_side,
    addressing_its_own_members_acts_on_no_one_else,
    a_doer_is_not_its_own_target,
    a_proposal_that_others_act_asks_them_to,
    the_doers_own_state_is_no_target,
    a_refusal_noun_is_aimed_at_the_talks_sides,
    a_mediator_does_not_make_the_sides_concessions,
    announcing_a_truce_between_others_concedes_nothing,
    an_action_needs_a_coded_doer,
    sides_acting_together_cooperate,
    each_other_makes_a_joint_action,
    several_doers_with_no_target_act_jointly,
    joint_sides_of_one_state_face_each_other,
    outsiders_acting_together_act_on_the_parties,
    a_participant_joins_the_meeting_told_before,
    members_of_one_side_meeting_is_internal,
    a_visit_is_paid_to_the_state_it_is_in,
    talks_need_a_partner,
    an_appeal_needs_a_named_addressee,
    a_definite_object_points_to_its_author,
    an_unnamed_target_is_the_nearest_other_party,
    a_domestic_action_acts_on_its_own_state,
)
