"""Demo geography: Mexico's 32 states, the 48 contiguous US states, both countries."""

from __future__ import annotations

import csv
from functools import cache

import geopandas as gpd
import pandas as pd

from cso_map.config import PROJECT_ROOT
from cso_map.geo.boundaries import WGS84, read_demo_boundaries, simplify_coverage

REGION_TABLE = PROJECT_ROOT / "seed_data" / "regions.csv"


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

    Each country's states are simplified together as one coverage; a country's
    geometry is the union of its states.
    """
    table = pd.DataFrame(region_table())
    states = []
    for source, rows in table[table.level == "state"].groupby("source"):
        boundaries = read_demo_boundaries(source)
        merged = rows.merge(boundaries, on="source_name", how="left", validate="1:1")
        missing = merged[merged.geometry.isna()].source_name.tolist()
        if missing:
            raise ValueError(f"no boundary in {source} for {missing}")
        frame = gpd.GeoDataFrame(merged, geometry="geometry", crs=WGS84)
        frame["simplified"] = simplify_coverage(frame.geometry).values
        states.append(frame)
    states_frame = pd.concat(states, ignore_index=True).sort_values("code")
    countries = table[table.level == "country"].copy()
    countries["geometry"] = [
        states_frame[states_frame.parent == code].geometry.union_all()
        for code in countries.code
    ]
    countries["simplified"] = [
        states_frame[states_frame.parent == code].simplified.union_all()
        for code in countries.code
    ]
    frame = pd.concat([states_frame, countries], ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=WGS84)
