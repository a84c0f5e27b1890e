"""The nearest services to a point, from the snapshot's per-category trees."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cso_map.services.finder.opening import open_services
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
    indices (by location, listed area or radius).
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


@dataclass(frozen=True)
class NearestHits:
    """Matching services nearest first: snapshot service and point rows, and km."""

    services: np.ndarray
    points: np.ndarray
    km: np.ndarray


def service_filter(
    query: NearestQuery, snapshot: DirectorySnapshot, now: dt.datetime | None = None
) -> Callable[[np.ndarray], np.ndarray] | None:
    """Return a test of snapshot service rows against the query (None: all pass)."""
    services = snapshot.services
    checks: list[Callable[[np.ndarray], np.ndarray]] = []
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

    Distances are great-circle km to the point the public may see (an
    organization that hides its address is at its state's label point).
    """
    snapshot = snapshot or directory_snapshot()
    service_of_point = snapshot.points["service"].to_numpy(int)
    accepts = service_filter(query, snapshot, now)

    def accept(rows: np.ndarray) -> np.ndarray:
        return accepts(service_of_point[rows])

    rows, km = snapshot.nearest.nearest(
        query.lon,
        query.lat,
        CATEGORY_INDEX[query.service],
        query.limit,
        accept=None if accepts is None else accept,
        radius_km=query.radius_km,
        distinct=service_of_point,
    )
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
