"""Demo geography: Mexico's 32 states, the 48 contiguous US states, both countries."""

from __future__ import annotations

import csv
from functools import cache

import geopandas as gpd
import pandas as pd
import shapely

from cso_map.config import PROJECT_ROOT
from cso_map.geo.boundaries import WGS84, read_boundary_file, simplify_coverage

REGION_TABLE = PROJECT_ROOT / "seed_data" / "regions.csv"
BOUNDARY_FILE = PROJECT_ROOT / "seed_data" / "boundaries.geojson.gz"


def region_table() -> list[dict[str, str]]:
    """Return the rows of seed_data/regions.csv (ISO code, level, names, source)."""
    with REGION_TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def region_names() -> dict[str, dict[str, str]]:
    """Return {ISO code: {"en": name, "es": name}} for every demo region."""
    return {
        row["code"]: {"en": row["name_en"], "es": row["name_es"]}
        for row in region_table()
    }


@cache
def demo_regions() -> gpd.GeoDataFrame:
    """Return every demo region with its full and simplified geometry, states first.

    The states come from seed_data/boundaries.geojson.gz (built by
    `python -m cso_map.demo.boundaries`); all 80 are simplified together as one
    coverage, so borders stay shared, even between the two countries. A country's
    geometry is the union of its states.
    """
    table = pd.DataFrame(region_table())
    boundaries = read_boundary_file(BOUNDARY_FILE)
    states = table[table.level == "state"].merge(
        boundaries, on="code", how="left", validate="1:1"
    )
    missing = states[states.geometry.isna()].code.tolist()
    if missing:
        raise ValueError(f"no boundary in {BOUNDARY_FILE.name} for {missing}")
    states = gpd.GeoDataFrame(states, geometry="geometry", crs=WGS84)
    states = states.sort_values("code", ignore_index=True)
    states["simplified"] = simplify_coverage(states.geometry).values
    countries = table[table.level == "country"].copy()
    for column in ("geometry", "simplified"):
        countries[column] = [
            shapely.coverage_union_all(states[states.parent == code][column].values)
            for code in countries.code
        ]
    frame = pd.concat([states, countries], ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=WGS84)
