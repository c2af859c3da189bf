"""The verbs that report speech: one list (`knowledge/en/reporting_verbs.yaml`) for every annotator.

Quotes read its `verbs` (a quotation's speaker is their subject); events and positions read
the same verbs plus a named subset of their own (`disclosure_verbs`, `stance_verbs`): verbs
that report news or a stance but would give a quotation a wrong speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..knowledge import Knowledge

SPEECH_VERBS_FILE = "reporting_verbs.yaml"


def speech_verbs(knowledge: Knowledge, *subsets: str) -> frozenset[str]:
    """The verbs of saying (lemmas, lower case), with the named `subsets` of the same file."""
    data = knowledge.yaml(SPEECH_VERBS_FILE) or {}
    return frozenset(str(w).lower() for key in ("verbs", *subsets) for w in data.get(key) or ())
