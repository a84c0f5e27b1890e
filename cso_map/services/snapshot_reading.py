"""Read the directory snapshot's tables from the database, vectorized.

Ids are read as the database's own text of them (building 100,000s of UUID objects
costs seconds); only organization ids, which leave the snapshot, are written in
canonical form. Rows go column by column into data frames, and links between rows
are resolved with pandas joins and numpy, never a Python loop over organizations.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import String, cast, select

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
from cso_map.services.organizations import STALE_AFTER
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
    Vocabulary,
)

INDICATOR_FIELDS = ("population", "migrant_population", "migrant_women", "migrant_men")


def _id(column):
    """Return `column` read as text (32 hex digits on SQLite, dashed on PostgreSQL)."""
    return cast(column, String)


def canonical_ids(ids: pd.Series) -> pd.Series:
    """Return UUID texts in their canonical dashed form."""
    text = ids.astype(str).str.replace("-", "", regex=False).str.lower()
    return (
        text.str[:8]
        + "-"
        + text.str[8:12]
        + "-"
        + text.str[12:16]
        + "-"
        + text.str[16:20]
        + "-"
        + text.str[20:]
    )


def _frame(statement, columns: list[str]) -> pd.DataFrame:
    """Return the rows of `statement` as a data frame, built column by column."""
    rows = db.session.execute(statement).all()
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    return pd.DataFrame(dict(zip(columns, values, strict=True)))


def _term_map(vocabulary: Vocabulary, bits: bool = False) -> dict[str, object]:
    """Return term id (as either backend writes it) -> code, or -> bit."""
    mapping = {}
    for i, code in enumerate(vocabulary.codes()):
        term_id = vocabulary.term_id(code)
        for text in (str(term_id), term_id.hex):
            mapping[text] = 1 << i if bits else code
    return mapping


def read_regions() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Return the states with latest indicators, and (region id, state index) pairs.

    A state maps to itself; a country to each of its states.
    """
    regions = _frame(
        select(
            _id(Region.id),
            Region.code,
            Region.name_en,
            Region.name_es,
            Region.level,
            _id(Region.parent_id),
            Region.geometry,
            Region.geometry_simplified,
            Region.label_lat,
            Region.label_lon,
        ).order_by(Region.code),
        [
            *("id", "code", "name_en", "name_es", "level", "parent_id"),
            *("geometry", "simplified", "label_lat", "label_lon"),
        ],
    )
    indicators = _frame(
        select(
            _id(RegionIndicator.region_id),
            RegionIndicator.year,
            RegionIndicator.illustrative,
            *(getattr(RegionIndicator, field) for field in INDICATOR_FIELDS),
        ).order_by(RegionIndicator.year),
        ["region_id", "year", "illustrative", *INDICATOR_FIELDS],
    ).drop_duplicates("region_id", keep="last")
    states = regions[regions["level"] == "state"].reset_index(drop=True)
    states = states.merge(
        indicators, how="left", left_on="id", right_on="region_id", sort=False
    )
    states["illustrative"] = states["illustrative"].fillna(False).astype(bool)
    for field in (*INDICATOR_FIELDS, "year"):
        states[field] = pd.to_numeric(states[field], errors="coerce").astype(float)
    frame = gpd.GeoDataFrame(
        states.drop(columns=["geometry", "region_id", "level", "parent_id"]),
        geometry=gpd.GeoSeries(states["geometry"].map(from_geojson), crs=WGS84),
        crs=WGS84,
    )
    frame["simplified"] = gpd.GeoSeries(states["simplified"].map(from_geojson))
    index = pd.Series(np.arange(len(states)), index=states["id"])
    own = pd.DataFrame({"region_id": states["id"], "state": index.to_numpy()})
    in_country = pd.DataFrame(
        {"region_id": states["parent_id"], "state": index.to_numpy()}
    ).dropna()
    return frame.drop(columns=["id"]), pd.concat([own, in_country], ignore_index=True)


