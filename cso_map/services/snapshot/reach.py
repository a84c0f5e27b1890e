"""Which states each service reaches: in person, and by phone or online.

In person, a service reaches the states it has a place in, those its radius
meets in the same country, and the states it lists that lie within
`LISTED_REACH_KM` of one of its places; a state of another country only when
it lists that state itself (a binational service), never through a radius or a
listed country; with no place in a known state (a mobile team), the states it
names. By phone or online, it reaches every state it lists (a listed country:
each of its states), or its own states when it lists none. A service
only by phone or online reaches nobody in person.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from sqlalchemy import select

from cso_map.geo.coverage import Reach, radius_reach
from cso_map.geo.projection import to_metric
from cso_map.models import Location, ServiceAtLocation, service_area_regions
from cso_map.services.snapshot.places import in_same_country, own_states
from cso_map.services.snapshot.rows import id_text, read_frame

ORIGIN_DEVELOPMENT = "origin_development"
# A listed state farther than this from every place of a service (about two
# hours by road) is not served in person by it: a national network listing the
# whole country from one office does not serve each state in person.
LISTED_REACH_KM = 200.0


@dataclass(frozen=True)
class ServiceReach:
    """The states services reach in person and remotely, and their points."""

    in_person: Reach
    remote: Reach
    points: pd.DataFrame  # points people can go to: service, location, lon,
    # lat, approximate, state (NaN: in no known state)


def read_reach(
    services: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    states_of: pd.DataFrame,
    origins: Reach,
    private: np.ndarray | None = None,
) -> ServiceReach:
    """Return which services reach which states, in person and remotely.

    `origins` pairs organization positions with their origin states. `private`
    marks, per service, those of organizations that hide their address:
    they draw no radius, and a listed state counts in person only when it lies
    within reach of their own state (their point is never used).
    """
    if private is None:
        private = np.zeros(len(services), bool)
    listed = _listed_pairs(services, states_of)
    points = _service_points(services, states_of)
    located = points.dropna(subset=["state"])
    located_pairs = (
        located["service"].to_numpy(int),
        located["state"].to_numpy(float).astype(int),
    )
    remote_only = services["remote_only"].to_numpy(bool)
    in_origin = (services["category"] == ORIGIN_DEVELOPMENT).to_numpy()
    in_person = Reach.union(
        located_pairs,
        _radius_pairs(points, services, regions, private),
        _near_listed_pairs(listed, points, regions, private),
    ).restrict(~remote_only & ~in_origin)
    in_person = Reach.union(
        _pairs(in_person),
        _origin_pairs(services, origins, in_origin),
    )
    remote = services["by_phone"].to_numpy(bool) | services["online"].to_numpy(bool)
    lists_any = np.zeros(len(services), bool)
    lists_any[listed["service"].to_numpy(int)] = True
    remote_reach = Reach.union(
        (listed["service"].to_numpy(int), listed["state"].to_numpy(int)),
        _pairs(Reach(*located_pairs).restrict(~lists_any)),
    ).restrict(remote)
    visited = points["lon"].notna() & ~remote_only[points["service"].to_numpy(int)]
    with_point = points[visited].reset_index(drop=True)
    return ServiceReach(in_person, remote_reach, with_point)


def _pairs(reach: Reach) -> tuple[np.ndarray, np.ndarray]:
    """Return a reach as its (services, states) arrays."""
    return reach.service, reach.region


def _origin_pairs(
    services: pd.DataFrame, origins: Reach, in_origin: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return (service, state) pairs of the services delivered in the origin states
    of their organizations' ties."""
    rows = np.flatnonzero(in_origin)
    delivered = pd.DataFrame(
        {"service": rows, "owner": services["owner"].to_numpy(int)[rows]}
    ).merge(pd.DataFrame({"owner": origins.service, "state": origins.region}))
    return delivered["service"].to_numpy(int), delivered["state"].to_numpy(int)


