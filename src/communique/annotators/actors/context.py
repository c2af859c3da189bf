"""Countries from the article's context, for actors whose own words name none.

"President Bouteflika" with no gazetteer entry, "the army", "police", "rebels", "protesters":
the text itself says nothing of the country, so it is read from the rest of the article, most
specific first: a title learned elsewhere with its country ("Algeria's president", "president of
Algeria"), then the one state the article is about (all states, their institutions and the
places named lie in a single country). Otherwise the country stays None: precision first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE_KINDS
from .resolve import Book
from .spans import ent_starting

if TYPE_CHECKING:
    from spacy.tokens import Doc


class ContextMixin:

    def _context_countries(self, book: Book, doc: Doc, date: str | None) -> None:
        titled = [a for a in book.actors.values()
                  if a.person and a.country is None and a.role in self.context_roles and not a.key.startswith("someone:")]
        if not titled and not book.unqualified:
            return
        sole = self._sole_country(book)
        learned = self._learned_roles(book, doc, date) if titled else {}
        for actor in titled:
            # a country whose holder of the role the gazetteer knows is not this unknown person's
            countries = {c for c in learned.get(actor.role or "", ()) if self.gaz.office_holder(c, actor.role or "", date) is None}
            if len(countries) == 1:
                actor.country = next(iter(countries))
            elif not countries and sole is not None and self.gaz.office_holder(sole, actor.role or "", date) is None:
                actor.country = sole
        if sole is None:
            return
        for head, start, end in book.unqualified:
            if not book.free(range(start, end)):
                continue
            self._institution(book, doc, head, sole, date, start, end)

    def _sole_country(self, book: Book) -> str | None:
        """The one state every state, institution and place of the article belongs to, if there is one."""
        countries = {a.country for a in book.actors.values()
                     if a.mentions and a.kind in ("state", "institution", "location") and a.country}
        countries |= {a.country for a in book.actors.values() if a.mentions and a.person and a.country}
        states = {c for c in countries if c in self.gaz.states}
        return next(iter(states)) if len(states) == 1 and len(countries) == 1 else None

    def _learned_roles(self, book: Book, doc: Doc, date: str | None) -> dict[str, set[str]]:
        """role -> countries the article gives it elsewhere: "Algeria's president", "the president of Algeria"."""
        out: dict[str, set[str]] = {}
        for _, s, e in self.role_matcher(doc):
            role = doc[s:e].text.lower()
            if role not in self.context_roles:
                continue
            _, qualifier = self._qualifier_left(book, doc, s, date)
            country = getattr(qualifier, "country", None)
            if country is None and e + 1 < len(doc) and doc[e].lower_ == "of":
                ent = ent_starting(doc, e + 1)
                entry = self.gaz.pick(ent.text, date, STATE_KINDS) if ent is not None else None
                country = entry.country if entry is not None else None
            if country:
                out.setdefault(role, set()).add(self.gaz.code_at(country, date))
        return out
