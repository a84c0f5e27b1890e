"""The HSDS 3.0 read API's queries: pages of services, organizations, services at
locations, taxonomies and terms, with the filters the HSDS OpenAPI names."""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from cso_map.extensions import db
from cso_map.geo.projection import haversine_km
from cso_map.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from cso_map.services.hsds.objects import (
    organization_object,
    service_at_location_object,
    service_object,
    taxonomy_object,
    term_object,
)
from cso_map.services.snapshot.data_version import current_data_version
from cso_map.text import fold

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
BATCH = 500


@dataclass(frozen=True)
class HsdsQuery:
    """Paging and filters of a list (all combine with AND)."""

    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: dt.datetime | None = None
    full: bool = False
    minimal: bool = False
    near: tuple[float, float, float] | None = None  # lat, lon, metres

    @property
    def filtered(self) -> bool:
        """Return whether any filter narrows the list."""
        return bool(
            self.search
            or self.taxonomy_term_id
            or self.taxonomy_id
            or self.organization_id
            or self.modified_after
            or self.near
        )


_all_ids: dict[tuple, list] = {}
_ids_lock = threading.Lock()


def ordered_ids(statement: Select, entity) -> list:
    """Return the ids of an unfiltered list in order, cached per data version.

    Counting and skipping to page 2,000 of 250,000 services in SQL costs a scan
    per request; the ordered ids of each list are read once per data version
    (as the directory snapshot is) and a page is a slice of them.
    """
    key = (
        db.engine.url.render_as_string(hide_password=True),
        current_data_version(),
        entity.__name__,
    )
    found = _all_ids.get(key)
    if found is None:
        with _ids_lock:
            found = _all_ids.get(key)
            if found is None:
                found = list(db.session.scalars(statement.with_only_columns(entity.id)))
                _all_ids.clear()  # older versions are of no use any more
                _all_ids[key] = found
    return found


def page_of(
    statement: Select, query: HsdsQuery, write: Callable, loads: tuple = ()
) -> dict:
    """Return the HSDS Page envelope of `statement`'s rows, written by `write`.

    Counting and paging read ids only; the page's rows are then loaded with
    their related rows (`loads`), so a page costs the same on page 1 or 2,000.
    """
    entity = statement.column_descriptions[0]["entity"]
    start = (query.page - 1) * query.per_page
    if query.filtered:
        ids_only = statement.with_only_columns(entity.id)
        total = db.session.scalar(
            select(func.count()).select_from(ids_only.order_by(None).subquery())
        )
        ids = list(db.session.scalars(ids_only.offset(start).limit(query.per_page)))
    else:
        every = ordered_ids(statement, entity)
        total, ids = len(every), every[start : start + query.per_page]
    rows = loaded_in_order(entity, ids, loads)
    pages = max(1, math.ceil(total / query.per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": query.page,
        "size": len(rows),
        "first_page": query.page == 1,
        "last_page": query.page >= pages,
        "empty": total == 0,
        "contents": [write(row) for row in rows],
    }


def loaded_in_order(entity, ids: list, loads: tuple = ()) -> list:
    """Return the rows of `entity` with these ids, in their order, with `loads`."""
    loaded = {
        row.id: row
        for row in db.session.scalars(
            select(entity).where(entity.id.in_(ids)).options(*loads)
        ).unique()
    }
    return [loaded[key] for key in ids if key in loaded]


def id_batches(statement: Select) -> Iterator[list]:
    """Yield the ids of `statement`'s rows in order, `BATCH` at a time."""
    entity = statement.column_descriptions[0]["entity"]
    ids = list(db.session.scalars(statement.with_only_columns(entity.id)))
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def in_batches(statement: Select, loads: tuple = ()) -> Iterator[list]:
    """Yield the rows of `statement` in order, in lists of `BATCH` loaded with
    their related rows: a walk through 100k rows holds one batch, not all."""
    entity = statement.column_descriptions[0]["entity"]
    for ids in id_batches(statement):
        yield loaded_in_order(entity, ids, loads)


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


def _minimal(row) -> dict:
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


def _service_at_locations(query: HsdsQuery) -> Select:
    statement = (
        select(ServiceAtLocation)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed)
        .order_by(ServiceAtLocation.id)
    )
    if query.organization_id:
        statement = statement.where(Service.organization_id == query.organization_id)
    if query.taxonomy_term_id:
        statement = statement.where(Service.category_id == query.taxonomy_term_id)
    if query.search:
        statement = statement.where(
            Organization.search_text.contains(fold(query.search))
        )
    if query.near:
        statement = _within(statement, *query.near)
    return statement


