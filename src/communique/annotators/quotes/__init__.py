"""Quotes: who said what, with the words and the speaker. (Layer filled by the quotes issue.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import annotator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document


@annotator("quotes", requires=("actors",), assigns=("quotes", "statements"))
class QuoteAnnotator:
    def __call__(self, document: Document, parsed: Doc) -> None:
        return None
