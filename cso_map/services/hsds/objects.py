"""Our rows as Open Referral HSDS 3.0 objects (checked against its JSON schemas).

Fields we do not know are left out rather than sent as null (the schemas type
them as strings or numbers). Rows HSDS wants an id for and we keep without one
(a service's languages, phone, areas; attributes) get stable UUIDv5 ids.
Organizations that hide their address publish their locations at state level
only: no address, no coordinates.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import uuid

from cso_map.formatting import safe_url
from cso_map.models import (
    Location,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from cso_map.taxonomy import PROFILE_FIELDS

NAMESPACE = uuid.UUID("5b0f3f0a-8c1e-4f2d-9a77-2c6a6f7b1e10")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def derived_id(*parts: object) -> str:
    """Return a stable UUID for a row HSDS wants and we keep without an id.

    The same as `str(uuid.uuid5(NAMESPACE, "/".join(parts)))`, written out: imports
    derive hundreds of thousands and the UUID object is most of uuid5's cost.
    """
    name = "/".join(str(part) for part in parts)
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _present(values: dict) -> dict:
    """Drop the fields whose value is unknown (None)."""
    return {key: value for key, value in values.items() if value is not None}


def _timestamp(value: dt.datetime | None) -> str | None:
    return (
        value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None
    )


def taxonomy_object(taxonomy: Taxonomy) -> dict:
    """Return a taxonomy (one of our vocabularies)."""
    return _present(
        {
            "id": str(taxonomy.id),
            "name": taxonomy.name_en,
            "description": taxonomy.name_es,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def term_object(term: TaxonomyTerm) -> dict:
    """Return a term: its code, its English label, its taxonomy."""
    return {
        "id": str(term.id),
        "code": term.code,
        "name": term.label_en,
        "description": term.description_en or term.label_es,
        "taxonomy_id": str(term.taxonomy_id),
        "language": "en",
    }


def _attribute(
    link_id: uuid.UUID, link_type: str, term: TaxonomyTerm, value=None, key=""
) -> dict:
    term_item = _term_item(
        term.id,
        term.code,
        term.label_en,
        term.description_en,
        term.label_es,
        term.taxonomy_id,
    )
    return _present(
        {
            "id": derived_id(
                "attribute", link_id, term_item["id"], *([key] if key else [])
            ),
            "link_id": str(link_id),
            "link_type": link_type,
            "link_entity": link_type,
            "taxonomy_term_id": term_item["id"],
            "value": None if value is None else str(value),
            "taxonomy_term": dict(term_item),
        }
    )


@functools.lru_cache(maxsize=1024)
def _term_item(term_id, code, label_en, description_en, label_es, taxonomy_id) -> dict:
    """Return a term's object, made once per term (attributes repeat a few terms)."""
    return {
        "id": str(term_id),
        "code": code,
        "name": label_en,
        "description": description_en or label_es,
        "taxonomy_id": str(taxonomy_id),
        "language": "en",
    }


@functools.lru_cache(maxsize=64)
def _field_term(code: str) -> TaxonomyTerm:
    """Return the (unsaved) term of profile field `code`, as the database holds it."""
    term = PROFILE_FIELDS[code]
    return TaxonomyTerm(
        id=PROFILE_FIELDS.term_id(code),
        taxonomy_id=PROFILE_FIELDS.id,
        code=code,
        label_en=term.en,
        label_es=term.es,
        description_en="",
    )


