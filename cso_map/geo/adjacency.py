"""Neighbouring regions: Queen contiguity, tolerant of coarse borders."""

from __future__ import annotations

import warnings

import geopandas as gpd

from cso_map.geo.projection import to_metric

BORDER_TOLERANCE_M = 2000.0


def region_neighbours(
    regions: gpd.GeoSeries, tolerance_m: float = BORDER_TOLERANCE_M
) -> dict[int, set[int]]:
    """Return, per region index, the indices of the regions that touch it.

    Regions touching at a corner count (Queen contiguity). Boundaries from different
    sources rarely meet exactly (the Mexico-US border here), so polygons are grown by
    `tolerance_m` metres, in an equidistant projection, before testing.
    """
    if len(regions) < 2:
        return {index: set() for index in range(len(regions))}
    from libpysal.weights import fuzzy_contiguity  # here: it loads scipy (~0.6 s)

    frame = gpd.GeoDataFrame(geometry=to_metric(regions).reset_index(drop=True))
    with warnings.catch_warnings():
        # libpysal 4.14 still passes `inplace=` to a pandas 3 method that warns.
        warnings.simplefilter("ignore", category=DeprecationWarning)
        weights = fuzzy_contiguity(
            frame,
            tolerance=0.0,
            buffering=True,
            buffer=tolerance_m,
            silence_warnings=True,
        )
    return {int(i): {int(j) for j in weights.neighbors[i]} for i in range(len(frame))}
