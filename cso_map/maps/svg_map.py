"""A small static map as SVG shapes: for printing, with no script and no tiles.

Lon/lat are drawn with an equirectangular projection scaled by the cosine of the
middle latitude, which keeps a state's shape true enough at this size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

WIDTH = 600.0


@dataclass(frozen=True)
class SvgMap:
    """Path data of the main shape and its neighbours, and points, in SVG units."""

    width: float
    height: float
    shape: str
    neighbours: list[str]
    points: list[tuple[float, float]]


def _path(geometry: BaseGeometry, project) -> str:
    """Return SVG path data for a polygon or multipolygon."""
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            xy = [project(x, y) for x, y in ring.coords]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


def svg_map(
    shape: BaseGeometry,
    neighbours: list[BaseGeometry],
    lons: np.ndarray,
    lats: np.ndarray,
    width: float = WIDTH,
) -> SvgMap:
    """Return `shape` framed with a margin, its neighbours clipped to the frame."""
    west, south, east, north = shape.bounds
    margin = max(east - west, north - south) * 0.08
    west, south, east, north = (
        west - margin,
        south - margin,
        east + margin,
        north + margin,
    )
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x = (east - west) * scale_x
    height = width * (north - south) / span_x

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (
            (lon - west) * scale_x / span_x * width,
            (north - lat) / (north - south) * height,
        )

    frame = shapely.box(west, south, east, north)
    inside = [
        (float(lon), float(lat))
        for lon, lat in zip(lons, lats, strict=True)
        if west <= lon <= east and south <= lat <= north
    ]
    return SvgMap(
        width=width,
        height=round(height, 1),
        shape=_path(shape, project),
        neighbours=[_path(n.intersection(frame), project) for n in neighbours],
        points=[tuple(round(v, 1) for v in project(lon, lat)) for lon, lat in inside],
    )
