"""Countries from the article's context, for actors whose own words name none.

"President Bouteflika" with no gazetteer entry, "the army", "police", "rebels", "protesters",
an unknown "Islamic Salvation Front":
the text itself says nothing of the country, so it is read from the rest of the article, most
specific first: a title learned elsewhere with its country ("Algeria's president", "president of
Algeria"), then the one state the article is about (all states, their institutions and the
places named lie in a single country). Otherwise the country stays None: precision first.
The sentence around a name helps too: a city several states share ("Tripoli") lies in the one the
sentence names; "ethnic Albanians ... in Serbia" live in Serbia; "(FIS)" is the organisation before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import entities_in
from .gazetteer import STATE_KINDS, Entry
from .resolve import Book, Working
from .spans import ent_starting, locative, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class ContextMixin:

    def _context_countries(self, book: Book, doc: Doc, date: str | None) -> None:
        titled = [
            a
            for a in book.actors.values()
            if a.person and a.country is None and self._office(a.role) and not a.key.startswith("someone:")
        ]
        groups = [a for a in book.actors.values() if a.kind == "organisation" and a.country is None
                  and a.key.startswith("org:") and self.group_words & set(a.name.lower().split())]
        sole = self._sole_country(book)
        self._government_bodies(book, sole)
        # a place alone ("met X in Algiers") says where people met, not whom an office belongs to
        acting = sole if sole is not None and sole in book.state_codes | self._bodies_of(book) else None
        if acting is not None:
            self._institution_titles(book, acting)
        if not titled and not book.unqualified and not groups:
            return
        learned = self._learned_roles(book, doc, date) if titled else {}
        for actor in titled:
            role = self._office(actor.role)
            # a country whose holder of the role the gazetteer knows is not this unknown person's
            countries = {c for c in learned.get(role, ()) if self.gaz.office_holder(c, role, date) is None}
            if len(countries) == 1:
                actor.country = next(iter(countries))
            elif not countries and acting is not None and self.gaz.office_holder(acting, role, date) is None:
                actor.country = acting
        if sole is None:
            return
        for actor in groups:  # "the Islamic Salvation Front" in an article about Algeria
            actor.country = sole
        for head, start, end in book.unqualified:
            if not book.free(range(start, end)):
                continue
            self._institution(book, doc, head, sole, date, start, end)

    def _institution_titles(self, book: Book, country: str) -> None:
        """ "army spokesman X", "police chief Y" in an article about one state: the unqualified institution
        his title names is that state's, as "the army" alone would be."""
        for key, start, end in book.titles:
            person = book.actors[key]
            words = book.text[start:end].lower().split()
            if person.country is None and any(w in self.heads_by_form for w in words):
                person.country = country

    @staticmethod
    def _bodies_of(book: Book) -> set[str]:
        """The countries of the institutions and people read so far."""
        return {a.country for a in book.actors.values()
                if a.country and a.mentions and (a.person or a.kind == "institution")}

    def _government_bodies(self, book: Book, sole: str | None) -> None:
        """A government department whose name gives no country ("Department of Foreign Affairs") is the
        one state's of the article, else the dateline's: news leaves its host country's bodies unqualified.
        A person whose title names the body ("Department of Labour spokesman X") acts for its country."""
        bodies = [a for a in book.actors.values() if a.kind == "organisation" and a.country is None
                  and a.key.startswith("org:") and self._government_body(a.name)]
        country = (sole or self._dateline_country(book)) if bodies else None
        if country is None:
            return
        for body in bodies:
            body.country = country
        for key, start, end in book.titles:
            # the body inside the title, or right before its role word ("Department of Labour spokesman")
            person = book.actors[key]
            if person.country is None and any(self._names_body(book.text, b, start, end) for b in bodies):
                person.country = country

    def _government_body(self, name: str) -> bool:
        return bool(self.body_words & set(name.lower().split()))

    @staticmethod
    def _names_body(text: str, body: Working, start: int, end: int) -> bool:
        """Whether the body's name ends inside a title that runs from `start` to `end`, or just before it."""
        at = text.rfind(body.name, max(0, start - len(body.name) - 2), end)
        return at >= 0 and at + len(body.name) >= start - 1

    def _office(self, role: str | None) -> str:
        """The national office a role names, without modifiers ("outgoing prime minister"), or ""."""
        words = (role or "").split()
        while words and " ".join(words) not in self.context_roles and words[0] in self.gaz.modifiers:
            words = words[1:]
        office = " ".join(words)
        return office if office in self.context_roles else ""

    def _sole_country(self, book: Book) -> str | None:
        """The one state every state, institution and place of the article belongs to, if there is one."""
        countries = {a.country for a in book.actors.values()
                     if a.mentions and a.kind in ("state", "institution", "location") and a.country}
        countries |= {a.country for a in book.actors.values() if a.mentions and a.person and a.country}
        states = {c for c in countries if c in self.gaz.states}
        return next(iter(states)) if len(states) == 1 and len(countries) == 1 else None

    def _learned_roles(self, book: Book, doc: Doc, date: str | None) -> dict[str, set[str]]:
        """role -> countries the article gives it elsewhere:
        "Algeria's president", "the president of Algeria"."""
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

    # ---------------------------------------------------------------- the sentence around a name

    def _namesake_country(self, book: Book, ent: Span, text: str, country: str | None,
                          date: str | None) -> str | None:
        """ "militias in Tripoli ... the north Lebanese port": a city several states share lies in the one
        its sentence names."""
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            abbreviated = self.places.abbreviation_country_at(doc, ent.end + 1)
            if abbreviated is not None:  # "FAIRVIEW, W.Va.": the text says where the town lies
                return abbreviated
        namesakes = self.places.city_namesakes(text)
        if not namesakes:
            return country
        paired = namesakes & self._region_after(ent, date)  # "Savannah, Georgia": the city of that region
        if len(paired) == 1:
            return next(iter(paired))
        named = set(self._states_named_with(book, ent, date, ("state", "demonym")))
        if country in named:
            return country
        candidates = (named & namesakes) - {country}
        if len(candidates) == 1:
            return next(iter(candidates))
        if named & namesakes:
            return country
        return self._article_namesake(book, namesakes) or country

    def _article_namesake(self, book: Book, namesakes: frozenset[str]) -> str | None:
        """The namesake country the article is filed from, else the one namesake among the states it has
        named so far: news names a town of its own story's country without saying so."""
        dateline = self._dateline_country(book)
        if dateline in namesakes:
            return dateline
        named = book.state_codes & namesakes
        return next(iter(named)) if len(named) == 1 else None

    def _region_after(self, ent: Span, date: str | None) -> set[str]:
        """The countries the place named right after a comma may be: "Granada, Spain", "Savannah, Georgia"
        (the state of Georgia, or the United States' state of that name), "Richmond, Va." (an abbreviation
        news writes for a state or province)."""
        doc = ent.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            return set()
        abbreviated = self.places.abbreviation_country_at(doc, ent.end + 1)
        if abbreviated is not None:  # "Richmond, Va.", "FAIRVIEW, W.Va."
            return {abbreviated}
        region = ent_starting(doc, ent.end + 1)
        if region is None or region.label_ not in ("GPE", "LOC"):
            # "Richmond, British Columbia", though the model read "British" as a nationality
            return set(self.places.region_named_at(doc, ent.end + 1))
        name = strip_possessive(region)
        codes = set(self.places.subdivision_countries(name))
        state = self.gaz.pick(name, date, ("state",))
        if state is not None and state.country:
            codes.add(state.country)
        return codes

    def _subdivision_meant(self, book: Book, ent: Span, entry: Entry, date: str | None) -> str | None:
        """ "a plant in Georgia, the company said in Atlanta": a state's name that is also a state or
        province of another country is that country's place when the other places of its sentence lie
        there and none in the state itself; alone, the state's name is the state."""
        own = self.gaz.code_at(entry.country, date)
        others = self.places.subdivision_countries(strip_possessive(ent)) - {own}
        if not others:
            return None
        city = self._city_before(ent)  # "Savannah, Georgia": the region the city before it lies in
        if city is not None and len(self.places.city_namesakes(city) & others) == 1:
            return next(iter(self.places.city_namesakes(city) & others))
        first, end = book.sentences.bounds(ent.start)
        named: set[str | None] = set()
        for other in entities_in(ent.doc, first, end):
            if other.start == ent.start or other.label_ not in ("GPE", "LOC", "FAC", "NORP"):
                continue
            found = self.gaz.pick(strip_possessive(other), date, STATE_KINDS)
            city = self.places.city_country(other.text)
            named.add(self.gaz.code_at(found.country, date) if found else city)
        named.discard(None)
        return next(iter(named)) if len(named) == 1 and named <= others else None

    @staticmethod
    def _city_before(ent: Span) -> str | None:
        """The place named right before a comma that precedes the entity ("Savannah, Georgia")."""
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].text != ",":
            return None
        before = doc[ent.start - 2]
        if not before.ent_type_ or before.ent_type_ not in ("GPE", "LOC", "ORG"):
            return None
        i = ent.start - 2
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        return doc[i : ent.start - 1].text

    def _homeland(self, book: Book, ent: Span, entry: Entry, date: str | None) -> Entry:
        """The state an ethnic group lives in: the one other state of the sentence,
        one named as a place first."""
        named = self._states_named_with(book, ent, date, STATE_KINDS)
        others = {c: v for c, v in named.items() if c != entry.country}
        placed = [found for found, is_placed in others.values() if is_placed]
        if len(placed) == 1:
            return placed[0]
        return next(iter(others.values()))[0] if len(others) == 1 else entry

    def _states_named_with(self, book: Book, ent: Span, date: str | None,
                           kinds: tuple[str, ...]) -> dict[str, tuple[Entry, bool]]:
        """country -> (its first entry, named as a place) for the states the other entities of ent's
        sentence name.

        The sentence is read once and summarised (per sentence and kinds), so a long line with no sentence
        break costs one pass, not one per name in it."""
        first, _ = book.sentences.bounds(ent.start)
        key = ("states", first, kinds)
        if key not in book.memo:
            book.memo[key] = self._summarise_states(book, ent, date, kinds)
        summary, own = book.memo[key]
        mine = own.get(ent.start)
        out = {}
        for country, (entry, count, placed) in summary.items():
            if mine is not None and mine[0] == country:
                count, placed = count - 1, placed - mine[1]
            if count > 0:
                out[country] = (entry, placed > 0)
        return out

    def _summarise_states(self, book: Book, ent: Span, date: str | None, kinds: tuple[str, ...]):
        """({country: (first entry, entities, entities in a locative)},
        {entity start: (country, locative)})."""
        summary: dict[str, tuple[Entry, int, int]] = {}
        own: dict[int, tuple[str, int]] = {}
        first, end = book.sentences.bounds(ent.start)
        for other in entities_in(ent.doc, first, end):
            found = self.gaz.pick(strip_possessive(other), date, kinds)
            if found is None:
                continue
            country, placed = found.country or "", int(locative(other))
            entry, count, n_placed = summary.get(country, (found, 0, 0))
            summary[country] = (entry, count + 1, n_placed + placed)
            own[other.start] = (country, placed)
        return summary, own

    def _bracketed_short_form(self, book: Book, doc: Doc, ent: Span) -> Working | None:
        if ent.start < 2 or doc[ent.start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
            return None
        before = doc[ent.start - 2]
        end = before.idx + len(before)
        return next(
            (a for a in book.actors.values() if not a.person and any(e == end for _, e in a.mentions)), None
        )

    def _misspelt_states(self, book: Book, doc: Doc, date: str | None) -> None:
        """A proper noun outside every entity that is a misspelt state ("Ethopia has agreed"): the state."""
        import numpy
        from spacy.attrs import ENT_IOB, POS

        array = doc.to_array([POS, ENT_IOB])  # one C-level pass; only untagged proper nouns are visited
        propn = doc.vocab.strings["PROPN"]
        for i in numpy.nonzero((array[:, 0] == propn) & (array[:, 1] == 2))[0].tolist():
            token = doc[i]
            if i in book.claimed or len(token) < 5 or not token.is_title:
                continue
            entry = self.gaz.fuzzy_state(token.text) if not self.gaz.lookup(token.text) else None
            if entry is not None and entry.kind == "state":
                actor = self._from_entry(book, entry, date)
                book.mention(actor, token.idx, token.idx + len(token), range(i, i + 1))
