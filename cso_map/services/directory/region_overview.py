"""What a region page shows: sub-regions, organizations and services present."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from cso_map.extensions import db
from cso_map.models import Organization, Region, Service
from cso_map.services.directory.regions import region_scope, services_reaching
from cso_map.services.directory.search import (
    DirectoryFilters,
    ResultPage,
    search_organizations,
)
from cso_map.taxonomy import SERVICE_CATEGORIES


@dataclass(frozen=True)
class CategoryPresence:
    """How many active services of a category reach the region, and from how many."""

    code: str
    services: int
    organizations: int


@dataclass(frozen=True)
class RegionOverview:
    """Everything the region page shows."""

    region: Region
    subregions: list[Region]
    organizations: ResultPage
    categories: list[CategoryPresence]


def region_overview(region: Region, per_page: int = 50) -> RegionOverview:
    """Return the overview of `region`: organizations and services per category."""
    subregions = list(
        db.session.scalars(
            select(Region).where(Region.parent_id == region.id).order_by(Region.code)
        )
    )
    organizations = search_organizations(
        DirectoryFilters(region=region.code), 1, per_page
    )
    return RegionOverview(
        region, subregions, organizations, services_by_category(region)
    )


def services_by_category(region: Region) -> list[CategoryPresence]:
    """Count active services of listed organizations reaching `region`, per category.

    A service reaches a region when one of its locations is in it (or in a
    sub-region), or when its listed area is the region, a sub-region or a region
    containing it. Every category is returned, with zeros, in taxonomy order.
    """
    reaching = services_reaching(region_scope(region))
    rows = db.session.execute(
        select(
            Service.category_id,
            func.count(distinct(Service.id)),
            func.count(distinct(Service.organization_id)),
        )
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed, Service.status == "active")
        .where(Service.id.in_(reaching))
        .group_by(Service.category_id)
    )
    counts: dict[uuid.UUID, tuple[int, int]] = {
        row[0]: (row[1], row[2]) for row in rows
    }
    return [
        CategoryPresence(code, *counts.get(SERVICE_CATEGORIES.term_id(code), (0, 0)))
        for code in SERVICE_CATEGORIES.codes()
    ]
