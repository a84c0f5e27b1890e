"""Neighbouring regions: Queen contiguity, tolerant of coarse borders."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from cso_map.geo.projection import to_metric

BORDER_TOLERANCE_M = 2000.0


def region_neighbours(
    regions: gpd.GeoSeries, tolerance_m: float = BORDER_TOLERANCE_M
) -> dict[int, set[int]]:
    """Return, per region index, the indices of the regions that touch it.

    Regions touching at a corner count (Queen contiguity). Boundaries from different
    sources rarely meet exactly, so regions closer than twice `tolerance_m` metres,
    measured in an equidistant projection, count as touching: libpysal's
    `fuzzy_contiguity` with both grown by `tolerance_m`, without building the grown
    polygons (slow for detailed boundaries).
    """
    metric = np.asarray(to_metric(regions).reset_index(drop=True).values)
    neighbours: dict[int, set[int]] = {index: set() for index in range(len(metric))}
    if len(metric) < 2:
        return neighbours
    left, right = shapely.STRtree(metric).query(
        metric, predicate="dwithin", distance=2 * tolerance_m
    )
    for one, other in zip(left.tolist(), right.tolist(), strict=True):
        if one != other:
            neighbours[one].add(other)
    return neighbours
