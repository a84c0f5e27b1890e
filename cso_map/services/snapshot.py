"""An in-memory snapshot of the directory for spatial analysis, one per process.

It is rebuilt when the data version in the database changes (or the day changes,
since staleness depends on the date), so several app servers stay consistent and
SQLite and PostgreSQL share one code path.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.boundaries import WGS84, from_geojson
from cso_map.geo.coverage import Reach, radius_reach
from cso_map.models import (
    Location,
    Organization,
    Region,
    RegionIndicator,
    Service,
    ServiceAtLocation,
    organization_target_groups,
    service_area_regions,
    service_languages,
)
from cso_map.services.data_version import current_data_version
from cso_map.services.organizations import STALE_AFTER
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
    Vocabulary,
)

INDICATOR_FIELDS = ("population", "migrant_population", "migrant_women", "migrant_men")
SERVICE_DTYPES = {
    "capacity": float,
    "radius_km": float,
    "free": bool,
    "no_documents": bool,
    "women_only": bool,
    "walk_in": bool,
    "stale": bool,
    "verified": bool,
}


@dataclass(frozen=True)
class DirectorySnapshot:
    """States, active public services and how they reach states, as arrays.

    `regions` has one row per state (positional index = region index in `reach`);
    `services` one row per active service of a listed organization; `organizations`
    one row per listed organization with the point the public may see.
    """

    version: int
    built_on: dt.date
    regions: gpd.GeoDataFrame
    services: pd.DataFrame
    organizations: pd.DataFrame
    reach: Reach

    def region_index(self, code: str) -> int | None:
        """Return the positional index of state `code`, or None."""
        found = np.flatnonzero(self.regions["code"].to_numpy() == code)
        return int(found[0]) if len(found) else None


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
    regions, states_of = _read_regions()
    services = _read_services(today)
    organizations = _read_organizations(regions, states_of, services)
    reach = _read_reach(services, regions, states_of)
    return DirectorySnapshot(version, today, regions, services, organizations, reach)


def bitmask(vocabulary: Vocabulary, codes: list[str] | tuple[str, ...]) -> int:
    """Return the bit mask of `codes` (bit i is the vocabulary's i-th term)."""
    positions = {code: bit for bit, code in enumerate(vocabulary.codes())}
    return sum(1 << positions[code] for code in codes)


def mask_codes(vocabulary: Vocabulary, mask: int) -> list[str]:
    """Return the codes whose bits are set in `mask`, in vocabulary order."""
    return [code for bit, code in enumerate(vocabulary.codes()) if mask >> bit & 1]


def _codes_by_term_id(vocabulary: Vocabulary) -> dict:
    return {vocabulary.term_id(code): code for code in vocabulary.codes()}


def _bits_by_term_id(vocabulary: Vocabulary) -> dict:
    return {
        vocabulary.term_id(code): 1 << i for i, code in enumerate(vocabulary.codes())
    }


def _read_regions() -> tuple[gpd.GeoDataFrame, dict]:
    """Return the states with their latest indicators, and state indices by id."""
    rows = db.session.execute(
        select(
            Region.id,
            Region.code,
            Region.name_en,
            Region.name_es,
            Region.level,
            Region.parent_id,
            Region.geometry,
            Region.geometry_simplified,
            Region.label_lat,
            Region.label_lon,
        ).order_by(Region.code)
    ).all()
    latest = {}
    for indicator in db.session.scalars(
        select(RegionIndicator).order_by(RegionIndicator.year)
    ):
        latest[indicator.region_id] = indicator
    states = [row for row in rows if row.level == "state"]
    frame = gpd.GeoDataFrame(
        {
            "code": [row.code for row in states],
            "name_en": [row.name_en for row in states],
            "name_es": [row.name_es for row in states],
            "label_lat": [row.label_lat for row in states],
            "label_lon": [row.label_lon for row in states],
            "simplified": gpd.GeoSeries(
                [from_geojson(row.geometry_simplified) for row in states], crs=WGS84
            ),
            **{
                field: [_indicator(latest.get(row.id), field) for row in states]
                for field in INDICATOR_FIELDS
            },
            "year": [_indicator(latest.get(row.id), "year") for row in states],
            "illustrative": [
                bool(latest[row.id].illustrative) if row.id in latest else False
                for row in states
            ],
        },
        geometry=gpd.GeoSeries([from_geojson(row.geometry) for row in states]),
        crs=WGS84,
    )
    index_of = {row.id: i for i, row in enumerate(states)}
    states_of = {row.id: [index_of[row.id]] for row in states}
    for row in rows:
        if row.level == "country":
            states_of[row.id] = [
                index_of[state.id] for state in states if state.parent_id == row.id
            ]
    return frame, states_of


def _indicator(indicator: RegionIndicator | None, field: str) -> float:
    value = getattr(indicator, field) if indicator is not None else None
    return np.nan if value is None else float(value)


def _read_services(today: dt.date) -> pd.DataFrame:
    """Return the active services of listed organizations, with bit masks."""
    rows = db.session.execute(
        select(
            Service.id,
            Service.organization_id,
            Service.category_id,
            Service.capacity_per_month,
            Service.radius_km,
            Service.free_of_charge,
            Service.no_documents_required,
            Service.women_only,
            Service.walk_in,
            Service.assured_on,
            Organization.last_reviewed_on,
            Organization.verification_status,
        )
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed, Service.status == "active")
        .order_by(Service.id)
    ).all()
    categories = _codes_by_term_id(SERVICE_CATEGORIES)
    recent = today - STALE_AFTER
    services = pd.DataFrame(
        {
            "id": [row.id for row in rows],
            "organization_id": [row.organization_id for row in rows],
            "category": [categories.get(row.category_id) for row in rows],
            "capacity": [_float(row.capacity_per_month) for row in rows],
            "radius_km": [_float(row.radius_km) for row in rows],
            "free": [row.free_of_charge for row in rows],
            "no_documents": [row.no_documents_required for row in rows],
            "women_only": [row.women_only for row in rows],
            "walk_in": [row.walk_in for row in rows],
            "stale": [
                not _on_or_after(row.assured_on, recent)
                and not _on_or_after(row.last_reviewed_on, recent)
                for row in rows
            ],
            "verified": [row.verification_status == "verified" for row in rows],
        }
    ).astype(SERVICE_DTYPES)
    position = {service_id: i for i, service_id in enumerate(services["id"])}
    services["languages"] = _masks(
        db.session.execute(select(service_languages)).all(),
        position,
        _bits_by_term_id(SERVICE_LANGUAGES),
    )
    by_organization = _masks(
        db.session.execute(select(organization_target_groups)).all(),
        {},
        _bits_by_term_id(TARGET_GROUPS),
        keyed=True,
    )
    services["target_groups"] = [
        by_organization.get(org_id, 0) for org_id in services["organization_id"]
    ]
    return services