def _listed_pairs(services: pd.DataFrame, states_of: pd.DataFrame) -> pd.DataFrame:
    """Return (service, state) pairs of listed areas, `own` where the state itself
    is listed (not through its country)."""
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    listed = read_frame(
        select(
            id_text(service_area_regions.c.service_id),
            id_text(service_area_regions.c.region_id),
        ),
        ["service_id", "region_id"],
    ).merge(states_of, on="region_id")
    listed["service"] = listed["service_id"].map(position)
    listed = listed.dropna(subset=["service"])
    listed["service"] = listed["service"].astype(int)
    return listed.sort_values("own", ascending=False).drop_duplicates(
        ["service", "state"]
    )


def _service_points(services: pd.DataFrame, states_of: pd.DataFrame) -> pd.DataFrame:
    """Return the services' places with a point or a state: `service`,
    `location`, `lon`, `lat`, `approximate`, `state` (NaN: in no known state)."""
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
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
    points = points.dropna(subset=["service"]).merge(
        own_states(states_of), how="left", on="region_id"
    )
    points = points[points["lon"].notna() | points["state"].notna()]
    points["service"] = points["service"].astype(int)
    columns = ["service", "location", "lon", "lat", "approximate", "state"]
    return points[columns].reset_index(drop=True)


def _radius_pairs(
    points: pd.DataFrame,
    services: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    private: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (service, state) pairs a service's radius reaches.

    A radius stays in the country of the place it is drawn from: reaching a state
    of another country takes listing that state. A place in no known state has no
    country, so its radius reaches nothing; a hidden address draws no radius.
    """
    with_point = points.dropna(subset=["lon"])
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


def _near_listed_pairs(
    listed: pd.DataFrame,
    points: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    private: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the listed (service, state) pairs within `LISTED_REACH_KM` of one of
    the service's places: from its point, or, for a hidden address, from its
    state's boundary. A state of another country counts only when listed itself.
    A service with no place in a known state (a mobile team) serves the states it
    lists by name, not a whole listed country."""
    places = points.dropna(subset=["state"])
    trips = listed.merge(
        places[["service", "lon", "lat", "state"]].rename(columns={"state": "home"}),
        on="service",
    )
    trips = trips[trips["home"].to_numpy(int) != trips["state"].to_numpy(int)]
    home = trips["home"].to_numpy(int)
    # A state of the other country is never near enough unless listed itself.
    allowed = trips["own"].to_numpy(bool) | in_same_country(
        regions, home.astype(float), trips["state"].to_numpy(int)
    )
    trips = trips[allowed]
    hidden = private[trips["service"].to_numpy(int)]
    near = _within_reach(trips, regions, hidden)
    state = trips["state"].to_numpy(int)
    unplaced = listed[
        ~listed["service"].isin(places["service"]) & listed["own"].to_numpy(bool)
    ]
    return (
        np.concatenate([trips["service"].to_numpy(int)[near], unplaced["service"]]),
        np.concatenate([state[near], unplaced["state"].to_numpy(int)]),
    )


def _within_reach(
    trips: pd.DataFrame, regions: gpd.GeoDataFrame, hidden: np.ndarray
) -> np.ndarray:
    """Return, per row, whether state `state` lies within `LISTED_REACH_KM` of its
    point (`lon`, `lat`); for a `hidden` row, of its own state (`home`)."""
    if trips.empty:
        return np.zeros(0, bool)
    metric = to_metric(regions.geometry)
    shapes = np.asarray(metric.values)
    shapely.prepare(shapes)  # each state is tested against many points
    points = gpd.GeoSeries(
        shapely.points(trips["lon"].to_numpy(float), trips["lat"].to_numpy(float)),
        crs=regions.crs,
    ).to_crs(metric.crs)
    origins = np.where(
        hidden, shapes[trips["home"].to_numpy(int)], np.asarray(points.values)
    )
    return shapely.dwithin(
        shapes[trips["state"].to_numpy(int)], origins, LISTED_REACH_KM * 1000
    )
