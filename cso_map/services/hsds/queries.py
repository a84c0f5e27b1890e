"""The HSDS 3.0 read API's queries of services and organizations, with the filters
the HSDS OpenAPI names (paging: `paging`; services at locations, taxonomies: their
own modules)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from cso_map.extensions import db
from cso_map.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from cso_map.services.hsds.objects import organization_object
from cso_map.services.hsds.paging import HsdsQuery, in_batches, page_of
from cso_map.services.hsds.service_objects import service_object
from cso_map.text import fold


def services_query(query: HsdsQuery) -> Select:
    """Return the query of services of listed organizations, with filters."""
    statement = (
        select(Service)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed)
        .order_by(Service.id)
    )
    if query.search:
        words = fold(query.search)
        statement = statement.where(
            or_(
                func.lower(Service.name).contains(query.search.lower()),
                Organization.search_text.contains(words),
            )
        )
    if query.taxonomy_term_id:
        term = query.taxonomy_term_id
        statement = statement.where(
            or_(
                Service.category_id == term,
                Service.languages.any(TaxonomyTerm.id == term),
            )
        )
    if query.taxonomy_id:
        statement = statement.where(
            Service.category.has(TaxonomyTerm.taxonomy_id == query.taxonomy_id)
        )
    if query.organization_id:
        statement = statement.where(Service.organization_id == query.organization_id)
    if query.modified_after:
        statement = statement.where(Service.updated_at >= query.modified_after)
    return statement


SERVICE_LOADS = (
    joinedload(Service.organization).selectinload(Organization.parent),
    selectinload(Service.languages),
    selectinload(Service.schedules),
    selectinload(Service.area_regions),
    selectinload(Service.at_locations).joinedload(ServiceAtLocation.location),
)


def _minimal(row: Service | Organization) -> dict:
    return {"id": str(row.id), "last_modified": row.updated_at.isoformat()}


def services_page(query: HsdsQuery) -> dict:
    """Return a page of services of listed organizations."""
    if query.minimal:
        return page_of(services_query(query), query, _minimal)
    return page_of(
        services_query(query),
        query,
        lambda s: service_object(s, query.full),
        SERVICE_LOADS,
    )


def services_ndjson(query: HsdsQuery) -> Iterator[str]:
    """Yield every matching service as one JSON line, in batches."""
    for batch in in_batches(services_query(query), SERVICE_LOADS):
        for service in batch:
            item = service_object(service, query.full)
            yield json.dumps(item, ensure_ascii=False) + "\n"


def one_service(service_id: uuid.UUID) -> dict | None:
    """Return one service of a listed organization, fully nested."""
    service = db.session.scalar(
        services_query(HsdsQuery())
        .where(Service.id == service_id)
        .options(*SERVICE_LOADS)
    )
    return service_object(service, full=True) if service else None


def organizations_query(query: HsdsQuery) -> Select:
    """Return the query of listed organizations, with filters."""
    statement = (
        select(Organization).where(Organization.is_listed).order_by(Organization.id)
    )
    if query.search:
        statement = statement.where(
            Organization.search_text.contains(fold(query.search))
        )
    if query.modified_after:
        statement = statement.where(Organization.updated_at >= query.modified_after)
    if query.taxonomy_term_id:
        term = query.taxonomy_term_id
        statement = statement.where(
            or_(
                Organization.type_id == term,
                Organization.target_groups.any(TaxonomyTerm.id == term),
                Organization.services.any(Service.category_id == term),
            )
        )
    return statement


ORGANIZATION_LOADS = (
    selectinload(Organization.locations).joinedload(Location.region),
    selectinload(Organization.target_groups),
    selectinload(Organization.skills),
    selectinload(Organization.support_needs),
    selectinload(Organization.origins),
    selectinload(Organization.parent),
)


def organizations_page(query: HsdsQuery) -> dict:
    """Return a page of listed organizations."""
    if query.minimal:
        return page_of(organizations_query(query), query, _minimal)
    return page_of(
        organizations_query(query),
        query,
        lambda o: organization_object(o, query.full),
        ORGANIZATION_LOADS,
    )


def one_organization(organization_id: uuid.UUID) -> dict | None:
    """Return one listed organization with its locations and attributes."""
    organization = db.session.scalar(
        organizations_query(HsdsQuery())
        .where(Organization.id == organization_id)
        .options(*ORGANIZATION_LOADS)
    )
    return organization_object(organization, full=True) if organization else None
