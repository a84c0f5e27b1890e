"""The help finder: the nearest services that match a need, and what to try next."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from cso_map.extensions import db
from cso_map.models import Location, Organization, Region, Service
from cso_map.services.directory.organizations import is_stale
from cso_map.services.directory.regions import other_country
from cso_map.services.finder.contact import has_contact
from cso_map.services.finder.nearest import NearestHits, nearest_hits
from cso_map.services.finder.online import online_services
from cso_map.services.finder.opening import is_open_at, service_time_zones
from cso_map.services.finder.places import place_book
from cso_map.services.finder.query import HelpSearch
from cso_map.services.finder.unmet_demand import count_zero_result
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot

NEIGHBOUR_RESULTS = 5


@dataclass(frozen=True)
class HelpResult:
    """One service to show: its address (None if hidden), public point, distance.

    `lat`/`lon` are the point the public may see (the state's for a hidden
    address); `distance_km` is what the public may know (to a hidden address's
    state boundary); `open_now` is None when the hours are not known;
    `reachable` whether it lists a phone, e-mail or website; `reviewed_on` when
    its information was last checked; `abroad` the country code of a result in
    another country than the person's place (else None).
    """

    service: Service
    organization: Organization
    location: Location | None
    region: Region | None
    lat: float
    lon: float
    distance_km: float
    approximate: bool
    open_now: bool | None
    reachable: bool = True
    reviewed_on: dt.date | None = None
    abroad: str | None = None

    @property
    def stale(self) -> bool:
        """Return whether its information was last checked over a year ago."""
        return is_stale(self.reviewed_on)


@dataclass(frozen=True)
class HelpAnswer:
    """Results, and when there are none, ways to widen the search."""

    results: list[HelpResult]
    nearest_km: float | None = None
    neighbours: list[HelpResult] = field(default_factory=list)
    online: list[Service] = field(default_factory=list)


def search_help(search: HelpSearch, now: dt.datetime | None = None) -> HelpAnswer:
    """Return the nearest matching services; if none, count it and look wider.

    A search that finds nothing adds one to the day's count for its service,
    state and language: the only trace a search leaves.
    """
    now = now or dt.datetime.now(dt.UTC)
    snapshot = directory_snapshot()
    results = find_results(search, now, snapshot)
    online = online_services(search, now, snapshot)
    if results:
        return HelpAnswer(results, online=online)
    count_zero_result(
        search.category, search.where.region_code, search.language, now.date()
    )
    return HelpAnswer(
        [],
        nearest_km=_nearest_anywhere(search, snapshot, now),
        neighbours=_in_state_and_neighbours(search, snapshot, now),
        online=online,
    )


def find_results(
    search: HelpSearch,
    now: dt.datetime | None = None,
    snapshot: DirectorySnapshot | None = None,
) -> list[HelpResult]:
    """Return the nearest matching services (counting nothing)."""
    now = now or dt.datetime.now(dt.UTC)
    snapshot = snapshot or directory_snapshot()
    hits = nearest_hits(search.nearest_query(), snapshot, now)
    return load_results(hits, snapshot, now, search.where.region_code)


def _nearest_anywhere(
    search: HelpSearch, snapshot: DirectorySnapshot, now: dt.datetime
) -> float | None:
    """Return the distance of the nearest match at any distance, if any."""
    if search.where.whole_state:
        return None
    anywhere = replace(
        search.nearest_query(limit=1), radius_km=None, reachable_first=False
    )
    hits = nearest_hits(anywhere, snapshot, now)
    return float(hits.km[0]) if len(hits.km) else None


def _in_state_and_neighbours(
    search: HelpSearch, snapshot: DirectorySnapshot, now: dt.datetime
) -> list[HelpResult]:
    """Return the nearest matches, at any distance, that reach the person's state
    or a neighbouring one."""
    state = search.where.state
    if state is None:
        return []
    neighbours = place_book(snapshot).neighbours.get(state, set())
    query = replace(
        search.nearest_query(limit=NEIGHBOUR_RESULTS),
        radius_km=None,
        states=tuple(sorted({state, *neighbours})),
    )
    hits = nearest_hits(query, snapshot, now)
    return load_results(hits, snapshot, now, search.where.region_code)


def load_results(
    hits: NearestHits,
    snapshot: DirectorySnapshot,
    now: dt.datetime,
    here: str | None = None,
) -> list[HelpResult]:
    """Return the hits as services and locations loaded from the database, each
    flagged when its country is not that of region `here` (the person's)."""
    service_ids = [uuid.UUID(snapshot.services["id"].iat[i]) for i in hits.services]
    location_ids = [uuid.UUID(snapshot.points["location"].iat[i]) for i in hits.points]
    services = {
        service.id: service
        for service in db.session.scalars(
            select(Service)
            .where(Service.id.in_(service_ids))
            .options(
                joinedload(Service.organization),
                selectinload(Service.languages),
                selectinload(Service.schedules),
            )
        )
    }
    locations = {
        location.id: location
        for location in db.session.scalars(
            select(Location).where(Location.id.in_(location_ids))
        )
    }
    zones = service_time_zones(snapshot)[hits.services]
    points = snapshot.points
    codes = dict(enumerate(snapshot.regions["code"]))
    results = []
    for service_id, location_id, row, km, zone in zip(
        service_ids, location_ids, hits.points, hits.km, zones, strict=True
    ):
        service, location = services.get(service_id), locations.get(location_id)
        if service is None or location is None:
            continue  # changed since the snapshot was built
        hidden = service.organization.location_confidential
        state = points["state"].iat[row]  # NaN: in no known state
        results.append(
            HelpResult(
                service=service,
                organization=service.organization,
                location=None if hidden else location,
                region=location.region,
                lat=float(points["lat"].iat[row]),
                lon=float(points["lon"].iat[row]),
                distance_km=float(km),
                approximate=bool(points["approximate"].iat[row]),
                open_now=is_open_at(service.schedules, zone, now),
                reachable=has_contact(service),
                reviewed_on=last_checked(service),
                abroad=other_country(codes.get(state), here),
            )
        )
    return results


def last_checked(service: Service) -> dt.date | None:
    """Return when the service's information was last checked: the later of
    its own confirmation and its organization's review."""
    dates = [service.assured_on, service.organization.last_reviewed_on]
    return max((date for date in dates if date is not None), default=None)
