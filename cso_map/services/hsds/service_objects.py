"""Services and services at locations as HSDS 3.0 objects."""

from __future__ import annotations

import datetime as dt

from cso_map.models import (
    Service,
    ServiceAtLocation,
    ServiceSchedule,
)
from cso_map.services.hsds.attributes import (
    attribute,
    field_attributes,
    present,
)
from cso_map.services.hsds.objects import location_object, organization_object
from cso_map.services.records.ids import derived_id
from cso_map.services.records.service_fields import SERVICE_ATTRIBUTE_FIELDS
from cso_map.urls import safe_url

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def hsds_timestamp(value: dt.datetime | None) -> str | None:
    """Return a time as HSDS writes it: ISO 8601 in UTC with a "Z" (None for None)."""
    return (
        value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None
    )


def _schedule(service: Service, item: ServiceSchedule) -> dict:
    return {
        "id": str(item.id),
        "service_id": str(service.id),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": WEEKDAYS[item.weekday],
        "opens_at": item.opens_at.strftime("%H:%M"),
        "closes_at": item.closes_at.strftime("%H:%M"),
    }


def _service_fields(service: Service) -> dict:
    """Return a service's own HSDS fields (those we know)."""
    eligibility = [service.eligibility_notes] if service.eligibility_notes else []
    return present(
        {
            "id": str(service.id),
            "organization_id": str(service.organization_id),
            "name": service.name,
            "description": service.description or None,
            "url": safe_url(service.url),
            "email": service.email,
            "status": service.status,
            "application_process": service.application_process or None,
            "eligibility_description": " ".join(eligibility) or None,
            "fees_description": "Free of charge" if service.free_of_charge else None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_on.isoformat()
            if service.assured_on
            else None,
            "last_modified": hsds_timestamp(service.updated_at),
        }
    )


def _service_children(service: Service) -> dict:
    """Return a service's phones, hours, languages and areas."""
    values = {}
    values["phones"] = (
        [
            {
                "id": derived_id("phone", service.id),
                "service_id": str(service.id),
                "number": service.phone,
            }
        ]
        if service.phone
        else []
    )
    values["schedules"] = [_schedule(service, item) for item in service.schedules]
    values["languages"] = [
        {
            "id": derived_id("language", service.id, term.code),
            "service_id": str(service.id),
            "name": term.label_en,
            "code": term.code,
        }
        for term in service.languages
    ]
    values["service_areas"] = [
        {
            "id": derived_id("area", service.id, region.code),
            "service_id": str(service.id),
            "name": region.name_en,
            "description": region.code,
        }
        for region in service.area_regions
    ]
    return values


def service_object(service: Service, full: bool = True) -> dict:
    """Return a service; with `full`, its organization and locations nested."""
    organization = service.organization
    values = {**_service_fields(service), **_service_children(service)}
    values["attributes"] = [
        attribute(service.id, "service", service.category),
        *field_attributes(
            service.id,
            "service",
            {
                field.name: getattr(service, field.name)
                for field in SERVICE_ATTRIBUTE_FIELDS
                if not (field.locates and organization.location_confidential)
            },
        ),
    ]
    if full:
        hidden = organization.location_confidential
        values["organization"] = organization_object(organization, full=False)
        values["service_at_locations"] = [
            service_at_location_object(link, hidden, with_service=False)
            for link in service.at_locations
        ]
    return values


def service_at_location_object(
    link: ServiceAtLocation, hidden: bool, with_service: bool = True
) -> dict:
    """Return a service-at-location with its location (and service)."""
    values = {
        "id": str(link.id),
        "service_id": str(link.service_id),
        "location_id": str(link.location_id),
        "location": location_object(link.location, hidden),
    }
    if with_service:
        values["service"] = service_object(link.service, full=False)
    return values
