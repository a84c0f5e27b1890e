"""Regions and organizations as GeoJSON, read from the directory snapshot."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.geo.geojson import feature_collection, point_collection
from cso_map.services.analysis.overview_shapes import overview_shapes
from cso_map.services.directory.search import DirectoryFilters, matching_positions
from cso_map.services.snapshot.build import (
    INDICATOR_FIELDS,
    directory_snapshot,
    mask_codes,
)
from cso_map.taxonomy import CSO_TYPES, SERVICE_CATEGORIES, SERVICE_LANGUAGES


def regions_geojson(extra: pd.DataFrame | None = None, overview: bool = False) -> dict:
    """Return the states with simplified boundaries, indicators and `extra` columns
    (with `overview`, outlines coarse enough only for a whole-country map)."""
    regions = directory_snapshot().regions
    columns = ["code", "name_en", "name_es", *INDICATOR_FIELDS, "year", "illustrative"]
    frame = regions[columns].reset_index(drop=True).assign(level="state")
    if extra is not None:
        frame = pd.concat([frame, extra.reset_index(drop=True)], axis=1)
    shapes = regions["simplified"]
    if overview:
        shapes = overview_shapes(shapes)
    return feature_collection(shapes.values, frame.to_dict("records"))


def matching_points(filters: DirectoryFilters) -> pd.DataFrame:
    """Return the listed organizations matching `filters` that have a public point."""
    snapshot = directory_snapshot()
    organizations = snapshot.organizations.iloc[matching_positions(snapshot, filters)]
    return organizations[organizations["lon"].notna()]


def organizations_geojson(filters: DirectoryFilters) -> dict:
    """Return the matching organizations as GeoJSON points with their codes."""
    points = matching_points(filters)
    properties = [
        {
            "id": row.id,
            "name": row.name,
            "type": row.type,
            "region": row.region,
            "services": mask_codes(SERVICE_CATEGORIES, row.categories),
            "languages": mask_codes(SERVICE_LANGUAGES, row.languages),
            "verified": bool(row.verified),
            "approximate": bool(row.approximate),
        }
        for row in points.itertuples()
    ]
    return point_collection(points["lon"], points["lat"], properties)


def organizations_compact(
    filters: DirectoryFilters, with_details: bool = False
) -> dict:
    """Return matching points as parallel arrays (names come with a popup's fetch).

    `type` indexes `types` (every CSO type code). With `with_details`, names and
    service codes are included too, for a map that must work offline.
    """
    points = matching_points(filters)
    types = CSO_TYPES.codes()
    type_index = {code: i for i, code in enumerate(types)}
    compact = {
        "types": types,
        "ids": points["id"].tolist(),
        "lon": np.round(points["lon"].to_numpy(float), 4).tolist(),
        "lat": np.round(points["lat"].to_numpy(float), 4).tolist(),
        "type": [type_index.get(code, -1) for code in points["type"]],
        "approximate": points["approximate"].astype(int).tolist(),
    }
    if with_details:
        compact["names"] = points["name"].tolist()
        compact["services"] = [
            mask_codes(SERVICE_CATEGORIES, mask) for mask in points["categories"]
        ]
    return compact


def state_feature(code: str) -> dict:
    """Return one state's simplified outline as a GeoJSON feature (code and names)."""
    regions = directory_snapshot().regions
    row = regions[regions["code"] == code].iloc[0]
    properties = {
        "code": row["code"],
        "name_en": row["name_en"],
        "name_es": row["name_es"],
    }
    return feature_collection([row["simplified"]], [properties])["features"][0]
