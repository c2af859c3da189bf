"""The country of a city or place name the gazetteer lacks, from the shipped city table (knowledge/en/cities.csv)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _city_table() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(city name -> ISO alpha-3 of its most populous namesake, city name -> every country with a city of
    that name when there are several), from the shipped city table."""
    from ...knowledge import cities

    table = cities()
    best = {name: rows[0][0] for name, rows in table.items()}
    shared = {name: frozenset(r[0] for r in rows) for name, rows in table.items()}
    return best, {name: codes for name, codes in shared.items() if len(codes) > 1}


def city_country(name: str) -> str | None:
    return _city_table()[0].get(" ".join(name.split()).lower())


def city_namesakes(name: str) -> frozenset[str]:
    """The countries of a city name that several countries share (Tripoli: Libya and Lebanon); empty when unique."""
    return _city_table()[1].get(" ".join(name.split()).lower(), frozenset())