def field_value(value: object) -> str:
    """Return a profile field's value as attribute text (booleans as true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _fields(link_id: uuid.UUID, link_type: str, values: dict) -> list[dict]:
    """Return attributes with values for the profile fields in `values` that are
    known: a flag only when it is true (no attribute means no)."""
    return [
        _attribute(link_id, link_type, _field_term(code), field_value(value))
        for code, value in values.items()
        if value is not None and value != "" and value is not False
    ]


def organization_attributes(organization: Organization) -> list[dict]:
    """Return the CSO type, capacity profile and flags as HSDS attributes."""
    terms = [organization.type, organization.engagement_level]
    if organization.budget_band is not None:
        terms.append(organization.budget_band)
    terms += [
        *organization.target_groups,
        *organization.skills,
        *organization.support_needs,
    ]
    link = organization.id
    reviewed = organization.last_reviewed_on
    return [
        *(_attribute(link, "organization", term) for term in terms if term),
        *_fields(
            link,
            "organization",
            {
                "paid_staff": organization.paid_staff,
                "volunteers": organization.volunteers,
                "members": organization.members,
                "legally_registered": organization.legally_registered,
                "women_led": organization.women_led,
                "open_to_mentor": organization.open_to_mentor,
                "seeking_mentor": organization.seeking_mentor,
                "location_confidential": organization.location_confidential,
                "contact_instructions": organization.contact_instructions,
                "verification": organization.verification_status,
                "last_reviewed": reviewed.isoformat() if reviewed else None,
                "organization_status": None
                if organization.status == "active"
                else organization.status,
                "demo": organization.is_demo,
            },
        ),
        *(
            _attribute(link, "organization", _field_term("origin"), value, key=value)
            for value in sorted({origin_value(o) for o in organization.origins})
        ),
    ]


def origin_value(origin) -> str:
    """Return a tie of origin as "country|state|community" (blank parts empty)."""
    region = origin.region.code if origin.region else ""
    return "|".join((origin.country_code, region, origin.community or ""))


def location_object(location: Location, hidden: bool) -> dict:
    """Return a location; a hidden one keeps only its state and its kind."""
    region = location.region
    attributes = _fields(
        location.id,
        "location",
        {
            "state": region.code if region else None,
            "approximate": location.approximate and not hidden,
        },
    )
    if hidden:
        return _present(
            {
                "id": str(location.id),
                "location_type": location.location_type,
                "organization_id": str(location.organization_id),
                "name": region.name_en if region else None,
                "attributes": attributes,
            }
        )
    address = None
    parts = (
        location.address_1,
        location.address_2,
        location.city,
        location.state_province,
        location.postal_code,
        location.country,
    )
    if location.location_type != "virtual" and any(parts):
        # HSDS requires five of these; a part we do not know is sent empty.
        address = {
            "id": derived_id("address", location.id),
            "location_id": str(location.id),
            "address_1": location.address_1 or "",
            "address_2": location.address_2 or "",
            "city": location.city or "",
            "state_province": location.state_province or "",
            "postal_code": location.postal_code or "",
            "country": location.country or "",
            "address_type": "physical",
        }
    return _present(
        {
            "id": str(location.id),
            "location_type": location.location_type,
            "url": safe_url(location.url),
            "organization_id": str(location.organization_id),
            "name": location.name,
            "transportation": location.transportation or None,
            "latitude": None if location.approximate else location.latitude,
            "longitude": None if location.approximate else location.longitude,
            "addresses": [address] if address else [],
            "attributes": attributes,
        }
    )


def listed_parent_id(organization: Organization) -> str | None:
    """Return the id of the organization's parent if the public may see it."""
    parent = organization.parent
    return str(parent.id) if parent is not None and parent.is_listed else None


def organization_object(organization: Organization, full: bool = True) -> dict:
    """Return an organization, with its locations and attributes when `full`."""
    values = _present(
        {
            "id": str(organization.id),
            "name": organization.name,
            "alternate_name": organization.alternate_name,
            "description": organization.description or "",
            "email": organization.email,
            "website": safe_url(organization.website),
            "year_incorporated": organization.year_founded,
            "legal_status": organization.legal_status,
            "parent_organization_id": listed_parent_id(organization),
        }
    )
    if organization.phone:
        values["phones"] = [
            {
                "id": derived_id("phone", organization.id),
                "organization_id": str(organization.id),
                "number": organization.phone,
            }
        ]
    if full:
        hidden = organization.location_confidential
        values["locations"] = [
            location_object(location, hidden) for location in organization.locations
        ]
        values["attributes"] = organization_attributes(organization)
    return values


def _schedule(service: Service, item) -> dict:
    return {
        "id": str(item.id),
        "service_id": str(service.id),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": WEEKDAYS[item.weekday],
        "opens_at": item.opens_at.strftime("%H:%M"),
        "closes_at": item.closes_at.strftime("%H:%M"),
    }


def service_object(service: Service, full: bool = True) -> dict:
    """Return a service; with `full`, its organization and locations nested."""
    organization = service.organization
    eligibility = [service.eligibility_notes] if service.eligibility_notes else []
    values = _present(
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
            "last_modified": _timestamp(service.updated_at),
        }
    )
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
    values["attributes"] = [
        _attribute(service.id, "service", service.category),
        *_fields(
            service.id,
            "service",
            {
                "capacity_per_month": service.capacity_per_month,
                "radius_km": service.radius_km,
                "free_of_charge": service.free_of_charge,
                "no_documents_required": service.no_documents_required,
                "women_only": service.women_only,
                "walk_in": service.walk_in,
                "hours_notes": service.hours_notes,
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


def service_at_location_object(link, hidden: bool, with_service: bool = True) -> dict:
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
