"""How far apart two organizations are, as the public may know it.

Between two published points it is the great-circle distance. An organization
that hides its address is known only by its state, so the distance to it is the
distance to its state's boundary (0 from inside it), never to the state's label
point the map shows it at; with its state unknown, the distance is unknown.
"""

from __future__ import annotations

import numpy as np
import pyproj
import shapely

from cso_map.geo.boundaries import WGS84
from cso_map.geo.projection import haversine_km
from cso_map.services.snapshot.build import DirectorySnapshot


def public_km(
    snapshot: DirectorySnapshot, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """Return km between organization positions `first[i]` and `second[i]`
    (NaN: unknown), to a hidden address's state rather than to a point."""
    organizations = snapshot.organizations
    lons = organizations["lon"].to_numpy(float)
    lats = organizations["lat"].to_numpy(float)
    km = np.asarray(
        haversine_km(lons[first], lats[first], lons[second], lats[second]), float
    )
    hidden = organizations["confidential"].to_numpy(bool)
    pairs = np.flatnonzero(hidden[first] | hidden[second])
    if len(pairs) == 0:
        return km
    state = organizations["state"].to_numpy(int)
    metric = snapshot.metric_states
    shapes = np.append(np.asarray(metric.values), None)  # state -1: unknown
    to_metres = pyproj.Transformer.from_crs(WGS84, metric.crs, always_xy=True)

    def place(positions: np.ndarray) -> np.ndarray:
        points = shapely.points(*to_metres.transform(lons[positions], lats[positions]))
        return np.where(hidden[positions], shapes[state[positions]], points)

    distance = shapely.distance(place(first[pairs]), place(second[pairs]))
    km[pairs] = np.asarray(distance, float) / 1000
    return km