def read_organizations(
    regions: gpd.GeoDataFrame, states_of: pd.DataFrame
) -> tuple[pd.DataFrame, Reach]:
    """Return listed organizations, by name, and the states they have locations in.

    Each organization's point is that of its first physical location with
    coordinates (else the first with coordinates); for confidential organizations,
    its state's label point. `search_text` is what free-text search matches.
    """
    organizations = _frame(
        select(
            _id(Organization.id),
            Organization.name,
            _id(Organization.type_id),
            Organization.location_confidential,
            Organization.verification_status,
            Organization.search_text,
        )
        .where(Organization.is_listed)
        .order_by(Organization.name_key, Organization.id),
        ["id", "name", "type_id", "confidential", "verification", "search_text"],
    )
    all_locations = _frame(
        select(_id(Location.organization_id), _id(Location.region_id)).where(
            Location.region_id.is_not(None)
        ),
        ["key", "region_id"],
    )
    locations = _frame(
        select(
            _id(Location.organization_id),
            Location.longitude,
            Location.latitude,
            Location.approximate,
            _id(Location.region_id),
        )
        .where(Location.latitude.is_not(None))
        .order_by(
            Location.organization_id,
            (Location.location_type != "physical"),
            Location.position,
        ),
        ["id", "lon", "lat", "approximate", "region_id"],
    ).drop_duplicates("id", keep="first")
    own_state = states_of.drop_duplicates("region_id", keep="first")
    locations = locations.merge(own_state, how="left", on="region_id")
    frame = organizations.merge(locations, how="left", on="id", sort=False)
    confidential = frame["confidential"].to_numpy(bool)
    state = frame["state"].to_numpy(float)
    has_state = ~np.isnan(state)
    state_index = np.where(has_state, state, 0).astype(int)
    label_lon = regions["label_lon"].to_numpy(float)[state_index]
    label_lat = regions["label_lat"].to_numpy(float)[state_index]
    hidden = confidential & has_state
    lost = confidential & ~has_state
    frame["lon"] = np.where(hidden, label_lon, np.where(lost, np.nan, frame["lon"]))
    frame["lat"] = np.where(hidden, label_lat, np.where(lost, np.nan, frame["lat"]))
    frame["approximate"] = confidential | frame["approximate"].fillna(False).astype(
        bool
    )
    codes = regions["code"].to_numpy(object)[state_index]
    frame["region"] = np.where(has_state, codes, None)
    frame["type"] = frame["type_id"].map(_term_map(CSO_TYPES))
    frame["key"] = frame["id"]  # as the database writes it, for joins
    frame["id"] = canonical_ids(frame["id"])
    frame["verified"] = frame["verification"] == "verified"
    columns = ["id", "key", "name", "type", "lon", "lat", "approximate", "region"]
    organizations = frame[columns].assign(
        verified=frame["verified"].to_numpy(bool),
        search_text=frame["search_text"].fillna(""),
        categories=0,
        languages=0,
        target_groups=0,
    )
    position = pd.Series(np.arange(len(frame)), index=frame["key"].to_numpy())
    pairs = all_locations.merge(own_state, on="region_id")
    pairs["organization"] = pairs["key"].map(position)
    pairs = pairs.dropna(subset=["organization"])
    located = Reach.union(
        (pairs["organization"].to_numpy(int), pairs["state"].to_numpy(int))
    )
    return organizations, located


def read_services(today: dt.date, organizations: pd.DataFrame) -> pd.DataFrame:
    """Return the active services of listed organizations, with bit masks.

    Also fills the organizations' `categories`, `languages` and `target_groups`
    masks; `owner` is each service's organization position.
    """
    services = _frame(
        select(
            _id(Service.id),
            _id(Service.organization_id),
            _id(Service.category_id),
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
            *("id", "organization_id", "category_id", "capacity", "radius_km"),
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
    services["category"] = services["category_id"].map(_term_map(SERVICE_CATEGORIES))
    for field in ("capacity", "radius_km"):
        services[field] = pd.to_numeric(services[field]).astype(float)
    for field in ("free", "no_documents", "women_only", "walk_in"):
        services[field] = services[field].astype(bool)
    services["languages"] = _link_masks(
        select(_id(service_languages.c.service_id), _id(service_languages.c.term_id)),
        services["id"],
        SERVICE_LANGUAGES,
    )
    org_position = pd.Series(np.arange(len(organizations)), index=organizations["key"])
    owner = services["organization_id"].map(org_position).to_numpy(int)
    groups = _link_masks(
        select(
            _id(organization_target_groups.c.organization_id),
            _id(organization_target_groups.c.term_id),
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
    return services.drop(
        columns=["category_id", "assured_on", "reviewed_on", "verification"]
    )


def _link_masks(statement, owners: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    """Return, per owner in `owners`, the OR of the bits of its linked terms."""
    links = _frame(statement, ["owner", "term"])
    position = pd.Series(np.arange(len(owners)), index=owners.to_numpy())
    links["position"] = links["owner"].map(position)
    links["bit"] = links["term"].map(_term_map(vocabulary, bits=True))
    links = links.dropna()
    masks = np.zeros(len(owners), np.int64)
    np.bitwise_or.at(
        masks, links["position"].to_numpy(int), links["bit"].to_numpy(np.int64)
    )
    return masks


def read_reach(
    services: pd.DataFrame, regions: gpd.GeoDataFrame, states_of: pd.DataFrame
) -> Reach:
    """Return which services reach which states: listed, located or by radius."""
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    listed = _frame(
        select(
            _id(service_area_regions.c.service_id),
            _id(service_area_regions.c.region_id),
        ),
        ["service_id", "region_id"],
    ).merge(states_of, on="region_id")
    listed["service"] = listed["service_id"].map(position)
    listed = listed.dropna()
    points = _frame(
        select(
            _id(ServiceAtLocation.service_id),
            _id(Location.region_id),
            Location.longitude,
            Location.latitude,
        ).join(Location, Location.id == ServiceAtLocation.location_id),
        ["service_id", "region_id", "lon", "lat"],
    )
    points["service"] = points["service_id"].map(position)
    points = points.dropna(subset=["service"])
    located = points.merge(states_of, on="region_id")
    with_point = points.dropna(subset=["lon"])
    owners = with_point["service"].to_numpy(int)
    point_index, state_index = radius_reach(
        with_point["lon"].to_numpy(float),
        with_point["lat"].to_numpy(float),
        services["radius_km"].to_numpy(float)[owners],
        regions.geometry,
    )
    return Reach.union(
        (listed["service"].to_numpy(int), listed["state"].to_numpy(int)),
        (located["service"].to_numpy(int), located["state"].to_numpy(int)),
        (owners[point_index], state_index),
    )
