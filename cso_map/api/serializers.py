"""Turn organizations into the JSON shapes of the API (codes, never labels)."""

from __future__ import annotations

from cso_map.models import Location, Organization, Service
from cso_map.services.directory.organizations import (
    listed_members,
    primary_region,
    public_point,
    visible_services,
)
from cso_map.services.records.fields import ORGANIZATION_FIELDS, Api
from cso_map.services.records.values import plain_values

PROFILE_BLOCK = tuple(f for f in ORGANIZATION_FIELDS if f.api is Api.PROFILE)
CAPACITY_BLOCK = tuple(f for f in ORGANIZATION_FIELDS if f.api is Api.CAPACITY)


def _isoformat(value) -> str | None:
    return value.isoformat() if value is not None else None


def active_service_codes(organization: Organization) -> list[str]:
    """Return the distinct categories of the organization's active services."""
    codes = [s.category.code for s in organization.services if s.status == "active"]
    return list(dict.fromkeys(codes))


def service_language_codes(organization: Organization) -> list[str]:
    """Return the distinct languages of the organization's active services."""
    codes = [
        language.code
        for service in organization.services
        if service.status == "active"
        for language in service.languages
    ]
    return list(dict.fromkeys(codes))


def organization_summary(organization: Organization) -> dict:
    """Return the list item of an organization."""
    point = public_point(organization)
    region = primary_region(organization)
    return {
        "id": str(organization.id),
        "name": organization.name,
        "type": organization.type.code,
        "region": region.code if region else None,
        "lat": point.lat if point else None,
        "lon": point.lon if point else None,
        "services": active_service_codes(organization),
        "languages": service_language_codes(organization),
        "verified": organization.verified,
    }


def location_json(location: Location, confidential: bool) -> dict:
    """Return a location; only its region when the organization hides its address."""
    region = location.region.code if location.region else None
    if confidential:
        return {"id": str(location.id), "region": region, "approximate": True}
    return {
        "id": str(location.id),
        "name": location.name,
        "type": location.location_type,
        "url": location.url,
        "region": region,
        "lat": location.latitude,
        "lon": location.longitude,
        "approximate": location.approximate,
        "address": {
            "address_1": location.address_1,
            "address_2": location.address_2,
            "city": location.city,
            "state_province": location.state_province,
            "postal_code": location.postal_code,
            "country": location.country,
        },
        "transportation": location.transportation,
    }


def service_json(service: Service) -> dict:
    """Return a service with its eligibility, capacity, area and hours."""
    return {
        "id": str(service.id),
        "category": service.category.code,
        "name": service.name,
        "description": service.description,
        "status": service.status,
        "languages": [language.code for language in service.languages],
        "eligibility": {
            "free_of_charge": service.free_of_charge,
            "no_documents_required": service.no_documents_required,
            "women_only": service.women_only,
            "walk_in": service.walk_in,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "notes": service.eligibility_notes,
        },
        "application_process": service.application_process,
        "capacity_per_month": service.capacity_per_month,
        "delivery": {
            "in_person": not service.remote_only,
            "by_phone": service.by_phone,
            "online": service.online,
        },
        "service_area": {
            "regions": [region.code for region in service.area_regions],
            "radius_km": None  # a hidden address's radius would narrow it down
            if service.organization.location_confidential
            else service.radius_km,
        },
        "hours": [
            {
                "weekday": schedule.weekday,
                "opens_at": schedule.opens_at.strftime("%H:%M"),
                "closes_at": schedule.closes_at.strftime("%H:%M"),
            }
            for schedule in service.schedules
        ],
        "hours_notes": service.hours_notes,
        "assured_on": _isoformat(service.assured_on),
        "location_ids": [str(location.id) for location in service.locations],
        "url": service.url,
        "email": service.email,
        "phone": service.phone,
    }


def organization_profile(organization: Organization) -> dict:
    """Return the full public profile of an organization."""
    confidential = organization.location_confidential
    point = public_point(organization)
    return {
        **organization_summary(organization),
        **plain_values(organization, PROFILE_BLOCK),
        "parent": {"id": str(organization.parent.id), "name": organization.parent.name}
        if organization.parent is not None and organization.parent.is_listed
        else None,
        "members": [
            {"id": str(member.id), "name": member.name}
            for member in listed_members(organization)
        ],
        "origins": [
            {
                "country": origin.country_code,
                "region": origin.region.code if origin.region else None,
                "community": origin.community,
            }
            for origin in organization.origins
        ],
        "capacity": plain_values(organization, CAPACITY_BLOCK),
        "approximate": point.approximate if point else None,
        "locations": [
            location_json(loc, confidential) for loc in organization.locations
        ],
        "services": [
            service_json(service) for service in visible_services(organization)
        ],
        "verification_status": organization.verification_status,
        "last_reviewed_on": _isoformat(organization.last_reviewed_on),
        "status": organization.status,
        "fictional": organization.is_demo,
        "updated_at": _isoformat(organization.updated_at),
    }
