"""Snapshot tables of services: masks of categories and languages, and their reach."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import select

from cso_map.geo.coverage import Reach, radius_reach
from cso_map.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    organization_target_groups,
    service_area_regions,
    service_languages,
)
from cso_map.services.directory.organizations import STALE_AFTER
from cso_map.services.snapshot.places import in_same_country, own_states
from cso_map.services.snapshot.rows import id_text, link_masks, read_frame, term_map
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS


def read_services(today: dt.date, organizations: pd.DataFrame) -> pd.DataFrame:
    """Return the active services of listed organizations, with bit masks.

    Also fills the organizations' `categories`, `languages` and `target_groups`
    masks; `owner` is each service's organization position.
    """
    services = _active_services(today)
    _add_masks(services, organizations)
    return services.drop(
        columns=["category_id", "assured_on", "reviewed_on", "verification"]
    )


def _active_services(today: dt.date) -> pd.DataFrame:
    """Return the active services of listed organizations, with `stale`,
    `verified` and `category` added and flags and numbers typed."""
    services = read_frame(
        select(
            id_text(Service.id),
            id_text(Service.organization_id),
            id_text(Service.category_id),
            Service.name,
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
        .order_by(Service.id),
        [
            *("id", "organization_id", "category_id", "name", "capacity", "radius_km"),
            *("free", "no_documents", "women_only", "walk_in"),
            *("assured_on", "reviewed_on", "verification"),
        ],
    )
    recent = today - STALE_AFTER
    fresh = [
        (a is not None and a >= recent) or (r is not None and r >= recent)
        for a, r in zip(services["assured_on"], services["reviewed_on"], strict=True)
    ]
    services["stale"] = ~np.array(fresh, bool)
    services["verified"] = services["verification"] == "verified"
    services["category"] = services["category_id"].map(term_map(SERVICE_CATEGORIES))
    for field in ("capacity", "radius_km"):
        services[field] = pd.to_numeric(services[field]).astype(float)
    for field in ("free", "no_documents", "women_only", "walk_in"):
        services[field] = services[field].astype(bool)
    return services


def _add_masks(services: pd.DataFrame, organizations: pd.DataFrame) -> None:
    """Add language and target-group masks and `owner` to `services`, and the
    category, language and target-group masks to `organizations`, in place."""
    services["languages"] = link_masks(
        select(
            id_text(service_languages.c.service_id),
            id_text(service_languages.c.term_id),
        ),
        services["id"],
        SERVICE_LANGUAGES,
    )
    org_position = pd.Series(np.arange(len(organizations)), index=organizations["key"])
    owner = services["organization_id"].map(org_position).to_numpy(int)
    groups = link_masks(
        select(
            id_text(organization_target_groups.c.organization_id),
            id_text(organization_target_groups.c.term_id),
        ),
        organizations["key"],
        TARGET_GROUPS,
    )
    services["target_groups"] = groups[owner]
    services["owner"] = owner
    organizations["target_groups"] = groups
    category_bits = services["category"].map(
        {code: 1 << i for i, code in enumerate(SERVICE_CATEGORIES.codes())}
    )
    for column, bits in (
        ("categories", category_bits.fillna(0).to_numpy(np.int64)),
        ("languages", services["languages"].to_numpy(np.int64)),
    ):
        masks = np.zeros(len(organizations), np.int64)
        np.bitwise_or.at(masks, owner, bits)
        organizations[column] = masks


def read_reach(
    services: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    states_of: pd.DataFrame,
    private: np.ndarray | None = None,
) -> tuple[Reach, pd.DataFrame]:
    """Return which services reach which states (listed, located or by radius),
    and the services' located points: `service`, `location`, `lon`, `lat`, `state`.

    `private` marks, per service, those of organizations that hide their address:
    they reach only the states they are in or list, never by radius.
    """
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    listed = read_frame(
        select(
            id_text(service_area_regions.c.service_id),
            id_text(service_area_regions.c.region_id),
        ),
        ["service_id", "region_id"],
    ).merge(states_of, on="region_id")
    listed["service"] = listed["service_id"].map(position)
    listed = listed.dropna()
    points = read_frame(
        select(
            id_text(ServiceAtLocation.service_id),
            id_text(Location.id),
            id_text(Location.region_id),
            Location.longitude,
            Location.latitude,
            Location.approximate,
        ).join(Location, Location.id == ServiceAtLocation.location_id),
        ["service_id", "location", "region_id", "lon", "lat", "approximate"],
    )
    points["service"] = points["service_id"].map(position)
    points = points.dropna(subset=["service"])
    located = points.merge(own_states(states_of), on="region_id")
    with_point = points.dropna(subset=["lon"]).merge(
        own_states(states_of), how="left", on="region_id"
    )
    with_point["service"] = with_point["service"].astype(int)
    if private is None:
        private = np.zeros(len(services), bool)
    reach = Reach.union(
        (listed["service"].to_numpy(int), listed["state"].to_numpy(int)),
        (located["service"].to_numpy(int), located["state"].to_numpy(int)),
        _radius_pairs(with_point, services, regions, private),
    )
    columns = ["service", "location", "lon", "lat", "approximate", "state"]
    return reach, with_point[columns].reset_index(drop=True)


def _radius_pairs(
    with_point: pd.DataFrame,
    services: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    private: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (service, state) pairs a service's radius reaches.

    A radius stays in the country of the place it is drawn from: reaching a state
    of another country takes listing that state. A place in no known state has no
    country, so its radius reaches nothing; a hidden address draws no radius.
    """
    owners = with_point["service"].to_numpy(int)
    point_index, state_index = radius_reach(
        with_point["lon"].to_numpy(float),
        with_point["lat"].to_numpy(float),
        np.where(
            private[owners], np.nan, services["radius_km"].to_numpy(float)[owners]
        ),
        regions.geometry,
    )
    home = with_point["state"].to_numpy(float)[point_index]
    same = in_same_country(regions, home, state_index)
    return owners[point_index[same]], state_index[same]


def read_schedules(services: pd.DataFrame) -> pd.DataFrame:
    """Return the weekly hours of the snapshot's services, in minutes of the day.

    Columns: `service` (position), `weekday` (0 is Monday), `opens`, `closes`.
    """
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    rows = read_frame(
        select(
            id_text(ServiceSchedule.service_id),
            ServiceSchedule.weekday,
            ServiceSchedule.opens_at,
            ServiceSchedule.closes_at,
        ),
        ["service_id", "weekday", "opens_at", "closes_at"],
    )
    rows["service"] = rows["service_id"].map(position)
    rows = rows.dropna(subset=["service"])
    return pd.DataFrame(
        {
            "service": rows["service"].to_numpy(np.int64),
            "weekday": rows["weekday"].to_numpy(np.int64),
            "opens": np.array([t.hour * 60 + t.minute for t in rows["opens_at"]], int),
            "closes": np.array(
                [t.hour * 60 + t.minute for t in rows["closes_at"]], int
            ),
        }
    )
