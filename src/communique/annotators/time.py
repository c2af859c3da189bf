"""Temporal expressions (TIMEX3), resolved against the publication date.

Baseline: spaCy DATE/TIME entities, values from dateparser anchored to the
publication date (never the machine's clock).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..document import Timex
from . import annotator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document


@annotator("time", assigns=("timexes",))
class TimeAnnotator:
    def __call__(self, document: Document, parsed: Doc) -> None:
        import dateparser

        base = datetime.fromisoformat(document.article.published) if document.article.published else None
        settings = {"RELATIVE_BASE": base} if base else {}
        for ent in parsed.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            value = None
            if base is not None:
                parsed_date = dateparser.parse(ent.text, settings={**settings, "PREFER_DATES_FROM": "past"})
                value = parsed_date.date().isoformat() if parsed_date else None
            document.timexes.append(Timex(ent.text, ent.start_char, ent.end_char, ent.label_, value))
