"""The HSDS 3.0 read API's services at locations, with the proximity filter."""

from __future__ import annotations

import math
import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from cso_map.extensions import db
from cso_map.geo.projection import haversine_km
from cso_map.models import Location, Organization, Service, ServiceAtLocation
from cso_map.services.hsds.paging import HsdsQuery, page_of
from cso_map.services.hsds.service_objects import service_at_location_object
from cso_map.text import fold


def _service_at_locations(query: HsdsQuery) -> Select:
    """Return the query of services at locations of listed organizations."""
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
