"""Institutions named by pattern: "the Russian Foreign Ministry", "Ministry of Defence of Ukraine",
"Russian forces", "the Reagan administration"; unqualified "the Foreign Ministry" belongs to the
country of the last foreign minister spoken of, else to the dateline's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..entities import entities_in
from .gazetteer import STATE_KINDS
from .resolve import Book, Working
from .spans import ent_of, ent_starting, locative, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "DOHA, Qatar —", "MOSCOW (AP) -", "LIMA, May 2 (Wire) --": the place an article was filed from (a typed
# dash is often two hyphens, an old wire's an underscore)
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z.' -]{1,30}?)(?:,([^\n—–-]{1,30}))?\s*(?:\([^)\n]{1,30}\)\s*)?(?:--|[—–_-])\s"
)
# "MANILA: The government ...", "KYIV (Reuters) -" opening a line of the article's first lines (a headline
# and a summary may come before it): a place in capitals, then a colon or a dash
_CAPS_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z.' -]{2,30}?)(?:,([^\n:—–-]{1,30}))?[ \t]*"
    r"(?:\([^)\n]{1,30}\)[ \t]*)?(?:--|[:—–_-])[ \t]", re.M)
# how far into the text a dateline may open a line
DATELINE_REACH = 1500


class InstitutionsMixin:

    def _institutions(self, book: Book, doc: Doc, date: str | None) -> None:
        from spacy.util import filter_spans

        spans = filter_spans([doc[s:e] for _, s, e in self.head_matcher(doc)])
        for span in spans:
            if any(i in book.claimed and i not in book.titled for i in range(span.start, span.end)) or (
                span.root.ent_type_ and span.root.ent_iob_ != "O" and self.gaz.lookup(ent_of(span.root).text)
            ):
                continue
            head = self.heads_by_form[span.text.lower()]
            start, qualifier = self._qualifier_left(book, doc, span.start, date)
            end = span.end
            if qualifier is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                ent = ent_starting(doc, end + 1)
                if ent is not None:
                    qualifier = self.gaz.pick(ent.text, date, STATE_KINDS)
                    if qualifier is not None:
                        end = ent.end
            if qualifier is None:
                if (
                    "Ministry" in head["name"]
                    and span.start > 0
                    and doc[span.start - 1].lower_ == "the"
                    and span.text[0].isupper()
                ):
                    country = self._placed_country(book, doc, span.start, span.end, date) or \
                        self._ministry_country(book, doc, head, span.start_char)
                    self._institution(book, doc, head, country, date, span.start, end)
                elif span.text.lower() in self.contextual_forms and not self._of_many_states(doc, end):
                    first = (
                        span.start - 1
                        if span.start > 0 and doc[span.start - 1].lower_ == "the"
                        else span.start
                    )
                    book.unqualified.append((head, first, end))
                continue
            if isinstance(qualifier, Working):  # "the Reagan administration"
                actor = book.get(
                    f"inst:{qualifier.key}:{head['name']}",
                    name=f"{qualifier.name.split()[-1]} {span.text.lower()}",
                    kind="institution",
                    country=qualifier.country,
                    sector=head.get("sector"),
                )
                book.mention(actor, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), range(start, end))
                continue
            self._institution(book, doc, head, qualifier.country, date, start, end)

    def _of_many_states(self, doc: Doc, end: int) -> bool:
        """ "police of 55 countries", "troops from several nations": a body drawn from many states, so no
        one state (nor the article's) is its country."""
        if end >= len(doc) or doc[end].lower_ not in ("of", "from"):
            return False
        for token in doc[end + 1 : end + 5]:
            if token.lower_ in self.many_states_nouns:
                return True
            if token.pos_ not in ("NUM", "DET", "ADJ"):
                return False
        return False

    def _placed_country(self, book: Book, doc: Doc, start: int, end: int, date: str | None) -> str | None:
        """ "In Budapest, the Defence Ministry said", "the Foreign Ministry in Lima": a state or city the
        sentence opens with, or that follows it, is the country of an unqualified ministry."""
        first = book.sentences.bounds(start)[0]
        after = end + 1 if end < len(doc) and doc[end].lower_ in ("in", "at") else end
        countries = set()
        for place in entities_in(doc, first, after + 1):
            opening = place.start <= first + 1 and doc[first].lower_ in ("in", "at")
            if not opening and place.start != after:
                continue  # ("experts in Chile linked the attack to the army": not the army's place)
            if not locative(place) or (place.start < start and place.end > start):
                continue
            country = self._place_country(strip_possessive(place), date)
            if country:
                countries.add(country)
        return countries.pop() if len(countries) == 1 else None

    def _ministry_country(self, book: Book, doc: Doc, head: dict, before: int) -> str | None:
        """Whose is "the Foreign Ministry"? The last foreign minister's country, else the dateline's."""
        stem = head["name"].split()[0].lower()[:5]  # "defen" covers defence and defense
        minister = book.last_with(before, lambda a: a.person and stem in (a.role or ""))
        if minister is not None:
            return minister.country
        return self._dateline_country(book)

    def _dateline_country(self, book: Book) -> str | None:
        """The country of the place the article was filed from, when its dateline names one."""
        if "dateline" not in book.memo:
            match = _DATELINE.match(book.text) or _CAPS_DATELINE.search(book.text, 0, DATELINE_REACH)
            place = match.group(1).strip() if match else ""
            entry = None
            for form in (place, place.title()) if place else ():
                entry = entry or self.gaz.pick(form, None, STATE_KINDS)
            region = (match.group(2) or "").split("(")[0].strip() if match else ""
            book.memo["dateline"] = (
                entry.country if entry else self._dateline_city(place, region) if place else None
            )
        return book.memo["dateline"]

    def _dateline_city(self, city: str, region: str) -> str | None:
        """ "SAVANNAH, Georgia": a city several countries have lies in the one its region names; "FAIRVIEW,
        W.Va.": a region news abbreviates says the country whatever towns abroad share the name."""
        if region in self.region_abbreviations:
            return self.region_abbreviations[region]
        city = city.title() if city.isupper() else city
        namesakes = self.places.city_namesakes(city)
        if namesakes and region:
            state = self.gaz.pick(region, None, ("state",))
            codes = set(self.places.subdivision_countries(region)) | ({state.country} if state else set())
            if len(namesakes & codes) == 1:
                return next(iter(namesakes & codes))
        return self.places.city_country(city)

    def _institution(
        self, book: Book, doc: Doc, head: dict, country: str | None, date: str | None, start: int, end: int
    ) -> None:
        if not country:
            return
        code = self.gaz.code_at(country, date)
        adjective = self.gaz.adjective.get(code or "", code or "")
        actor = book.get(
            f"inst:{code}:{head['name']}",
            name=f"{adjective} {head['name']}",
            kind="institution",
            country=code,
            sector=head.get("sector"),
        )
        book.mention(actor, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), range(start, end))

    def _qualifier_left(self, book: Book, doc: Doc, i: int, date: str | None):
        """(start token, state entry or person actor) qualifying the words at token i, if any."""
        j = i
        while j > 0 and (doc[j - 1].lower_ in self.gaz.modifiers or doc[j - 1].lower_ in self.head_modifiers):
            j -= 1
        if j > 1 and doc[j - 1].lower_ == "led" and doc[j - 2].text in ("-", "–"):
            j -= 2  # "Vietnamese-led forces", "Saudi-led coalition": the leader's forces
        if j > 0 and doc[j - 1].lower_ in ("'s", "’s"):
            j -= 1
        ent = ent_of(doc[j - 1]) if j > 0 else None
        if ent is None or ent.end != j:
            return i, None
        entry = self.gaz.pick(strip_possessive(ent), date, STATE_KINDS)
        if entry is not None:
            return ent.start, entry
        key = book.by_surname(ent.text.split()[-1], ent.start_char) if ent.label_ == "PERSON" else None
        if key is None and ent.label_ == "PERSON":
            person = self.gaz.pick(ent.text, date, ("person",))
            key = person.key if person else None
        if key and key in book.actors:
            return ent.start, book.actors[key]
        return i, None
