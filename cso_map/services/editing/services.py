"""Changing an organization's services and locations, with the same rules as
profile edits: the organization's version guards against stale saves, only
listed fields change, and every change is recorded.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.timezones import zone_at
from cso_map.models import (
    Location,
    Organization,
    Region,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    TaxonomyTerm,
    User,
)
from cso_map.models.base import utcnow
from cso_map.services.editing.audit import record_change
from cso_map.services.editing.organizations import StaleEdit, organization_fields
from cso_map.services.finder.places import place_book
from cso_map.services.records.service_fields import EDITABLE_SERVICE_FIELDS
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES

EDITABLE_SERVICE_NAMES = tuple(field.name for field in EDITABLE_SERVICE_FIELDS)
LOCATION_FIELDS = (
    "name",
    "location_type",
    "url",
    "address_1",
    "address_2",
    "city",
    "state_province",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "transportation",
)
# Weekly hours as {weekday: (opens, closes)}, Monday is 0.
Hours = dict[int, tuple[dt.time, dt.time]]


def service_values(service: Service) -> dict:
    """Return a service's editable values (codes for terms and areas)."""
    values = {name: getattr(service, name) for name in EDITABLE_SERVICE_NAMES}
    values["category"] = service.category.code
    # In the order the database gives them back, so an unchanged set is unchanged.
    languages = sorted(service.languages, key=lambda term: term.position)
    values["languages"] = [term.code for term in languages]
    values["areas"] = sorted(region.code for region in service.area_regions)
    values["hours"] = {
        item.weekday: (item.opens_at, item.closes_at) for item in service.schedules
    }
    return values


def _audit_values(values: dict) -> dict:
    """Return values as the audit log writes them (hours as text)."""
    hours = values.get("hours", {})
    return {
        **values,
        "hours": {
            str(day): f"{opens:%H:%M}-{closes:%H:%M}"
            for day, (opens, closes) in sorted(hours.items())
        },
    }


def _guard(organization: Organization, expected_version: int) -> None:
    """Refuse a change based on an older version of the organization."""
    if organization.version != expected_version:
        raise StaleEdit(organization_fields(organization))


def _touch(organization: Organization) -> None:
    """Bump the organization's version: its profile changed."""
    organization.updated_at = utcnow()


def save_service(
    organization: Organization,
    service: Service | None,
    values: dict,
    expected_version: int,
    by: User,
) -> Service:
    """Create (service None) or update a service of the organization."""
    _guard(organization, expected_version)
    before = service_values(service) if service else {}
    with db.session.no_autoflush:
        if service is None:
            service = Service(
                organization=organization, position=len(organization.services)
            )
            db.session.add(service)
        for name in EDITABLE_SERVICE_NAMES:
            setattr(service, name, values[name])
        service.category = db.session.get(
            TaxonomyTerm, SERVICE_CATEGORIES.term_id(values["category"])
        )
        service.languages = [
            db.session.get(TaxonomyTerm, SERVICE_LANGUAGES.term_id(code))
            for code in values["languages"]
        ]
        service.area_regions = list(
            db.session.scalars(select(Region).where(Region.code.in_(values["areas"])))
        )
        service.schedules = [
            ServiceSchedule(weekday=day, opens_at=opens, closes_at=closes)
            for day, (opens, closes) in sorted(values["hours"].items())
        ]
        if not service.at_locations:
            service.at_locations = [
                ServiceAtLocation(location=location)
                for location in organization.locations
                if location.location_type != "postal"
            ]
        service.assured_on = dt.date.today()
    _touch(organization)
    db.session.flush()
    record_change(
        "update" if before else "create",
        "service",
        service.id,
        organization.id,
        by,
        _audit_values(before) if before else {},
        _audit_values(service_values(service)),
    )
    db.session.commit()
    return service


def location_values(location: Location) -> dict:
    """Return a location's editable values."""
    return {name: getattr(location, name) for name in LOCATION_FIELDS}


def region_of_point(latitude: float | None, longitude: float | None) -> Region | None:
    """Return the state that contains a point (None without a point or a state)."""
    if latitude is None or longitude is None:
        return None
    book = place_book()
    found = book.state_of_point(longitude, latitude)
    if found is None:
        return None
    code = str(book.states["code"].iat[found])
    return db.session.scalar(select(Region).where(Region.code == code))


def save_location(
    organization: Organization,
    location: Location | None,
    values: dict,
    expected_version: int,
    by: User,
) -> Location:
    """Create or update a location; its state and time zone come from its point."""
    _guard(organization, expected_version)
    before = location_values(location) if location else {}
    if location is None:
        location = Location(
            id=uuid.uuid4(),
            organization=organization,
            position=len(organization.locations),
        )
        db.session.add(location)
    for name in LOCATION_FIELDS:
        setattr(location, name, values[name])
    location.approximate = False
    location.region = region_of_point(values["latitude"], values["longitude"])
    location.time_zone = zone_at(values["longitude"], values["latitude"])
    _touch(organization)
    db.session.flush()
    record_change(
        "update" if before else "create",
        "location",
        location.id,
        organization.id,
        by,
        before,
        location_values(location),
    )
    db.session.commit()
    return location
