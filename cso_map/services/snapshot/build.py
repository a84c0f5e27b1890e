"""An in-memory snapshot of the directory for spatial analysis, one per process.

It is rebuilt when the data version in the database changes (or the day changes,
since staleness depends on the date), so several app servers stay consistent and
SQLite and PostgreSQL share one code path.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import numpy as np
import pandas as pd

from cso_map.extensions import db
from cso_map.geo.coverage import Reach
from cso_map.geo.nearest import NearestIndex
from cso_map.geo.projection import to_metric
from cso_map.services.snapshot.data_version import current_data_version
from cso_map.services.snapshot.places import (
    INDICATOR_FIELDS,
    read_organizations,
    read_regions,
)
from cso_map.services.snapshot.profiles import add_profiles, read_origins
from cso_map.services.snapshot.reach import read_reach
from cso_map.services.snapshot.services import read_schedules, read_services
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.vocabulary import Vocabulary

CATEGORY_INDEX = {code: i for i, code in enumerate(SERVICE_CATEGORIES.codes())}

__all__ = ["INDICATOR_FIELDS", "DirectorySnapshot", "directory_snapshot"]


@dataclass(frozen=True, eq=False)  # compared by identity: one snapshot, one build
class DirectorySnapshot:
    """States, active public services and how they reach states, as arrays.

    `regions` has one row per state (positional index = region index in `reach`);
    `services` one row per active service of a listed organization; `organizations`
    one row per listed organization, in directory order (by name), with the point
    the public may see; `located` pairs organization positions with the states of
    all their locations; `points` are services' points as the public may see them,
    indexed by `nearest` per category; `origins` pairs organization positions
    with the states of their communities of origin. Organizations carry their
    capacity profile (see `add_profiles`). `reach` is where services are delivered
    in person, `remote` where by phone or online (see `reach.py`). Ids are
    canonical UUID strings.
    """

    version: int
    built_on: dt.date
    regions: gpd.GeoDataFrame
    services: pd.DataFrame
    organizations: pd.DataFrame
    reach: Reach
    remote: Reach
    located: Reach
    points: pd.DataFrame
    nearest: NearestIndex
    origins: Reach

    @cached_property
    def schedules(self) -> pd.DataFrame:
        """Return the services' weekly hours (read on first use: few queries ask)."""
        return read_schedules(self.services)

    @cached_property
    def metric_states(self) -> gpd.GeoSeries:
        """Return the states' drawn shapes in metres (projected on first use)."""
        return to_metric(self.regions.geometry)

    def reaching(self, states: np.ndarray | list[int]) -> np.ndarray:
        """Return, per service, whether it reaches any of `states` (indices)."""
        reaches = np.zeros(len(self.services), bool)
        reaches[self.reach.service[np.isin(self.reach.region, states)]] = True
        return reaches

    def reaching_remotely(self, states: np.ndarray | list[int]) -> np.ndarray:
        """Return, per service, whether it serves any of `states` by phone or online."""
        reaches = np.zeros(len(self.services), bool)
        reaches[self.remote.service[np.isin(self.remote.region, states)]] = True
        return reaches

    def region_index(self, code: str) -> int | None:
        """Return the positional index of state `code`, or None."""
        found = np.flatnonzero(self.regions["code"].to_numpy() == code)
        return int(found[0]) if len(found) else None

    def states_in(self, code: str) -> np.ndarray:
        """Return the indices of state `code`, or of every state of country `code`."""
        codes = self.regions["code"].to_numpy(str)
        return np.flatnonzero((codes == code) | np.char.startswith(codes, code + "-"))


_cache: dict[str, DirectorySnapshot] = {}
_lock = threading.Lock()


def directory_snapshot(today: dt.date | None = None) -> DirectorySnapshot:
    """Return this process's snapshot, rebuilding it if the data has changed."""
    today = today or dt.date.today()
    key = db.engine.url.render_as_string(hide_password=True)
    version = current_data_version()
    cached = _cache.get(key)
    if cached is None or (cached.version, cached.built_on) != (version, today):
        with _lock:
            cached = _cache.get(key)
            if cached is None or (cached.version, cached.built_on) != (version, today):
                cached = _cache[key] = build_snapshot(version, today)
    return cached


def build_snapshot(version: int, today: dt.date) -> DirectorySnapshot:
    """Read the directory from the database into a snapshot."""
    regions, states_of = read_regions()
    organizations, located = read_organizations(regions, states_of)
    add_profiles(organizations, today)
    origins = read_origins(organizations, states_of)
    services = read_services(today, organizations)
    private = organizations["confidential"].to_numpy(bool)[
        services["owner"].to_numpy(int)
    ]
    reached = read_reach(services, regions, states_of, origins, private)
    points = public_points(reached.points, services, organizations, regions)
    categories = services["category"].map(CATEGORY_INDEX).to_numpy(int)
    nearest = NearestIndex.build(
        points["lon"].to_numpy(float),
        points["lat"].to_numpy(float),
        categories[points["service"].to_numpy(int)],
    )
    return DirectorySnapshot(
        version,
        today,
        regions,
        services,
        organizations,
        reached.in_person,
        reached.remote,
        located,
        points,
        nearest,
        origins,
    )


def public_points(
    points: pd.DataFrame,
    services: pd.DataFrame,
    organizations: pd.DataFrame,
    regions: gpd.GeoDataFrame,
) -> pd.DataFrame:
    """Return service points as the public may see them.

    Points of organizations that hide their address become their state's label
    point, marked approximate; those whose state is unknown are left out.
    """
    owner = services["owner"].to_numpy(int)[points["service"].to_numpy(int)]
    hidden = organizations["confidential"].to_numpy(bool)[owner]
    state = points["state"].to_numpy(float)
    known = ~np.isnan(state)
    index = np.where(known, state, 0).astype(int)
    public = points.assign(
        lon=np.where(
            hidden, regions["label_lon"].to_numpy(float)[index], points["lon"]
        ),
        lat=np.where(
            hidden, regions["label_lat"].to_numpy(float)[index], points["lat"]
        ),
        approximate=hidden | points["approximate"].fillna(False).to_numpy(bool),
    )
    return public[~(hidden & ~known)].reset_index(drop=True)


def bitmask(vocabulary: Vocabulary, codes: list[str] | tuple[str, ...]) -> int:
    """Return the bit mask of `codes` (bit i is the vocabulary's i-th term)."""
    positions = {code: bit for bit, code in enumerate(vocabulary.codes())}
    return sum(1 << positions[code] for code in codes)


def mask_codes(vocabulary: Vocabulary, mask: int) -> list[str]:
    """Return the codes whose bits are set in `mask`, in vocabulary order."""
    return [code for bit, code in enumerate(vocabulary.codes()) if mask >> bit & 1]
