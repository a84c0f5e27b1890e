"""Read one organization as the public may see it; where it may be shown on a map."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cso_map.extensions import db
from cso_map.models import Location, Organization, Region, Service

STALE_AFTER = dt.timedelta(days=365)


def is_stale(reviewed_on: dt.date | None, today: dt.date | None = None) -> bool:
    """Return whether information reviewed on `reviewed_on` is over 12 months old."""
    today = today or dt.date.today()
    return reviewed_on is None or today - reviewed_on > STALE_AFTER


@dataclass(frozen=True)
class PublicPoint:
    """Where an organization may be shown: exact, or its region's point if hidden."""

    lat: float
    lon: float
    approximate: bool
    region: Region | None


def get_listed_organization(organization_id: uuid.UUID) -> Organization | None:
    """Return the organization if the public may see it, with its profile loaded."""
    return db.session.scalar(
        select(Organization)
        .where(Organization.id == organization_id, Organization.is_listed)
        .options(
            selectinload(Organization.services).selectinload(Service.languages),
            selectinload(Organization.services).selectinload(Service.area_regions),
            selectinload(Organization.services).selectinload(Service.schedules),
            selectinload(Organization.services).selectinload(Service.locations),
            selectinload(Organization.locations),
            selectinload(Organization.origins),
            selectinload(Organization.target_groups),
            selectinload(Organization.skills),
            selectinload(Organization.support_needs),
            selectinload(Organization.member_organizations),
        )
    )


def primary_location(organization: Organization) -> Location | None:
    """Return the first physical location with coordinates, else the first location."""
    located = [loc for loc in organization.locations if loc.has_point]
    physical = [loc for loc in located if loc.location_type == "physical"]
    return (physical or located or organization.locations or [None])[0]


def primary_region(organization: Organization) -> Region | None:
    """Return the region of the organization's primary location."""
    location = primary_location(organization)
    return location.region if location is not None else None


def public_point(organization: Organization) -> PublicPoint | None:
    """Return the point the public may see (the region's, if the address is hidden)."""
    location = primary_location(organization)
    if location is None or not location.has_point:
        return None
    if organization.location_confidential:
        region = location.region
        if region is None:
            return None
        return PublicPoint(region.label_lat, region.label_lon, True, region)
    return PublicPoint(
        location.latitude, location.longitude, location.approximate, location.region
    )


def listed_members(organization: Organization) -> list[Organization]:
    """Return the member organizations the public may see (federations, networks)."""
    return [member for member in organization.member_organizations if member.is_listed]


def visible_services(organization: Organization) -> list[Service]:
    """Return the services worth showing: every one that is not defunct."""
    return [service for service in organization.services if service.status != "defunct"]