def _masks(links, position: dict, bits: dict, keyed: bool = False):
    """Return OR-ed bit masks per owner: an array by `position`, or a dict."""
    if keyed:
        result: dict = {}
        for owner, term in links:
            result[owner] = result.get(owner, 0) | bits.get(term, 0)
        return result
    masks = np.zeros(len(position), np.int64)
    for owner, term in links:
        if owner in position:
            masks[position[owner]] |= bits.get(term, 0)
    return masks


def _float(value) -> float:
    return np.nan if value is None else float(value)


def _on_or_after(day: dt.date | None, limit: dt.date) -> bool:
    return day is not None and day >= limit


def _read_reach(
    services: pd.DataFrame, regions: gpd.GeoDataFrame, states_of: dict
) -> Reach:
    """Return which services reach which states: listed, located or by radius."""
    position = {service_id: i for i, service_id in enumerate(services["id"])}
    listed = [
        (position[service_id], state)
        for service_id, region_id in db.session.execute(select(service_area_regions))
        if service_id in position
        for state in states_of.get(region_id, [])
    ]
    points = db.session.execute(
        select(
            ServiceAtLocation.service_id,
            Location.region_id,
            Location.longitude,
            Location.latitude,
        ).join(Location, Location.id == ServiceAtLocation.location_id)
    ).all()
    points = [row for row in points if row.service_id in position]
    located = [
        (position[row.service_id], state)
        for row in points
        if row.region_id in states_of
        for state in states_of[row.region_id]
    ]
    with_point = [row for row in points if row.longitude is not None]
    owners = np.array([position[row.service_id] for row in with_point], np.int64)
    radii = services["radius_km"].to_numpy()[owners] if len(owners) else np.empty(0)
    point_index, state_index = radius_reach(
        np.array([row.longitude for row in with_point], float),
        np.array([row.latitude for row in with_point], float),
        radii,
        regions.geometry,
    )
    return Reach.union(
        _pairs(listed), _pairs(located), (owners[point_index], state_index)
    )


