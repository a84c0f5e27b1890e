"""Headline counts of the directory, for the home page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from cso_map.extensions import db
from cso_map.models import Location, Organization, Service


@dataclass(frozen=True)
class DirectoryStatistics:
    """How much the public directory holds."""

    organizations: int
    services: int
    regions: int


def directory_statistics() -> DirectoryStatistics:
    """Count listed organizations, their active services and the regions they are in."""
    organizations = db.session.scalar(
        select(func.count(Organization.id)).where(Organization.is_listed)
    )
    services = db.session.scalar(
        select(func.count(Service.id))
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed, Service.status == "active")
    )
    regions = db.session.scalar(
        select(func.count(distinct(Location.region_id)))
        .join(Organization, Organization.id == Location.organization_id)
        .where(Organization.is_listed)
    )
    return DirectoryStatistics(organizations or 0, services or 0, regions or 0)


def has_demo_data() -> bool:
    """Return whether any listed organization is a fictional demo one."""
    return (
        db.session.scalar(
            select(Organization.id)
            .where(Organization.is_listed, Organization.is_demo)
            .limit(1)
        )
        is not None
    )
