"""Places by name: the one resolver of city and country names, shared by the annotators.

It reads the shipped city table (`knowledge/en/cities.csv`, plus a user's rows), pycountry's
country names and its first-level subdivisions (states, provinces, regions), once per pipeline
(`Knowledge.derived(load_places)`).
The actors layer asks which country a city lies in; the events layer asks where a
named place is (its country and coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..knowledge import City, Knowledge

Located = tuple[str, float | None, float | None]  # ISO alpha-3, latitude, longitude


@dataclass(frozen=True)
class Places:
    country_of_city: dict[str, str]  # city name -> ISO alpha-3 of its most populous namesake
    shared_names: dict[str, frozenset[str]]  # city name -> every country with a city of that name, if several
    located: dict[str, Located]  # city or country name -> where it is
    subdivided: dict[str, frozenset[str]]  # first-level subdivision name -> the countries it lies in
    namesake_sites: dict[str, dict[str, Located]]  # shared city name -> country -> its largest such city
    abbreviated: dict[str, str]  # a state or province abbreviation news writes after a town -> country

    def city_country(self, name: str) -> str | None:
        return self.country_of_city.get(_key(name))

    def city_namesakes(self, name: str) -> frozenset[str]:
        """The countries of a city name that several countries share (Tripoli: Libya and Lebanon); empty
        when unique."""
        return self.shared_names.get(_key(name), frozenset())

    def subdivision_countries(self, name: str) -> frozenset[str]:
        """The countries with a state, province or region of this name (Georgia: the United States)."""
        return self.subdivided.get(_key(name), frozenset())

    def region_named_at(self, doc: Doc, i: int) -> frozenset[str]:
        """The countries of the first-level subdivision whose capitalised words open at token i, the
        longest name first ("British Columbia" though the model split "British" off as a nationality)."""
        end = i
        while end < len(doc) and end - i < _LONGEST_REGION and doc[end].text[:1].isupper():
            end += 1
        for stop in range(end, i + 1, -1):  # one word alone is left to the entity it belongs to
            codes = self.subdivision_countries(doc[i:stop].text)
            if codes:
                return codes
        return frozenset()

    def locate_qualified(self, doc: Doc, start: int, end: int) -> Located | None:
        """Where the place named by tokens start..end is, read with the region news writes after it: the
        namesake of "Birmingham, Ala." that lies in the United States, of "Richmond, British Columbia" in
        Canada; without one, or when the region names none of its namesakes, as `locate`."""
        name = doc[start:end].text
        found = self.locate(name)
        sites = self.namesake_sites.get(_key(name))
        if not sites or end + 1 >= len(doc) or doc[end].text != ",":
            return found
        countries = set(self.region_countries_at(doc, end + 1)) & set(sites)
        if len(countries) != 1:
            return found
        return sites[countries.pop()]

    def abbreviation_country_at(self, doc: Doc, i: int) -> str | None:
        """The country of a state or province abbreviation at token i ("Va."; "W.Va" + "." when the
        abbreviation ends a sentence and the tokenizer splits its stop off)."""
        word = doc[i].text
        if word not in self.abbreviated and i + 1 < len(doc) and doc[i + 1].text == ".":
            word += "."
        return self.abbreviated.get(word)

    def region_countries_at(self, doc: Doc, i: int) -> frozenset[str]:
        """The countries of a region news writes at token i after a town's name and a comma: an
        abbreviation ("Va.", and "W.Va" whose stop the tokenizer split off at a sentence's end), a state's
        or province's name, or a country's."""
        abbreviated = self.abbreviation_country_at(doc, i)
        if abbreviated is not None:
            return frozenset({abbreviated})
        word = doc[i].text
        named = self.region_named_at(doc, i) or self.subdivision_countries(word)
        if named:
            return named
        country = self.located.get(_key(word))
        return frozenset({country[0]}) if country is not None and country[1] is None else frozenset()

    def locate(self, name: str) -> Located | None:
        """Where a named city or country is; a state's own name is the state, not a small town abroad that
        shares it."""
        return self.located.get(name.removeprefix("the ").lower())


_LONGEST_REGION = 4  # words in the longest subdivision name a town is qualified with


def _key(name: str) -> str:
    return " ".join(name.split()).lower()


# A city abroad this populous keeps its name against a same-named state or province elsewhere
# (Manchester, Gaza, Bari); a smaller one gives way to the subdivision (Virginia, Florida, Ontario).
LARGE_CITY = 250_000


def load_places(knowledge: Knowledge) -> Places:
    """The resolver over `knowledge`'s city table: the most populous city wins a name cities share, and a
    first-level subdivision wins it from smaller cities abroad."""
    table = knowledge.cities()
    best = {name: rows[0][0] for name, rows in table.items()}
    shared = {name: frozenset(r[0] for r in rows) for name, rows in table.items()}
    located: dict[str, Located] = {name: (rows[0][0], rows[0][1], rows[0][2]) for name, rows in table.items()}
    local = frozenset(knowledge.lines("local_subdivision_types.txt"))
    subdivided = _subdivisions(frozenset(knowledge.lines("region_words.txt")), local)
    _add_subdivisions(table, subdivided, best, shared, located)
    _add_countries(located)
    shared = {name: codes for name, codes in shared.items() if len(codes) > 1}
    sites = {name: _largest_per_country(table[name]) for name in shared if name in table}
    regions = knowledge.yaml("actors/region_abbreviations.yaml") or {}
    abbreviated = {form: code for code, forms in regions.items() for form in forms or []}
    return Places(best, shared, located, subdivided, sites, abbreviated)


def _largest_per_country(rows: tuple[City, ...]) -> dict[str, Located]:
    """Each country's most populous city of a shared name (the rows come most populous first)."""
    out: dict[str, Located] = {}
    for iso3, lat, lon, _population in rows:
        out.setdefault(iso3, (iso3, lat, lon))
    return out


def _add_countries(located: dict[str, Located]) -> None:
    """Each country's own name names the country (no coordinates), unless a city of that name lies in it."""
    import pycountry

    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            hit = located.get(name.lower())
            if hit is None or hit[0] != country.alpha_3:
                located[name.lower()] = (country.alpha_3, None, None)


def _add_subdivisions(table: dict[str, tuple[City, ...]], subdivided: dict[str, frozenset[str]],
                      best: dict[str, str],
                      shared: dict[str, frozenset[str]],
                      located: dict[str, Located]) -> None:
    """A first-level subdivision named alone ("the governor of Virginia", "Florida officials") is its
    country's place: it outranks same-named cities abroad unless one is a large city, and its country
    joins the name's namesakes so a sentence naming the other country can still pick the city."""
    weight = _urban_weight(table)
    for name, codes in subdivided.items():
        rows = table.get(name, ())
        shared[name] = shared.get(name, frozenset()) | codes
        if rows and rows[0][0] in codes:
            continue  # the city lies in a subdivision of its name's country (Gaza, Jerusalem)
        if any(r[3] >= LARGE_CITY for r in rows):
            continue
        country = max(codes, key=lambda c: weight.get(c, 0))  # Florida: the US state, not Uruguay's
        if best.get(name) != country:
            best[name] = country
            located[name] = (country, None, None)


def _urban_weight(table: dict[str, tuple[City, ...]]) -> dict[str, int]:
    """Each country's people in the city table: which of two same-named subdivisions news means first."""
    weight: dict[str, int] = {}
    for rows in table.values():
        for iso3, _lat, _lon, population in rows:
            weight[iso3] = weight.get(iso3, 0) + population
    return weight


def _subdivisions(region_words: frozenset[str], local: frozenset[str]) -> dict[str, frozenset[str]]:
    """Lower-cased everyday name -> the countries (ISO alpha-3) with a first-level subdivision of that name
    ("Madrid, Comunidad de" is Madrid, "Sofia (stolitsa)" is Sofia)."""
    import pycountry

    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type.lower() in local:
            continue  # second-level units, a small state's town councils
        name = sub.name.split(", ")[0].split(" (")[0].strip()
        if not name[:1].isupper():
            continue  # "wallonne, Région": an inverted adjective, not a name news uses
        if set(name.lower().replace("-", " ").split()) <= region_words:
            continue  # "Central", "Far North": directions before they are regions
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            out.setdefault(_key(name), set()).add(country.alpha_3)
    return {name: frozenset(codes) for name, codes in out.items()}