def _pairs(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    array = np.array(pairs, np.int64).reshape(-1, 2)
    return array[:, 0], array[:, 1]


def _read_organizations(
    regions: gpd.GeoDataFrame, states_of: dict, services: pd.DataFrame
) -> pd.DataFrame:
    """Return listed organizations with the point the public may see, and masks.

    The point is that of the first physical location with coordinates (else the
    first with coordinates); for confidential organizations, its state's label point.
    `categories` and `languages` are bit masks of their active services.
    """
    category_bits = {c: 1 << i for i, c in enumerate(SERVICE_CATEGORIES.codes())}
    per_org = (
        services.assign(categories=services["category"].map(category_bits).fillna(0))
        .astype({"categories": np.int64})
        .groupby("organization_id")[["categories", "languages"]]
        .agg(np.bitwise_or.reduce)
    )
    organizations = db.session.execute(
        select(
            Organization.id,
            Organization.name,
            Organization.type_id,
            Organization.location_confidential,
            Organization.verification_status,
        )
        .where(Organization.is_listed)
        .order_by(Organization.name_key, Organization.id)
    ).all()
    locations = db.session.execute(
        select(
            Location.organization_id,
            Location.longitude,
            Location.latitude,
            Location.approximate,
            Location.region_id,
        )
        .where(Location.latitude.is_not(None))
        .order_by(
            Location.organization_id,
            (Location.location_type != "physical"),
            Location.position,
        )
    ).all()
    first: dict = {}
    for row in locations:
        first.setdefault(row.organization_id, row)
    types = _codes_by_term_id(CSO_TYPES)
    records = []
    for org in organizations:
        location = first.get(org.id)
        state = states_of.get(location.region_id, [None])[0] if location else None
        if location is None or (org.location_confidential and state is None):
            lon = lat = np.nan
        elif org.location_confidential:
            lon, lat = regions["label_lon"].iat[state], regions["label_lat"].iat[state]
        else:
            lon, lat = location.longitude, location.latitude
        records.append(
            {
                "id": org.id,
                "name": org.name,
                "type": types.get(org.type_id),
                "lon": lon,
                "lat": lat,
                "approximate": bool(
                    org.location_confidential or (location and location.approximate)
                ),
                "region": regions["code"].iat[state] if state is not None else None,
                "verified": org.verification_status == "verified",
            }
        )
    frame = pd.DataFrame.from_records(
        records,
        columns=[
            "id",
            "name",
            "type",
            "lon",
            "lat",
            "approximate",
            "region",
            "verified",
        ],
    )
    masks = per_org.reindex(frame["id"]).fillna(0).astype(np.int64)
    frame["categories"] = masks["categories"].to_numpy()
    frame["languages"] = masks["languages"].to_numpy()
    return frame
