"""Places by name: the one resolver of city and country names, shared by the annotators.

It reads the shipped city table (`knowledge/en/cities.csv`, plus a user's rows) and
pycountry's country names, once per pipeline (`Knowledge.derived(load_places)`).
The actors layer asks which country a city lies in; the events layer asks where a
named place is (its country and coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..knowledge import Knowledge

Located = tuple[str, float | None, float | None]  # ISO alpha-3, latitude, longitude


@dataclass(frozen=True)
class Places:
    country_of_city: dict[str, str]  # city name -> ISO alpha-3 of its most populous namesake
    shared_names: dict[str, frozenset[str]]  # city name -> every country with a city of that name, if several
    located: dict[str, Located]  # city or country name -> where it is

    def city_country(self, name: str) -> str | None:
        return self.country_of_city.get(_key(name))

    def city_namesakes(self, name: str) -> frozenset[str]:
        """The countries of a city name that several countries share (Tripoli: Libya and Lebanon); empty
        when unique."""
        return self.shared_names.get(_key(name), frozenset())

    def locate(self, name: str) -> Located | None:
        """Where a named city or country is; a state's own name is the state, not a small town abroad that
        shares it."""
        return self.located.get(name.removeprefix("the ").lower())


def _key(name: str) -> str:
    return " ".join(name.split()).lower()


def load_places(knowledge: Knowledge) -> Places:
    """The resolver over `knowledge`'s city table: the most populous city wins a name cities share."""
    table = knowledge.cities()
    best = {name: rows[0][0] for name, rows in table.items()}
    shared = {name: frozenset(r[0] for r in rows) for name, rows in table.items()}
    located: dict[str, Located] = {name: (rows[0][0], rows[0][1], rows[0][2]) for name, rows in table.items()}
    _add_countries(located)
    return Places(best, {name: codes for name, codes in shared.items() if len(codes) > 1}, located)


def _add_countries(located: dict[str, Located]) -> None:
    """Each country's own name names the country (no coordinates), unless a city of that name lies in it."""
    import pycountry

    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            hit = located.get(name.lower())
            if hit is None or hit[0] != country.alpha_3:
                located[name.lower()] = (country.alpha_3, None, None)
