"""Actors: who is who, and for which country they act.

Baseline: spaCy PERSON/ORG/GPE/NORP entities grouped by name; states get
their ISO code from pycountry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Actor, Mention
from . import annotator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document

_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "state"}


def _country_code(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


@annotator("actors", assigns=("actors",))
class ActorAnnotator:
    def __call__(self, document: Document, parsed: Doc) -> None:
        by_name: dict[str, Actor] = {}
        for ent in parsed.ents:
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            name = ent.text.removeprefix("the ").strip()
            actor = by_name.get(name)
            if actor is None:
                country = _country_code(name) if kind == "state" else None
                actor = Actor(id=f"a{len(by_name) + 1}", name=name, country=country, kind=kind)
                by_name[name] = actor
            actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
        document.actors.extend(by_name.values())
