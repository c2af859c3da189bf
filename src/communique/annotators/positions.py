"""Positions: who demands, proposes, supports or rejects what. (Layer filled by the positions issue.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import annotator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document


@annotator("positions", requires=("events", "quotes"), assigns=("positions",))
class PositionAnnotator:
    def __call__(self, document: Document, parsed: Doc) -> None:
        return None
