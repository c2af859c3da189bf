"""Events: who did what to whom, coded in PLOVER. (Layer filled by the events issue.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import annotator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document


@annotator("events", requires=("actors", "timexes"), assigns=("events",))
class EventAnnotator:
    def __call__(self, document: Document, parsed: Doc) -> None:
        return None
