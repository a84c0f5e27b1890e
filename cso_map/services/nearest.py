"""The nearest services to a point, from the snapshot's per-category trees."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import numpy as np

from cso_map.services.snapshot import CATEGORY_INDEX, bitmask, directory_snapshot
from cso_map.taxonomy import SERVICE_LANGUAGES


@dataclass(frozen=True)
class NearestQuery:
    """Where the person is, what they need, and what must hold of the service."""

    lat: float
    lon: float
    service: str
    language: str | None = None
    free: bool = False
    no_documents: bool = False
    women_only: bool = False
    radius_km: float | None = None
    limit: int = 5


def nearest_services(query: NearestQuery) -> list[dict]:
    """Return the nearest matching services, nearest first, one entry per service.

    Distances are great-circle km to the point the public may see (an
    organization that hides its address is at its state's label point).
    """
    snapshot = directory_snapshot()
    services, points = snapshot.services, snapshot.points
    service_of_point = points["service"].to_numpy(int)
    checks = []
    if query.language:
        bit = bitmask(SERVICE_LANGUAGES, [query.language])
        checks.append((services["languages"].to_numpy(), bit))
    flags = [
        services[name].to_numpy(bool)
        for name, wanted in (
            ("free", query.free),
            ("no_documents", query.no_documents),
            ("women_only", query.women_only),
        )
        if wanted
    ]

    def accept(rows: np.ndarray) -> np.ndarray:
        chosen = service_of_point[rows]
        keep = np.ones(len(rows), bool)
        for masks, bit in checks:
            keep &= (masks[chosen] & bit) != 0
        for flag in flags:
            keep &= flag[chosen]
        return keep

    rows, km = snapshot.nearest.nearest(
        query.lon,
        query.lat,
        CATEGORY_INDEX[query.service],
        query.limit,
        accept=accept if checks or flags else None,
        radius_km=query.radius_km,
        distinct=service_of_point,
    )
    organizations = snapshot.organizations
    items = []
    for row, distance in zip(rows, km, strict=True):
        service = services.iloc[service_of_point[row]]
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
