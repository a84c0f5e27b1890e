"""Snapshot tables of places: states with indicators, organizations with points."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.boundaries import WGS84, from_geojson
from cso_map.geo.coverage import Reach
from cso_map.models import Location, Organization, Region, RegionIndicator
from cso_map.models.region import INDICATOR_NUMBERS
from cso_map.services.snapshot.rows import (
    canonical_ids,
    id_text,
    read_frame,
    term_map,
)
from cso_map.taxonomy import CSO_TYPES

INDICATOR_FIELDS = INDICATOR_NUMBERS


def read_regions() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Return the states with latest indicators, and (region id, state index) pairs.

    A state maps to itself (`own`); a country to each of its states. Their
    `geometry` is the simplified shape maps draw (`simplified` too): distances are
    measured on it; point-in-polygon uses the precise shapes (`precise_states`).
    """
    regions = read_frame(
        select(
            id_text(Region.id),
            Region.code,
            Region.name_en,
            Region.name_es,
            Region.level,
            id_text(Region.parent_id),
            Region.geometry_simplified,
            Region.label_lat,
            Region.label_lon,
        ).order_by(Region.code),
        [
            *("id", "code", "name_en", "name_es", "level", "parent_id"),
            *("simplified", "label_lat", "label_lon"),
        ],
    )
    indicators = read_frame(
        select(
            id_text(RegionIndicator.region_id),
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
    shapes = gpd.GeoSeries(states["simplified"].map(from_geojson), crs=WGS84)
    frame = gpd.GeoDataFrame(
        states.drop(columns=["simplified", "region_id", "level", "parent_id"]),
        geometry=shapes,
        crs=WGS84,
    )
    frame["simplified"] = shapes
    index = pd.Series(np.arange(len(states)), index=states["id"])
    own = pd.DataFrame(
        {"region_id": states["id"], "state": index.to_numpy(), "own": True}
    )
    in_country = pd.DataFrame(
        {"region_id": states["parent_id"], "state": index.to_numpy(), "own": False}
    ).dropna()
    return frame.drop(columns=["id"]), pd.concat([own, in_country], ignore_index=True)


def precise_states() -> list[BaseGeometry]:
    """Return the precise shape of every state, in code order (as `read_regions`)."""
    texts = db.session.scalars(
        select(Region.geometry).where(Region.level == "state").order_by(Region.code)
    )
    return [from_geojson(text) for text in texts]


def own_states(states_of: pd.DataFrame) -> pd.DataFrame:
    """Return the (region id, state index) pairs of regions that are states: a
    place or a tie named only by its country is in none of them in particular."""
    return states_of.loc[states_of["own"].to_numpy(bool), ["region_id", "state"]]


def in_same_country(
    regions: pd.DataFrame, home: np.ndarray, other: np.ndarray | int
) -> np.ndarray:
    """Return, pair by pair, whether state `other` is in the country of state `home`
    (indices into `regions`; a `home` of NaN, a place in no known state, is in none)."""
    countries = regions["code"].str[:2].to_numpy(str)
    home = np.asarray(home, float)
    other = np.broadcast_to(np.asarray(other), home.shape)
    placed = ~np.isnan(home)
    same = np.zeros(len(home), bool)
    same[placed] = countries[home[placed].astype(int)] == countries[other[placed]]
    return same


def read_organizations(
    regions: gpd.GeoDataFrame, states_of: pd.DataFrame
) -> tuple[pd.DataFrame, Reach]:
    """Return listed organizations, by name, and the states they have locations in.

    Each organization's point is that of its first physical location with
    coordinates (else the first with coordinates); for confidential organizations,
    its state's label point. `search_text` is what free-text search matches.
    """
    frame = _listed_organizations().merge(
        _first_points(own_states(states_of)), how="left", on="id", sort=False
    )
    confidential = frame["confidential"].to_numpy(bool)
    _place_publicly(frame, regions, confidential)
    frame["type"] = frame["type_id"].map(term_map(CSO_TYPES))
    frame["key"] = frame["id"]  # as the database writes it, for joins
    frame["id"] = canonical_ids(frame["id"])
    frame["verified"] = frame["verification"] == "verified"
    columns = [
        *("id", "key", "name", "type", "lon", "lat", "approximate", "region", "state")
    ]
    organizations = frame[columns].assign(
        confidential=confidential,
        verified=frame["verified"].to_numpy(bool),
        search_text=frame["search_text"].fillna(""),
        categories=0,
        languages=0,
        target_groups=0,
    )
    return organizations, _located_states(frame["key"], own_states(states_of))


def _listed_organizations() -> pd.DataFrame:
    """Return the listed organizations' own columns, in directory order."""
    return read_frame(
        select(
            id_text(Organization.id),
            Organization.name,
            id_text(Organization.type_id),
            Organization.location_confidential,
            Organization.verification_status,
            Organization.search_text,
        )
        .where(Organization.is_listed)
        .order_by(Organization.name_key, Organization.id),
        ["id", "name", "type_id", "confidential", "verification", "search_text"],
    )


def _first_points(own_state: pd.DataFrame) -> pd.DataFrame:
    """Return each organization's first located point (physical first), with its
    state index (`own_state`: one state per region id)."""
    locations = read_frame(
        select(
            id_text(Location.organization_id),
            Location.longitude,
            Location.latitude,
            Location.approximate,
            id_text(Location.region_id),
        )
        .where(Location.latitude.is_not(None))
        .order_by(
            Location.organization_id,
            (Location.location_type != "physical"),
            Location.position,
        ),
        ["id", "lon", "lat", "approximate", "region_id"],
    ).drop_duplicates("id", keep="first")
    return locations.merge(own_state, how="left", on="region_id")


def _place_publicly(
    frame: pd.DataFrame, regions: gpd.GeoDataFrame, confidential: np.ndarray
) -> None:
    """Move confidential organizations to their state's label point, in place.

    Those whose state is unknown lose their point; `region` becomes the state
    code and `state` its index (-1: unknown).
    """
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
    frame["state"] = np.where(has_state, state_index, -1)


def _located_states(keys: pd.Series, own_state: pd.DataFrame) -> Reach:
    """Return (organization position, state index) pairs of all their locations."""
    all_locations = read_frame(
        select(id_text(Location.organization_id), id_text(Location.region_id)).where(
            Location.region_id.is_not(None)
        ),
        ["key", "region_id"],
    )
    position = pd.Series(np.arange(len(keys)), index=keys.to_numpy())
    pairs = all_locations.merge(own_state, on="region_id")
    pairs["organization"] = pairs["key"].map(position)
    pairs = pairs.dropna(subset=["organization"])
    return Reach.union(
        (pairs["organization"].to_numpy(int), pairs["state"].to_numpy(int))
    )
