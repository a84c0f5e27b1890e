"""The nearest services to a point, from the snapshot's per-category trees."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from cso_map.services.finder.contact import reachable_services
from cso_map.services.finder.opening import open_services
from cso_map.services.finder.public_distances import (
    hidden_nearest,
    hidden_points,
    km_from_state,
    km_to_points,
    person_place,
)
from cso_map.services.snapshot.build import (
    CATEGORY_INDEX,
    DirectorySnapshot,
    bitmask,
    directory_snapshot,
)
from cso_map.taxonomy import SERVICE_LANGUAGES

FLAGS = ("free", "no_documents", "women_only", "walk_in")


@dataclass(frozen=True)
class NearestQuery:
    """Where the person is, what they need, and what must hold of the service.

    `states`, if given, keeps only services that reach one of those state
    indices (by location, listed area or radius). `in_state` says the person
    gave only that state (an index): distances are measured from its boundary.
    `reachable_first` puts services with a phone, e-mail or website first.
    """

    lat: float
    lon: float
    service: str
    language: str | None = None
    free: bool = False
    no_documents: bool = False
    women_only: bool = False
    walk_in: bool = False
    open_now: bool = False
    radius_km: float | None = None
    limit: int = 5
    states: tuple[int, ...] | None = None
    in_state: int | None = None
    reachable_first: bool = False


@dataclass(frozen=True)
class NearestHits:
    """Matching services nearest first: snapshot service and point rows, and km."""

    services: np.ndarray
    points: np.ndarray
    km: np.ndarray


ServiceTest = Callable[[np.ndarray], np.ndarray]


def service_filter(
    query: NearestQuery, snapshot: DirectorySnapshot, now: dt.datetime | None = None
) -> ServiceTest | None:
    """Return a test of snapshot service rows against the query (None: all pass)."""
    services = snapshot.services
    checks: list[ServiceTest] = []
    if query.language:
        masks = services["languages"].to_numpy()
        bit = bitmask(SERVICE_LANGUAGES, [query.language])
        checks.append(lambda chosen: (masks[chosen] & bit) != 0)
    for name in FLAGS:
        if getattr(query, name):
            flag = services[name].to_numpy(bool)
            checks.append(lambda chosen, flag=flag: flag[chosen])
    if query.open_now:
        is_open = open_services(snapshot, now or dt.datetime.now(dt.UTC))
        checks.append(lambda chosen: is_open[chosen])
    if query.states is not None:
        reaching = snapshot.reaching(list(query.states))
        checks.append(lambda chosen: reaching[chosen])
    return _all_of(checks)


def _all_of(checks: list[ServiceTest]) -> ServiceTest | None:
    """Return a test passed by rows that pass every check (None if no check)."""
    if not checks:
        return None

    def accept(chosen: np.ndarray) -> np.ndarray:
        keep = np.ones(len(chosen), bool)
        for check in checks:
            keep &= check(chosen)
        return keep

    return accept


def nearest_hits(
    query: NearestQuery,
    snapshot: DirectorySnapshot | None = None,
    now: dt.datetime | None = None,
) -> NearestHits:
    """Return the nearest matching services, one point each, nearest first.

    Distances are those the public may know (see `public_distances.py`):
    great-circle km to a published point; to an organization that hides its
    address, km to its state's boundary (0 from inside it). With
    `reachable_first`, the services one can reach come first, nearest first,
    then the others.
    """
    snapshot = snapshot or directory_snapshot()
    accepts = service_filter(query, snapshot, now)
    if not query.reachable_first:
        return _nearest(query, snapshot, accepts)
    reachable = reachable_services(snapshot)
    checks = [] if accepts is None else [accepts]
    first = _nearest(query, snapshot, _all_of([*checks, lambda s: reachable[s]]))
    rest = _nearest(
        replace(query, limit=query.limit - len(first.km)),
        snapshot,
        _all_of([*checks, lambda s: ~reachable[s]]),
    )
    return NearestHits(
        np.concatenate((first.services, rest.services)),
        np.concatenate((first.points, rest.points)),
        np.concatenate((first.km, rest.km)),
    )


def _nearest(
    query: NearestQuery, snapshot: DirectorySnapshot, accepts: ServiceTest | None
) -> NearestHits:
    """Return the nearest services passing `accepts`: published points and
    hidden addresses, each measured as the public may know it."""
    service_of_point = snapshot.points["service"].to_numpy(int)
    hidden = hidden_points(snapshot)
    category = CATEGORY_INDEX[query.service]
    candidates = snapshot.nearest.rows.get(category, np.empty(0, np.int64))
    if query.limit < 1 or len(candidates) == 0:
        return NearestHits(*(np.empty(0, np.int64),) * 2, np.empty(0))

    def accept(rows: np.ndarray, hiding: bool) -> np.ndarray:
        keep = hidden[rows] == hiding
        if accepts is not None:
            keep &= accepts(service_of_point[rows])
        return keep

    if query.in_state is None:
        rows, km = snapshot.nearest.nearest(
            query.lon,
            query.lat,
            category,
            query.limit,
            accept=lambda rows: accept(rows, False),
            radius_km=query.radius_km,
            distinct=service_of_point,
        )
    else:
        rows = candidates[accept(candidates, False)]
        km = km_from_state(snapshot, query.in_state, rows)
        order = np.lexsort((km_to_points(snapshot, query.lon, query.lat, rows), km))
        rows, km = rows[order], km[order]
    origin = person_place(snapshot, query.lon, query.lat, query.in_state)
    secret, secret_km = hidden_nearest(
        snapshot,
        origin,
        candidates[accept(candidates, True)],
        query.limit,
        query.radius_km,
    )
    rows, km = np.concatenate((rows, secret)), np.concatenate((km, secret_km))
    # Equal distances (hidden addresses in one state) go in directory order.
    owner = snapshot.services["owner"].to_numpy(int)[service_of_point[rows]]
    order = np.lexsort((owner, km))
    rows, km = rows[order], km[order]
    _, first = np.unique(service_of_point[rows], return_index=True)
    first.sort()
    rows, km = rows[first], km[first]
    if query.radius_km is not None:
        rows, km = rows[km <= query.radius_km], km[km <= query.radius_km]
    rows, km = rows[: query.limit], km[: query.limit]
    return NearestHits(service_of_point[rows], rows, km)


def nearest_services(query: NearestQuery) -> list[dict]:
    """Return the nearest matching services as the API writes them."""
    snapshot = directory_snapshot()
    hits = nearest_hits(query, snapshot)
    services, points = snapshot.services, snapshot.points
    organizations = snapshot.organizations
    items = []
    for service_row, row, distance in zip(
        hits.services, hits.points, hits.km, strict=True
    ):
        service = services.iloc[service_row]
        organization = organizations.iloc[int(service["owner"])]
        items.append(
            {
                "organization": {
                    "id": organization["id"],
                    "name": organization["name"],
                },
                "service": {
                    "id": canonical(service["id"]),
                    "name": service["name"],
                    "category": service["category"],
                },
                "distance_km": round(float(distance), 3),
                "location": {
                    "lat": round(float(points["lat"].iat[row]), 5),
                    "lon": round(float(points["lon"].iat[row]), 5),
                    "approximate": bool(points["approximate"].iat[row]),
                },
            }
        )
    return items


def canonical(text: str) -> str:
    """Return a UUID text (dashed or 32 hex digits) in canonical form."""
    return str(uuid.UUID(text))
