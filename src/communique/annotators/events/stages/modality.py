"""Stage 5, modality: whether the action happened, is announced, is possible or is denied, and how
PLOVER codes an action that has not happened yet (a promise of help is AGREE, of force THREATEN).

The clause's grammar was read in the frame stage (`Draft.mood`); this stage turns it into the
event's modality and code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..coding import recode_for_modality
from ..modality import coordinated_infinitive, modality

if TYPE_CHECKING:
    from ..draft import Context, Draft

__all__ = ["RULES"]


def the_clause_mood_is_the_modality(draft: Draft, ctx: Context) -> bool:
    """What the grammar says is what the record says, unless a rule below knows better; the action
    the clause reports is kept as it is, for a plan (`Draft.action`)."""
    draft.modality = draft.mood
    draft.action = (draft.type, draft.mode)
    return False  # reading, not a decision: not traced


def a_conditional_threat_or_offer_is_made_now(draft: Draft, ctx: Context) -> bool:
    """ "could walk out of the talks unless ...": the threat (or the offer) itself is made now, even
    though what it threatens is only possible."""
    if draft.mood != "hypothetical":
        return False
    recoded = recode_for_modality(draft.type, draft.mode, draft.mood, ctx.lex)[0]
    if recoded == draft.type and draft.type != "THREATEN":
        return False
    draft.modality = "asserted"
    return True


def an_announced_action_is_a_promise_or_a_threat(draft: Draft, ctx: Context) -> bool:
    """An action announced or offered is coded as the promise of it (AGREE), one that would hurt as a
    threat (THREATEN) (PLOVER)."""
    if draft.term:
        return False  # a term of a deal keeps its own type (frame stage)
    recoded = recode_for_modality(draft.type, draft.mode, draft.mood, ctx.lex)
    if recoded == (draft.type, draft.mode):
        return False
    draft.type, draft.mode = recoded
    return True


def a_promise_joined_to_a_promise_is_made_when_it_is(draft: Draft, ctx: Context) -> bool:
    """ "agreed to a truce and to meet again": a deed coordinated onto a verb of agreeing or promising
    is one more thing agreed in the same act, so the agreement to it holds as that verb holds (as
    "agreed to meet" does); only the deed itself is still to come."""
    tok = draft.tok
    if draft.type != "AGREE" or draft.mood != "future" or not coordinated_infinitive(tok):
        return False
    if ctx.state.trigger_types.get(tok.head.i) != "AGREE":
        return False
    head_mood = modality(tok.head, ctx.lex.modality)
    if head_mood == draft.modality:
        return False
    draft.modality = head_mood
    return True


RULES = (
    the_clause_mood_is_the_modality,
    a_conditional_threat_or_offer_is_made_now,
    an_announced_action_is_a_promise_or_a_threat,
    a_promise_joined_to_a_promise_is_made_when_it_is,
)
