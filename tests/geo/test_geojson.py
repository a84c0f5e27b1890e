"""GeoJSON follows RFC 7946's right-hand rule, checked by an independent shoelace."""

import json
from itertools import pairwise

import shapely

from cso_map.geo.geojson import feature_collection


def signed_area(ring: list[list[float]]) -> float:
    """Return the shoelace area of a ring: positive when counterclockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def polygons_of(document: dict) -> list[list]:
    """Return the coordinate lists of every polygon in a FeatureCollection."""
    found = []
    for feature in document["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            found.append(geometry["coordinates"])
        elif geometry["type"] == "MultiPolygon":
            found.extend(geometry["coordinates"])
    return found


def follows_the_right_hand_rule(document: dict) -> bool:
    """Return whether every exterior ring is counterclockwise and every hole not."""
    return all(
        signed_area(rings[0]) > 0 and all(signed_area(hole) < 0 for hole in rings[1:])
        for rings in polygons_of(document)
    )


def test_clockwise_rings_are_turned_to_the_right_hand_rule():
    clockwise = [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]
    counterclockwise_hole = [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]
    shape = shapely.Polygon(clockwise, [counterclockwise_hole])
    assert signed_area([list(p) for p in clockwise]) < 0  # as drawn: wrong way
    document = feature_collection(
        [shape, shapely.MultiPolygon([shape, shapely.box(20, 0, 30, 5, ccw=False)])],
        [{"code": "a"}, {"code": "b"}],
    )
    assert len(polygons_of(document)) == 3
    assert follows_the_right_hand_rule(json.loads(json.dumps(document)))
    assert shapely.from_geojson(json.dumps(document["features"][0]["geometry"])).equals(
        shape
    )