LINK_LOADS = (
    joinedload(ServiceAtLocation.location).joinedload(Location.region),
    joinedload(ServiceAtLocation.service).joinedload(Service.organization),
)


def _within(statement: Select, lat: float, lon: float, metres: float) -> Select:
    """Keep services at exact locations within `metres` of a point.

    Organizations that hide their address are left out: a search around a
    point must not reveal where they are.
    """
    lat_span = metres / 111_320
    lon_span = metres / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    boxed = statement.join(
        Location, Location.id == ServiceAtLocation.location_id
    ).where(
        Organization.location_confidential.is_(False),
        Location.approximate.is_(False),
        Location.latitude.between(lat - lat_span, lat + lat_span),
        Location.longitude.between(lon - lon_span, lon + lon_span),
    )
    rows = db.session.execute(
        boxed.with_only_columns(
            ServiceAtLocation.id, Location.latitude, Location.longitude
        ).order_by(None)
    ).all()
    km = haversine_km(lon, lat, [row[2] for row in rows], [row[1] for row in rows])
    inside = [
        row[0]
        for row, distance in zip(rows, km, strict=True)
        if distance * 1000 <= metres
    ]
    return statement.where(ServiceAtLocation.id.in_(inside))


def _link_object(link: ServiceAtLocation) -> dict:
    hidden = link.service.organization.location_confidential
    return service_at_location_object(link, hidden)


def service_at_locations_page(query: HsdsQuery) -> dict:
    """Return a page of services at locations of listed organizations."""
    return page_of(_service_at_locations(query), query, _link_object, LINK_LOADS)


def one_service_at_location(link_id: uuid.UUID) -> dict | None:
    """Return one service at a location."""
    link = db.session.scalar(
        _service_at_locations(HsdsQuery())
        .where(ServiceAtLocation.id == link_id)
        .options(*LINK_LOADS)
    )
    return _link_object(link) if link else None


def taxonomies_page(query: HsdsQuery) -> dict:
    """Return a page of our taxonomies."""
    statement = select(Taxonomy).order_by(Taxonomy.code)
    if query.search:
        statement = statement.where(
            func.lower(Taxonomy.name_en).contains(query.search.lower())
        )
    return page_of(statement, query, taxonomy_object)


def one_taxonomy(taxonomy_id: uuid.UUID) -> dict | None:
    """Return one taxonomy."""
    taxonomy = db.session.get(Taxonomy, taxonomy_id)
    return taxonomy_object(taxonomy) if taxonomy else None


def terms_page(query: HsdsQuery) -> dict:
    """Return a page of taxonomy terms (optionally of one taxonomy)."""
    statement = select(TaxonomyTerm).order_by(
        TaxonomyTerm.taxonomy_id, TaxonomyTerm.position
    )
    if query.taxonomy_id:
        statement = statement.where(TaxonomyTerm.taxonomy_id == query.taxonomy_id)
    if query.search:
        words = query.search.lower()
        statement = statement.where(
            or_(
                func.lower(TaxonomyTerm.label_en).contains(words),
                func.lower(TaxonomyTerm.label_es).contains(words),
                TaxonomyTerm.code.contains(words),
            )
        )
    return page_of(statement, query, term_object)


def one_term(term_id: uuid.UUID) -> dict | None:
    """Return one taxonomy term."""
    term = db.session.get(TaxonomyTerm, term_id)
    return term_object(term) if term else None
