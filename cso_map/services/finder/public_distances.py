"""Distances the public may know: to a published point, or to a hidden address's state.

An organization that hides its address is known only by its state, so the distance
to it is the distance to that state's boundary (0 from inside the state), never to
a point in it. A person who gave only a state is anywhere in it: distances from
them are measured from its boundary. Boundaries are the snapshot's simplified
shapes (those maps draw).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from cso_map.geo.projection import haversine_km, km_from
from cso_map.services.snapshot.build import DirectorySnapshot


def hidden_points(snapshot: DirectorySnapshot) -> np.ndarray:
    """Return, per snapshot point, whether its organization hides its address."""
    owner = snapshot.services["owner"].to_numpy(int)
    confidential = snapshot.organizations["confidential"].to_numpy(bool)
    return confidential[owner][snapshot.points["service"].to_numpy(int)]


def person_place(
    snapshot: DirectorySnapshot, lon: float, lat: float, state: int | None
) -> BaseGeometry:
    """Return where the person is: their point, or their whole state's shape."""
    if state is None:
        return shapely.Point(lon, lat)
    return snapshot.regions.geometry.iat[state]


def hidden_nearest(
    snapshot: DirectorySnapshot,
    origin: BaseGeometry,
    rows: np.ndarray,
    limit: int,
    radius_km: float | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return hidden point `rows` that may be among the `limit` nearest (within
    `radius_km`), and their km from `origin` to their states.

    A state is measured only if it can matter: its distance is at least that to
    its label point less its reach (see `state_reach_km`) and at most that to its
    label point, so a state beyond the `limit`-th service's upper bound is skipped.
    """
    states = snapshot.points["state"].to_numpy(float)[rows].astype(int)
    unique, position = np.unique(states, return_inverse=True)
    regions = snapshot.regions
    point = origin.geom_type == "Point"
    centre = origin if point else origin.representative_point()  # inside it
    upper = haversine_km(
        centre.x,
        centre.y,
        regions["label_lon"].to_numpy(float)[unique],
        regions["label_lat"].to_numpy(float)[unique],
    )
    reach = state_reach_km(snapshot)
    origin_reach = 0.0 if point else _reach_of(origin, centre)
    lower = upper - reach[unique] - origin_reach
    services = snapshot.points["service"].to_numpy(int)[rows]
    bound = np.inf if radius_km is None else radius_km
    seen: set[int] = set()
    for state in np.argsort(upper):  # nearest label points first
        seen.update(services[position == state].tolist())
        if len(seen) >= limit:
            bound = min(bound, upper[state])
            break
    measured = np.flatnonzero(lower <= bound)
    km_of_state = np.full(len(unique), np.inf)
    shapes = regions.geometry.to_numpy()[unique[measured]]
    km_of_state[measured] = km_from(origin, shapes)
    km = km_of_state[position]
    kept = np.isfinite(km)
    return rows[kept], km[kept]


_reaches: list[tuple[DirectorySnapshot, np.ndarray]] = []


def state_reach_km(snapshot: DirectorySnapshot) -> np.ndarray:
    """Return, per state, how far its boundary goes from its label point at most
    (km, with a margin): no point of the state is farther from the label."""
    if _reaches and _reaches[0][0] is snapshot:
        return _reaches[0][1]
    regions = snapshot.regions
    reach = np.array(
        [
            _reach_of(shape, shapely.Point(lon, lat))
            for shape, lon, lat in zip(
                regions.geometry,
                regions["label_lon"],
                regions["label_lat"],
                strict=True,
            )
        ]
    )
    _reaches[:] = [(snapshot, reach)]
    return reach


def _reach_of(shape: BaseGeometry, centre: shapely.Point) -> float:
    """Return the greatest km from `centre` to a vertex of `shape`, plus a margin."""
    xy = shapely.get_coordinates(shape)
    if len(xy) == 0:
        return 0.0
    farthest = float(haversine_km(centre.x, centre.y, xy[:, 0], xy[:, 1]).max())
    return farthest * 1.01 + 1.0


def km_from_state(
    snapshot: DirectorySnapshot, state: int, rows: np.ndarray
) -> np.ndarray:
    """Return km from state `state`'s boundary to published point `rows` (0 inside)."""
    points = snapshot.points
    inside = points["state"].to_numpy(float)[rows] == state
    km = np.zeros(len(rows))
    outside = rows[~inside]
    km[~inside] = km_from(
        snapshot.regions.geometry.iat[state],
        shapely.points(
            points["lon"].to_numpy(float)[outside],
            points["lat"].to_numpy(float)[outside],
        ),
    )
    return km


def km_to_points(
    snapshot: DirectorySnapshot, lon: float, lat: float, rows: np.ndarray
) -> np.ndarray:
    """Return great-circle km from (lon, lat) to point `rows`."""
    points = snapshot.points
    return haversine_km(
        lon,
        lat,
        points["lon"].to_numpy(float)[rows],
        points["lat"].to_numpy(float)[rows],
    )
