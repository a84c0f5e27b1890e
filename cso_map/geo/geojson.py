"""GeoJSON (RFC 7946, lon/lat) from shapely geometries and plain properties."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry.base import BaseGeometry


def feature_collection(
    geometries: Sequence[BaseGeometry], properties: Iterable[dict]
) -> dict:
    """Return a FeatureCollection pairing each geometry with its properties.

    Polygons follow RFC 7946's right-hand rule: exterior rings counterclockwise,
    holes clockwise.
    """
    oriented = shapely.orient_polygons(list(geometries), exterior_cw=False)
    texts = shapely.to_geojson(oriented)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": json.loads(text),
                "properties": {k: _plain(v) for k, v in props.items()},
            }
            for text, props in zip(texts, properties, strict=True)
        ],
    }


def point_collection(
    lons: Sequence[float], lats: Sequence[float], properties: Iterable[dict]
) -> dict:
    """Return a FeatureCollection of points (coordinates rounded to 5 decimals)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(x, 5), round(y, 5)],
                },
                "properties": {k: _plain(v) for k, v in props.items()},
            }
            for x, y, props in zip(lons, lats, properties, strict=True)
        ],
    }


def _plain(value: object) -> object:
    """Return `value` as a JSON-friendly Python value (NaN becomes None)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
