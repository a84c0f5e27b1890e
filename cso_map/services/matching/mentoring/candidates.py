"""Mentoring candidates: opted-in counterparts of the right capacity, nearest first."""

from __future__ import annotations

import numpy as np

from cso_map.geo.projection import haversine_km
from cso_map.services.snapshot.build import DirectorySnapshot

MAX_CANDIDATES = 2000  # the nearest eligible ones are scored


def counterparts(snapshot: DirectorySnapshot, me: int, role: str) -> np.ndarray:
    """Return the opted-in counterparts of the right capacity, nearest first.

    A mentor's counterparts are mentees no larger in people and budget band; a
    mentee's are mentors no smaller. Beyond MAX_CANDIDATES, only the nearest
    (haversine distance) are kept.
    """
    organizations = snapshot.organizations
    people = organizations["people"].to_numpy(float)
    budget = organizations["budget"].to_numpy(int)
    if role == "mentor":
        eligible = organizations["seeking_mentor"].to_numpy(bool, copy=True)
        eligible &= (people <= people[me]) & (budget <= budget[me])
    else:
        eligible = organizations["open_to_mentor"].to_numpy(bool, copy=True)
        eligible &= (people >= people[me]) & (budget >= budget[me])
    eligible[me] = False
    rows = np.flatnonzero(eligible)
    if len(rows) <= MAX_CANDIDATES:
        return rows
    lons = organizations["lon"].to_numpy(float)
    lats = organizations["lat"].to_numpy(float)
    km = np.nan_to_num(
        haversine_km(lons[me], lats[me], lons[rows], lats[rows]), nan=np.inf
    )
    return rows[np.argpartition(km, MAX_CANDIDATES)[:MAX_CANDIDATES]]
