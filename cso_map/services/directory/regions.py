"""Regions: load the demo geography and indicators, look regions up, describe one."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import CompoundSelect, select, union

from cso_map.demo.regions import demo_regions
from cso_map.extensions import db
from cso_map.geo.boundaries import label_point, to_geojson
from cso_map.models import (
    Location,
    Region,
    RegionIndicator,
    ServiceAtLocation,
    service_area_regions,
)
from cso_map.models.region import INDICATOR_NUMBERS


def load_demo_regions() -> int:
    """Insert the missing demo regions (matched by ISO code); return how many."""
    existing = set(db.session.scalars(select(Region.code)))
    frame = demo_regions()
    by_code: dict[str, Region] = {}
    for row in frame.sort_values("level").itertuples():  # countries before states
        if row.code in existing:
            continue
        lat, lon = label_point(row.geometry)
        region = Region(
            id=uuid.uuid4(),
            code=row.code,
            name_en=row.name_en,
            name_es=row.name_es,
            level=row.level,
            geometry=to_geojson(row.geometry),
            geometry_simplified=to_geojson(row.simplified),
            label_lat=lat,
            label_lon=lon,
        )
        by_code[row.code] = region
        db.session.add(region)
    db.session.flush()
    parents = regions_by_code()
    for row in frame.itertuples():
        if row.code in by_code and row.parent:
            by_code[row.code].parent_id = parents[row.parent].id
    db.session.commit()
    return len(by_code)


def load_indicators(rows: Iterable[dict]) -> int:
    """Insert or update indicators keyed by (region, year, source); return how many."""
    regions = regions_by_code()
    written = 0
    for row in rows:
        region = regions.get(row["region"])
        if region is None:
            raise ValueError(f"unknown region code {row['region']!r}")
        year = int(row["year"])
        indicator = db.session.scalar(
            select(RegionIndicator).filter_by(
                region_id=region.id, year=year, source=row["source"]
            )
        ) or RegionIndicator(region_id=region.id, year=year, source=row["source"])
        for field in INDICATOR_NUMBERS:
            setattr(indicator, field, _optional_int(row.get(field)))
        indicator.illustrative = str(row.get("illustrative", "")).lower() in (
            "true",
            "1",
            "yes",
        )
        db.session.add(indicator)
        written += 1
    db.session.commit()
    return written


def _optional_int(value: str | int | None) -> int | None:
    return None if value in (None, "") else int(value)


def regions_by_code() -> dict[str, Region]:
    """Return every region keyed by ISO 3166 code."""
    return {region.code: region for region in db.session.scalars(select(Region))}


def list_regions() -> list[Region]:
    """Return every region, countries first, then states by code."""
    return list(db.session.scalars(select(Region).order_by(Region.level, Region.code)))


def get_region(code: str) -> Region | None:
    """Return the region with ISO code `code` (case-insensitive), or None."""
    return db.session.scalar(select(Region).where(Region.code == code.upper()))


@dataclass(frozen=True)
class RegionScope:
    """Region ids that place something in a region, and those whose area covers it."""

    within: frozenset[uuid.UUID]
    covering: frozenset[uuid.UUID]


def region_scope(region: Region) -> RegionScope:
    """Return the scope of `region`.

    `within`: the region and its sub-regions (a location there is in the region).
    `covering`: those plus the regions containing it (a service for all of Mexico
    also serves Zacatecas).
    """
    within = {
        region.id,
        *db.session.scalars(select(Region.id).where(Region.parent_id == region.id)),
    }
    covering = set(within)
    parent = region.parent
    while parent is not None:
        covering.add(parent.id)
        parent = parent.parent
    return RegionScope(frozenset(within), frozenset(covering))


def services_reaching(scope: RegionScope) -> CompoundSelect:
    """Return a query of ids of services delivered in the region or covering it."""
    delivered = (
        select(ServiceAtLocation.service_id)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(Location.region_id.in_(scope.within))
    )
    listed = select(service_area_regions.c.service_id).where(
        service_area_regions.c.region_id.in_(scope.covering)
    )
    return union(delivered, listed)


def other_country(code: str | None, here: str | None) -> str | None:
    """Return the country of region `code` when it is not the country of region
    `here` (ISO codes of states or countries), else None: what flags a place
    across the border. None too when either is unknown."""
    if not code or not here or code[:2].upper() == here[:2].upper():
        return None
    return code[:2].upper()
