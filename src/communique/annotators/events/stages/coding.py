"""Stage 7, coding: the last reading before the record: whether the action is mutual (CAMEO,
QuadClass and Goldstein come from the PLOVER table once repeats are merged, `coding.add_codes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import direct_content

if TYPE_CHECKING:
    from ..draft import Context, Draft

__all__ = ["RULES"]


def a_symmetric_action_is_mutual(draft: Draft, ctx: Context) -> bool:
    """Talks, exchanges and joint actions have no giver and receiver: the sides are unordered; so is
    agreeing to a mutual deed other than talks ("agreed to exchange prisoners")."""
    frame = draft.frame
    several = len(draft.source) + len(draft.target) > 1
    mutual_content = frame.joint_content and any(
        sub.frame.mutual and sub.frame.type != "CONSULT" for sub in direct_content(draft.cand)
    )
    draft.mutual = (
        draft.joint
        or draft.mutual_sides
        or (several and draft.type == frame.type and (frame.mutual or mutual_content))
    )
    return draft.mutual


RULES = (a_symmetric_action_is_mutual,)
