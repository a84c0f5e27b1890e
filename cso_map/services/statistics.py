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
    demo_organizations: int


def directory_statistics() -> DirectoryStatistics:
    """Count listed organizations, their active services and the regions they are in."""
    organizations = db.session.execute(
        select(
            func.count(Organization.id),
            func.count(Organization.id).filter(Organization.is_demo),
        ).where(Organization.is_listed)
    ).one()
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
    return DirectoryStatistics(
        organizations[0], services or 0, regions or 0, organizations[1]
    )
