"""The fixed stages an event draft passes, in order, each a tuple of named rules (see `draft.py`)."""

from __future__ import annotations

from . import coding, date_and_place, frame, modality, participants, roles, trigger

STAGES = (
    ("trigger", trigger.RULES),
    ("frame", frame.RULES),
    ("participants", participants.RULES),
    ("roles", roles.RULES),
    ("modality", modality.RULES),
    ("date_and_place", date_and_place.RULES),
    ("coding", coding.RULES),
)

__all__ = ["STAGES"]
