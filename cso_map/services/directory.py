"""Search the public directory: filters that combine with AND, paginated."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import selectinload

from cso_map.extensions import db
from cso_map.models import Location, Organization, Service
from cso_map.models import organization_target_groups as target_groups_table
from cso_map.models import service_languages as service_languages_table
from cso_map.services.regions import (
    RegionScope,
    get_region,
    region_scope,
    services_reaching,
)
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
)
from cso_map.text import fold

MAX_QUERY_WORDS = 8


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor narrows the directory by; codes are taxonomy and ISO codes."""

    service: str | None = None
    region: str | None = None
    language: str | None = None
    type: str | None = None
    target_group: str | None = None
    verified: bool = False
    q: str = ""


@dataclass(frozen=True)
class ResultPage:
    """One page of results and where it sits in the whole list."""

    items: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20

    @property
    def pages(self) -> int:
        """Return the number of pages (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_index(self) -> int:
        """Return the 1-based position of the first item on this page."""
        return (self.page - 1) * self.per_page + 1


def search_organizations(
    filters: DirectoryFilters, page: int = 1, per_page: int = 20
) -> ResultPage:
    """Return the listed organizations matching every filter, sorted by name."""
    conditions = directory_conditions(filters)
    total = db.session.scalar(select(func.count(Organization.id)).where(*conditions))
    ids = list(
        db.session.scalars(
            select(Organization.id)
            .where(*conditions)
            .order_by(Organization.name_key, Organization.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    return ResultPage(load_organizations(ids), total or 0, page, per_page)


def load_organizations(ids: list) -> list[Organization]:
    """Return the organizations with `ids`, in that order, with what a list shows."""
    if not ids:
        return []
    rows = db.session.scalars(
        select(Organization)
        .where(Organization.id.in_(ids))
        .options(
            selectinload(Organization.services).selectinload(Service.languages),
            selectinload(Organization.locations),
        )
    )
    by_id = {organization.id: organization for organization in rows}
    return [by_id[organization_id] for organization_id in ids]


def directory_conditions(filters: DirectoryFilters) -> list[ColumnElement[bool]]:
    """Return the SQL conditions for `filters`; codes must already be valid.

    With a service or language filter, the region filter applies to that service
    ("legal advice in Zacatecas"); alone, it keeps organizations located in the region
    or with any active service reaching it.
    """
    conditions: list[ColumnElement[bool]] = [Organization.is_listed]
    scope = _scope(filters.region) if filters.region else None
    if filters.type:
        conditions.append(Organization.type_id == CSO_TYPES.term_id(filters.type))
    if filters.verified:
        conditions.append(Organization.verification_status == "verified")
    if filters.target_group:
        term_id = TARGET_GROUPS.term_id(filters.target_group)
        conditions.append(
            Organization.id.in_(
                select(target_groups_table.c.organization_id).where(
                    target_groups_table.c.term_id == term_id
                )
            )
        )
    if filters.service or filters.language:
        providers = _providers(filters.service, filters.language, scope)
        conditions.append(Organization.id.in_(providers))
    elif scope is not None:
        located = select(Location.organization_id).where(
            Location.region_id.in_(scope.within)
        )
        serving = _providers(None, None, scope)
        conditions.append(
            or_(Organization.id.in_(located), Organization.id.in_(serving))
        )
    for word in fold(filters.q).split()[:MAX_QUERY_WORDS]:
        conditions.append(Organization.search_text.contains(word, autoescape=True))
    return conditions


def _scope(code: str) -> RegionScope:
    region = get_region(code)
    if region is None:
        raise ValueError(f"unknown region code {code!r}")
    return region_scope(region)


def _providers(category: str | None, language: str | None, scope: RegionScope | None):
    """Return a query of organizations with a matching active service."""
    query = select(Service.organization_id).where(Service.status == "active")
    if category:
        query = query.where(Service.category_id == SERVICE_CATEGORIES.term_id(category))
    if language:
        query = query.where(
            Service.id.in_(
                select(service_languages_table.c.service_id).where(
                    service_languages_table.c.term_id
                    == SERVICE_LANGUAGES.term_id(language)
                )
            )
        )
    if scope is not None:
        query = query.where(Service.id.in_(services_reaching(scope)))
    return query
