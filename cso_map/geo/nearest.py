"""Nearest points on the sphere: one k-d tree of 3-D unit vectors per category.

Points are lon/lat degrees. A k-d tree over unit vectors finds the nearest points
by chord length, which orders them exactly as great-circle distance does; results
are returned in great-circle kilometres (spherical Earth, mean radius).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from cso_map.geo.projection import EARTH_RADIUS_KM

# One tree query costs about the same for 16 or 64 neighbours (scipy 1.17: ~60 us
# a call), so the first batch is generous: a filter rarely needs a second one.
FIRST_CANDIDATES = 64


def unit_vectors(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Return (n, 3) unit vectors of lon/lat degrees."""
    lon, lat = np.radians(np.asarray(lons, float)), np.radians(np.asarray(lats, float))
    return np.column_stack(
        (np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat))
    )


def chord_to_km(chord: np.ndarray) -> np.ndarray:
    """Return great-circle km for chord lengths on the unit sphere."""
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.asarray(chord) / 2, 1.0))


def km_to_chord(km: float) -> float:
    """Return the chord length on the unit sphere of a great-circle distance in km."""
    return 2 * np.sin(min(km / EARTH_RADIUS_KM, np.pi) / 2)


def _unit_vector(lon: float, lat: float) -> np.ndarray:
    """Return the unit vector of one lon/lat point (math, not numpy: it is hot)."""
    lam, phi = math.radians(lon), math.radians(lat)
    return np.array(
        (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))
    )


@dataclass(frozen=True)
class NearestIndex:
    """Trees of points per category; `rows[c]` maps tree positions to point rows."""

    trees: dict[int, cKDTree]
    rows: dict[int, np.ndarray]

    @classmethod
    def build(
        cls, lons: np.ndarray, lats: np.ndarray, categories: np.ndarray
    ) -> NearestIndex:
        """Return an index of points, grouped by their integer category."""
        vectors = unit_vectors(lons, lats)
        categories = np.asarray(categories)
        trees, rows = {}, {}
        for category in np.unique(categories):
            members = np.flatnonzero(categories == category)
            trees[int(category)] = cKDTree(vectors[members])
            rows[int(category)] = members
        return cls(trees, rows)

    def nearest(
        self,
        lon: float,
        lat: float,
        category: int,
        limit: int,
        accept: Callable[[np.ndarray], np.ndarray] | None = None,
        radius_km: float | None = None,
        distinct: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (point rows, km) of the `limit` nearest accepted points, in order.

        `accept` maps candidate point rows to a boolean array (a filter); `distinct`
        gives each point row a key (a service) of which only the nearest point
        counts. Candidates are fetched in growing batches until enough are accepted.
        """
        tree = self.trees.get(category)
        if tree is None or limit < 1:
            return np.empty(0, np.int64), np.empty(0)
        target = _unit_vector(lon, lat)
        bound = km_to_chord(radius_km) if radius_km else np.inf
        wanted = min(max(FIRST_CANDIDATES, limit * 16), tree.n)
        rows_of = self.rows[category]
        while True:
            chords, positions = tree.query(target, k=wanted, distance_upper_bound=bound)
            if wanted == 1:
                chords, positions = np.array([chords]), np.array([positions])
            complete = positions[-1] < tree.n  # missing neighbours come as n
            if not complete:
                found = positions < tree.n
                chords, positions = chords[found], positions[found]
            rows = rows_of[positions]
            if accept is not None:
                kept = accept(rows)
                rows, chords = rows[kept], chords[kept]
            if distinct is not None and len(rows) > 1:
                _, first = np.unique(distinct[rows], return_index=True)
                first.sort()
                rows, chords = rows[first], chords[first]
            if len(rows) >= limit or wanted >= tree.n or not complete:
                return rows[:limit], chord_to_km(chords[:limit])
            wanted = min(wanted * 4, tree.n)
