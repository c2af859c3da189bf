"""Stage 1, trigger: is this trigger word an action reported on its own?

A trigger governed by another trigger is usually that action's content ("agreed to hold talks"
is one agreement); only an action that another one judges or answers is also reported in its
own right, and talks that a third party hosts are the record rather than the hosting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..slots import noun_doers

if TYPE_CHECKING:
    from ...references import References
    from ..candidates import Candidate
    from ..draft import Context, Draft
    from ..lexicon import Lexicon

__all__ = ["RULES", "hosted_talks", "reported_fact"]


def reported_fact(cand: Candidate, lex: Lexicon) -> bool:
    """An action named as what another action judges or answers ("condemned the raid on A")."""
    gov = cand.governor
    return (
        gov is not None
        and gov.frame.type in lex.judging_types
        and cand.frame.type in lex.reported_content_types
        and cand.tok.pos_ in ("NOUN", "PROPN")
    )


def hosted_talks(cand: Candidate, lex: Lexicon, refs: References) -> bool:
    """Talks with sides of their own ("talks between A and B") as the object of a verb of hosting or
    brokering that is an action itself (an offer to host is not hosting)."""
    gov = cand.governor
    return (
        gov is not None
        and gov.governor is None
        and gov.tok.pos_ == "VERB"
        and gov.tok.lemma_.lower() in lex.mediator_verbs
        and cand.frame.type == "CONSULT"
        and cand.tok.pos_ in ("NOUN", "PROPN")
        and len({a.country for a in noun_doers(cand.tok, refs, True, brokers=lex.broker_words)}) > 1
    )


def hosting_is_no_action_of_its_own(draft: Draft, ctx: Context) -> bool:
    """A verb of hosting or brokering whose object is other parties' talks: the talks are the record,
    and the host is their mediator."""
    hosted = [c for c in draft.cand.content if hosted_talks(c, ctx.lex, ctx.refs)]
    if not hosted:
        return False
    ctx.hosts[draft.tok.i] = hosted[0]
    return draft.drop()


def talks_hosted_by_a_third_party_are_reported(draft: Draft, ctx: Context) -> bool:
    """Talks that are the object of a third party's hosting are reported as the parties' talks."""
    gov = draft.cand.governor
    # (read now, not before the stages: "the two sides" names the parties the text has told so far)
    draft.hosted = gov is not None and (
        ctx.hosts.get(gov.tok.i) is draft.cand
        or (gov.tok.i not in ctx.hosts and hosted_talks(draft.cand, ctx.lex, ctx.refs))
    )
    return draft.hosted


def an_obligation_reported_is_the_speakers_request(draft: Draft, ctx: Context) -> bool:
    """ "X said Y must do Z": read as X's request of Y (made before the stages); Z is not Y's act."""
    return draft.tok.i in ctx.obligation_verbs and draft.drop()


def an_action_judged_is_also_reported(draft: Draft, ctx: Context) -> bool:
    """What is condemned, welcomed or repelled ("condemned the strikes") happened: an action of its own."""
    return reported_fact(draft.cand, ctx.lex)


def a_trigger_governed_by_another_is_its_content(draft: Draft, ctx: Context) -> bool:
    """A trigger under another trigger in one clause ("agreed to a swap", "proposed talks") is that
    action's content: it sets the action's type or mode, not an action of its own."""
    if draft.cand.governor is None or draft.hosted or reported_fact(draft.cand, ctx.lex):
        return False
    return draft.drop()


def a_noun_doing_a_verb_of_its_own_type_is_one_action(draft: Draft, ctx: Context) -> bool:
    """A noun of action as the subject of a verb of the same type ("new sanctions penalise A") is the
    verb's doer, told once."""
    tok = draft.tok
    head = ctx.cands.get(tok.head.i)
    return (
        tok.dep_ == "nsubj"
        and tok.pos_ == "NOUN"
        and head is not None
        and head.frame.type == draft.frame.type
        and draft.drop()
    )


def a_participle_before_a_noun_describes_it(draft: Draft, ctx: Context) -> bool:
    """A past participle placed before its noun ("an A-backed militia", "the state-funded channel", "a
    long-disputed border") names what the noun is, a standing property, not an action the text reports
    as happening."""
    tok = draft.tok
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.i < tok.head.i and draft.drop()


RULES = (
    a_participle_before_a_noun_describes_it,
    hosting_is_no_action_of_its_own,
    talks_hosted_by_a_third_party_are_reported,
    an_obligation_reported_is_the_speakers_request,
    an_action_judged_is_also_reported,
    a_trigger_governed_by_another_is_its_content,
    a_noun_doing_a_verb_of_its_own_type_is_one_action,
)
