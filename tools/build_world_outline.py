"""Build the web map's world outline from world-atlas's land-110m.json (Natural Earth 1:110m land).

Run once when updating the outline; the output is committed:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_world_outline.py package/land-110m.json \
        src/communique/web/static/vendor/world/land-110m.svg

TopoJSON stores shared, quantised, delta-encoded arcs; each polygon ring lists its arcs (a negative
index is the arc reversed). The SVG uses plain longitude/latitude (equirectangular): x = lon,
y = -lat, so the page can place an event at its stored coordinates without a projection library.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def across_the_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses longitude 180 (eastern Russia, Fiji) as one continuous ring and its copy
    shifted by 360 degrees: the map's frame clips each to its half. Drawn as it is, the jump from
    +180 to -180 would fill a band across the whole map. A ring around the pole (Antarctica) winds
    once round and is drawn as it is."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    if unwrapped == points or abs(unwrapped[-1][0] - unwrapped[0][0]) > 1:
        return [points]
    shift = -360 if max(lon for lon, _ in unwrapped) > 180 else 360
    return [unwrapped, [(lon + shift, lat) for lon, lat in unwrapped]]


def path_data(topology: dict) -> str:
    arcs = decode_arcs(topology)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                for pts in across_the_antimeridian(ring_points(ring, arcs)):
                    coords = " ".join(f"{lon:.1f},{-lat:.1f}" for lon, lat in pts)
                    parts.append(f"M{coords}Z")
    return "".join(parts)


def main(source: str, target: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">'
        "<!-- Land outline: Natural Earth 1:110m (public domain), via world-atlas 2.0.2 (ISC). "
        "x = longitude, y = -latitude. -->"
        f'<path fill="#eceee6" stroke="#aab4c0" stroke-width="0.2" d="{path_data(topology)}"/></svg>\n'
    )
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
