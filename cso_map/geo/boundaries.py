"""Region boundaries: read, repair and simplify them, and write them as GeoJSON."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

WGS84 = "EPSG:4326"
DEMO_SOURCES = {
    "mexico": ("examples/mexico/mexicojoin.shp", "NAME"),
    "us48": ("examples/us_income/us48.shp", "STATE_NAME"),
}


def demo_boundary_path(source: str) -> Path:
    """Return the path of a libpysal boundary shapefile ("mexico" or "us48")."""
    relative, _ = DEMO_SOURCES[source]
    return Path(str(resources.files("libpysal").joinpath(relative)))


def read_demo_boundaries(source: str) -> gpd.GeoDataFrame:
    """Read a libpysal demo shapefile as `source_name` + repaired WGS84 `geometry`.

    The files have no .prj; their coordinates are lon/lat degrees, so WGS84 is set.
    """
    _, name_field = DEMO_SOURCES[source]
    frame = gpd.read_file(demo_boundary_path(source), engine="pyogrio")
    frame = frame.set_crs(WGS84, allow_override=True)
    return gpd.GeoDataFrame(
        {"source_name": frame[name_field].astype(str)},
        geometry=repair(frame.geometry),
        crs=WGS84,
    )


def read_boundary_file(path: Path) -> gpd.GeoDataFrame:
    """Read a (gzipped) GeoJSON file of `code` + WGS84 `geometry` features."""
    name = f"/vsigzip/{path}" if path.suffix == ".gz" else str(path)
    return gpd.read_file(name, engine="pyogrio").set_crs(WGS84, allow_override=True)


def repair(geometries: gpd.GeoSeries) -> gpd.GeoSeries:
    """Return `geometries` made valid, keeping only their polygonal parts."""
    fixed = shapely.make_valid(np.asarray(geometries.values))
    polygonal = [_polygonal_part(geometry) for geometry in fixed]
    return gpd.GeoSeries(polygonal, index=geometries.index, crs=geometries.crs)


def _polygonal_part(geometry: BaseGeometry) -> BaseGeometry:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        part
        for part in getattr(geometry, "geoms", [geometry])
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def simplify_coverage(
    geometries: gpd.GeoSeries, tolerance: float = 0.01, grid_size: float = 1e-4
) -> gpd.GeoSeries:
    """Simplify neighbouring polygons together so shared edges stay shared.

    `shapely.coverage_simplify` keeps the topology of the whole set (no new gaps or
    overlaps, unlike per-geometry simplification); coordinates are then snapped to a
    `grid_size`-degree grid (1e-4 degrees is about 11 m) to shorten the GeoJSON, and
    the set is rebuilt from its noded edges, since snapping can leave neighbours'
    edges a little apart.
    """
    simplified = shapely.coverage_simplify(np.asarray(geometries.values), tolerance)
    snapped = shapely.make_valid(shapely.set_precision(simplified, grid_size))
    rebuilt = as_coverage(list(snapped))
    return gpd.GeoSeries(rebuilt, index=geometries.index, crs=geometries.crs)


def as_coverage(geometries: list[BaseGeometry]) -> list[BaseGeometry]:
    """Return `geometries` rebuilt from their noded edges, so neighbours share them.

    Every face of the noded boundaries goes to the first geometry holding a point of
    it; a face of none (a hole, a lake between states) stays out.
    """
    edges = shapely.union_all([geometry.boundary for geometry in geometries])
    faces = np.asarray(list(shapely.polygonize([edges]).geoms), dtype=object)
    inside = shapely.point_on_surface(faces)
    tree = shapely.STRtree(np.asarray(geometries, dtype=object))
    face, owner = tree.query(inside, predicate="within")
    first = pd.DataFrame({"face": face, "owner": owner}).drop_duplicates("face")
    return [
        shapely.coverage_union_all(faces[first.face[first.owner == index].to_numpy()])
        for index in range(len(geometries))
    ]


def label_point(geometry: BaseGeometry) -> tuple[float, float]:
    """Return (lat, lon) of a point guaranteed to lie inside `geometry`."""
    point = geometry.representative_point()
    return round(point.y, 5), round(point.x, 5)


def to_geojson(geometry: BaseGeometry) -> str:
    """Return `geometry` as GeoJSON geometry text (RFC 7946, lon/lat)."""
    return shapely.to_geojson(geometry)


def from_geojson(text: str) -> BaseGeometry:
    """Return the shapely geometry for GeoJSON geometry `text`."""
    return shapely.from_geojson(text)
